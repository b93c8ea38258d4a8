extension PyException {
  /// Whether this is a SyntaxError/IndentationError (rendered without "Traceback").
  public var isSyntaxError: Bool { type.isSubtype(of: .syntaxError) }
}

extension Interpreter {
  /// Renders an error as CPython does: the traceback, the source line with
  /// carets under the failing expression, `Type: message`, then `Hint: ...`
  /// when the error carries a learner hint. Ends with a newline.
  public func formatTraceback(_ error: PyException, includeHint: Bool = true) -> String {
    Interpreter.formatTraceback(error, includeHint: includeHint)
  }

  /// Renders an error as CPython does (see the instance method).
  public static func formatTraceback(_ error: PyException, includeHint: Bool = true) -> String {
    var out = ""
    if error.isSyntaxError {
      if let frame = error.frames.last {
        out += "  File \"\(frame.filename)\", line \(frame.span.line)\n"
        if let text = frame.lineText {
          out += sourceLine(text, frame.span, minimumCarets: 1, alwaysCaret: true)
        }
      }
    } else {
      out += "Traceback (most recent call last):\n"
      var previous: String?
      var repeats = 0
      func flushRepeats() {
        if repeats > 0 {
          out += "  [Previous line repeated \(repeats) more time\(repeats == 1 ? "" : "s")]\n"
        }
        repeats = 0
      }
      var identicalRun = 0
      for frame in error.frames {
        var entry = "  File \"\(frame.filename)\", line \(frame.span.line), in \(frame.function)\n"
        if let text = frame.lineText {
          entry += sourceLine(text, frame.span, minimumCarets: 0, alwaysCaret: false)
        }
        if entry == previous {
          identicalRun += 1
          if identicalRun >= 3 {
            repeats += 1
            continue
          }
        } else {
          flushRepeats()
          identicalRun = 0
        }
        previous = entry
        out += entry
      }
      flushRepeats()
    }
    out += error.description + "\n"
    if includeHint, let hint = error.hint { out += "Hint: \(hint)\n" }
    return out
  }

  /// `    source` plus a caret line under the span (CPython 3.11+ style).
  static func sourceLine(_ text: String, _ span: SourceSpan, minimumCarets: Int, alwaysCaret: Bool) -> String {
    let scalars = Array(text.unicodeScalars)
    var indent = 0
    while indent < scalars.count, scalars[indent] == " " || scalars[indent] == "\t" { indent += 1 }
    var end = scalars.count
    while end > indent, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
    var shown = String(String.UnicodeScalarView(scalars[indent..<end]))
    let maxShown = 200
    var truncated = false
    if shown.unicodeScalars.count > maxShown {
      shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(maxShown))) + "..."
      truncated = true
    }
    var out = "    \(shown)\n"
    let start = min(max(span.column, indent), end)
    var stop = span.endLine == span.line ? min(span.endColumn, end) : end
    stop = max(stop, start + minimumCarets)
    let coversAll = start <= indent && stop >= end
    if (coversAll && !alwaysCaret) || stop <= start { return out }
    if truncated && start - indent > maxShown { return out }
    let caretCount = min(stop - start, maxShown)
    out += String(repeating: " ", count: 4 + start - indent) + String(repeating: "^", count: caretCount) + "\n"
    return out
  }
}
