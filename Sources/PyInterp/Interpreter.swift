import Foundation

/// A Python session: globals that persist across `exec` calls, the module
/// registry, output and hooks.
public final class Interpreter {
  /// The modules `import` can load; host bindings register theirs here.
  public let modules = PyModuleRegistry()
  /// Receives everything Python code prints (default: standard output).
  public var output: (String) -> Void = { text in
    FileHandle.standardOutput.write(Data(text.utf8))
  }
  /// Called now and then while a statement runs, with the seconds since it started.
  public var progressHook: ((Double) -> Void)?
  /// How often (seconds) `progressHook` is called at most.
  public var progressInterval: Double = 0.1

  let globals = Scope()
  var sources: [String: [String]] = [:]

  /// Creates a session with `__name__ == '__main__'` and the builtins.
  public init() {
    globals.values["__name__"] = .str("__main__")
  }

  /// Writes `text` to the session's output.
  public func write(_ text: String) { output(text) }
}
