extension NDArray {
  /// An array of zeros (false for bool).
  public static func zeros(_ shape: [Int], dtype: DType = .float32) -> NDArray {
    filled(shape, value: 0, dtype: dtype)
  }

  /// An array with every element equal to `value`, converted to `dtype` (non-zero is true for bool).
  public static func filled(_ shape: [Int], value: Double, dtype: DType = .float32) -> NDArray {
    let n = shape.reduce(1, *)
    switch dtype {
    case .float32: return NDArray(shape: shape, floats: [Float](repeating: Float(value), count: n))
    case .int64: return NDArray(shape: shape, int64s: [Int64](repeating: int64Clamped(value), count: n))
    case .bool: return NDArray(shape: shape, bools: [Bool](repeating: value != 0, count: n))
    }
  }

  /// A float32 scalar (shape `[]`).
  public init(scalar: Float) { self.init(shape: [], floats: [scalar]) }
  /// An int64 scalar (shape `[]`).
  public init(scalar: Int64) { self.init(shape: [], int64s: [scalar]) }
  /// A bool scalar (shape `[]`).
  public init(scalar: Bool) { self.init(shape: [], bools: [scalar]) }

  /// The elements as float32: the storage itself for float32, a converting copy otherwise.
  public var floats: [Float] {
    switch storage {
    case .float32(let v): return v
    case .int64(let v): return v.map { Float($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }

  /// The elements as int64: the storage itself for int64, a converting copy otherwise
  /// (float32 truncates toward zero as a C cast does; NaN becomes 0).
  public var int64s: [Int64] {
    switch storage {
    case .float32(let v): return v.map { int64Clamped(Double($0)) }
    case .int64(let v): return v
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }

  /// The elements as bool: the storage itself for bool, `!= 0` otherwise.
  public var bools: [Bool] {
    switch storage {
    case .float32(let v): return v.map { $0 != 0 }
    case .int64(let v): return v.map { $0 != 0 }
    case .bool(let v): return v
    }
  }

  /// The elements as Double (a converting copy), handy for tests and printing.
  public var doubles: [Double] {
    switch storage {
    case .float32(let v): return v.map { Double($0) }
    case .int64(let v): return v.map { Double($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }

  /// The single value as a Double when the array has exactly one element, else nil.
  public var scalarDouble: Double? {
    guard count == 1 else { return nil }
    switch storage {
    case .float32(let v): return Double(v[0])
    case .int64(let v): return Double(v[0])
    case .bool(let v): return v[0] ? 1 : 0
    }
  }

  /// The same elements with a new shape; one dimension may be -1 and is inferred.
  ///
  /// Throws NumPy's error, e.g. `cannot reshape array of size 6 into shape (4,)`.
  public func reshaped(_ newShape: [Int]) throws -> NDArray {
    var shape = newShape
    let n = count
    let unknown = shape.indices.filter { shape[$0] == -1 }
    if unknown.count > 1 { throw ArrayError("can only specify one unknown dimension") }
    if let bad = shape.first(where: { $0 < -1 }) {
      throw ArrayError("negative dimensions not allowed (got \(bad) in shape \(shapeTuple(newShape)))")
    }
    if let u = unknown.first {
      let known = shape.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
      if known == 0 || n % known != 0 {
        throw ArrayError("cannot reshape array of size \(n) into shape \(shapeTuple(newShape))")
      }
      shape[u] = n / known
    }
    if shape.reduce(1, *) != n {
      throw ArrayError("cannot reshape array of size \(n) into shape \(shapeTuple(newShape))")
    }
    switch storage {
    case .float32(let v): return NDArray(shape: shape, floats: v)
    case .int64(let v): return NDArray(shape: shape, int64s: v)
    case .bool(let v): return NDArray(shape: shape, bools: v)
    }
  }
}

/// Converts a Double to Int64 as a C cast does, but without trapping: NaN gives 0, out-of-range saturates.
@inlinable
func int64Clamped(_ v: Double) -> Int64 {
  if v.isNaN { return 0 }
  if v >= 9.223372036854775807e18 { return Int64.max }
  if v <= -9.223372036854775808e18 { return Int64.min }
  return Int64(v.rounded(.towardZero))
}
