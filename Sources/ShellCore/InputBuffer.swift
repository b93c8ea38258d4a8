import PyInterp

/// Gathers typed lines into complete statements, as Python's interactive prompt does,
/// with one kindness more: an unindented line typed after an indented block ends the
/// block (no blank line needed), so a script's lines can be typed exactly as written.
public struct InputBuffer {
  /// The lines of the statement being typed.
  public private(set) var lines: [String] = []

  public init() {}

  /// Whether a statement is in progress (the prompt is `... `).
  public var isContinuing: Bool { !lines.isEmpty }

  /// What to do after a line is offered.
  public enum Outcome: Equatable {
    /// Ask for another line.
    case needMore
    /// Run this source.
    case run(String)
    /// Run this source (the block that just ended), then offer the same line again.
    case runThenReoffer(String)
  }

  /// Offers one typed line.
  public mutating func offer(_ line: String) -> Outcome {
    if !lines.isEmpty, endsBlock(line) {
      let source = lines.joined(separator: "\n") + "\n"
      lines = []
      return .runThenReoffer(source)
    }
    lines.append(line)
    let source = lines.joined(separator: "\n")
    if Interpreter.inputStatus(source) == .incomplete { return .needMore }
    lines = []
    return .run(source + "\n")
  }

  /// Drops the statement in progress (Ctrl-C).
  public mutating func clear() { lines = [] }

  /// Whether `line`, unindented and not a clause keyword, closes a finished block.
  private func endsBlock(_ line: String) -> Bool {
    guard let first = line.first, !first.isWhitespace, first != "#" else { return false }
    let word = line.prefix { $0.isLetter }
    if ["else", "elif", "except", "finally"].contains(String(word)) { return false }
    // The block is ended only if what was typed so far is a whole statement once a blank line follows.
    return Interpreter.inputStatus(lines.joined(separator: "\n") + "\n") == .complete
  }
}
