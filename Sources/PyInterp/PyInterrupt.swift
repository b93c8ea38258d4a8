/// The interrupt flag: the host sets it (e.g. from a SIGINT handler) and the
/// interpreter turns it into `KeyboardInterrupt` at the next statement, loop
/// iteration or call.
///
/// `request()` only stores a word, so it is safe to call from a signal handler
/// or another thread. It reaches every interpreter in the process; to stop
/// just one, use `Interpreter.requestInterrupt()`.
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

/// A per-interpreter interrupt flag (a heap word, safe to set from any thread).
final class InterruptFlag: @unchecked Sendable {
  private let word: UnsafeMutablePointer<Int32>
  init() {
    word = .allocate(capacity: 1)
    word.initialize(to: 0)
  }
  deinit { word.deallocate() }
  func request() { word.pointee = 1 }
  func clear() { word.pointee = 0 }
  var isSet: Bool { word.pointee != 0 }
}

extension Interpreter {
  /// Asks this interpreter's running statement to stop with `KeyboardInterrupt`
  /// (callable from any thread).
  public func requestInterrupt() { interruptFlag.request() }

  /// Throws `KeyboardInterrupt` if this interpreter or the process was asked to stop.
  /// Host functions doing long work call this (via `arguments.interpreter`) now and then.
  public func checkInterrupt() throws {
    if interruptFlag.isSet {
      interruptFlag.clear()
      throw PyException(.keyboardInterrupt)
    }
    try PyInterrupt.check()
  }
}

extension Interpreter {
  /// For long host work: checks for an interrupt and calls the progress hook when due.
  public func heartbeat() throws {
    tickCount |= 63
    try tick()
  }
}
