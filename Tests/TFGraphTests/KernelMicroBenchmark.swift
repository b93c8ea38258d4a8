import Foundation
import TFGraph
import Tensors
import Testing

/// Hand-run: thread CPU time of single-op runs on [100, 10] (session overhead included).
/// `TFGRAPH_BENCH=1 swift test -c release --filter kernelMicroBenchmark`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["TFGRAPH_BENCH"] != nil))
func kernelMicroBenchmark() throws {
  let g = Graph()
  let x = g.placeholder(.float32, shape: TensorShape([100, 10]))
  let e = try g.unary(.exp, x), l = try g.log(x), sm = try g.softmax(x), neg = try g.neg(x)
  let s = Session(graph: g)
  let v = NDArray(shape: [100, 10], floats: (0..<1000).map { Float($0 % 37) * 0.3 - 5 })
  let vp = NDArray(shape: [100, 10], floats: (0..<1000).map { Float($0 % 37) * 0.3 + 0.01 })
  for (name, t, feed) in [("exp", e, v), ("log", l, vp), ("softmax", sm, v), ("neg", neg, v)] {
    for _ in 0..<1000 { _ = try s.run([.tensor(t)], feedList: [(x, feed)]) }
    var best = Double.infinity
    for _ in 0..<5 {
      let st = cpuNanos()
      for _ in 0..<5000 { _ = try s.run([.tensor(t)], feedList: [(x, feed)]) }
      best = min(best, Double(cpuNanos() - st) / 5000 / 1000)
    }
    print("\(name): \(best) µs per run")
  }
  #expect(try s.run(neg, feeds: [x: v]).floats[0] == 5)
}

/// This thread's CPU time in nanoseconds (immune to time spent descheduled on a busy machine).
func cpuNanos() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
