import Foundation
import TFGraph
import Tensors
import Testing

/// Hand-run timing of the tutorial's test-set evaluation (`accuracy` on the 10,000 test images),
/// per op (median over rounds of the engine's per-kernel wall time). Asserts only the accuracy.
/// Run: `TFGRAPH_BENCH=1 swift test -c release --filter EvalBenchmark`.
@Suite struct EvalBenchmark {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["TFGRAPH_BENCH"] != nil))
  func testSetAccuracy() throws {
    let d = try MNISTTrainingTests.data()
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    try s.run(t.initOp)
    var batcher = Batcher(images: d.train, labels: d.trainLabels, count: 55000, seed: 7)
    for _ in 0..<200 {
      let b = batcher.next(100)
      _ = try s.run([.operation(t.train)], feedList: [(t.x, b.x), (t.yTrue, MNISTFiles.oneHot(b.labels))])
    }
    let feeds: [(Tensor, NDArray)] = [(t.x, d.test), (t.yTrue, MNISTFiles.oneHot(d.testLabels))]
    var acc: Float = 0
    for _ in 0..<5 { acc = try s.run([.tensor(t.accuracy)], feedList: feeds)[0]!.floats[0] }
    var perOp: [String: [Double]] = [:], order: [String] = [], totals: [Double] = []
    for _ in 0..<15 {
      let prof = KernelProfile()
      s.profile = prof
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<10 { acc = try s.run([.tensor(t.accuracy)], feedList: feeds)[0]!.floats[0] }
      totals.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 10 / 1000)
      s.profile = nil
      order = prof.order
      for n in prof.order { perOp[n, default: []].append(Double(prof.nanoseconds[n]!) / 10 / 1000) }
    }
    func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
    for n in order { print(String(format: "%9.1f µs  %@", median(perOp[n]!), n)) }
    print(String(format: "eval: median %.0f µs, min %.0f µs per sess.run(accuracy) (ISA %@), accuracy %.4f",
                 median(totals), totals.min()!, kernelISA, acc))
    #expect(acc > 0.85)
  }
}
