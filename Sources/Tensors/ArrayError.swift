/// An error a learner can cause with a bad shape, dtype, axis or size, worded like NumPy/TensorFlow.
public struct ArrayError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The message, e.g. `operands could not be broadcast together with shapes (2,3) (4,)`.
  public var message: String
  /// Creates an error carrying `message`.
  public init(_ message: String) { self.message = message }
  /// Creates an error carrying `message` (labelled spelling).
  public init(message: String) { self.message = message }
  public var description: String { message }
}

extension NDArray {
  /// The largest element count an array may have (2^28); bigger requests throw an OOM error.
  public static let maxElements = 1 << 28

  /// Checks that `shape` has no negative dimension and at most ``maxElements`` elements.
  ///
  /// Throws TensorFlow's out-of-memory error otherwise, so a learner's `tf.zeros([100000, 100000])`
  /// fails cleanly instead of trapping.
  public static func checkShape(_ shape: [Int], dtype: DType = .float32) throws {
    var total = 1
    var overflow = false
    for d in shape {
      if d < 0 {
        throw ArrayError("negative dimensions are not allowed (shape \(shapeTuple(shape)))")
      }
      let (p, o) = total.multipliedReportingOverflow(by: d)
      if o { overflow = true } else { total = p }
    }
    if overflow || total > maxElements {
      throw ArrayError(
        "OOM when allocating tensor with shape[\(shape.map(String.init).joined(separator: ","))] "
          + "and type \(dtype.tfShortName) on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu")
    }
  }

  /// Creates zeros after checking the shape against the resource limit (see ``checkShape(_:dtype:)``).
  public static func checkedZeros(_ shape: [Int], dtype: DType = .float32) throws -> NDArray {
    try checkShape(shape, dtype: dtype)
    return zeros(shape, dtype: dtype)
  }

  /// Creates a constant-filled array after checking the shape against the resource limit.
  public static func checkedFilled(_ shape: [Int], value: Double, dtype: DType = .float32) throws -> NDArray {
    try checkShape(shape, dtype: dtype)
    return filled(shape, value: value, dtype: dtype)
  }
}

/// A shape as NumPy writes it in messages: `(2, 3)`, `(4,)`, `()`.
public func shapeTuple(_ shape: [Int]) -> String {
  shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// A shape as TensorFlow writes it in messages: `[2,3]`.
public func shapeList(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ",") + "]"
}

/// Normalises a possibly negative `axis` for an array of `rank`, or throws NumPy's AxisError text.
public func normalizeAxis(_ axis: Int, rank: Int) throws -> Int {
  let a = axis < 0 ? axis + rank : axis
  if a < 0 || a >= rank {
    throw ArrayError("axis \(axis) is out of bounds for array of dimension \(rank)")
  }
  return a
}

/// Row-major strides (in elements) of `shape`.
@inlinable
func stridesOf(_ shape: [Int]) -> [Int] {
  var strides = [Int](repeating: 1, count: shape.count)
  var s = 1
  for i in stride(from: shape.count - 1, through: 0, by: -1) {
    strides[i] = s
    s *= shape[i]
  }
  return strides
}
