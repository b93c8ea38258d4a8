import Dispatch
import Foundation

/// Hashes a buffer with SHA-256 on another thread while it is still being filled.
///
/// The producer calls ``publish(_:)`` with how many leading bytes are final, then ``finish(_:)``;
/// ``digest()`` waits for the hash. The buffer must stay alive and unmoved until `digest()` returns.
final class PipelinedHasher: @unchecked Sendable {
  private let base: UnsafeRawPointer
  private let condition = NSCondition()
  private var available = 0
  private var done = false
  private var abandoned = false
  private var result: String?
  private var waited = false
  private let waitLock = NSLock()
  private let finished = DispatchSemaphore(value: 0)

  init(hashing base: UnsafeRawPointer) {
    self.base = base
    DispatchQueue.global(qos: .userInitiated).async { self.run() }
  }

  /// The first `count` bytes are written and will not change.
  func publish(_ count: Int) {
    condition.lock()
    available = count
    condition.signal()
    condition.unlock()
  }

  /// No more bytes will come; `count` is the final length, or `nil` to stop without a digest.
  func finish(_ count: Int?) {
    condition.lock()
    if let count { available = count } else { abandoned = true }
    done = true
    condition.signal()
    condition.unlock()
  }

  /// Waits for the hasher to stop; the hex digest, or `nil` if abandoned.
  func digest() -> String? {
    waitLock.lock()
    defer { waitLock.unlock() }
    if !waited {
      finished.wait()
      waited = true
    }
    return result
  }

  private func run() {
    var sha = SHA256()
    var hashed = 0
    while true {
      condition.lock()
      while available == hashed && !done { condition.wait() }
      let upTo = available, stop = abandoned, last = done
      condition.unlock()
      if stop { break }
      if upTo > hashed {
        sha.update(UnsafeRawBufferPointer(start: base + hashed, count: upTo - hashed))
        hashed = upTo
      } else if last {
        result = sha.finalizeHex()
        break
      }
    }
    finished.signal()
  }
}
