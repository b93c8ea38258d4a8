#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many SIGINTs (Ctrl-C) arrived since the count was last cleared.
///
/// Written only by the signal handler (an increment) and by `SignalInterrupts.take()`.
nonisolated(unsafe) public var sigintCount: sig_atomic_t = 0

/// Ctrl-C as a counter rather than a process kill.
///
/// A signal handler may only touch a `sig_atomic_t`, so there is no callback list:
/// code that wants to stop on Ctrl-C (a training loop, a download) polls `pending`
/// or `count`, and whoever handles the interrupt calls `take()` to clear it.
public enum SignalInterrupts {
  nonisolated(unsafe) private static var installed = false

  /// Installs the SIGINT handler (once; later calls do nothing).
  public static func install() {
    guard !installed else { return }
    installed = true
    signal(SIGINT) { _ in sigintCount &+= 1 }
  }

  /// The number of interrupts not yet taken.
  public static var count: Int32 { Int32(sigintCount) }

  /// Whether an interrupt is waiting.
  public static var pending: Bool { sigintCount != 0 }

  /// Returns the number of interrupts waiting and clears it.
  @discardableResult
  public static func take() -> Int32 {
    let n = sigintCount
    sigintCount = 0
    return Int32(n)
  }
}
