#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps recursion in the parser and evaluator from overflowing the Swift stack.
///
/// `StackGuard()` notes the current thread's stack bounds once; `hasRoom` then
/// compares the address of a local with the lowest address still considered
/// safe: the bottom of the stack plus a reserve (256 KiB, or a quarter of a
/// small stack) left for host code and the frames between two checks.
struct StackGuard {
  let limit: UInt

  /// Captures the bounds of the current thread's stack.
  init(reserve: UInt = 256 * 1024) {
    var low: UInt = 0
    var stackSize: UInt = 0
    #if canImport(Glibc)
    // pthread_getattr_np is a GNU extension the Glibc module does not import; look it up.
    typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    var attr = pthread_attr_t()
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np"),
      unsafeBitCast(symbol, to: GetAttr.self)(pthread_self(), &attr) == 0
    {
      var addr: UnsafeMutableRawPointer?
      var size = 0
      if pthread_attr_getstack(&attr, &addr, &size) == 0, let addr {
        low = UInt(bitPattern: addr)
        stackSize = UInt(size)
      }
      pthread_attr_destroy(&attr)
    }
    #elseif canImport(Darwin)
    let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
    stackSize = UInt(pthread_get_stacksize_np(pthread_self()))
    low = top - stackSize
    #endif
    let here = StackGuard.currentAddress()
    if low == 0 || here <= low || here - low > 1 << 34 {
      // Unknown bounds: allow 256 KiB below the current frame.
      limit = here &- 256 * 1024
    } else {
      limit = low + min(reserve, stackSize / 4)
    }
  }

  @inline(never)
  static func currentAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  /// Whether the stack still has room.
  var hasRoom: Bool { StackGuard.currentAddress() > limit }
}
