import Foundation
import Testing
import Tensors
import _TestSupport

let m23 = NDArray(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])

@Test func reductionsAlongEachAxis() throws {
  assertArray(try reduce(.sum, m23, axes: nil, keepDims: false), shape: [], [21])
  assertArray(try reduce(.sum, m23, axes: [0], keepDims: false), shape: [3], [5, 7, 9])
  assertArray(try reduce(.sum, m23, axes: [1], keepDims: false), shape: [2], [6, 15])
  assertArray(try reduce(.mean, m23, axes: [1], keepDims: false), shape: [2], [2, 5])
  assertArray(try reduce(.mean, m23, axes: nil, keepDims: false), shape: [], [3.5])
  assertArray(try reduce(.max, m23, axes: [0], keepDims: false), shape: [3], [4, 5, 6])
  assertArray(try reduce(.min, m23, axes: [1], keepDims: false), shape: [2], [1, 4])
  assertArray(try reduce(.prod, m23, axes: [1], keepDims: false), shape: [2], [6, 120])
}

@Test func negativeAxesAndKeepDims() throws {
  assertArray(try reduce(.sum, m23, axes: [-1], keepDims: true), shape: [2, 1], [6, 15])
  assertArray(try reduce(.sum, m23, axes: [-2], keepDims: true), shape: [1, 3], [5, 7, 9])
  assertArray(try reduce(.sum, m23, axes: nil, keepDims: true), shape: [1, 1], [21])
  assertArray(try reduce(.sum, m23, axes: [0, -1], keepDims: false), shape: [], [21])
  assertArray(try reduce(.sum, m23, axes: [], keepDims: false), shape: [2, 3], [1, 2, 3, 4, 5, 6])
  // 3-D, non-adjacent axes
  let t = NDArray(shape: [2, 3, 2], floats: (0..<12).map(Float.init))
  assertArray(try reduce(.sum, t, axes: [0, 2], keepDims: false), shape: [3], [0 + 1 + 6 + 7, 2 + 3 + 8 + 9, 4 + 5 + 10 + 11])
  assertArray(try reduce(.max, t, axes: [1], keepDims: true), shape: [2, 1, 2], [4, 5, 10, 11])
  assertArray(try reduce(.mean, t, axes: [-3, -1], keepDims: true), shape: [1, 3, 1], [3.5, 5.5, 7.5])
}

@Test func reductionErrorsAndDtypes() throws {
  #expect(throws: ArrayError("axis 2 is out of bounds for array of dimension 2")) {
    try reduce(.sum, m23, axes: [2], keepDims: false)
  }
  #expect(throws: ArrayError("duplicate value in 'axis'")) { try reduce(.sum, m23, axes: [1, -1], keepDims: false) }
  #expect(throws: ArrayError.self) { try reduce(.any, m23, axes: nil, keepDims: false) }
  let b = NDArray(shape: [2, 2], bools: [true, false, true, true])
  #expect(try reduce(.any, b, axes: [1], keepDims: false).bools == [true, true])
  #expect(try reduce(.all, b, axes: [1], keepDims: false).bools == [false, true])
  #expect(try reduce(.all, b, axes: [0], keepDims: false).bools == [true, false])
  let i = NDArray(shape: [3], int64s: [1, 2, 4])
  #expect(try reduce(.sum, i, axes: nil, keepDims: false).int64s == [7])
  #expect(try reduce(.mean, i, axes: nil, keepDims: false).int64s == [2])  // truncates, as TF
  // empty reductions give identities; max of nothing is -inf (as TensorFlow)
  let e = NDArray(shape: [0, 2], floats: [])
  assertArray(try reduce(.sum, e, axes: [0], keepDims: false), shape: [2], [0, 0])
  assertArray(try reduce(.max, e, axes: [0], keepDims: false), shape: [2], [-.infinity, -.infinity])
}

@Test func sumsLargeArraysAccurately() throws {
  let a = NDArray.filled([10000], value: 0.1)
  assertArray(try reduce(.sum, a, axes: nil, keepDims: false), shape: [], [1000], rtol: 1e-6)
  assertArray(try reduce(.mean, a, axes: nil, keepDims: false), shape: [], [0.1], rtol: 1e-6)
}

