import Testing
import Tensors
import _TestSupport

/// Naive Double reference for C = alpha·op(A)·op(B) + beta·C.
func referenceGemm(
  _ tA: Bool, _ tB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double, _ a: [Float], _ lda: Int,
  _ b: [Float], _ ldb: Int, _ beta: Double, _ c: [Float], _ ldc: Int
) -> [Double] {
  var out = c.map(Double.init)
  for i in 0..<m {
    for j in 0..<n {
      var s = 0.0
      for p in 0..<k {
        let x = tA ? a[p * lda + i] : a[i * lda + p]
        let y = tB ? b[j * ldb + p] : b[p * ldb + j]
        s += Double(x) * Double(y)
      }
      out[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * Double(c[i * ldc + j]))
    }
  }
  return out
}

/// Runs one sgemm case (with padded leading dimensions) and returns a mismatch description or nil.
func checkGemm(_ isa: String, _ tA: Bool, _ tB: Bool, _ m: Int, _ n: Int, _ k: Int, alpha: Float, beta: Float, seed: UInt64) -> String? {
  var rng = RandomGenerator(seed: seed)
  let lda = (tA ? m : k) + 3, ldb = (tB ? k : n) + 1, ldc = n + 2
  let a = (0..<((tA ? k : m) * lda)).map { _ in rng.uniform() * 2 - 1 }
  let b = (0..<((tB ? n : k) * ldb)).map { _ in rng.uniform() * 2 - 1 }
  var c = (0..<(m * ldc)).map { _ in rng.uniform() }
  if beta == 0 { for i in c.indices where i % 7 == 0 { c[i] = .nan } }  // beta 0 must not read C
  let expected = referenceGemm(tA, tB, m, n, k, Double(alpha), a, lda, b, ldb, Double(beta), c, ldc)
  let ran = a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      c.withUnsafeMutableBufferPointer { pc in
        if isa == "auto" {
          sgemm(
            transA: tA, transB: tB, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!, lda: lda,
            b: pb.baseAddress!, ldb: ldb, beta: beta, c: pc.baseAddress!, ldc: ldc)
          return true
        }
        return sgemm(
          isa: isa, transA: tA, transB: tB, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!, lda: lda,
          b: pb.baseAddress!, ldb: ldb, beta: beta, c: pc.baseAddress!, ldc: ldc)
      }
    }
  }
  if !ran { return nil }  // this CPU lacks the ISA
  // compare only the m x n window; the padding columns must be untouched
  var got: [Double] = [], want: [Double] = []
  for i in 0..<m { for j in 0..<ldc { got.append(Double(c[i * ldc + j])); want.append(j < n ? expected[i * ldc + j] : expected[i * ldc + j]) } }
  let tol = 1e-5 * Double(max(k, 1))
  if let mm = closeMismatch(got, want, rtol: 1e-4, atol: tol) {
    return "tA=\(tA) tB=\(tB) m=\(m) n=\(n) k=\(k) alpha=\(alpha) beta=\(beta) isa=\(isa): \(mm)"
  }
  return nil
}

let isas = ["generic", "avx2", "avx512", "avx512-layout"]

@Test(arguments: isas)
func sgemmMatchesReferenceOnOddSizes(_ isa: String) throws {
  var rng = RandomGenerator(seed: 42)
  var failures: [String] = []
  for trial in 0..<160 {
    let m = 1 + Int(rng.next() % 37), n = 1 + Int(rng.next() % 37), k = 1 + Int(rng.next() % 37)
    let tA = trial & 1 == 1, tB = trial & 2 == 2
    let (alpha, beta): (Float, Float) = trial % 3 == 0 ? (1, 0) : (trial % 3 == 1 ? (0.5, 1) : (-1.5, 0.25))
    if let f = checkGemm(isa, tA, tB, m, n, k, alpha: alpha, beta: beta, seed: UInt64(trial)) { failures.append(f) }
  }
  #expect(failures.isEmpty, "\(failures.prefix(5))")
}

@Test(arguments: isas)
func sgemmMatchesReferenceOnTutorialShapes(_ isa: String) throws {
  for tA in [false, true] {
    for tB in [false, true] {
      #expect(checkGemm(isa, tA, tB, 100, 10, 784, alpha: 1, beta: 0, seed: 1) == nil)
      #expect(checkGemm(isa, tA, tB, 784, 10, 100, alpha: 1, beta: 0, seed: 2) == nil)
      #expect(checkGemm(isa, tA, tB, 100, 784, 10, alpha: 1, beta: 0, seed: 3) == nil)
      #expect(checkGemm(isa, tA, tB, 64, 48, 33, alpha: 2, beta: 0.5, seed: 4) == nil)
    }
  }
}

@Test func largeProductsSplitOverTwoThreadsStayCorrect() {
  // >= 16M multiply-adds: the dispatcher splits the rows of C over two threads
  for tA in [false, true] {
    for tB in [false, true] {
      #expect(checkGemm("auto", tA, tB, 2001, 10, 800, alpha: 1, beta: 0, seed: 9) == nil)
      #expect(checkGemm("auto", tA, tB, 300, 200, 270, alpha: 0.5, beta: 2, seed: 10) == nil)
    }
  }
}

@Test func kernelISAIsReported() {
  #expect(["generic", "avx2", "avx512"].contains(kernelISA))
  var c: [Float] = [0]
  #expect(!sgemm(isa: "sse9", transA: false, transB: false, m: 1, n: 1, k: 1, alpha: 1, a: [1], lda: 1, b: [1], ldb: 1, beta: 0, c: &c, ldc: 1))
}

@Test func sgemmWithZeroKScalesC() {
  var c: [Float] = [1, 2, 3, 4]
  let a: [Float] = [0], b: [Float] = [0]
  sgemm(transA: false, transB: false, m: 2, n: 2, k: 0, alpha: 1, a: a, lda: 1, b: b, ldb: 2, beta: 2, c: &c, ldc: 2)
  #expect(c == [2, 4, 6, 8])
}
