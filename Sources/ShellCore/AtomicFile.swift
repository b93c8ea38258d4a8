import Foundation

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and the temporary file is renamed over the
/// destination (an atomic step on POSIX file systems).
public enum AtomicFile {
  /// Writes `data` to `url` atomically, creating the folder if needed.
  /// - Throws: a `CocoaError` or `POSIXError` describing what failed; the destination is untouched then.
  public static func write(_ data: Data, to url: URL) throws {
    let dir = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
      throw POSIXError(.EACCES)
    }
    do {
      let handle = try FileHandle(forWritingTo: tmp)
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      if rename(tmp.path, url.path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw error
    }
  }
}
