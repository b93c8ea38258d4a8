#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one prompt produced.
public enum ReadResult: Equatable, Sendable {
  /// A line, without its trailing newline.
  case line(String)
  /// End of input (Ctrl-D on an empty line, or the end of piped input).
  case eof
  /// Ctrl-C was pressed while editing; the line was abandoned.
  case interrupted
}

/// Something that reads lines from the user with a prompt.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line.
  func readLine(prompt: String) -> ReadResult
  /// Remembers `line` in the history (blank lines are ignored).
  func addHistory(_ line: String)
}

/// Whether standard input and output are both terminals and `TERM` is usable for line editing.
public func isInteractiveTerminal() -> Bool {
  guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return false }
  guard let t = getenv("TERM") else { return false }
  let term = String(cString: t)
  return !term.isEmpty && term != "dumb"
}

/// The reader for this process: libedit on an interactive terminal, plain `readLine` otherwise.
///
/// - Parameters:
///   - historyPath: where history is kept across runs (libedit only); nil keeps it in memory.
///   - completer: tab completion (libedit only); see `EditLineReader.Completer`.
public func makeLineReader(historyPath: String?, completer: EditLineReader.Completer? = nil) -> LineReader {
  if isInteractiveTerminal(), let r = EditLineReader(historyPath: historyPath, completer: completer) { return r }
  return PlainLineReader()
}

/// Reads lines with Swift's `readLine`, for pipes, files and dumb terminals: no escape codes.
public final class PlainLineReader: LineReader {
  /// Whether prompts are written to standard output (off by default, like Python reading a script).
  public var showsPrompt: Bool
  /// Lines added with `addHistory`, kept only in memory.
  public private(set) var history: [String] = []

  public init(showsPrompt: Bool = false) { self.showsPrompt = showsPrompt }

  public func readLine(prompt: String) -> ReadResult {
    if showsPrompt {
      print(prompt, terminator: "")
      fflush(nil)
    }
    guard let line = Swift.readLine(strippingNewline: true) else { return .eof }
    return .line(line)
  }

  public func addHistory(_ line: String) {
    if !line.allSatisfy(\.isWhitespace) { history.append(line) }
  }
}
