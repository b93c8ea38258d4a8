import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds on the monotonic clock (for measuring intervals only).
func monotonicSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU seconds this thread has used (user and system); unlike wall time, hardly affected by
/// other processes competing for the cores.
func threadCPUSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Runs `body` once and returns its wall and thread-CPU seconds.
func timedBoth(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
  let w = monotonicSeconds(), c = threadCPUSeconds()
  try body()
  return (monotonicSeconds() - w, threadCPUSeconds() - c)
}

/// Runs `body` once and returns how long it took, in seconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
  let start = monotonicSeconds()
  try body()
  return monotonicSeconds() - start
}

/// The median of `values` (the mean of the middle two for an even count); nil when empty.
func median(_ values: [Double]) -> Double? {
  guard !values.isEmpty else { return nil }
  let s = values.sorted()
  let mid = s.count / 2
  return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/// A few numbers measured the same way, with their median.
struct Samples {
  var values: [Double] = []
  var median: Double? { mnist_bench.median(values) }
  var min: Double? { values.min() }
  var max: Double? { values.max() }
  mutating func add(_ v: Double) { values.append(v) }
}

/// Writes progress to standard error so that standard output holds only the report.
func note(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
