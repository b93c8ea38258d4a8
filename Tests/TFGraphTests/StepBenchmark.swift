import Foundation
import TFGraph
import Tensors
import Testing

/// Hand-run timing of one steady tutorial training step through `Session.run` (not a timed test:
/// it asserts nothing about speed). Run: `TFGRAPH_BENCH=1 swift test -c release --filter StepBenchmark`.
@Suite struct StepBenchmark {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["TFGRAPH_BENCH"] != nil))
  func steadyTrainingStep() throws {
    let d = try MNISTTrainingTests.data()
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    try s.run(t.initOp)
    var batcher = Batcher(images: d.train, labels: d.trainLabels, count: 55000, seed: 7)
    let batches = (0..<50).map { _ in batcher.next(100) }.map { ($0.x, MNISTFiles.oneHot($0.labels)) }
    let fetch: [Fetch] = [.operation(t.train)]
    for (x, y) in batches { _ = try s.run(fetch, feedList: [(t.x, x), (t.yTrue, y)]) }
    var medians: [Double] = []
    for _ in 0..<7 {
      let start = cpuNanos()
      for i in 0..<1000 {
        let (x, y) = batches[i % batches.count]
        _ = try s.run(fetch, feedList: [(t.x, x), (t.yTrue, y)])
      }
      medians.append(Double(cpuNanos() - start) / 1000 / 1000)
    }
    medians.sort()
    let prof = KernelProfile()
    s.profile = prof
    for i in 0..<1000 {
      let (x, y) = batches[i % batches.count]
      _ = try s.run(fetch, feedList: [(t.x, x), (t.yTrue, y)])
    }
    s.profile = nil
    for n in prof.order { print(String(format: "%8.2f µs  %@", Double(prof.nanoseconds[n]!) / 1000 / 1000, n)) }
    // The same step's two matmuls alone, on the same batches (what the kernels cost without the engine).
    var c = [Float](repeating: 0, count: 7840)
    let w = try s.value(of: t.W).floats, g = [Float](repeating: 0.01, count: 1000)
    let start = cpuNanos()
    for i in 0..<1000 {
      batches[i % batches.count].0.floats.withUnsafeBufferPointer { px in
        c.withUnsafeMutableBufferPointer { pc in
          sgemm(transA: false, transB: false, m: 100, n: 10, k: 784, alpha: 1, a: px.baseAddress!, lda: 784,
                b: w, ldb: 10, beta: 0, c: pc.baseAddress!, ldc: 10)
          sgemm(transA: true, transB: false, m: 784, n: 10, k: 100, alpha: 1, a: px.baseAddress!, lda: 784,
                b: g, ldb: 10, beta: 0, c: pc.baseAddress!, ldc: 10)
        }
      }
    }
    print("the two matmuls alone: \(Double(cpuNanos() - start) / 1000 / 1000) µs")
    print("steady training step (thread CPU time): median \(medians[3]) µs, min \(medians[0]) µs (ISA \(kernelISA))")
    #expect(s.trainingStep == 50 + 7000 + 1000)
  }
}
