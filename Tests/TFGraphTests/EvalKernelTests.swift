import TFGraph
import Tensors
import Testing

/// The engine's fast paths for the evaluation ops give exactly what the general array code gives.
@Suite struct EvalKernelTests {
  static func values(_ n: Int, seed: UInt64) -> [Float] {
    var rng = RandomGenerator(seed: seed)
    let specials: [Float] = [.nan, .infinity, -.infinity, 0, -0, .leastNonzeroMagnitude, 3e38]
    return (0..<n).map { i in i % 37 == 5 ? specials[i % specials.count] : rng.uniform() * 20 - 10 }
  }

  static func same(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
  }

  /// [rows, cols] ∘ [cols] (the bias add) and [cols] ∘ [rows, cols], against Tensors' broadcasting.
  @Test(arguments: [BinaryKind.add, .sub, .mul, .div, .maximum, .minimum])
  func rowBroadcastMatchesGeneralBroadcasting(_ kind: BinaryKind) throws {
    for (rows, cols) in [(1, 10), (3, 10), (25, 10), (26, 10), (1003, 10), (7, 1), (300, 3), (5, 63), (9, 64), (4, 65)] {
      let a = NDArray(shape: [rows, cols], floats: Self.values(rows * cols, seed: UInt64(rows * 100 + cols)))
      let b = NDArray(shape: [cols], floats: Self.values(cols, seed: 9))
      let g = Graph()
      let pa = g.placeholder(.float32), pb = g.placeholder(.float32)
      let s = Session(graph: g)
      for (x, y, tx, ty) in [(a, b, pa, pb), (b, a, pb, pa)] {
        let got = try s.run(try g.binary(kind, tx, ty), feeds: [pa: a, pb: b])
        let want = try binary(BinaryOp(rawValue: kind.rawValue)!, x, y)
        #expect(got.shape == want.shape)
        #expect(Self.same(got.floats, want.floats), "\(kind) \(x.shape) \(y.shape)")
      }
    }
  }

  @Test func equalAndCastMatchGeneralCode() throws {
    let g = Graph()
    let pi = g.placeholder(.int64), pj = g.placeholder(.int64), pf = g.placeholder(.float32), ph = g.placeholder(.float32)
    let s = Session(graph: g)
    let i = NDArray(shape: [1001], int64s: (0..<1001).map { Int64($0 % 10) })
    let j = NDArray(shape: [1001], int64s: (0..<1001).map { Int64(($0 * 7) % 10) })
    let f = NDArray(shape: [7, 11], floats: Self.values(77, seed: 4))
    let h = NDArray(shape: [7, 11], floats: Self.values(77, seed: 4).enumerated().map { $0.offset % 3 == 0 ? 1 : $0.element })
    let eq = try s.run(try g.equal(pi, pj), feeds: [pi: i, pj: j])
    #expect(eq.bools == (try binary(.equal, i, j)).bools)
    #expect(try s.run(try g.binary(.notEqual, pi, pj), feeds: [pi: i, pj: j]).bools == eq.bools.map { !$0 })
    let feq = try s.run(try g.equal(pf, ph), feeds: [pf: f, ph: h])
    #expect(feq.bools == (try binary(.equal, f, h)).bools)  // NaN != NaN
    #expect(feq.shape == [7, 11])
    let c = try s.run(try g.cast(try g.equal(pi, pj), to: .float32), feeds: [pi: i, pj: j])
    #expect(c.floats == cast(eq, to: .float32).floats && c.shape == [1001])
  }
}
