import Tensors
import Testing

/// Shared helpers for the test targets (Tensors, TFGraph, ...): closeness checks and
/// finite-difference gradients.

/// True when every pair is within `atol + rtol·|expected|` (NaNs must match NaNs, infinities must match exactly).
public func allClose(_ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6) -> Bool {
  guard actual.count == expected.count else { return false }
  for (x, y) in zip(actual, expected) {
    if x.isNaN || y.isNaN { if !(x.isNaN && y.isNaN) { return false }; continue }
    if x.isInfinite || y.isInfinite { if x != y { return false }; continue }
    if Swift.abs(x - y) > atol + rtol * Swift.abs(y) { return false }
  }
  return true
}

/// Float overload of ``allClose(_:_:rtol:atol:)``.
public func allClose(_ actual: [Float], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6) -> Bool {
  allClose(actual.map(Double.init), expected, rtol: rtol, atol: atol)
}

/// A description of the first mismatch, or nil when the arrays are close (for `#expect` messages).
public func closeMismatch(_ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6) -> String? {
  if actual.count != expected.count { return "count \(actual.count) != expected \(expected.count)" }
  for (i, (x, y)) in zip(actual, expected).enumerated() where !allClose([x], [y], rtol: rtol, atol: atol) {
    return "element \(i): got \(x), expected \(y) (rtol \(rtol), atol \(atol))"
  }
  return nil
}

/// Checks an array's shape and values; returns a failure description or nil.
public func arrayMismatch(_ a: NDArray, shape: [Int], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6) -> String? {
  if a.shape != shape { return "shape \(a.shape) != expected \(shape)" }
  return closeMismatch(a.doubles, expected, rtol: rtol, atol: atol)
}

/// Records a Swift Testing issue (at the caller's line) when `actual` is not close to `expected`.
public func assertClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6,
  _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  if let m = closeMismatch(actual, expected, rtol: rtol, atol: atol) {
    Issue.record("\(comment.isEmpty ? "" : comment + ": ")\(m)", sourceLocation: sourceLocation)
  }
}

/// Float overload of ``assertClose(_:_:rtol:atol:_:sourceLocation:)``.
public func assertClose(
  _ actual: [Float], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6,
  _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  assertClose(actual.map(Double.init), expected, rtol: rtol, atol: atol, comment, sourceLocation: sourceLocation)
}

/// Records an issue unless `a` has `shape` and values close to `expected`.
public func assertArray(
  _ a: NDArray, shape: [Int], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6,
  _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  if let m = arrayMismatch(a, shape: shape, expected, rtol: rtol, atol: atol) {
    Issue.record("\(comment.isEmpty ? "" : comment + ": ")\(m)", sourceLocation: sourceLocation)
  }
}

/// Records an issue unless the analytic gradient of `f` at `x` matches central differences.
public func assertGradient(
  _ f: ([Double]) -> Double, at x: [Double], analytic: [Double], h: Double = 1e-5,
  rtol: Double = 1e-3, atol: Double = 1e-4, _ comment: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if let m = gradientMismatch(f, at: x, analytic: analytic, h: h, rtol: rtol, atol: atol) {
    Issue.record("\(comment.isEmpty ? "" : comment + ": ")gradient \(m)", sourceLocation: sourceLocation)
  }
}

/// The gradient of `f` at `x` by central differences in Double: (f(x+h·eᵢ) − f(x−h·eᵢ)) / 2h.
public func numericalGradient(_ f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
  var g = [Double](repeating: 0, count: x.count)
  var p = x
  for i in 0..<x.count {
    let orig = p[i]
    p[i] = orig + h
    let fp = f(p)
    p[i] = orig - h
    let fm = f(p)
    p[i] = orig
    g[i] = (fp - fm) / (2 * h)
  }
  return g
}

/// Compares an analytic gradient with central differences; returns the first mismatch or nil.
public func gradientMismatch(
  _ f: ([Double]) -> Double, at x: [Double], analytic: [Double], h: Double = 1e-5,
  rtol: Double = 1e-3, atol: Double = 1e-4
) -> String? {
  closeMismatch(analytic, numericalGradient(f, at: x, h: h), rtol: rtol, atol: atol)
}
