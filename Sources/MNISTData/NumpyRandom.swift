/// NumPy's legacy global generator (`numpy.random.seed` / `numpy.random.shuffle`), reproduced
/// bit for bit: MT19937 seeded with `init_genrand`, Fisher-Yates with NumPy's masked rejection.
///
/// TensorFlow 1.3's `DataSet` seeds NumPy's global generator with the `seed` given to
/// `read_data_sets` and shuffles with it, so the same seed gives the same batches as TensorFlow did.
/// It is a class because the three data sets of one `read_data_sets` call share it, as they shared
/// NumPy's global state.
public final class NumpyRandom {
  // The state lives in memory of its own: a shuffle draws ~80,000 numbers per epoch of 55,000
  // examples, and the array's bounds and exclusivity checks made them cost 4x the arithmetic.
  private let mt: UnsafeMutablePointer<UInt32>
  private var index = 624

  /// Seeds like `numpy.random.seed(seed)` for a seed in 0...2^32-1.
  public init(seed: UInt32) {
    mt = .allocate(capacity: 624)
    mt[0] = seed
    for i in 1..<624 {
      mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
    }
    index = 624
  }

  deinit { mt.deallocate() }

  /// Seeds from the system's entropy, like `numpy.random.seed(None)`.
  public convenience init() {
    var system = SystemRandomNumberGenerator()
    self.init(seed: UInt32.random(in: .min ... .max, using: &system))
  }

  /// The next 32-bit output (`genrand_int32`).
  @inline(__always)
  public func nextUInt32() -> UInt32 {
    if index >= 624 { twist() }
    var y = mt[index]
    index &+= 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// The next 624 words, in three runs so that no index wraps (`(i + 1) % 624`, `(i + 397) % 624`).
  private func twist() {
    let m = mt
    @inline(__always) func mix(_ i: Int, _ next: Int, _ far: Int) {
      let y = (m[i] & 0x8000_0000) | (m[next] & 0x7fff_ffff)
      m[i] = m[far] ^ (y >> 1) ^ ((0 &- (y & 1)) & 0x9908_b0df)
    }
    for i in 0..<227 { mix(i, i + 1, i + 397) }
    for i in 227..<623 { mix(i, i + 1, i - 227) }
    mix(623, 0, 396)
    index = 0
  }

  /// A uniform integer in 0...max, as NumPy's `random_interval` draws it (mask, then reject).
  @inline(__always)
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
