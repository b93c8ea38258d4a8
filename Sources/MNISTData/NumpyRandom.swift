/// NumPy's legacy global generator (`numpy.random.seed` / `numpy.random.shuffle`), reproduced
/// bit for bit: MT19937 seeded with `init_genrand`, Fisher-Yates with NumPy's masked rejection.
///
/// TensorFlow 1.3's `DataSet` seeds NumPy's global generator with the `seed` given to
/// `read_data_sets` and shuffles with it, so the same seed gives the same batches as TensorFlow did.
/// It is a class because the three data sets of one `read_data_sets` call share it, as they shared
/// NumPy's global state.
public final class NumpyRandom {
  private var mt = [UInt32](repeating: 0, count: 624)
  private var index = 624

  /// Seeds like `numpy.random.seed(seed)` for a seed in 0...2^32-1.
  public init(seed: UInt32) {
    mt[0] = seed
    for i in 1..<624 {
      mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
    }
    index = 624
  }

  /// Seeds from the system's entropy, like `numpy.random.seed(None)`.
  public convenience init() {
    var system = SystemRandomNumberGenerator()
    self.init(seed: UInt32.random(in: .min ... .max, using: &system))
  }

  /// The next 32-bit output (`genrand_int32`).
  public func nextUInt32() -> UInt32 {
    if index >= 624 { twist() }
    var y = mt[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  private func twist() {
    mt.withUnsafeMutableBufferPointer { m in
      for i in 0..<624 {
        let y = (m[i] & 0x8000_0000) | (m[(i + 1) % 624] & 0x7fff_ffff)
        var next = m[(i + 397) % 624] ^ (y >> 1)
        if y & 1 != 0 { next ^= 0x9908_b0df }
        m[i] = next
      }
    }
    index = 0
  }

  /// A uniform integer in 0...max, as NumPy's `random_interval` draws it (mask, then reject).
  public func interval(_ max: Int) -> Int {
    if max == 0 { return 0 }
    var mask = UInt64(max)
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4
    mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
    if max <= 0xffff_ffff {
      while true {
        let value = UInt64(nextUInt32()) & mask
        if value <= UInt64(max) { return Int(value) }
      }
    }
    while true {
      let value = ((UInt64(nextUInt32()) << 32) | UInt64(nextUInt32())) & mask
      if value <= UInt64(max) { return Int(value) }
    }
  }

  /// Shuffles in place exactly as `numpy.random.shuffle` does a 1-D array.
  public func shuffle<T>(_ values: inout [T]) {
    guard values.count > 1 else { return }
    values.withUnsafeMutableBufferPointer { v in
      for i in stride(from: v.count - 1, through: 1, by: -1) {
        v.swapAt(i, interval(i))
      }
    }
  }

  /// `numpy.arange(n)` shuffled with ``shuffle(_:)``.
  public func permutation(_ n: Int) -> [Int] {
    var p = Array(0..<n)
    shuffle(&p)
    return p
  }
}

extension NumpyRandom {
  /// Seeds the way TensorFlow 1.3's `DataSet` does for `seed=s`: NumPy gets `s % (2^31 - 1)`
  /// (TensorFlow's `random_seed.get_seed`); `nil` seeds from system entropy.
  public static func tensorFlowDataSet(seed: Int64?) -> NumpyRandom {
    guard let seed else { return NumpyRandom() }
    let m: Int64 = 2_147_483_647
    return NumpyRandom(seed: UInt32(((seed % m) + m) % m))
  }
}
