import CKernels
import Foundation

/// Softmax along `axis`, numerically stable (the row maximum is subtracted before `exp`).
public func softmax(_ a: NDArray, axis: Int = -1) throws -> NDArray {
  try softmaxImpl(a, axis: axis, log: false)
}

/// Log-softmax along `axis`: `x - max - log(sum(exp(x - max)))`, stable for large inputs.
public func logSoftmax(_ a: NDArray, axis: Int = -1) throws -> NDArray {
  try softmaxImpl(a, axis: axis, log: true)
}

func softmaxImpl(_ a: NDArray, axis: Int, log: Bool) throws -> NDArray {
  guard case .float32(let v) = a.storage else {
    throw ArrayError(
      "Value for attr 'T' of \(a.dtype.rawValue) is not in the list of allowed values for '\(log ? "LogSoftmax" : "Softmax")': half, bfloat16, float, double")
  }
  if a.rank == 0 { throw ArrayError("logits must have rank >= 1, got shape []") }
  let ax = try normalizeAxis(axis, rank: a.rank)
  let r = a.shape[ax]
  let outer = a.shape[..<ax].reduce(1, *)
  let inner = a.shape[(ax + 1)...].reduce(1, *)
  if inner == 1 {
    // contiguous rows: the vectorised C kernel
    let out = [Float](unsafeUninitializedCapacity: v.count) { buf, done in
      v.withUnsafeBufferPointer { p in
        if v.count > 0 { ck_softmax_rows(p.baseAddress!, buf.baseAddress!, outer, r, log ? 1 : 0) }
      }
      done = v.count
    }
    return NDArray(shape: a.shape, floats: out)
  }
  var out = [Float](repeating: 0, count: v.count)
  v.withUnsafeBufferPointer { p in
    out.withUnsafeMutableBufferPointer { o in
      for i in 0..<outer {
        for k in 0..<inner {
          let base = i * r * inner + k
          var m = -Float.infinity
          for j in 0..<r { let x = p[base + j * inner]; if x > m || x.isNaN { m = x } }
          if m == -.infinity { m = 0 }  // all -inf: exp gives 0/0 = NaN, as TensorFlow
          var s: Float = 0
          for j in 0..<r {
            let e = Foundation.expf(p[base + j * inner] - m)
            o[base + j * inner] = e
            s += e
          }
          if log {
            let ls = Foundation.logf(s)
            for j in 0..<r { o[base + j * inner] = p[base + j * inner] - m - ls }
          } else {
            let inv = 1 / s
            for j in 0..<r { o[base + j * inner] *= inv }
          }
        }
      }
    }
  }
  return NDArray(shape: a.shape, floats: out)
}

/// Softmax (or log-softmax) of each row of a `rows`×`cols` row-major float buffer into `out`
/// (which may be `x` itself): the vectorised C kernel behind ``softmax(_:axis:)``, for hot paths.
@inlinable
public func softmaxRows(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, rows: Int, cols: Int, log: Bool = false) {
  ck_softmax_rows(x, out, rows, cols, log ? 1 : 0)
}

/// `out[i] = exp(x[i])` for `n` floats, vectorised (within 2 ulp of libm's expf).
@inlinable
public func expArray(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
  ck_exp(x, out, n)
}
