/// A Python class object: a builtin type (`int`, `list`), an exception class,
/// or a class a host module exposes (`tf.Tensor`, `tf.errors.InvalidArgumentError`).
///
/// Types are immutable after creation, so they can be shared as `static let`s.
/// Exception classes are matched by `except` through `base`; host classes can
/// answer `isinstance` through `instanceCheck`.
public final class PyType: @unchecked Sendable, CustomStringConvertible {
  /// The class name (`ValueError`, `Tensor`).
  public let name: String
  /// The defining module (`tensorflow.python.framework.errors_impl`); nil for builtins.
  public let module: String?
  /// The base class, nil for `object`-rooted builtins and `BaseException`.
  public let base: PyType?
  /// One or two sentences for `help()`.
  public let doc: String?
  /// What calling the class does (constructs a value); nil when not callable.
  public let constructor: (@Sendable (PyArguments) throws -> PyValue)?
  /// Answers `isinstance(value, self)` for host classes; nil uses exact type-name match.
  public let instanceCheck: (@Sendable (PyValue) -> Bool)?

  /// Creates a class.
  /// - Parameters:
  ///   - name: The class name.
  ///   - module: The defining module for display; nil for builtins.
  ///   - base: The base class (exception classes need `.exception` or a subclass).
  ///   - doc: One or two sentences for `help()`.
  ///   - constructor: What calling the class returns.
  ///   - instanceCheck: Decides `isinstance(value, cls)` for host classes.
  public init(
    name: String, module: String? = nil, base: PyType? = nil, doc: String? = nil,
    constructor: (@Sendable (PyArguments) throws -> PyValue)? = nil,
    instanceCheck: (@Sendable (PyValue) -> Bool)? = nil
  ) {
    self.name = name
    self.module = module
    self.base = base
    self.doc = doc
    self.constructor = constructor
    self.instanceCheck = instanceCheck
  }

  /// An exception class deriving from `base`; calling it makes an exception value.
  ///
  /// Host modules use this for their error classes, e.g.
  /// `PyType.exceptionClass("InvalidArgumentError", module: "tensorflow.python.framework.errors_impl", base: opError)`.
  public static func exceptionClass(
    _ name: String, module: String? = nil, base: PyType?, doc: String? = nil
  ) -> PyType {
    PyType(name: name, module: module, base: base, doc: doc, constructor: nil)
  }

  /// The name as tracebacks show it: `module.Name`, or just `Name` for builtins.
  public var displayName: String {
    if let module, module != "builtins" { return "\(module).\(name)" }
    return name
  }

  /// `<class 'int'>`, like Python's `repr(type)`.
  public var description: String { "<class '\(displayName)'>" }

  /// Whether this is an exception class (derives from `BaseException`).
  public var isExceptionClass: Bool { isSubtype(of: .baseException) }

  /// Whether `self` is `other` or derives from it (compared by identity or display name).
  public func isSubtype(of other: PyType) -> Bool {
    var current: PyType? = self
    while let type = current {
      if type === other || type.displayName == other.displayName { return true }
      current = type.base
    }
    return false
  }
}
