import Testing
import Tensors
import _TestSupport

/// The skinny kernels (n ≤ 16: `dot` for x·W, `outer` for xᵀ·g) against the reference, on every
/// column-block split, odd k (vector tails), row remainders, L2 chunk boundaries, strides,
/// alpha/beta and both layouts of B.
@Test(arguments: isas)
func skinnySgemmMatchesReference(_ isa: String) throws {
  var failures: [String] = []
  var trial: UInt64 = 0
  for n in 1...16 {
    for (m, k) in [(1, 9), (3, 8), (7, 31), (33, 100), (70, 784), (19, 3)] {
      trial += 1
      let tA = trial % 2 == 0, tB = trial % 3 == 0
      let (alpha, beta): (Float, Float) = trial % 4 == 0 ? (0.5, 1.5) : (1, 0)
      if let f = checkGemm(isa, tA, tB, m, n, k, alpha: alpha, beta: beta, seed: trial) { failures.append(f) }
      if let f = checkGemm(isa, !tA, tB, m, n, k, alpha: alpha, beta: beta, seed: trial + 1000) { failures.append(f) }
    }
  }
  // many rows with a long k: several L2 chunks of the dot kernel, many row strips of outer
  for tA in [false, true] {
    if let f = checkGemm(isa, tA, false, 301, 10, 2000, alpha: 1, beta: 0, seed: 77) { failures.append(f) }
  }
  #expect(failures.isEmpty, "\(failures.prefix(5))")
}

/// Every element of C is computed by the same code whatever the number of rows, the blocking
/// or the split over threads: a row of a product shared with the helper thread in chunks (4000
/// rows; and the training step's two products, forward [100,784]x[784,10] and the weight
/// gradient [784,100]^T x [100,10]) is bit for bit the same row computed alone.
@Test(arguments: [(false, 4000, 120), (true, 4000, 120), (false, 100, 784), (true, 784, 100)])
func sgemmRowsDoNotDependOnSplitOrBlocking(_ transA: Bool, _ m: Int, _ k: Int) {
  var rng = RandomGenerator(seed: 5)
  let n = 10
  let a = (0..<(m * k)).map { _ in rng.uniform() - 0.5 }
  let b = (0..<(k * n)).map { _ in rng.uniform() - 0.5 }
  var big = [Float](repeating: 0, count: m * n)
  sgemm(transA: transA, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: transA ? m : k, b: b, ldb: n,
        beta: 0, c: &big, ldc: n)
  // Again, many times: the helper takes a different share of the chunks each time.
  var again = [Float](repeating: 0, count: m * n)
  var differing = 0
  for _ in 0..<50 {
    sgemm(transA: transA, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: transA ? m : k, b: b, ldb: n,
          beta: 0, c: &again, ldc: n)
    if again.map(\.bitPattern) != big.map(\.bitPattern) { differing += 1 }
  }
  #expect(differing == 0)
  var mismatches = 0
  for i in [0, 1, 15, 16, 17, 47, 48, 63, 64, 97, 98, 99, 111, 112, 391, 392, 783, 1999, 2000, 2001, 2015, 2016, 3998, 3999] where i < m {
    var row = [Float](repeating: 0, count: n)
    a.withUnsafeBufferPointer { pa in
      if transA {
        // column i of the stored k x m matrix, as a 1-row product with lda = m
        sgemm(transA: true, transB: false, m: 1, n: n, k: k, alpha: 1, a: pa.baseAddress! + i, lda: m,
              b: b, ldb: n, beta: 0, c: &row, ldc: n)
      } else {
        sgemm(transA: false, transB: false, m: 1, n: n, k: k, alpha: 1, a: pa.baseAddress! + i * k, lda: k,
              b: b, ldb: n, beta: 0, c: &row, ldc: n)
      }
    }
    for j in 0..<n where row[j].bitPattern != big[i * n + j].bitPattern { mismatches += 1 }
  }
  #expect(mismatches == 0)
}

/// Concurrent callers of a large (split) product all get the single-threaded answer.
@Test func concurrentLargeProductsAgree() async {
  var rng = RandomGenerator(seed: 11)
  let m = 3000, n = 10, k = 200
  let a = (0..<(m * k)).map { _ in rng.uniform() - 0.5 }
  let b = (0..<(k * n)).map { _ in rng.uniform() - 0.5 }
  func product() -> [Float] {
    var c = [Float](repeating: 0, count: m * n)
    sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n, beta: 0, c: &c, ldc: n)
    return c
  }
  let want = product()
  let results = await withTaskGroup(of: [Float].self) { g in
    for _ in 0..<6 { g.addTask { var last: [Float] = []; for _ in 0..<5 { last = product() }; return last } }
    var all: [[Float]] = []
    for await r in g { all.append(r) }
    return all
  }
  #expect(results.count == 6)
  #expect(results.allSatisfy { $0.map(\.bitPattern) == want.map(\.bitPattern) })
}

/// `sgemmSubtractScaled` gives the floats of `sgemm` (alpha 1, beta 0) followed by
/// `subtractScaled` over the product: small products on the caller's thread, and big ones shared
/// with the helper (the weight gradient [784,100]ᵀ·[100,10] among them), where each thread
/// updates its own rows; repeated, since the helper takes a different share each time.
@Test(arguments: [(true, false, 784, 100), (false, false, 100, 784), (true, true, 784, 100), (false, true, 4000, 120),
                  (true, false, 784, 37), (false, false, 3, 5), (true, false, 1, 1)])
func productWithUpdateMatchesTheTwoCalls(_ transA: Bool, _ transB: Bool, _ m: Int, _ k: Int) {
  var rng = RandomGenerator(seed: 9)
  let n = 10
  let a = (0..<(m * k)).map { _ in rng.uniform() - 0.5 }
  let b = (0..<(k * n)).map { _ in rng.uniform() - 0.5 }
  let w0 = (0..<(m * n)).map { _ in rng.uniform() - 0.5 }
  let lda = transA ? m : k, ldb = transB ? k : n
  var product = [Float](repeating: 0, count: m * n)
  var expected = w0
  sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: a, lda: lda, b: b, ldb: ldb, beta: 0,
        c: &product, ldc: n)
  subtractScaled(&expected, product, alpha: 0.5, count: m * n)
  var differing = 0
  for _ in 0..<30 {
    var w = w0
    var c = [Float](repeating: .nan, count: m * n)
    sgemmSubtractScaled(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: &c,
                        learningRate: 0.5, w: &w)
    if c.map(\.bitPattern) != product.map(\.bitPattern) || w.map(\.bitPattern) != expected.map(\.bitPattern) {
      differing += 1
    }
  }
  #expect(differing == 0)
  #expect(expected != w0)  // the update moved the weights
}
