import Foundation

/// A small, fast, seedable generator (xoshiro256**, seeded through splitmix64): the same seed
/// always gives the same sequence on every platform.
public struct RandomGenerator: Sendable, RandomNumberGenerator {
  var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  var spare: Float? = nil

  /// Creates a generator whose sequence is determined by `seed`.
  public init(seed: UInt64) {
    var x = seed
    func splitmix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform float in [0, 1).
  public mutating func uniform() -> Float {
    Float(next() >> 40) * (1.0 / 16_777_216.0)
  }

  /// A standard normal sample (mean 0, standard deviation 1), by the Box–Muller transform.
  public mutating func normal() -> Float {
    if let s = spare { spare = nil; return s }
    let u1 = (Double(next() >> 11) + 0.5) * (1.0 / 9_007_199_254_740_992.0)  // (0, 1)
    let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    let rad = (-2 * Foundation.log(u1)).squareRoot()
    let th = 2 * Double.pi * u2
    spare = Float(rad * Foundation.sin(th))
    return Float(rad * Foundation.cos(th))
  }
}

/// A float32 array of normal samples with the given mean and standard deviation.
public func randomNormal(_ shape: [Int], mean: Float, stddev: Float, rng: inout RandomGenerator) -> NDArray {
  let n = shape.reduce(1, *)
  var v = [Float](repeating: 0, count: n)
  for i in 0..<n { v[i] = mean + stddev * rng.normal() }
  return NDArray(shape: shape, floats: v)
}

/// Normal samples redrawn until within two standard deviations of the mean (as `tf.truncated_normal`).
public func truncatedNormal(_ shape: [Int], mean: Float, stddev: Float, rng: inout RandomGenerator) -> NDArray {
  let n = shape.reduce(1, *)
  var v = [Float](repeating: 0, count: n)
  for i in 0..<n {
    var z = rng.normal()
    while Swift.abs(z) > 2 { z = rng.normal() }
    v[i] = mean + stddev * z
  }
  return NDArray(shape: shape, floats: v)
}
