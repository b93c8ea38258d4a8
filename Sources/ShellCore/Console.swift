import Foundation

/// All of the shell's own output goes through here, so text from Python code, the shell's
/// messages and the progress line never interleave out of order, and colour is decided once.
public final class Console {
  /// Whether ANSI colour may be used (a terminal that has it, no `NO_COLOR`, not `TERM=dumb`).
  public let colorEnabled: Bool
  /// Whether the output is an interactive terminal (progress line, full-screen views).
  public let isTerminal: Bool
  /// A one-line status shown in place (the progress display), if any is on screen.
  private var statusShown = false

  public init(colorEnabled: Bool, isTerminal: Bool) {
    self.colorEnabled = colorEnabled
    self.isTerminal = isTerminal
  }

  /// Decides colour and terminal-ness from the environment and the standard streams.
  public static func detect(noColorFlag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
    let tty = isatty(STDOUT_FILENO) != 0
    let term = environment["TERM"] ?? ""
    let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
    let color = tty && !noColor && !term.isEmpty && term != "dumb"
    return Console(colorEnabled: color, isTerminal: tty && term != "dumb")
  }

  /// Writes `text` to standard output as is.
  public func write(_ text: String) {
    clearStatus()
    Console.writeFD(STDOUT_FILENO, text)
  }

  /// Writes `text` and a newline.
  public func line(_ text: String = "") { write(text + "\n") }

  /// Writes to standard error (tracebacks), after clearing any status line.
  public func error(_ text: String) {
    clearStatus()
    Console.writeFD(STDERR_FILENO, text)
  }

  /// Shows `text` as a one-line status, replacing the previous one (terminal only).
  public func status(_ text: String) {
    guard isTerminal else { return }
    Console.writeFD(STDOUT_FILENO, "\r\u{1B}[2K" + text)
    statusShown = true
  }

  /// Removes the status line, if one is shown.
  public func clearStatus() {
    guard statusShown else { return }
    Console.writeFD(STDOUT_FILENO, "\r\u{1B}[2K")
    statusShown = false
  }

  /// Writes all of `text` to a file descriptor, unbuffered (retrying short writes and EINTR).
  static func writeFD(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buf in
        Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
      }
      if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
    }
  }

  /// `text` in a colour (an SGR code such as "1;31"), or plain when colour is off.
  public func styled(_ text: String, _ sgr: String) -> String {
    colorEnabled ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { styled(text, "1") }
  public func dim(_ text: String) -> String { styled(text, "2") }
  public func red(_ text: String) -> String { styled(text, "31") }
  public func green(_ text: String) -> String { styled(text, "32") }
  public func yellow(_ text: String) -> String { styled(text, "33") }
  public func cyan(_ text: String) -> String { styled(text, "36") }
}
