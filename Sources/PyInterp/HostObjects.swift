// The host-object API: how Swift code exposes native modules, classes,
// objects and functions to Python code run by `Interpreter`.
//
// Overview for binding authors (TFBindings):
//
// * A native object is any class conforming to `PyObject`. Every hook has a
//   default, so a conformer implements only what it supports; unsupported
//   hooks give Python's own TypeErrors ("'Session' object is not subscriptable").
// * A native function is a `PyBuiltinFunction`. Give it a `PySignature` and
//   its body receives `PyBoundArguments` already checked against it, with
//   Python's messages for bad calls ("softmax() got an unexpected keyword
//   argument 'x'", "... missing 1 required positional argument: 'logits'").
// * A module is a `PyModule` (a named attribute table). Register modules with
//   `interpreter.modules.register("tensorflow") { ... }`; dotted names
//   (`tensorflow.examples.tutorials.mnist`) are registered the same way.
// * Errors: `throw PyException(.valueError, "message", hint: "for learners")`,
//   or with a host class: `PyType.exceptionClass("InvalidArgumentError",
//   module: "tensorflow.python.framework.errors_impl", base: .exception)`.
// * Long native work should call `arguments.interpreter?.checkInterrupt()`
//   (or `PyInterrupt.check()`) now and then so that Ctrl-C raises
//   `KeyboardInterrupt` promptly. `PyInterrupt.request()` is what a SIGINT
//   handler calls; `Interpreter.requestInterrupt()` stops one interpreter.
// * Host functions can print through `arguments.interpreter?.write(_:)`, call
//   Python callables with `interpreter.call(_:_:)`, and use the shared helpers
//   `interpreter.iterate/collect/length/getItem/binaryOp/rich/truth/format`.
// * Classes: expose `tf.Tensor` as `.type(PyType(name: "Tensor", module:
//   "tensorflow.python.framework.ops", instanceCheck: { ... }))`; a host
//   object's `pyType` should return the same names so `type(t)` prints
//   `<class 'tensorflow.python.framework.ops.Tensor'>`.
// * Values: `PyValue` (PyValue.swift). Lists/dicts/sets are reference types
//   (`PyList`, `PyDict`, `PySet`); `PyValue.asInt/asDouble/asString/
//   sequenceItems` convert with Python-style TypeErrors. `dict` keys that are
//   host objects hash and compare by identity (`PyHashKey`).
// * Limits: build large Python lists through `interpreter.collect` or check
//   sizes yourself; the interpreter raises `MemoryError` above
//   `maxCollectionLength` items / `maxStringLength` bytes.
//
// Operators: for `a + b` the interpreter asks `a.pyBinary(.add, b, reflected:
// false)`; if that returns nil (NotImplemented) it asks `b.pyBinary(.add, a,
// reflected: true)`, so `1.0 - tensor` reaches the tensor with `reflected: true`
// and `self` as the RIGHT operand. Comparisons work the same with `pyCompare`;
// `==`/`!=` fall back to identity when both return nil.

/// A native object exposed to Python code.
///
/// All requirements have defaults (see the extension below): attributes come
/// from `pyGetAttribute`, operators return nil (unsupported), `repr` shows
/// `<module.Type object>`, truthiness is `True`, and so on.
public protocol PyObject: AnyObject {
  /// The Python type name (`Tensor`, `Session`); used in messages and `type()`.
  var pyTypeName: String { get }
  /// The module of the type for `type(x)` display; nil shows just the name.
  var pyTypeModule: String? { get }
  /// The class object `type(x)` returns; the default builds one from the names above.
  var pyType: PyType { get }

  /// The attribute `name`, or nil when there is none (the interpreter then raises
  /// `AttributeError: 'Tensor' object has no attribute 'nme'` with a suggestion from `pyDir()`).
  func pyGetAttribute(_ name: String) throws -> PyValue?
  /// Sets attribute `name`; return false to let the interpreter raise `AttributeError`.
  func pySetAttribute(_ name: String, _ value: PyValue) throws -> Bool
  /// The attribute names for `dir(x)` and tab completion (unsorted is fine).
  func pyDir() -> [String]

