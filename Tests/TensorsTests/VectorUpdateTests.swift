import Tensors
import Testing

/// The vectorised gradient-descent update against the scalar Swift expression, bit for bit.
@Suite struct VectorUpdateTests {
  static func values(_ n: Int, seed: UInt32) -> [Float] {
    var s = seed
    return (0..<n).map { i in
      s = s &* 1_664_525 &+ 1_013_904_223
      switch i % 37 {
      case 5: return .nan
      case 11: return .infinity
      case 17: return -.greatestFiniteMagnitude
      case 23: return Float.leastNonzeroMagnitude
      default: return Float(Int32(bitPattern: s)) / Float(Int32.max) * 3
      }
    }
  }

  @Test(arguments: [0, 1, 7, 8, 15, 16, 17, 100, 7840])
  func matchesTheScalarExpression(count n: Int) {
    let x = Self.values(n, seed: 1), start = Self.values(n, seed: 2)
    for alpha: Float in [0.5, -0.003, 1e-30] {
      var expected = start
      for i in 0..<n { expected[i] -= alpha * x[i] }
      var fast = start, portable = start
      x.withUnsafeBufferPointer { px in
        fast.withUnsafeMutableBufferPointer { subtractScaled($0.baseAddress!, px.baseAddress!, alpha: alpha, count: n) }
        portable.withUnsafeMutableBufferPointer { subtractScaledPortable($0.baseAddress!, px.baseAddress!, alpha: alpha, count: n) }
      }
      for (got, want) in [(fast, expected), (portable, expected)] {
        #expect(zip(got, want).allSatisfy { $0.bitPattern == $1.bitPattern || $0.isNaN && $1.isNaN })
      }
      if n > 0 && alpha == 0.5 { #expect(fast[0] != start[0], "the update changed the values") }
    }
  }
}
