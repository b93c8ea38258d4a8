import Testing
import Tensors
import _TestSupport

@Test func addBroadcastsARowOverAMatrix() throws {
  let a = NDArray(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
  let b = NDArray(shape: [3], floats: [10, 20, 30])
  assertArray(try binary(.add, a, b), shape: [2, 3], [11, 22, 33, 14, 25, 36])
}

@Test func matmulMatchesHandComputedProduct() throws {
  let a = NDArray(shape: [2, 2], floats: [1, 2, 3, 4])
  let b = NDArray(shape: [2, 2], floats: [5, 6, 7, 8])
  assertArray(try matmul(a, b), shape: [2, 2], [19, 22, 43, 50])
  assertArray(try matmul(a, b, transposeA: true), shape: [2, 2], [26, 30, 38, 44])
  assertArray(try matmul(a, b, transposeB: true), shape: [2, 2], [17, 23, 39, 53])
}

@Test func printsLikeNumPy() {
  #expect(NDArray(shape: [3], floats: [0, 0.5, 1]).numpyStr == "[0.  0.5 1. ]")
  #expect(NDArray(scalar: Float(0.9194)).numpyStr == "0.9194")
}
