import Foundation

/// A Python session: globals that persist across `exec` calls, the module
/// registry, output and hooks.
///
/// ```swift
/// let py = Interpreter()
/// py.modules.register("tensorflow") { makeTensorFlowModule() }
/// try py.exec("import tensorflow as tf\nx = 1", filename: "tutorial.py")
/// try py.execInteractive("x + 1")        // prints 2, like the REPL
/// ```
/// Errors are thrown as `PyException`; render them with `formatTraceback(_:)`.
/// Names defined before an error (or an interrupt) stay defined.
public final class Interpreter {
  /// The modules `import` can load; host bindings register theirs here.
  public let modules = PyModuleRegistry()
  /// Receives everything Python code prints (default: standard output, unbuffered).
  public var output: (String) -> Void = { text in
    FileHandle.standardOutput.write(Data(text.utf8))
  }
  /// Called now and then while a statement runs, with the seconds since it started.
  public var progressHook: ((Double) -> Void)?
  /// How often (seconds) `progressHook` is called at most.
  public var progressInterval: Double = 0.1
  /// Python call depth at which `RecursionError` is raised.
  public var recursionLimit = 200
  /// The largest list/tuple Python code may build before `MemoryError`.
  public var maxCollectionLength = Interpreter.defaultMaxCollectionLength
  /// The largest string (UTF-8 bytes) Python code may build before `MemoryError`.
  public var maxStringLength = Interpreter.defaultMaxStringLength

  let globals = Scope()
  var builtins: [String: PyValue] = [:]
  var interactiveEcho = false
  var handling: [PyException] = []
  var callDepth = 0
  var stackGuard = StackGuard()
  var tickCount = 0
  var lastProgress: UInt64 = 0
  var statementStart: UInt64 = 0
  let ellipsis = PyValue.object(EllipsisObject())
  let interruptFlag = InterruptFlag()

  /// Creates a session with `__name__ == '__main__'` and the builtins.
  public init() {
    globals.values["__name__"] = .str("__main__")
    globals.values["__doc__"] = PyValue.none
    builtins = makeBuiltins()
  }

  /// Writes `text` to the session's output.
  public func write(_ text: String) { output(text) }

  // MARK: - Running code

  /// Runs a whole program (mode "exec"), like `python FILE`.
  /// - Throws: `PyException` (SyntaxError before anything runs, or the runtime error).
  public func exec(_ source: String, filename: String = "<string>") throws {
    try run(source, filename: filename, echo: false)
  }

  /// Runs one interactive entry (mode "single"): a bare expression's non-None value is echoed with `repr`.
  public func execInteractive(_ source: String, filename: String = "<stdin>") throws {
    try run(source, filename: filename, echo: true)
  }

  /// Evaluates one expression and returns its value.
  public func eval(_ source: String, filename: String = "<string>") throws -> PyValue {
    let text = SourceText(source)
    let expr: Expr
    do {
      var lexer = Lexer(source)
      try lexer.run()
      var parser = Parser(tokens: lexer.tokens)
      while parser.tok.isNewline { _ = parser.advance() }
      expr = try parser.parseTestList()
      while parser.tok.isNewline { _ = parser.advance() }
      guard parser.tok.isEOF else { throw parser.invalidSyntax() }
    } catch var error as PyException {
      error.frames = [text.traceFrame(filename, "<module>", error.span ?? .start)]
      throw error
    }
    let frame = Frame(name: "<module>", filename: filename, globals: globals, locals: nil, source: text)
    return try runFrame(frame) { try self.eval(expr, frame) }
  }

  /// Parses `source` into statements without running it (for tests and tools).
  public func parse(_ source: String, filename: String = "<string>") throws -> [Stmt] {
    do {
      return try Parser.parse(source)
    } catch var error as PyException {
      error.frames = [SourceText(source).traceFrame(filename, "<module>", error.span ?? .start)]
      throw error
    }
  }

  func run(_ source: String, filename: String, echo: Bool) throws {
    let text = SourceText(source)
    let body = try parse(source, filename: filename)
    let frame = Frame(name: "<module>", filename: filename, globals: globals, locals: nil, source: text)
    interactiveEcho = echo
    defer { interactiveEcho = false }
    _ = try runFrame(frame) { try self.exec(body, frame) }
  }

  func runFrame<T>(_ frame: Frame, _ body: () throws -> T) throws -> T {
    callDepth = 0
    handling = []
    stackGuard = StackGuard()
    statementStart = DispatchTime.now().uptimeNanoseconds
    lastProgress = statementStart
    PyInterrupt.clear()
    interruptFlag.clear()
    do {
      return try body()
    } catch var error as PyException {
      error.frames.insert(frame.source.traceFrame(frame.filename, "<module>", error.span ?? frame.currentSpan), at: 0)
      error.span = nil
      throw error
    }
  }

  // MARK: - Session state

  /// The names defined in the session (sorted; for `:vars` and completion),
  /// without dunder names and the REPL's `_`.
  public var globalNames: [String] {
    globals.values.keys.filter { !($0.hasPrefix("__") && $0.hasSuffix("__")) && $0 != "_" }.sorted()
  }

  /// Reads or writes a global variable.
  public subscript(global name: String) -> PyValue? {
    get { globals.values[name] }
    set { globals.values[name] = newValue }
  }

  /// The builtin names (for completion).
  public var builtinNames: [String] { builtins.keys.sorted() }
}

/// `...`, the Ellipsis singleton.
final class EllipsisObject: PyObject {
  var pyTypeName: String { "ellipsis" }
  func pyRepr() -> String { "Ellipsis" }
}