  /// Whether `x(...)` is allowed.
  var pyIsCallable: Bool { get }
  /// Calls the object with positional and keyword arguments.
  func pyCall(_ arguments: PyArguments) throws -> PyValue

  /// A binary operator; `reflected` means `self` is the RIGHT operand. Nil means unsupported.
  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue?
  /// A unary operator (`-x`, `+x`, `~x`); nil means unsupported.
  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue?
  /// A rich comparison; `reflected` means `self` is the RIGHT operand. Nil means unsupported
  /// (then `==`/`!=` compare identity and ordering raises `TypeError`).
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue?

  /// `x[key]`; `key` may be an int, a `.slice`, a `.tuple` of those (`a[:, 0]`) or `.none` (newaxis).
  func pyGetItem(_ key: PyValue) throws -> PyValue
  /// `x[key] = value`.
  func pySetItem(_ key: PyValue, _ value: PyValue) throws
  /// An iterator for `for v in x`, `list(x)`, unpacking; nil means not iterable.
  func pyIterate() throws -> PyIterator?
  /// `len(x)`; nil means no length (`TypeError: object of type 'Tensor' has no len()`).
  func pyLength() throws -> Int?
  /// `v in x`; nil falls back to iteration.
  func pyContains(_ value: PyValue) throws -> Bool?

  /// `repr(x)`: what the REPL echoes.
  func pyRepr() -> String
  /// `str(x)`: what `print(x)` shows; defaults to `pyRepr()`.
  func pyStr() -> String
  /// `format(x, spec)` / f-string `{x:.2f}`; nil uses the numeric value or `str`.
  func pyFormat(_ spec: String) throws -> String?
  /// `bool(x)`, `if x:`; default `True`.
  func pyTruth() throws -> Bool
  /// A Python number this object stands for (a NumPy scalar): used by `float()`,
  /// `int()`, `round()`, `%f` and arithmetic with plain numbers when operators return nil.
  func pyNumber() -> PyValue?

  /// `with x as y:` entry; the result is bound to `y`. Default: `TypeError` (not a context manager).
  func pyEnter() throws -> PyValue
  /// `with` exit; `error` is the exception raised in the block, if any.
  /// Return true to swallow it.
  func pyExit(_ error: PyException?) throws -> Bool
  /// Whether `with x:` is allowed.
  var pyIsContextManager: Bool { get }

  /// One or two sentences for `help(x)`.
  var pyDoc: String? { get }
  /// The call signature for `help(x)`, e.g. `run(fetches, feed_dict=None)`.
  var pySignature: String? { get }
}

extension PyObject {
  public var pyTypeModule: String? { nil }
  public var pyType: PyType {
    PyType(name: pyTypeName, module: pyTypeModule, doc: pyDoc)
  }
  public func pyGetAttribute(_ name: String) throws -> PyValue? { nil }
  public func pySetAttribute(_ name: String, _ value: PyValue) throws -> Bool { false }
  public func pyDir() -> [String] { [] }
  public var pyIsCallable: Bool { false }
  public func pyCall(_ arguments: PyArguments) throws -> PyValue {
    throw PyException.typeError("'\(pyTypeName)' object is not callable")
  }
  public func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? { nil }
  public func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? { nil }
  public func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? { nil }
  public func pyGetItem(_ key: PyValue) throws -> PyValue {
    throw PyException.typeError("'\(pyTypeName)' object is not subscriptable")
  }
  public func pySetItem(_ key: PyValue, _ value: PyValue) throws {
    throw PyException.typeError("'\(pyTypeName)' object does not support item assignment")
  }
  public func pyIterate() throws -> PyIterator? { nil }
  public func pyLength() throws -> Int? { nil }
  public func pyContains(_ value: PyValue) throws -> Bool? { nil }
  public func pyRepr() -> String {
    let module = pyTypeModule.map { "\($0)." } ?? ""
    return "<\(module)\(pyTypeName) object>"
  }
  public func pyStr() -> String { pyRepr() }
  public func pyFormat(_ spec: String) throws -> String? { nil }
  public func pyTruth() throws -> Bool { true }
  public func pyNumber() -> PyValue? { nil }
  public func pyEnter() throws -> PyValue {
    throw PyException.typeError(
      "'\(pyTypeName)' object does not support the context manager protocol")
  }
  public func pyExit(_ error: PyException?) throws -> Bool { false }
  public var pyIsContextManager: Bool { false }
  public var pyDoc: String? { nil }
  public var pySignature: String? { nil }
}

