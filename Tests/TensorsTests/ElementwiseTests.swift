import Foundation
import Testing
import Tensors
import _TestSupport

func f32(_ shape: [Int], _ v: [Float]) -> NDArray { NDArray(shape: shape, floats: v) }
func i64(_ shape: [Int], _ v: [Int64]) -> NDArray { NDArray(shape: shape, int64s: v) }

@Test func floatArithmeticMatchesHandValues() throws {
  let a = f32([4], [1, -2, 3, 0.5]), b = f32([4], [2, 4, -1, 0.25])
  assertArray(try binary(.add, a, b), shape: [4], [3, 2, 2, 0.75])
  assertArray(try binary(.sub, a, b), shape: [4], [-1, -6, 4, 0.25])
  assertArray(try binary(.mul, a, b), shape: [4], [2, -8, -3, 0.125])
  assertArray(try binary(.div, a, b), shape: [4], [0.5, -0.5, -3, 2])
  assertArray(try binary(.pow, a, f32([4], [2, 3, 0, -1])), shape: [4], [1, -8, 1, 2])
  assertArray(try binary(.maximum, a, b), shape: [4], [2, 4, 3, 0.5])
  assertArray(try binary(.minimum, a, b), shape: [4], [1, -2, -1, 0.25])
}

@Test func comparisonsAndLogicReturnBool() throws {
  let a = f32([3], [1, 2, 3]), b = f32([3], [3, 2, 1])
  #expect(try binary(.equal, a, b).bools == [false, true, false])
  #expect(try binary(.notEqual, a, b).bools == [true, false, true])
  #expect(try binary(.less, a, b).bools == [true, false, false])
  #expect(try binary(.lessEqual, a, b).bools == [true, true, false])
  #expect(try binary(.greater, a, b).bools == [false, false, true])
  #expect(try binary(.greaterEqual, a, b).bools == [false, true, true])
  #expect(try binary(.equal, a, b).dtype == .bool)
  let p = NDArray(shape: [4], bools: [true, true, false, false]), q = NDArray(shape: [4], bools: [true, false, true, false])
  #expect(try binary(.logicalAnd, p, q).bools == [true, false, false, false])
  #expect(try binary(.logicalOr, p, q).bools == [true, true, true, false])
  #expect(try binary(.equal, p, q).bools == [true, false, false, true])
  #expect(try binary(.equal, i64([2], [7, 1]), i64([2], [7, 2])).bools == [true, false])
}

@Test func int64ArithmeticFloorsDivisionAndPowers() throws {
  let a = i64([4], [7, -7, 7, -7]), b = i64([4], [2, 2, -2, -2])
  #expect(try binary(.add, a, b).int64s == [9, -5, 5, -9])
  #expect(try binary(.mul, a, b).int64s == [14, -14, -14, 14])
  #expect(try binary(.div, a, b).int64s == [3, -4, -4, 3])
  #expect(try binary(.pow, i64([3], [2, -3, 5]), i64([3], [10, 3, 0])).int64s == [1024, -27, 1])
  #expect(try binary(.maximum, a, b).int64s == [7, 2, 7, -2])
  #expect(throws: ArrayError("Integer division by zero")) { try binary(.div, a, i64([1], [0])) }
}

@Test func broadcastingFollowsNumPyRules() throws {
  #expect(try broadcastShapes([2, 3], [3]) == [2, 3])
  #expect(try broadcastShapes([4, 1], [3]) == [4, 3])
  #expect(try broadcastShapes([], [2, 2]) == [2, 2])
  #expect(try broadcastShapes([5, 1, 3], [4, 1]) == [5, 4, 3])
  #expect(try broadcastShapes([0, 3], [1, 3]) == [0, 3])
  #expect(try broadcastShapes([1], [0]) == [0])
  #expect(throws: ArrayError("operands could not be broadcast together with shapes (2,3) (4,) ")) {
    try broadcastShapes([2, 3], [4])
  }
  // column vector against row vector
  let col = f32([2, 1], [1, 2]), row = f32([3], [10, 20, 30])
  assertArray(try binary(.add, col, row), shape: [2, 3], [11, 21, 31, 12, 22, 32])
  assertArray(try binary(.sub, row, col), shape: [2, 3], [9, 19, 29, 8, 18, 28])
  // scalar on either side
  assertArray(try binary(.mul, NDArray(scalar: Float(2)), col), shape: [2, 1], [2, 4])
  assertArray(try binary(.div, col, NDArray(scalar: Float(2))), shape: [2, 1], [0.5, 1])
  // middle axis stretched
  let a = f32([2, 1, 2], [1, 2, 3, 4]), b = f32([3, 1], [0, 10, 100])
  assertArray(try binary(.add, a, b), shape: [2, 3, 2], [1, 2, 11, 12, 101, 102, 3, 4, 13, 14, 103, 104])
  // empty result
  #expect(try binary(.add, f32([0, 3], []), f32([3], [1, 2, 3])).shape == [0, 3])
}

