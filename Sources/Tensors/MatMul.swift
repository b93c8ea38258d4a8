import CKernels

/// `op(a) · op(b)` for rank-2 float32 arrays (TensorFlow's MatMul with transpose_a/transpose_b).
///
/// Throws TensorFlow's errors for wrong ranks, dtypes or inner dimensions.
public func matmul(_ a: NDArray, _ b: NDArray, transposeA: Bool = false, transposeB: Bool = false) throws -> NDArray {
  guard a.rank == 2, b.rank == 2 else {
    throw ArrayError("In[0] and In[1] must be matrices (rank 2), got shapes \(shapeList(a.shape)) and \(shapeList(b.shape))")
  }
  guard case .float32(let av) = a.storage, case .float32(let bv) = b.storage else {
    throw ArrayError("MatMul needs float32 inputs, got \(a.dtype.rawValue) and \(b.dtype.rawValue)")
  }
  let m = transposeA ? a.shape[1] : a.shape[0]
  let k = transposeA ? a.shape[0] : a.shape[1]
  let k2 = transposeB ? b.shape[1] : b.shape[0]
  let n = transposeB ? b.shape[0] : b.shape[1]
  if k != k2 {
    throw ArrayError("Matrix size-incompatible: In[0]: \(shapeList(a.shape)), In[1]: \(shapeList(b.shape))")
  }
  try NDArray.checkShape([m, n])
  let out = [Float](unsafeUninitializedCapacity: m * n) { buf, done in
    av.withUnsafeBufferPointer { pa in
      bv.withUnsafeBufferPointer { pb in
        if m * n > 0 {
          sgemm(
            transA: transposeA, transB: transposeB, m: m, n: n, k: k, alpha: 1,
            a: pa.baseAddress ?? UnsafePointer(bitPattern: 16)!, lda: a.shape[1],
            b: pb.baseAddress ?? UnsafePointer(bitPattern: 16)!, ldb: b.shape[1],
            beta: 0, c: buf.baseAddress!, ldc: n)
        }
      }
    }
    done = m * n
  }
  return NDArray(shape: [m, n], floats: out)
}

/// `C = alpha·op(A)·op(B) + beta·C` on row-major float32 buffers, with SIMD kernels picked at run time.
///
/// `op(A)` is m×k, `op(B)` is k×n. With `transA`, A is stored k×m. `beta == 0` never reads C.
@inlinable
public func sgemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
  beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  ck_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

/// Gradient descent on a product: `c = op(A)·op(B)` (m×n, contiguous; ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``
/// with alpha 1 and beta 0), then `w[i] = w[i] - learningRate * c[i]`
/// (``subtractScaled(_:_:alpha:count:)``), with the floats of those two calls. A product shared
/// with the helper thread has each thread update the rows it computed. `k` must be positive, and
/// `w` must not overlap `c`, `a` or `b`.
@inlinable
public func sgemmSubtractScaled(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
  ldb: Int, c: UnsafeMutablePointer<Float>, learningRate: Float, w: UnsafeMutablePointer<Float>
) {
  ck_sgemm_sub_scaled(transA ? 1 : 0, transB ? 1 : 0, m, n, k, a, lda, b, ldb, c, learningRate, w)
}

/// The instruction set the C kernels dispatch to on this CPU ("avx512", "avx2" or "generic").
public var kernelISA: String { String(cString: ck_isa()) }

/// Forces the kernels to one instruction set ("generic", "avx2", "avx512"; nil = automatic).
/// Returns false if this CPU lacks it. For tests and benchmarks only.
@discardableResult
public func forceKernelISA(_ name: String?) -> Bool {
  if let name { return name.withCString { ck_force_isa($0) } != 0 }
  return ck_force_isa(nil) != 0
}

/// ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` with an explicit kernel ("generic",
/// "avx2", "avx512", or "avx512-layout": the AVX-512 code paths compiled for AVX2). Returns false,
/// doing nothing, when this CPU cannot run it. For tests and benchmarks.
public func sgemm(
  isa: String, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
  beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) -> Bool {
  isa.withCString {
    ck_sgemm_isa($0, transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) != 0
  }
}
