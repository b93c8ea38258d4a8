import Foundation

/// Python's `os.path.join(a, b)` for two POSIX parts: `b` if absolute, else `a` + `/` + `b` unless
/// `a` is empty or already ends in `/`. TensorFlow's messages show paths built this way.
public func pythonPathJoin(_ a: String, _ b: String) -> String {
  if b.hasPrefix("/") || a.isEmpty { return b }
  return a.hasSuffix("/") ? a + b : a + "/" + b
}

/// Moves `temp` over `final` in one step (rename(2)), so readers never see a partial file.
func atomicallyReplace(_ final: String, with temp: String) throws {
  if rename(temp, final) != 0 {
    let reason = String(cString: strerror(errno))
    try? FileManager.default.removeItem(atPath: temp)
    throw MNISTDataError(.io, "OSError", "Could not move \(temp) to \(final): \(reason)")
  }
}

/// A fresh hidden temporary name next to `final`, in the same folder so rename(2) is atomic.
func temporaryPath(for final: String) -> String {
  let dir = (final as NSString).deletingLastPathComponent
  let name = (final as NSString).lastPathComponent
  let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
  return pythonPathJoin(dir, ".\(name).part-\(tag)")
}
