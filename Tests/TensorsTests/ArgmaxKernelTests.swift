import Testing
import Tensors

/// The vectorised row argmax/argmin (C, every ISA this CPU has) against the general scan of
/// `argmax`/`argmin` (reached through the transposed matrix, axis 0), on data with ties, NaN,
/// infinities and signed zeros.
@Suite struct ArgmaxKernelTests {
  /// Random rows whose values come from `pick` (a small set makes ties frequent).
  static func matrix(_ rows: Int, _ cols: Int, seed: UInt64, _ pick: (inout RandomGenerator) -> Float) -> [Float] {
    var rng = RandomGenerator(seed: seed)
    return (0..<(rows * cols)).map { _ in pick(&rng) }
  }

  static let specials: [Float] = [.nan, -.nan, .infinity, -.infinity, 0, -0, 1, -1, 1, .greatestFiniteMagnitude]

  static func cases() -> [(String, [Float], Int, Int)] {
    var out: [(String, [Float], Int, Int)] = []
    for (rows, cols) in [(1, 1), (9, 1), (3, 10), (8, 10), (16, 10), (1003, 10), (17, 64), (9, 65), (40, 3), (13, 7), (24, 784)] {
      out.append(("uniform", matrix(rows, cols, seed: 1) { $0.uniform() }, rows, cols))
      out.append(("ties", matrix(rows, cols, seed: 2) { Float($0.next() % 3) }, rows, cols))
      out.append(("specials", matrix(rows, cols, seed: 3) { specials[Int($0.next() % UInt64(specials.count))] }, rows, cols))
      out.append(("mostly -inf", matrix(rows, cols, seed: 4) { $0.next() % 5 == 0 ? $0.uniform() : -.infinity }, rows, cols))
      out.append(("bits", matrix(rows, cols, seed: 5) { Float(bitPattern: UInt32(truncatingIfNeeded: $0.next())) }, rows, cols))
    }
    return out
  }

  @Test(arguments: ["generic", "avx2", "avx512"])
  func kernelMatchesGeneralScan(_ isa: String) throws {
    for (label, x, rows, cols) in Self.cases() {
      let a = NDArray(shape: [rows, cols], floats: x)
      let t = try transpose(a, perm: [1, 0])  // [cols, rows]: axis 0 takes the general path
      for isMin in [false, true] {
        let want = try (isMin ? argmin(t, axis: 0) : argmax(t, axis: 0)).int64s
        #expect(want == argmaxRowsReference(x, rows: rows, cols: cols, argmin: isMin))
        guard let got = argmaxRowsKernel(isa: isa, x, rows: rows, cols: cols, argmin: isMin) else { return }
        #expect(got == want, "\(isa) \(label) \(rows)x\(cols) argmin \(isMin)")
        // the public entry point (dispatched kernel) agrees too
        #expect(try (isMin ? argmin(a, axis: 1) : argmax(a, axis: -1)).int64s == want)
      }
    }
  }

  @Test func edgeRowsByHand() throws {
    let rows: [[Float]] = [
      [1, 3, 3, 2],                    // tie: first
      [-0.0, 0, 0, -0.0],              // signed zeros compare equal: first
      [-.infinity, -.infinity, -.infinity, -.infinity],
      [.infinity, 1, .infinity, .nan],  // NaN wins wherever it is
      [.nan, 5, .nan, 7],              // first NaN
      [2, .nan, .infinity, .nan],
      [-.infinity, -1e38, -.infinity, -2e38],
      [1, 2, 3, .infinity],
    ]
    let x = rows.flatMap { $0 } + rows.flatMap { $0 }  // 16 rows: two full groups of 8
    let a = NDArray(shape: [16, 4], floats: x)
    let maxWant: [Int64] = [1, 0, 0, 3, 0, 1, 1, 3]
    let minWant: [Int64] = [0, 0, 0, 3, 0, 1, 0, 0]
    #expect(try argmax(a, axis: 1).int64s == maxWant + maxWant)
    #expect(try argmin(a, axis: 1).int64s == minWant + minWant)
  }
}
