/// A one-line status that is redrawn in place at the bottom of the REPL's output
/// (for example "step 340  112 steps/s  loss 0.31" while a loop runs).
///
/// It uses only carriage returns and spaces, no escape codes, so it also works
/// with `NO_COLOR`; print nothing at all when the output is not a terminal.
public struct ProgressLine: Sendable {
  /// Columns available (the line is kept one short of it so the terminal never wraps).
  public var width: Int
  private var shown = 0

  public init(width: Int) { self.width = max(1, width) }

  /// The text that replaces what the line showed before with `text`.
  public mutating func update(_ text: String) -> String {
    let t = TextLayout.truncate(text, width: width - 1)
    let w = TextLayout.width(of: t)
    let pad = max(0, shown - w)
    shown = w
    return "\r" + t + String(repeating: " ", count: pad) + String(repeating: "\u{8}", count: pad)
  }

  /// The text that blanks the line and leaves the cursor at its start.
  public mutating func clear() -> String {
    defer { shown = 0 }
    return shown == 0 ? "" : "\r" + String(repeating: " ", count: shown) + "\r"
  }
}