/// Binary operators a host object can implement (`@` is `.matmul`).
public enum PyBinaryOperator: String, Sendable, CaseIterable {
  case add = "+", sub = "-", mul = "*", truediv = "/", floordiv = "//", mod = "%"
  case pow = "**", matmul = "@", lshift = "<<", rshift = ">>", and = "&", or = "|", xor = "^"
}

/// Unary operators a host object can implement.
public enum PyUnaryOperator: String, Sendable {
  case neg = "-", pos = "+", invert = "~"
}

/// Comparison operators a host object can implement.
public enum PyCompareOperator: String, Sendable {
  case lt = "<", le = "<=", eq = "==", ne = "!=", gt = ">", ge = ">="

  /// The operator with its operands swapped (`a < b` is `b > a`).
  public var swapped: PyCompareOperator {
    switch self {
    case .lt: return .gt
    case .le: return .ge
    case .gt: return .lt
    case .ge: return .le
    case .eq, .ne: return self
    }
  }
}

/// The arguments of a call: positional values, then keyword arguments in call order.
public struct PyArguments {
  /// Positional arguments (after `*args` expansion).
  public var positional: [PyValue]
  /// Keyword arguments in call order (after `**kwargs` expansion).
  public var keywords: [(name: String, value: PyValue)]
  /// The interpreter making the call (nil when a host calls directly, e.g. in tests).
  /// A strong reference: arguments live only for the call, and a weak one costs atomic
  /// side-table traffic on every call.
  public var interpreter: Interpreter?

  /// Creates call arguments.
  public init(
    _ positional: [PyValue] = [], keywords: [(name: String, value: PyValue)] = [],
    interpreter: Interpreter? = nil
  ) {
    self.positional = positional
    self.keywords = keywords
    self.interpreter = interpreter
  }

  /// The keyword argument `name`, if given.
  public func keyword(_ name: String) -> PyValue? {
    keywords.last(where: { $0.name == name })?.value
  }
}

/// A native function callable from Python (`tf.matmul`, `np.argmax`, `print`).
public final class PyBuiltinFunction {
  /// The function's name (`softmax_cross_entropy_with_logits`).
  public let name: String
  /// The owning module or class for display (`tensorflow`), if any.
  public let owner: String?
  /// One or two sentences for `help()`.
  public let doc: String?
  /// The declared signature, if any (used for binding and `help()`).
  public let signature: PySignature?
  private let body: (PyArguments) throws -> PyValue

  /// A function that receives raw arguments and checks them itself.
  public init(
    _ name: String, owner: String? = nil, doc: String? = nil, signatureText: String? = nil,
    body: @escaping (PyArguments) throws -> PyValue
  ) {
    self.name = name
    self.owner = owner
    self.doc = doc
    self.signature = nil
    self.signatureTextOverride = signatureText
    self.body = body
  }

  /// A function whose arguments are bound to `signature` before `body` runs.
  ///
  /// Bad calls raise Python's TypeErrors naming `signature.functionName`.
  public init(
    _ signature: PySignature, owner: String? = nil, doc: String? = nil,
    body: @escaping (PyBoundArguments) throws -> PyValue
  ) {
    self.name = signature.functionName
    self.owner = owner
    self.doc = doc
    self.signature = signature
    self.signatureTextOverride = nil
    self.body = { arguments in try body(try signature.bind(arguments)) }
  }

