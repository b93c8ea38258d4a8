/// A mistake in a lesson file, located by file name and line.
public struct LessonFormatError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The lesson file's name (as given to the loader, e.g. `04-placeholder.md`).
  public var file: String
  /// The 1-based line of the mistake.
  public var line: Int
  /// What is wrong, in a sentence.
  public var message: String

  /// Creates an error for `file` at `line`.
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, the way compilers report.
  public var description: String { "\(file):\(line): \(message)" }
}
