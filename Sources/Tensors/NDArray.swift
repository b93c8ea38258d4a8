/// The element types an ``NDArray`` can hold (TensorFlow's `tf.float32`, `tf.int64`, `tf.bool`).
public enum DType: String, Sendable, CaseIterable, Hashable {
  case float32, int64, bool

  /// TensorFlow's short name, as in `dtype=float32` or "with dtype float".
  public var tfShortName: String {
    switch self {
    case .float32: return "float"
    case .int64: return "int64"
    case .bool: return "bool"
    }
  }
}

/// A dense, row-major, n-dimensional array with value semantics (copy-on-write through Swift arrays).
///
/// A scalar has shape `[]` and one element. Storage is contiguous; there are no strided views, so
/// every operation that rearranges elements produces a new array.
public struct NDArray: Sendable {
  /// The element storage; its count always equals the product of ``shape``.
  public enum Storage: Sendable {
    case float32([Float])
    case int64([Int64])
    case bool([Bool])
  }

  public private(set) var shape: [Int]
  public private(set) var storage: Storage

  /// Creates a float32 array. - Precondition: `floats.count` is the product of `shape`.
  public init(shape: [Int], floats: [Float]) {
    precondition(shape.reduce(1, *) == floats.count, "NDArray: shape \(shape) needs \(shape.reduce(1, *)) elements, got \(floats.count)")
    self.shape = shape
    self.storage = .float32(floats)
  }

  /// Creates an int64 array. - Precondition: `int64s.count` is the product of `shape`.
  public init(shape: [Int], int64s: [Int64]) {
    precondition(shape.reduce(1, *) == int64s.count, "NDArray: shape \(shape) needs \(shape.reduce(1, *)) elements, got \(int64s.count)")
    self.shape = shape
    self.storage = .int64(int64s)
  }

  /// Creates a bool array. - Precondition: `bools.count` is the product of `shape`.
  public init(shape: [Int], bools: [Bool]) {
    precondition(shape.reduce(1, *) == bools.count, "NDArray: shape \(shape) needs \(shape.reduce(1, *)) elements, got \(bools.count)")
    self.shape = shape
    self.storage = .bool(bools)
  }

  public var dtype: DType {
    switch storage {
    case .float32: return .float32
    case .int64: return .int64
    case .bool: return .bool
    }
  }

  public var rank: Int { shape.count }
  public var count: Int { shape.reduce(1, *) }
}
