import Testing
import Tensors
import TFGraph

/// The vectorised C exp/log/softmax the engine runs must give exactly what the scalar Swift
/// FastMath gives (the TensorFlow-compatible rounding), on every ISA the CPU has.
@Suite struct VectorMathTests {
  static func samples() -> [Float] {
    var xs: [Float] = [0, -0, .infinity, -.infinity, .nan, 88.37626, 88.3763, 88.72, -88.3762, -88.4, -87.3,
                       -103.9, -104, 1e-38, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 1, 2, 0.5,
                       0.70710677, 0.7071068, -1, 1e30, -1e30]
    var rng = RandomGenerator(seed: 3)
    for _ in 0..<60_000 { xs.append(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))) }
    for _ in 0..<60_000 { xs.append(rng.uniform() * 200 - 100) }
    for _ in 0..<20_000 { xs.append(rng.uniform() * 4) }
    return xs
  }

  static func same(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

  @Test(arguments: ["generic", "avx2", "avx512"])
  func arrayExpAndLogMatchScalarBitForBit(_ isa: String) throws {
    let xs = Self.samples()
    var e = [Float](repeating: 0, count: xs.count), l = e
    guard tfMath(isa: isa, .exp, xs, &e, rows: 1, cols: xs.count) else { return }  // this CPU lacks it
    #expect(tfMath(isa: isa, .log, xs, &l, rows: 1, cols: xs.count))
    var bad = 0
    for i in xs.indices {
      if !Self.same(e[i], FastMath.exp(xs[i])) { bad += 1 }
      if !Self.same(l[i], FastMath.log(xs[i])) { bad += 1 }
    }
    #expect(bad == 0)
    #expect(e[0] == 1 && l[0] == -.infinity && e[3] == 0 && l[4].isNaN)
  }

  @Test(arguments: ["generic", "avx2", "avx512"])
  func softmaxKernelMatchesScalarDefinition(_ isa: String) throws {
    var probe: [Float] = [0]
    guard tfMath(isa: isa, .exp, [0], &probe, rows: 1, cols: 1) else { return }
    var rng = RandomGenerator(seed: 8)
    // rows of <= 64 columns run 8 at a time (then the rest one by one): full groups, leftovers,
    // the 64/65-column limit, and specials (NaN, infinities, signed zeros, a row all -inf)
    for (rows, cols) in [(1, 1), (3, 10), (100, 10), (7, 33), (8, 10), (1003, 10), (17, 64), (9, 65), (16, 1), (24, 3)] {
      var x = (0..<(rows * cols)).map { _ in rng.uniform() * 40 - 20 }
      if rows == 7 { x[5] = .nan; x[40] = -.infinity; x[41] = 1e30 }
      if rows >= 8 {
        for i in stride(from: 3, to: x.count, by: 29) { x[i] = [Float.nan, .infinity, -.infinity, -0.0, 0, 1e30][i % 6] }
        for c in 0..<cols { x[2 * cols + c] = -.infinity }
      }
      for log in [false, true] {
        var got = [Float](repeating: 0, count: x.count)
        #expect(tfMath(isa: isa, log ? .logSoftmax : .softmax, x, &got, rows: rows, cols: cols))
        var bad = 0
        for r in 0..<rows {
          let row = Array(x[(r * cols)..<((r + 1) * cols)])
          var m = -Float.infinity
          for v in row { m = v > m || v != v ? v : m }
          let e = row.map { FastMath.exp($0 - m) }
          var s: Float = 0
          for v in e { s += v }
          let want = log ? row.map { $0 - m - FastMath.log(s) } : e.map { $0 * (1 / s) }
          for c in 0..<cols where !Self.same(got[r * cols + c], want[c]) { bad += 1 }
        }
        #expect(bad == 0, "rows \(rows) cols \(cols) log \(log)")
      }
    }
  }
}

/// The engine's array forms (dispatched at run time) agree with the scalar ones.
@Test func dispatchedArrayMathMatchesScalar() {
  let xs = VectorMathTests.samples()
  var e = [Float](repeating: 0, count: xs.count), l = e
  FastMath.exp(xs.count, xs, &e)
  FastMath.log(xs.count, xs, &l)
  var bad = 0
  for i in xs.indices where !VectorMathTests.same(e[i], FastMath.exp(xs[i])) || !VectorMathTests.same(l[i], FastMath.log(xs[i])) { bad += 1 }
  #expect(bad == 0)
}
