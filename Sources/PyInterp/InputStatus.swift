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
