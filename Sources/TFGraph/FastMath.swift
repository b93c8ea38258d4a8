import Tensors

/// Float32 exp and log with the Cephes polynomials that Eigen (and so TensorFlow's CPU kernels)
/// use: about 1 ulp; exp underflows to exactly 0 below about -87.3 as in TensorFlow; log(0) = -inf,
/// log(negative) = NaN; NaN propagates.
///
/// Written branch-free on scalars, with no calls into libm. The array forms run the C kernels
/// (`Tensors.tfExp`/`tfLog`), which compute the same operations in the same order, vectorised
/// for the CPU at run time, so they give bit-identical results (a test checks it).
package enum FastMath {
  /// Floor for |x| < 2^22 through the round-to-nearest 1.5·2^23 trick (no libm call).
  @inline(__always)
  package static func floor(_ x: Float) -> Float {
    let r = (x + 12582912) - 12582912
    return r > x ? r - 1 : r
  }

  @inline(__always)
  package static func exp(_ x0: Float) -> Float {
    var x = x0 < -88.3762626647950 ? -88.3762626647950 : x0
    x = x > 88.3762626647949 ? 88.3762626647949 : x
    let fx = floor(x * 1.44269504088896341 + 0.5)
    x = x - fx * 0.693359375 + fx * 2.12194440e-4
    let z = x * x
    var y: Float = 1.9875691500e-4
    y = y * x + 1.3981999507e-3
    y = y * x + 8.3334519073e-3
    y = y * x + 4.1665795894e-2
    y = y * x + 1.6666665459e-1
    y = y * x + 5.0000001201e-1
    y = y * z + x + 1
    let biased = fx < -127 ? 0 : fx + 127  // a whole number in 0...255
    let n = (biased + 8388608).bitPattern &- 0x4B00_0000
    var r = y * Float(bitPattern: n &<< 23)
    r = x0 > 88.3762626647949 ? .infinity : r
    return x0 != x0 ? x0 : r
  }

  @inline(__always)
  package static func log(_ x0: Float) -> Float {
    let xc = x0 < Float.leastNormalMagnitude ? Float.leastNormalMagnitude : x0
    let bits = xc.bitPattern
    let e0 = Float(bitPattern: (bits >> 23) | 0x4B00_0000) - (8388608 + 126)
    var x = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F00_0000)  // mantissa in [0.5, 1)
    let small = x < 0.707106781186547524
    let e = small ? e0 - 1 : e0
    x = (small ? x + x : x) - 1
    let z = x * x
    var y: Float = 7.0376836292e-2
    y = y * x - 1.1514610310e-1
    y = y * x + 1.1676998740e-1
    y = y * x - 1.2420140846e-1
    y = y * x + 1.4249322787e-1
    y = y * x - 1.6668057665e-1
    y = y * x + 2.0000714765e-1
    y = y * x - 2.4999993993e-1
    y = y * x + 3.3333331174e-1
    y = y * x * z
    y = y - e * 2.12194440e-4
    y = y - z * 0.5
    var r = x + y + e * 0.693359375
    r = x0 == 0 ? -.infinity : r
    r = x0 < 0 ? .nan : r
    return (x0 != x0 || x0 == .infinity) ? x0 : r
  }

  /// `o[i] = exp(p[i])` (in place allowed).
  package static func exp(_ n: Int, _ p: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>) {
    tfExp(p, o, count: n)
  }

  /// `o[i] = log(p[i])` (in place allowed).
  package static func log(_ n: Int, _ p: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>) {
    tfLog(p, o, count: n)
  }
}
