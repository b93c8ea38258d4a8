import Testing
import Tensors
import _TestSupport

@Test func creationAndScalars() throws {
  #expect(NDArray.zeros([2, 3]).floats == [Float](repeating: 0, count: 6))
  #expect(NDArray.filled([2], value: 7, dtype: .int64).int64s == [7, 7])
  #expect(NDArray.filled([1], value: 2, dtype: .bool).bools == [true])
  #expect(NDArray(scalar: Float(1.5)).scalarDouble == 1.5)
  #expect(NDArray(scalar: Int64(3)).shape == [])
  #expect(NDArray(scalar: true).scalarDouble == 1)
  #expect(NDArray.zeros([2]).scalarDouble == nil)
  #expect(NDArray(shape: [2], int64s: [1, 2]).floats == [1, 2])
}

@Test func resourceLimitThrowsInsteadOfTrapping() {
  #expect(throws: ArrayError(
    "OOM when allocating tensor with shape[100000,100000] and type float on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu")
  ) { try NDArray.checkedZeros([100000, 100000]) }
  #expect(throws: ArrayError.self) { try NDArray.checkShape([Int.max, 4]) }
  #expect(throws: ArrayError.self) { try NDArray.checkShape([-1]) }
  #expect(throws: ArrayError.self) { try binary(.add, NDArray.zeros([70000, 1]), NDArray.zeros([70000])) }
  #expect(throws: Never.self) { try NDArray.checkShape([NDArray.maxElements]) }
}

