import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit's history list, kept in a file across runs (at most 1000 lines, no repeats in a row).
///
/// The file is libedit's own format (`_HiStOrY_V2_`). It is written after every
/// added line, atomically (a temporary file, then a rename), because the process
/// may leave through `exit()`. An unreadable file is moved aside to
/// `<path>.damaged` and reported in `warning`; history then starts afresh.
public final class HistoryStore {
  /// The history file, or nil for history in memory only.
  public let path: String?
  /// A problem with the file for the shell to report, or nil.
  public private(set) var warning: String?
  let handle: OpaquePointer

  /// Opens the history and loads `path` when the file exists; nil only if libedit fails.
  public init?(path: String?) {
    guard let h = history_init() else { return nil }
    handle = h
    self.path = path
    swiftedit_history_setsize(h, 1000)
    swiftedit_history_setunique(h, 1)
    if let path { load(path) }
  }

  deinit { history_end(handle) }

  /// Number of lines held.
  public var count: Int { Int(swiftedit_history_size(handle)) }

  /// Adds `line` (blank lines are ignored) and saves the file.
  public func add(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    swiftedit_history_enter(handle, line)
    if path != nil {
      do { try save() } catch { warning = "\(error)" }
    }
  }

  /// Writes the file atomically, creating its folder when needed.
  public func save() throws {
    guard let path else { return }
    try Self.createParent(of: path)
    let tmp = path + ".tmp-\(getpid())"
    guard swiftedit_history_save(handle, tmp) >= 0 else {
      unlink(tmp)
      throw Failure(message: "could not write the history file \(path)")
    }
    guard rename(tmp, path) == 0 else {
      unlink(tmp)
      throw Failure(message: "could not replace the history file \(path)")
    }
  }

  private func load(_ path: String) {
    guard access(path, F_OK) == 0 else { return }
    if swiftedit_history_load(handle, path) < 0 {
      let aside = path + ".damaged"
      rename(path, aside)
      warning = "The history file \(path) could not be read; it was moved to \(aside) and history starts afresh."
    }
  }

  /// A history file problem, worded for the learner.
  public struct Failure: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
  }

  /// Creates the folders above `path` (like `mkdir -p`).
  static func createParent(of path: String) throws {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    var current = path.hasPrefix("/") ? "" : "."
    for p in parts {
      current += "/" + p
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw Failure(message: "could not create the folder \(current) for the history file")
      }
    }
  }
}
