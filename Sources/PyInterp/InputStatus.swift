/// Whether a chunk of interactive input is ready to run (like Python's `codeop`).
public enum InputStatus: Equatable, Sendable {
  /// Run it (it may still raise an error when run).
  case complete
  /// Ask for another line (`...` prompt): an open bracket or string, a line
  /// ending with `:`, or a compound statement not yet ended by a blank line.
  case incomplete
}

extension Interpreter {
  /// Decides whether `source` (the lines typed so far, joined with "\n") needs more lines.
  ///
  /// A compound statement (`for`, `def`, `with`, ...) is complete only once the
  /// last line is blank, as in the Python REPL.
  public func inputStatus(_ source: String) -> InputStatus {
    Interpreter.inputStatus(source)
  }

  /// See the instance method.
  public static func inputStatus(_ source: String) -> InputStatus {
    var lexer = Lexer(source)
    do {
      try lexer.run()
    } catch {
      return lexer.endedIncomplete ? .incomplete : .complete
    }
    var parser = Parser(tokens: lexer.tokens)
    let body: [Stmt]
    do {
      body = try parser.parseModule()
    } catch {
      return parser.failedAtEOF ? .incomplete : .complete
    }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let lastBlank = lines.last.map { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } } ?? true
    if lastBlank { return .complete }
    for stmt in body {
      switch stmt.kind {
      case .if, .for, .while, .functionDef, .with, .try, .classDef: return .incomplete
      default: continue
      }
    }
    return .complete
  }
}

extension Interpreter {
  /// Decodes source bytes as UTF-8, or throws CPython's SyntaxError for bad bytes.
  public static func decodeSource(_ bytes: [UInt8], filename: String = "<stdin>") throws -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var line = 1
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s):
        if s == "\n" { line += 1 }
        offset += UTF8.width(s)
      case .emptyInput: break loop
      case .error: break loop
      }
    }
    let byte = offset < bytes.count ? bytes[offset] : 0
    var e = PyException(.syntaxError,
      "Non-UTF-8 code starting with '\\x\(String(byte, radix: 16))' in file \(filename) on line \(line), but no encoding declared")
    e.span = SourceSpan(line: line, column: 0, endLine: line, endColumn: 1)
    e.frames = [PyTraceFrame(filename: filename, function: "<module>", span: e.span!)]
    throw e
  }
}

extension Interpreter {
  /// Tab-completion candidates for a dotted prefix such as `tf.nn.soft` or `wei`.
  ///
  /// Names come from globals and builtins, then `dir()` of each evaluated
  /// attribute (modules, host objects). Nothing is called: only name lookups
  /// and attribute reads run. Private names (`_x`) appear only when the
  /// prefix's last part starts with `_`.
  public func completions(for prefix: String) -> [String] {
    let parts = prefix.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let last = parts.last else { return [] }
    let showPrivate = last.hasPrefix("_")
    var candidates: [String]
    var base = ""
    if parts.count == 1 {
      candidates = Array(globals.values.keys) + Array(builtins.keys) + Array(pythonKeywords)
    } else {
      guard var value = globals.values[parts[0]] ?? builtins[parts[0]] else { return [] }
      for name in parts[1..<(parts.count - 1)] {
        guard let next = try? getAttribute(value, name) else { return [] }
        value = next
      }
      candidates = dir(value)
      base = parts.dropLast().joined(separator: ".") + "."
    }
    return Array(Set(candidates.filter { $0.hasPrefix(last) && (showPrivate || !$0.hasPrefix("_")) }))
      .sorted().map { base + $0 }
  }
}
