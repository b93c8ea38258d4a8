import Foundation

/// What the learner ran in this session, in order, for `:export`: every Python entry (with
/// whether it succeeded) and every shell command line.
public final class StatementLog {
  /// One thing the learner ran.
  public enum Entry: Equatable {
    /// Python source (one REPL entry, possibly a whole block or file) and whether it ran without error.
    case statement(String, succeeded: Bool)
    /// A shell command line as typed (`:train 100`).
    case command(String)
  }

  /// Everything recorded, oldest first.
  public private(set) var entries: [Entry] = []
  /// The most entries kept; older ones are dropped first.
  public var maxEntries = 100_000

  public init() {}

  /// Records a Python entry.
  public func recordStatement(_ source: String, succeeded: Bool) {
    guard !source.allSatisfy(\.isWhitespace) else { return }
    append(.statement(source, succeeded: succeeded))
  }

  /// Records a shell command line (`:export` itself is not worth keeping).
  public func recordCommand(_ line: String) {
    let (name, _) = CommandRegistry.split(line)
    guard !name.isEmpty, name != "export" else { return }
    append(.command(line.trimmingCharacters(in: .whitespaces)))
  }

  /// Forgets everything (after the session is reset).
  public func clear() { entries = [] }

  /// The Python entries that succeeded and the command lines, in order.
  public var successful: [Entry] {
    entries.filter { if case .statement(_, false) = $0 { return false } else { return true } }
  }

  /// How many Python entries raised an error.
  public var failedCount: Int {
    entries.reduce(0) { if case .statement(_, false) = $1 { return $0 + 1 } else { return $0 } }
  }

  private func append(_ e: Entry) {
    entries.append(e)
    if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
  }
}