@Test func argmaxAndArgminPickTheFirstExtreme() throws {
  let a = NDArray(shape: [2, 3], floats: [1, 5, 5, 7, 0, 7])
  #expect(try argmax(a, axis: 1).int64s == [1, 0])
  #expect(try argmax(a, axis: 1).dtype == .int64)
  #expect(try argmax(a, axis: 0).int64s == [1, 0, 1])
  #expect(try argmin(a, axis: -1).int64s == [0, 1])
  #expect(try argmax(a, axis: -2).shape == [3])
  #expect(try argmax(NDArray(shape: [3], floats: [1, .nan, 3]), axis: 0).int64s == [1])
  #expect(try argmax(NDArray(shape: [3], int64s: [4, 9, 2]), axis: 0).int64s == [1])
  #expect(throws: ArrayError("axis 2 is out of bounds for array of dimension 2")) { try argmax(a, axis: 2) }
  #expect(throws: ArrayError.self) { try argmax(NDArray(shape: [0], floats: []), axis: 0) }
}

@Test func softmaxRowsSumToOneAndLargeInputsDoNotOverflow() throws {
  let x = NDArray(shape: [2, 3], floats: [1, 2, 3, 1000, 1000, 1000])
  let s = try softmax(x)
  let e1 = exp(1.0), e2 = exp(2.0), e3 = exp(3.0), z = e1 + e2 + e3
  assertArray(s, shape: [2, 3], [e1 / z, e2 / z, e3 / z, 1.0 / 3, 1.0 / 3, 1.0 / 3])
  assertArray(try reduce(.sum, s, axes: [1], keepDims: false), shape: [2], [1, 1])
  let big = try softmax(NDArray(shape: [1, 2], floats: [1e30, -1e30]))
  assertArray(big, shape: [1, 2], [1, 0])
  let ls = try logSoftmax(x)
  assertArray(ls, shape: [2, 3], [1 - log(z), 2 - log(z), 3 - log(z), -log(3.0), -log(3.0), -log(3.0)])
  assertArray(try logSoftmax(NDArray(shape: [2], floats: [0, -200])), shape: [2], [0, -200])
  // along axis 0
  let c = try softmax(NDArray(shape: [2, 2], floats: [0, 0, 0, Float(log(3.0))]), axis: 0)
  assertArray(c, shape: [2, 2], [0.5, 0.25, 0.5, 0.75])
  #expect(throws: ArrayError.self) { try softmax(NDArray(shape: [2], int64s: [1, 2])) }
}

@Test func vectorisedExpMatchesLibmAndIEEEEdges() {
  var xs: [Float] = [0, 1, -1, 0.5, 10, -10, 88, 88.7, 89, -87, -90, -103, -104, -200, .infinity, -.infinity, .nan, 1e-8, -1e-8]
  var rng = RandomGenerator(seed: 11)
  for _ in 0..<600 { xs.append(rng.uniform() * 180 - 95) }
  for i in 0..<100 { xs.append(88 + Float(i) * 0.0075) }
  var ys = [Float](repeating: 0, count: xs.count)
  expArray(xs, &ys, count: xs.count)
  var bad: [String] = []
  for (x, y) in zip(xs, ys) {
    let want = Foundation.expf(x)
    let ok: Bool
    if want.isNaN { ok = y.isNaN }
    else if want.isInfinite || want == 0 { ok = y == want }
    else if want < Float.leastNormalMagnitude { ok = abs(y - want) <= Float.leastNormalMagnitude }
    else { ok = abs(y - want) <= 3 * want.ulp }
    if !ok { bad.append("exp(\(x)) = \(y), libm \(want)") }
  }
  #expect(bad.isEmpty, "\(bad.prefix(5))")
}

@Test func softmaxHandlesNaNAndMinusInfinityRows() throws {
  let s = try softmax(NDArray(shape: [3, 2], floats: [.nan, 1, -.infinity, -.infinity, -.infinity, 0]))
  let v = s.floats
  #expect(v[0].isNaN && v[1].isNaN)
  #expect(v[2].isNaN && v[3].isNaN)  // 0/0, as TensorFlow
  #expect(v[4] == 0 && v[5] == 1)
  // a long row goes through the vector loop and its remainder
  let row = NDArray(shape: [1, 37], floats: (0..<37).map { Float($0) * 0.5 })
  assertClose(try reduce(.sum, try softmax(row), axes: nil, keepDims: false).doubles, [1], rtol: 1e-6)
}
