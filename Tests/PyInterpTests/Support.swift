import PyInterp

/// A session whose output is captured.
final class Session {
  let py = Interpreter()
  var out = ""

  init() {
    py.output = { [unowned self] in self.out += $0 }
  }

  /// Runs `code` as a program; returns the output, or the rendered traceback after it.
  @discardableResult
  func run(_ code: String, filename: String = "<string>") -> String {
    out = ""
    do {
      try py.exec(code, filename: filename)
    } catch let e as PyException {
      out += py.formatTraceback(e)
    } catch {
      out += "SWIFT ERROR \(error)"
    }
    return out
  }

  /// Runs one REPL entry.
  @discardableResult
  func interactive(_ code: String) -> String {
    out = ""
    do {
      try py.execInteractive(code)
    } catch let e as PyException {
      out += py.formatTraceback(e)
    } catch {
      out += "SWIFT ERROR \(error)"
    }
    return out
  }

  /// The error `code` raises (nil when it runs cleanly).
  func error(_ code: String) -> PyException? {
    do {
      try py.exec(code, filename: "<stdin>")
      return nil
    } catch let e as PyException {
      return e
    } catch {
      return nil
    }
  }

  /// The last line of the traceback `code` produces.
  func errorLine(_ code: String) -> String {
    guard let e = error(code) else { return "no error" }
    return e.description
  }
}

/// Runs `code` in a fresh session and returns its output.
func output(_ code: String) -> String { Session().run(code) }
