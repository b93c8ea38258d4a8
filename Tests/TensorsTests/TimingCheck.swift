import Foundation
import Testing
import Tensors
import _TestSupport

/// A hand-run timing check, not a timed test: it only runs with TENSORS_TIMING=1, e.g.
/// `TENSORS_TIMING=1 swift test -c release --filter TimingCheck`, and prints the best-of-N
/// microseconds for the tutorial's matmul shapes and a few hot element-wise ops. Its assertions
/// are about the results (so it checks something), never about the clock.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["TENSORS_TIMING"] != nil))
struct TimingCheck {
  func best(_ reps: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<reps {
      let t0 = DispatchTime.now().uptimeNanoseconds
      try body()
      let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000
      best = min(best, t)
    }
    return best
  }

  @Test func matmulShapesOfTheTutorial() throws {
    var rng = RandomGenerator(seed: 3)
    let x = randomNormal([100, 784], mean: 0, stddev: 1, rng: &rng)
    let w = randomNormal([784, 10], mean: 0, stddev: 1, rng: &rng)
    let g = randomNormal([100, 10], mean: 0, stddev: 1, rng: &rng)
    let test = randomNormal([10000, 784], mean: 0, stddev: 1, rng: &rng)
    var y = NDArray.zeros([1]), dw = y, ty = y
    let tf = try best(3000) { y = try matmul(x, w) }
    let tb = try best(3000) { dw = try matmul(x, g, transposeA: true) }
    let te = try best(30) { ty = try matmul(test, w) }
    var am = NDArray.zeros([1])
    let ta = try best(30) { am = try argmax(ty, axis: 1) }
    #expect(am.shape == [10000])
    print(String(format: "[timing] argmax [10000,10] axis 1: %.0f µs", ta))
    print(String(format: "[timing] isa=%@  x·W [100,784]·[784,10]: %.1f µs   xᵀ·g [784,100]·[100,10]: %.1f µs   test [10000,784]·[784,10]: %.0f µs",
                 kernelISA, tf, tb, te))
    #expect(y.shape == [100, 10] && dw.shape == [784, 10] && ty.shape == [10000, 10])
    let r0 = try matmul(try index(x, 0).reshaped([1, 784]), w)
    assertClose(Array(y.floats.prefix(10)), r0.doubles, rtol: 1e-4, atol: 1e-4)
  }

  @Test func elementwiseOpsOfTheStep() throws {
    var rng = RandomGenerator(seed: 4)
    let z = randomNormal([100, 10], mean: 0, stddev: 1, rng: &rng)
    let b = randomNormal([10], mean: 0, stddev: 1, rng: &rng)
    let w = randomNormal([784, 10], mean: 0, stddev: 1, rng: &rng)
    var out = z
    let tAdd = try best(3000) { out = try binary(.add, z, b) }
    let tSm = try best(3000) { out = try softmax(z) }
    let tSum = try best(3000) { out = try reduce(.sum, z, axes: [0], keepDims: false) }
    let tUpd = try best(3000) { out = try binary(.sub, w, try binary(.mul, NDArray(scalar: Float(0.5)), w)) }
    print(String(format: "[timing] add [100,10]+[10]: %.2f µs  softmax [100,10]: %.2f µs  sum axis0: %.2f µs  W - 0.5*dW [784,10]: %.2f µs",
                 tAdd, tSm, tSum, tUpd))
    #expect(out.shape == [784, 10])
  }
}
