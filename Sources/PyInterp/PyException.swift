/// A Python exception in flight: the one error type the interpreter throws.
///
/// Host code throws it to raise a Python exception with a type, a message
/// and an optional learner hint:
/// ```swift
/// throw PyException(.valueError, "Cannot feed value of shape (100,) ...",
///                   hint: "x expects rows of 784 pixels")
/// ```
/// The interpreter adds the source span and traceback frames as it unwinds;
/// `Interpreter.formatTraceback(_:)` renders it the way CPython does.
public struct PyException: Error, @unchecked Sendable, CustomStringConvertible {
  /// The exception's class (`ValueError`, a host-defined `InvalidArgumentError`, ...).
  public var type: PyType
  /// The text after `TypeName: ` in the traceback (may be empty).
  public var message: String
  /// An optional extra line for learners, printed after the message.
  public var hint: String?
  /// The constructor arguments, as `e.args` would show them.
  public var args: [PyValue]
  /// Where the error happened in the innermost frame, if known.
  public var span: SourceSpan?
  /// The call frames from the outermost (`<module>`) to the innermost.
  public var frames: [PyTraceFrame] = []

  /// Creates an exception of `type` with `message` and an optional learner `hint`.
  public init(_ type: PyType, _ message: String = "", hint: String? = nil) {
    self.type = type
    self.message = message
    self.hint = hint
    self.args = message.isEmpty ? [] : [.str(message)]
  }

  /// `TypeName: message`, the traceback's last line (without the hint).
  public var description: String {
    message.isEmpty ? type.displayName : "\(type.displayName): \(message)"
  }

  /// Whether this exception is an instance of `cls` (or one of its subclasses).
  public func isInstance(of cls: PyType) -> Bool { type.isSubtype(of: cls) }
}

/// One line of a traceback: a frame's file, line, function and the span being run.
public struct PyTraceFrame: Sendable, Equatable {
  /// The file name shown in the traceback (`<stdin>`, `<string>`, a path).
  public var filename: String
  /// The function name, `<module>` for top-level code.
  public var function: String
  /// The span of the statement or expression being executed in this frame.
  public var span: SourceSpan
  /// The text of the span's first line, when the source is known.
  public var lineText: String?

  /// Creates a traceback frame.
  public init(filename: String, function: String, span: SourceSpan, lineText: String? = nil) {
    self.filename = filename
    self.function = function
    self.span = span
    self.lineText = lineText
  }
}

// MARK: - Builtin exception classes

extension PyType {
  /// `BaseException`, the root of the exception hierarchy.
  public static let baseException = PyType.exceptionClass("BaseException", base: nil)
  /// `Exception`, the base of all ordinary errors.
  public static let exception = PyType.exceptionClass("Exception", base: .baseException)
  /// `KeyboardInterrupt` (raised when the host requests an interrupt).
  public static let keyboardInterrupt = PyType.exceptionClass("KeyboardInterrupt", base: .baseException)
  /// `SystemExit` (raised by `exit()`/`quit()`).
  public static let systemExit = PyType.exceptionClass("SystemExit", base: .baseException)
  /// `ArithmeticError`.
  public static let arithmeticError = PyType.exceptionClass("ArithmeticError", base: .exception)
  /// `ZeroDivisionError`.
  public static let zeroDivisionError = PyType.exceptionClass("ZeroDivisionError", base: .arithmeticError)
  /// `OverflowError`.
  public static let overflowError = PyType.exceptionClass("OverflowError", base: .arithmeticError)
  /// `AssertionError`.
  public static let assertionError = PyType.exceptionClass("AssertionError", base: .exception)
  /// `AttributeError`.
  public static let attributeError = PyType.exceptionClass("AttributeError", base: .exception)
  /// `ImportError`.
  public static let importError = PyType.exceptionClass("ImportError", base: .exception)
  /// `ModuleNotFoundError`.
  public static let moduleNotFoundError = PyType.exceptionClass("ModuleNotFoundError", base: .importError)
  /// `LookupError`.
  public static let lookupError = PyType.exceptionClass("LookupError", base: .exception)
  /// `IndexError`.
  public static let indexError = PyType.exceptionClass("IndexError", base: .lookupError)
  /// `KeyError`.
  public static let keyError = PyType.exceptionClass("KeyError", base: .lookupError)
  /// `MemoryError`.
  public static let memoryError = PyType.exceptionClass("MemoryError", base: .exception)
  /// `NameError`.
  public static let nameError = PyType.exceptionClass("NameError", base: .exception)
  /// `UnboundLocalError`.
  public static let unboundLocalError = PyType.exceptionClass("UnboundLocalError", base: .nameError)
  /// `RuntimeError`.
  public static let runtimeError = PyType.exceptionClass("RuntimeError", base: .exception)
  /// `NotImplementedError`.
  public static let notImplementedError = PyType.exceptionClass("NotImplementedError", base: .runtimeError)
  /// `RecursionError`.
  public static let recursionError = PyType.exceptionClass("RecursionError", base: .runtimeError)
  /// `StopIteration`.
  public static let stopIteration = PyType.exceptionClass("StopIteration", base: .exception)
  /// `SyntaxError`.
  public static let syntaxError = PyType.exceptionClass("SyntaxError", base: .exception)
  /// `IndentationError`.
  public static let indentationError = PyType.exceptionClass("IndentationError", base: .syntaxError)
  /// `TypeError`.
  public static let typeError = PyType.exceptionClass("TypeError", base: .exception)
  /// `ValueError`.
  public static let valueError = PyType.exceptionClass("ValueError", base: .exception)
  /// `PermissionError` (file/network/process access is not available).
  public static let permissionError = PyType.exceptionClass("PermissionError", base: .exception)

  /// Every builtin exception class, as the builtins namespace exposes them.
  public static let builtinExceptions: [PyType] = [
    .baseException, .exception, .keyboardInterrupt, .systemExit, .arithmeticError,
    .zeroDivisionError, .overflowError, .assertionError, .attributeError, .importError,
    .moduleNotFoundError, .lookupError, .indexError, .keyError, .memoryError, .nameError,
    .unboundLocalError, .runtimeError, .notImplementedError, .recursionError, .stopIteration,
    .syntaxError, .indentationError, .typeError, .valueError, .permissionError,
  ]
}

extension PyException {
  /// A `TypeError` with `message`.
  public static func typeError(_ message: String, hint: String? = nil) -> PyException {
    PyException(.typeError, message, hint: hint)
  }
  /// A `ValueError` with `message`.
  public static func valueError(_ message: String, hint: String? = nil) -> PyException {
    PyException(.valueError, message, hint: hint)
  }
  /// An `IndexError` with `message`.
  public static func indexError(_ message: String) -> PyException { PyException(.indexError, message) }
  /// An `AttributeError` with `message`.
  public static func attributeError(_ message: String) -> PyException {
    PyException(.attributeError, message)
  }
  /// A `MemoryError` with `message`.
  public static func memoryError(_ message: String) -> PyException { PyException(.memoryError, message) }
}