  private let signatureTextOverride: String?

  /// The signature as `help()` shows it: `name(a, b=None)`.
  public var signatureText: String {
    signatureTextOverride ?? signature?.description ?? "\(name)(...)"
  }

  /// Calls the function.
  public func call(_ arguments: PyArguments) throws -> PyValue { try body(arguments) }
}

/// A module: a named table of attributes (`tensorflow`, `tensorflow.nn`).
public final class PyModule {
  /// The full dotted name (`tensorflow.examples.tutorials.mnist`).
  public let name: String
  /// One or two sentences for `help()`.
  public var doc: String?
  /// The module's attributes (functions, classes, submodules, constants).
  public var attributes: [String: PyValue]
  /// Computes attributes not in `attributes` (nil for none).
  public var dynamicAttribute: ((String) throws -> PyValue?)?

  /// Creates a module.
  public init(_ name: String, doc: String? = nil, attributes: [String: PyValue] = [:]) {
    self.name = name
    self.doc = doc
    self.attributes = attributes
  }

  /// Looks up an attribute (static table, then `dynamicAttribute`).
  public func attribute(_ name: String) throws -> PyValue? {
    if let value = attributes[name] { return value }
    if name == "__name__" { return .str(self.name) }
    if name == "__doc__" { return doc.map { .str($0) } ?? PyValue.none }
    return try dynamicAttribute?(name)
  }

  /// Adds a native function built from `signature` and `body`.
  public func define(
    _ signature: PySignature, doc: String? = nil, body: @escaping (PyBoundArguments) throws -> PyValue
  ) {
    attributes[signature.functionName] = .builtin(
      PyBuiltinFunction(signature, owner: name, doc: doc, body: body))
  }
}

/// The modules `import` can find, with a cache like `sys.modules`.
///
/// Register a loader per dotted name; it runs on first import. `import a.b.c`
/// loads `a`, `a.b`, `a.b.c` in turn (a missing registered parent is created
/// empty) and sets each child as an attribute of its parent.
public final class PyModuleRegistry {
  private var loaders: [String: () throws -> PyModule] = [:]
  private var loaded: [String: PyModule] = [:]

  /// Creates an empty registry.
  public init() {}

  /// Registers a loader for the module `name` (a dotted path).
  public func register(_ name: String, loader: @escaping () throws -> PyModule) {
    loaders[name] = loader
    loaded[name] = nil
  }

  /// Registers an already built module under its own name.
  public func register(_ module: PyModule) {
    loaded[module.name] = module
  }

  /// The names of all registered modules.
  public var names: [String] { Array(Set(loaders.keys).union(loaded.keys)).sorted() }

  /// Whether `name` is registered (loaded or not).
  public func isKnown(_ name: String) -> Bool { loaders[name] != nil || loaded[name] != nil }

  /// Loads `name` (and its parents), or throws `ModuleNotFoundError: No module named 'torch'`.
  public func load(_ name: String) throws -> PyModule {
    if let module = loaded[name] { return module }
    let parts = name.split(separator: ".").map(String.init)
    var parent: PyModule?
    for i in parts.indices {
      let prefix = parts[0...i].joined(separator: ".")
      var module = loaded[prefix]
      if module == nil {
        if let loader = loaders[prefix] {
          module = try loader()
        } else if let parent, case .module(let child)? = try parent.attribute(parts[i]) {
          module = child
        } else if loaders.keys.contains(where: { $0.hasPrefix(prefix + ".") }) {
          module = PyModule(prefix)
        } else {
          throw PyException(.moduleNotFoundError, "No module named '\(prefix)'")
        }
        loaded[prefix] = module
      }
      if let parent, let module, parent.attributes[parts[i]] == nil {
        parent.attributes[parts[i]] = .module(module)
      }
      parent = module
    }
    guard let parent else { throw PyException(.moduleNotFoundError, "No module named '\(name)'") }
    return parent
  }
}