@Test func reshapeInfersOneDimension() throws {
  let a = NDArray(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
  #expect(try a.reshaped([3, 2]).shape == [3, 2])
  #expect(try a.reshaped([-1]).shape == [6])
  #expect(try a.reshaped([-1, 2]).shape == [3, 2])
  #expect(try a.reshaped([1, -1, 1]).floats == [1, 2, 3, 4, 5, 6])
  #expect(throws: ArrayError("cannot reshape array of size 6 into shape (4,)")) { try a.reshaped([4]) }
  #expect(throws: ArrayError("can only specify one unknown dimension")) { try a.reshaped([-1, -1]) }
  #expect(throws: ArrayError.self) { try a.reshaped([-1, 4]) }
}

@Test func castConvertsLikeTensorFlow() {
  let f = NDArray(shape: [4], floats: [1.7, -1.7, 0, 2])
  #expect(cast(f, to: .int64).int64s == [1, -1, 0, 2])
  #expect(cast(f, to: .bool).bools == [true, true, false, true])
  #expect(cast(NDArray(shape: [2], bools: [true, false]), to: .float32).floats == [1, 0])
  #expect(cast(NDArray(shape: [1], floats: [.nan]), to: .int64).int64s == [0])
  #expect(cast(f, to: .float32).floats == f.floats)
}

@Test func transposeMovesAxes() throws {
  let a = NDArray(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
  assertArray(try transpose(a, perm: nil), shape: [3, 2], [1, 4, 2, 5, 3, 6])
  let t = NDArray(shape: [2, 3, 4], int64s: (0..<24).map(Int64.init))
  let p = try transpose(t, perm: [1, 0, 2])
  #expect(p.shape == [3, 2, 4])
  #expect(Array(p.int64s.prefix(8)) == [0, 1, 2, 3, 12, 13, 14, 15])
  let r = try transpose(t, perm: nil)
  #expect(r.shape == [4, 3, 2])
  #expect(Array(r.int64s.prefix(4)) == [0, 12, 4, 16])
  let big = NDArray(shape: [70, 45], floats: (0..<3150).map(Float.init))
  let bt = try transpose(big, perm: [1, 0])
  #expect(bt.floats[1] == 45 && bt.floats[70] == 1 && bt.floats[3149] == 3149)
  #expect(throws: ArrayError("axes don't match array")) { try transpose(a, perm: [0, 0]) }
}

@Test func oneHotEncodesLabels() throws {
  let o = try oneHot(indices: NDArray(shape: [3], int64s: [0, 2, 5]), depth: 3)
  assertArray(o, shape: [3, 3], [1, 0, 0, 0, 0, 1, 0, 0, 0])
  #expect(try oneHot(indices: NDArray(shape: [2, 1], int64s: [1, 0]), depth: 2).shape == [2, 1, 2])
  #expect(throws: ArrayError.self) { try oneHot(indices: NDArray(shape: [1], int64s: [0]), depth: -1) }
}

@Test func indexAndSliceFollowPython() throws {
  let a = NDArray(shape: [4, 2], int64s: [0, 1, 10, 11, 20, 21, 30, 31])
  #expect(try index(a, 1).int64s == [10, 11])
  #expect(try index(a, -1).int64s == [30, 31])
  #expect(try index(a, 2).shape == [2])
  #expect(try index(index(a, 2), 1).shape == [])
  #expect(throws: ArrayError("index 4 is out of bounds for axis 0 with size 4")) { try index(a, 4) }
  #expect(throws: ArrayError("invalid index to scalar variable.")) { try index(NDArray(scalar: Float(1)), 0) }
  #expect(try slice(a, axis0: 1, 3, nil).int64s == [10, 11, 20, 21])
  #expect(try slice(a, axis0: nil, nil, 2).int64s == [0, 1, 20, 21])
  #expect(try slice(a, axis0: nil, nil, -1).int64s == [30, 31, 20, 21, 10, 11, 0, 1])
  #expect(try slice(a, axis0: -2, nil, nil).int64s == [20, 21, 30, 31])
  #expect(try slice(a, axis0: 3, 0, -2).int64s == [30, 31, 10, 11])
  #expect(try slice(a, axis0: 10, 20, nil).shape == [0, 2])
  #expect(try slice(a, axis0: -100, 1, nil).int64s == [0, 1])
  #expect(throws: ArrayError("slice step cannot be zero")) { try slice(a, axis0: nil, nil, 0) }
}

@Test func matmulChecksShapesLikeTensorFlow() throws {
  let x = NDArray.zeros([2, 784]), w = NDArray.zeros([10, 10])
  #expect(throws: ArrayError("Matrix size-incompatible: In[0]: [2,784], In[1]: [10,10]")) { try matmul(x, w) }
  #expect(throws: ArrayError.self) { try matmul(NDArray.zeros([3]), w) }
  #expect(throws: ArrayError.self) { try matmul(NDArray.zeros([2, 2], dtype: .int64), NDArray.zeros([2, 2], dtype: .int64)) }
  assertArray(try matmul(NDArray.zeros([0, 3]), NDArray.zeros([3, 2])), shape: [0, 2], [])
  assertArray(try matmul(NDArray.zeros([2, 0]), NDArray.zeros([0, 2])), shape: [2, 2], [0, 0, 0, 0])
  let a = NDArray(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6]), b = NDArray(shape: [3, 2], floats: [7, 8, 9, 10, 11, 12])
  assertArray(try matmul(a, b), shape: [2, 2], [58, 64, 139, 154])
  assertArray(try matmul(b, a, transposeA: true, transposeB: true), shape: [2, 2], [58, 139, 64, 154])
}

@Test func randomIsDeterministicPerSeedAndHasTheRightMoments() {
  var r1 = RandomGenerator(seed: 5), r2 = RandomGenerator(seed: 5), r3 = RandomGenerator(seed: 6)
  let a = randomNormal([20000], mean: 1, stddev: 2, rng: &r1)
  let b = randomNormal([20000], mean: 1, stddev: 2, rng: &r2)
  let c = randomNormal([20000], mean: 1, stddev: 2, rng: &r3)
  #expect(a.floats == b.floats)
  #expect(a.floats != c.floats)
  let v = a.doubles
  let mean = v.reduce(0, +) / Double(v.count)
  let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)).squareRoot()
  #expect(abs(mean - 1) < 0.05 && abs(sd - 2) < 0.05)
  var r4 = RandomGenerator(seed: 1)
  let t = truncatedNormal([20000], mean: 0, stddev: 0.1, rng: &r4).floats
  #expect(t.allSatisfy { abs($0) <= 0.2 })
  let tsd = (t.map { Double($0 * $0) }.reduce(0, +) / Double(t.count)).squareRoot()
  #expect(abs(tsd - 0.088) < 0.005)  // a normal truncated at 2σ has σ ≈ 0.88
  var r5 = RandomGenerator(seed: 2)
  let u = (0..<1000).map { _ in r5.uniform() }
  #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
}

@Test func gradientCheckerAgreesWithAnalyticGradient() {
  // f(x) = sum(x_i^2 * x_0); df/dx0 = sum(x^2) + 2 x0^2 ... checked on a simple closed form
  let f: ([Double]) -> Double = { x in x[0] * x[0] * x[1] + 3 * x[1] }
  let x = [1.5, -2.0]
  let analytic = [2 * x[0] * x[1], x[0] * x[0] + 3]
  #expect(gradientMismatch(f, at: x, analytic: analytic) == nil)
  #expect(gradientMismatch(f, at: x, analytic: [0, 0]) != nil)
  assertGradient(f, at: x, analytic: analytic)
}
