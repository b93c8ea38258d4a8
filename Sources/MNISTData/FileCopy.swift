import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Copies the bytes of `source` to a new file `destination` (which must not exist).
///
/// On Linux the kernel copies them (sendfile(2)): no read into this process, no hashing; MNIST's
/// 11 MB of gzip files take a few milliseconds. Elsewhere, or if that fails, FileManager copies.
func copyFileContents(_ source: String, to destination: String) throws {
  #if os(Linux)
    if kernelCopy(source, to: destination) { return }
    _ = unlink(destination)
  #endif
  try FileManager.default.copyItem(atPath: source, toPath: destination)
}

#if os(Linux)
  private func kernelCopy(_ source: String, to destination: String) -> Bool {
    let src = open(source, O_RDONLY | O_CLOEXEC)
    guard src >= 0 else { return false }
    defer { close(src) }
    var info = stat()
    guard fstat(src, &info) == 0 else { return false }
    let dst = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard dst >= 0 else { return false }
    var left = Int(info.st_size)
    while left > 0 {
      let n = sendfile(dst, src, nil, left)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      left -= n
    }
    return close(dst) == 0 && left == 0
  }
#endif
