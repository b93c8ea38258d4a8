/// The interrupt flag: the host sets it (e.g. from a SIGINT handler) and the
/// interpreter turns it into `KeyboardInterrupt` at the next statement, loop
/// iteration or call.
///
/// `request()` only stores a word, so it is safe to call from a signal handler
/// or another thread.
public enum PyInterrupt {
  nonisolated(unsafe) private static let flag: UnsafeMutablePointer<Int32> = {
    let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
  }()

  /// Asks the running statement to stop with `KeyboardInterrupt` (async-signal-safe
  /// once the flag exists: call `clear()` once at start-up before installing a handler).
  public static func request() { flag.pointee = 1 }

  /// Clears a pending request (the shell does this before running each statement).
  public static func clear() { flag.pointee = 0 }

  /// Whether an interrupt is pending.
  public static var isRequested: Bool { flag.pointee != 0 }

  /// Throws `KeyboardInterrupt` (and clears the flag) if an interrupt is pending.
  /// Long-running host functions call this now and then.
  public static func check() throws {
    if flag.pointee != 0 {
      flag.pointee = 0
      throw PyException(.keyboardInterrupt)
    }
  }
}
