/// A region of source text: where a token, expression or statement was written.
///
/// Lines are 1-based; columns are 0-based offsets in Unicode scalars from the
/// start of the line (like CPython's `col_offset`, but in characters). The end
/// is exclusive: `endColumn` is the column just after the last character.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
  /// The 1-based line where the span starts.
  public var line: Int
  /// The 0-based column where the span starts.
  public var column: Int
  /// The 1-based line where the span ends.
  public var endLine: Int
  /// The 0-based column just after the span's last character.
  public var endColumn: Int

  /// Creates a span from its start and (exclusive) end.
  public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// A span covering both `self` and `other`.
  public func merged(with other: SourceSpan) -> SourceSpan {
    var result = self
    if (other.line, other.column) < (line, column) {
      result.line = other.line
      result.column = other.column
    }
    if (other.endLine, other.endColumn) > (endLine, endColumn) {
      result.endLine = other.endLine
      result.endColumn = other.endColumn
    }
    return result
  }

  /// `line:column-endLine:endColumn`, for tests and debugging.
  public var description: String { "\(line):\(column)-\(endLine):\(endColumn)" }

  /// A zero-width span at the start of the text.
  public static let start = SourceSpan(line: 1, column: 0, endLine: 1, endColumn: 0)
}
