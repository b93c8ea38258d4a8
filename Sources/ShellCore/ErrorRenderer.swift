import PyInterp

/// The one place where errors become text for the learner: Python's traceback format, the
/// error line highlighted, and a learner hint when the error carries one.
struct ErrorRenderer {
  let console: Console

  /// The traceback of `error`, coloured when the console allows.
  func render(_ error: PyException) -> String {
    let text = Interpreter.formatTraceback(error)
    guard console.colorEnabled else { return text }
    let typeName = error.type.name
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
      let line = String(raw)
      if line.hasPrefix("Hint: ") || line.hasPrefix("Did you mean") { return console.yellow(line) }
      if line.hasPrefix(typeName) || line.contains("Error: ") && !line.hasPrefix(" ") {
        return console.styled(line, "1;31")
      }
      return line
    }.joined(separator: "\n")
  }

  /// A shell command's error: `:digit: no such set 'trian'` plus its usage.
  func render(command: String, message: String, usage: String?) -> String {
    var text = console.red(":\(command): \(message)") + "\n"
    if let usage { text += console.dim("usage: \(usage)") + "\n" }
    return text
  }
}