@Test func broadcastToAndSumToShapeAreAdjoint() throws {
  let b = f32([3], [1, 2, 3])
  assertArray(try broadcast(b, to: [2, 3]), shape: [2, 3], [1, 2, 3, 1, 2, 3])
  assertArray(try broadcast(f32([2, 1], [1, 2]), to: [2, 2]), shape: [2, 2], [1, 1, 2, 2])
  #expect(throws: ArrayError.self) { try broadcast(f32([2], [1, 2]), to: [3]) }
  let g = f32([2, 3], [1, 2, 3, 4, 5, 6])
  assertArray(try sumToShape(g, [3]), shape: [3], [5, 7, 9])
  assertArray(try sumToShape(g, [1, 3]), shape: [1, 3], [5, 7, 9])
  assertArray(try sumToShape(g, [2, 1]), shape: [2, 1], [6, 15])
  assertArray(try sumToShape(g, []), shape: [], [21])
  assertArray(try sumToShape(g, [2, 3]), shape: [2, 3], [1, 2, 3, 4, 5, 6])
  #expect(throws: ArrayError.self) { try sumToShape(g, [4]) }
}

@Test func dtypeMismatchIsThrownLikeTensorFlow() {
  #expect(throws: ArrayError("Input 'y' of 'AddV2' Op has type int64 that does not match type float32 of argument 'x'.")) {
    try binary(.add, f32([1], [1]), i64([1], [1]))
  }
  #expect(throws: ArrayError.self) { try binary(.add, NDArray(scalar: true), NDArray(scalar: false)) }
  #expect(throws: ArrayError.self) { try binary(.logicalAnd, f32([1], [1]), f32([1], [1])) }
}

@Test func unaryOpsMatchHandValues() throws {
  let a = f32([4], [1, 4, 0.25, 2])
  assertArray(try unary(.neg, a), shape: [4], [-1, -4, -0.25, -2])
  assertArray(try unary(.log, a), shape: [4], [0, log(4.0), log(0.25), log(2.0)])
  assertArray(try unary(.exp, f32([2], [0, 1])), shape: [2], [1, M_E])
  assertArray(try unary(.square, a), shape: [4], [1, 16, 0.0625, 4])
  assertArray(try unary(.sqrt, a), shape: [4], [1, 2, 0.5, sqrt(2.0)])
  assertArray(try unary(.rsqrt, a), shape: [4], [1, 0.5, 2, 1 / sqrt(2.0)])
  assertArray(try unary(.reciprocal, a), shape: [4], [1, 0.25, 4, 0.5])
  let s = f32([4], [-2, 0, 3, -0.5])
  assertArray(try unary(.abs, s), shape: [4], [2, 0, 3, 0.5])
  assertArray(try unary(.sign, s), shape: [4], [-1, 0, 1, -1])
  assertArray(try unary(.relu, s), shape: [4], [0, 0, 3, 0])
  assertArray(try unary(.sigmoid, f32([3], [0, 2, -2])), shape: [3], [0.5, 1 / (1 + exp(-2.0)), 1 / (1 + exp(2.0))])
  assertArray(try unary(.tanh, f32([2], [0, 1])), shape: [2], [0, tanh(1.0)])
  #expect(try unary(.logicalNot, NDArray(shape: [2], bools: [true, false])).bools == [false, true])
  #expect(try unary(.neg, i64([2], [3, -4])).int64s == [-3, 4])
  #expect(try unary(.abs, i64([2], [3, -4])).int64s == [3, 4])
}

@Test func logOfZeroIsMinusInfinityAndNaNPropagates() throws {
  let l = try unary(.log, f32([3], [0, -1, .nan])).floats
  #expect(l[0] == -.infinity)
  #expect(l[1].isNaN && l[2].isNaN)
  // the tutorial's naive loss: 0 * log(0) = NaN, as TensorFlow gives
  #expect(try binary(.mul, f32([1], [0]), f32([1], [-.infinity])).floats[0].isNaN)
  #expect(try binary(.maximum, f32([1], [.nan]), f32([1], [1])).floats[0].isNaN)
}

@Test func unaryRejectsWrongDtypes() {
  #expect(throws: ArrayError.self) { try unary(.log, i64([1], [1])) }
  #expect(throws: ArrayError.self) { try unary(.logicalNot, f32([1], [1])) }
  #expect(throws: ArrayError.self) { try unary(.neg, NDArray(scalar: true)) }
}
