/// Vectorised float32 exp and log with the Cephes polynomials that Eigen (and so TensorFlow's CPU
/// kernels) use: about 1 ulp, exp underflows to exactly 0 below about -87.3 as in TensorFlow,
/// log(0) = -inf, log(negative) = NaN, NaN propagates.
enum FastMath {
  typealias V = SIMD8<Float>

  @inline(__always)
  static func exp(_ x0: V) -> V {
    let nan = x0 .!= x0
    var x = x0.clamped(lowerBound: V(repeating: -88.3762626647950), upperBound: V(repeating: 88.3762626647949))
    var fx = (x * 1.44269504088896341 + 0.5).rounded(.down)
    x = x - fx * 0.693359375 + fx * 2.12194440e-4
    let z = x * x
    var y = V(repeating: 1.9875691500e-4)
    y = y * x + 1.3981999507e-3
    y = y * x + 8.3334519073e-3
    y = y * x + 4.1665795894e-2
    y = y * x + 1.6666665459e-1
    y = y * x + 5.0000001201e-1
    y = y * z + x + 1
    fx = fx + 127
    let bits = SIMD8<Int32>(truncatingIfNeeded: SIMD8<Int32>(fx.replacing(with: 0, where: fx .< 0))) &<< 23
    var r = y * unsafeBitCast(bits, to: V.self)
    r.replace(with: .infinity, where: x0 .> 88.3762626647949)
    r.replace(with: x0, where: nan)
    return r
  }

  @inline(__always)
  static func log(_ x0: V) -> V {
    let minNorm = V(repeating: Float.leastNormalMagnitude)
    var x = x0.replacing(with: minNorm, where: x0 .< minNorm)
    let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
    var e = V(SIMD8<Int32>(truncatingIfNeeded: bits &>> 23) &- 126)
    x = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: V.self)  // mantissa in [0.5, 1)
    let small = x .< 0.707106781186547524
    e = e - V(repeating: 1).replacing(with: 0, where: .!small)
    x = x + x.replacing(with: 0, where: .!small) - 1
    let z = x * x
    var y = V(repeating: 7.0376836292e-2)
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
    r.replace(with: -.infinity, where: x0 .== 0)
    r.replace(with: .nan, where: x0 .< 0)
    r.replace(with: x0, where: (x0 .!= x0) .| (x0 .== .infinity))
    return r
  }

  /// Applies `f` to `n` floats, 8 at a time (the tail padded with ones).
  @inline(__always)
  static func map(_ n: Int, _ p: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ f: (V) -> V) {
    var i = 0
    while i + 8 <= n {
      let v = UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
      UnsafeMutableRawPointer(o + i).storeBytes(of: f(v), as: V.self)
      i += 8
    }
    if i < n {
      var v = V(repeating: 1)
      for j in 0..<(n - i) { v[j] = p[i + j] }
      let r = f(v)
      for j in 0..<(n - i) { o[i + j] = r[j] }
    }
  }
}
