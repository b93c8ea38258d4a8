import Foundation
import LineEdit
import PyInterp

/// The interactive loop: prompts, continuation lines, shell commands, running statements.
///
/// Nothing a learner types ends the session: errors are printed as Python tracebacks and
/// the loop goes on with every name still defined. Ctrl-C clears the line being typed or
/// interrupts the running statement; Ctrl-D, `:quit` and `exit()` leave.
public final class REPL {
  let session: LearnerSession
  let reader: LineReader
  let console: Console
  private var buffer = InputBuffer()

  public init(session: LearnerSession, reader: LineReader, console: Console) {
    self.session = session
    self.reader = reader
    self.console = console
  }

  /// Runs until the learner leaves; returns the exit status.
  public func run() -> Int32 {
    var reoffer: String?
    while true {
      let line: String
      if let pending = reoffer {
        line = pending
        reoffer = nil
      } else {
        switch reader.readLine(prompt: buffer.isContinuing ? "... " : ">>> ") {
        case .eof:
          console.line()
          return session.leave()
        case .interrupted:
          console.line()
          console.line("KeyboardInterrupt")
          buffer.clear()
          continue
        case .line(let text):
          line = text
          reader.addHistory(text)
        }
      }
      if !buffer.isContinuing {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        if trimmed.hasPrefix(":") {
          if session.runCommand(trimmed) == .quit { return session.leave() }
          continue
        }
      }
      switch buffer.offer(line) {
      case .needMore:
        continue
      case .run(let source):
        if session.runInteractive(source) == .quit { return session.leave() }
      case .runThenReoffer(let source):
        if session.runInteractive(source) == .quit { return session.leave() }
        reoffer = line
      }
    }
  }
}
