import CKernels

/// `out[i] = exp(x[i])` with TensorFlow's CPU rounding (Eigen's Cephes polynomial, flushing to 0
/// below about -88.4), vectorised for the CPU at run time. `out` may be `x`.
@inlinable
public func tfExp(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
  if n > 0 { ck_exp_tf(x, out, n) }
}

/// `out[i] = log(x[i])` with TensorFlow's CPU rounding (Eigen's Cephes polynomial; log(0) = -inf,
/// log(negative) = NaN), vectorised for the CPU at run time. `out` may be `x`.
@inlinable
public func tfLog(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
  if n > 0 { ck_log_tf(x, out, n) }
}

/// Softmax (or log-softmax) of each row of a `rows`×`cols` buffer with ``tfExp(_:_:count:)`` and
/// ``tfLog(_:_:count:)``: the graph engine's kernel. `x` and `out` must not overlap.
@inlinable
public func tfSoftmaxRows(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, rows: Int, cols: Int, log: Bool) {
  if rows > 0 && cols > 0 { ck_softmax_tf(x, out, rows, cols, log ? 1 : 0) }
}

/// The kernels behind ``tfExp(_:_:count:)``, ``tfLog(_:_:count:)`` and
/// ``tfSoftmaxRows(_:_:rows:cols:log:)`` with an explicit instruction set.
public enum TFMathOp: Int32, Sendable { case exp = 0, log = 1, softmax = 2, logSoftmax = 3 }

/// Runs `op` on `rows`×`cols` floats with the kernel for `isa` ("generic", "avx2", "avx512");
/// false, doing nothing, when this CPU cannot run it. For tests.
public func tfMath(isa: String, _ op: TFMathOp, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, rows: Int, cols: Int) -> Bool {
  isa.withCString { ck_math_tf_isa($0, op.rawValue, x, out, rows, cols) != 0 }
}

/// `y[i] = y[i] - alpha * x[i]` for `i < n`, vectorised for the CPU at run time, with the same two
/// roundings as the scalar expression (gradient descent's update).
@inlinable
public func subtractScaled(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, alpha: Float, count n: Int) {
  if n > 0 { ck_sub_scaled(y, x, alpha, n) }
}

/// ``subtractScaled(_:_:alpha:count:)`` with the portable loop whatever the CPU (for tests).
public func subtractScaledPortable(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, alpha: Float, count n: Int) {
  if n > 0 { ck_sub_scaled_portable(y, x, alpha, n) }
}

/// The tutorial's whole fused loss: the engine's softmax of each row of `x` into `softmax`, its
/// TF-exact log into `logs`, then the cross-entropy and its logits gradient in the graph ops'
/// order of operations (`ck_xent_rows`; `ck_fused_xent` shares the rows of big ones with the
/// kernels' helper thread, with the same floats). Returns the sum over rows of
/// `-sum(labels * logs)`. `scratch` holds `3 * rows` floats.
@inlinable
public func fusedCrossEntropy(
  x: UnsafePointer<Float>, labels: UnsafePointer<Float>, rows: Int, cols: Int, seed g: Float, labelsFirst: Bool,
  softmax: UnsafeMutablePointer<Float>, logs: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>,
  scratch: UnsafeMutablePointer<Float>
) -> Float {
  var total: Float = 0
  ck_fused_xent(x, labels, rows, cols, g, labelsFirst ? 1 : 0, softmax, logs, gradient, scratch, &total)
  return total
}
