import Foundation
import Tensors

/// Throughput of the matrix products the tutorial runs, calling `Tensors.sgemm` directly.
enum KernelBench {
  /// One measured matrix product shape.
  struct Shape {
    var label: String
    var key: String
    var transA: Bool
    var m: Int, n: Int, k: Int
    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
  }

  /// `x·W` forward and `xᵀ·g` for dW (a training step), and `x·W` on the test set.
  static let shapes = [
    Shape(label: "sgemm [100,784]·[784,10] (forward)", key: "sgemm_forward", transA: false, m: 100, n: 10, k: 784),
    Shape(label: "sgemm [784,100]ᵀ·[100,10] (dW, transA)", key: "sgemm_grad_w", transA: true, m: 784, n: 10, k: 100),
    Shape(label: "sgemm [10000,784]·[784,10] (test set)", key: "sgemm_test", transA: false, m: 10000, n: 10, k: 784),
  ]

  /// Wall and thread-CPU seconds per call of `shape` (medians of `runs` timed loops, each
  /// about `budget` seconds).
  static func timePerCall(_ shape: Shape, runs: Int, budget: Double = 0.05) -> (wall: Double, cpu: Double) {
    let aCount = shape.m * shape.k, bCount = shape.k * shape.n
    var gen = SplitMix(seed: 42)
    let a = (0..<aCount).map { _ in gen.nextFloat() }
    let b = (0..<bCount).map { _ in gen.nextFloat() - 0.5 }
    var c = [Float](repeating: 0, count: shape.m * shape.n)
    let lda = shape.transA ? shape.m : shape.k
    func call(_ times: Int) -> (wall: Double, cpu: Double) {
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            timedBoth {
              for _ in 0..<times {
                sgemm(
                  transA: shape.transA, transB: false, m: shape.m, n: shape.n, k: shape.k, alpha: 1,
                  a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: shape.n,
                  beta: 0, c: pc.baseAddress!, ldc: shape.n)
              }
            }
          }
        }
      }
    }
    let once = max(call(3).wall / 3, 1e-8)
    let iterations = max(3, Int(budget / once))
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
      let t = call(iterations)
      wall.append(t.wall / Double(iterations))
      cpu.append(t.cpu / Double(iterations))
    }
    return (median(wall) ?? .nan, median(cpu) ?? .nan)
  }
}

/// A small deterministic generator for benchmark inputs.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A float in [0, 1).
  mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
