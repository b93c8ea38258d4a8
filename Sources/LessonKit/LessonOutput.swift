/// What the lesson engine wants the shell to show: structured blocks the shell may colour,
/// or render as plain text with ``plainText(width:)``. The engine never prints.
///
/// Strings may contain `inline code` in backticks; ``inlineSegments(_:)`` splits them.
public struct LessonOutput: Sendable, Equatable {
  /// One block of output.
  public enum Block: Sendable, Equatable {
    /// A lesson's title line ("Lesson 4 · The placeholder x").
    case heading(String)
    /// A step's title ("Step 1 of 2 · Make a placeholder").
    case subheading(String)
    /// Teaching text.
    case text(TextBlock)
    /// Statements for the learner to type (or that were run for them).
    case statements(String)
    /// Good news: a step or lesson passed.
    case success(String)
    /// Why a check does not pass yet.
    case failure(String)
    /// A hint; `level` counts from 1, `of` is the number of hints.
    case hint(String, level: Int, of: Int)
    /// A neutral remark (replay notes, navigation).
    case note(String)
    /// Something went wrong that the learner should know (a damaged progress file, an
    /// error while replaying).
    case warning(String)
  }

  /// The blocks, in order.
  public var blocks: [Block]

  /// Creates output from blocks.
  public init(_ blocks: [Block] = []) { self.blocks = blocks }

  /// Whether a step passed in this output.
  public var hasPassed: Bool { blocks.contains { if case .success = $0 { true } else { false } } }

  /// Whether there is nothing to show.
  public var isEmpty: Bool { blocks.isEmpty }

  /// Appends another output's blocks.
  public mutating func append(_ other: LessonOutput) { blocks += other.blocks }

  /// Appends one block.
  public mutating func append(_ block: Block) { blocks.append(block) }

  /// The output as plain text, paragraphs wrapped to `width` columns, blocks separated by
  /// blank lines, ending in a newline (empty when there is nothing to show). Inline code
  /// keeps its backticks.
  public func plainText(width: Int = 80) -> String {
    var out: [String] = []
    for block in blocks {
      switch block {
      case .heading, .subheading: break
      default: out.append("")
      }
      switch block {
      case .heading(let t): out += ["", "== \(t) =="]
      case .subheading(let t): out += ["", "-- \(t)"]
      case .text(.paragraph(let p)): out += wrap(p, width: width, first: "", rest: "")
      case .text(.bullets(let items)):
        for item in items { out += wrap(item, width: width, first: "  - ", rest: "    ") }
      case .text(.code(let c)): out += c.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
      case .statements(let c): out += c.split(separator: "\n", omittingEmptySubsequences: false).map { "  >>> " + $0 }
      case .success(let t): out += wrap(t, width: width, first: "[ok] ", rest: "     ")
      case .failure(let t): out += wrap(t, width: width, first: "[not yet] ", rest: "          ")
      case .hint(let t, let level, let of): out += wrap(t, width: width, first: "Hint \(level)/\(of): ", rest: "  ")
      case .note(let t): out += wrap(t, width: width, first: "", rest: "")
      case .warning(let t): out += wrap(t, width: width, first: "Warning: ", rest: "  ")
      }
    }
    while out.first == "" { out.removeFirst() }
    return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
  }

  /// Splits `text` into plain and code segments at backticks.
  public static func inlineSegments(_ text: String) -> [(text: String, isCode: Bool)] {
    var segments: [(String, Bool)] = []
    var isCode = false
    for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { isCode.toggle() }
      if !part.isEmpty { segments.append((String(part), isCode)) }
    }
    return segments
  }
}

/// Word-wraps `text` to `width`, with a first-line and a continuation prefix.
func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
  var lines: [String] = []
  var current = first
  var empty = true
  for word in text.split(separator: " ") {
    if !empty && current.count + 1 + word.count > max(width, 20) {
      lines.append(current)
      current = rest
      empty = true
    }
    current += (empty ? "" : " ") + word
    empty = false
  }
  lines.append(current)
  return lines
}
