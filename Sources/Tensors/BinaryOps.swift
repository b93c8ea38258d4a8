import Foundation

/// Element-wise binary operations; comparisons produce bool arrays.
public enum BinaryOp: String, Sendable, CaseIterable {
  case add, sub, mul, div, pow, maximum, minimum,
    equal, notEqual, less, lessEqual, greater, greaterEqual,
    logicalAnd, logicalOr

  /// TensorFlow's op type name, used in error messages (`AddV2`, `RealDiv`, ...).
  public var tfOpName: String {
    switch self {
    case .add: return "AddV2"
    case .sub: return "Sub"
    case .mul: return "Mul"
    case .div: return "RealDiv"
    case .pow: return "Pow"
    case .maximum: return "Maximum"
    case .minimum: return "Minimum"
    case .equal: return "Equal"
    case .notEqual: return "NotEqual"
    case .less: return "Less"
    case .lessEqual: return "LessEqual"
    case .greater: return "Greater"
    case .greaterEqual: return "GreaterEqual"
    case .logicalAnd: return "LogicalAnd"
    case .logicalOr: return "LogicalOr"
    }
  }

  /// True for the six comparisons (their result is bool whatever the operands' dtype).
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}

/// Applies `op` element-wise with NumPy broadcasting. Both operands must have the same dtype
/// (as in TensorFlow); comparisons return bool; logical ops need bool operands.
public func binary(_ op: BinaryOp, _ a: NDArray, _ b: NDArray) throws -> NDArray {
  if a.dtype != b.dtype {
    throw ArrayError(
      "Input 'y' of '\(op.tfOpName)' Op has type \(b.dtype.rawValue) that does not match type "
        + "\(a.dtype.rawValue) of argument 'x'.")
  }
  let out = try broadcastShapes(a.shape, b.shape)
  try NDArray.checkShape(out, dtype: op.isComparison ? .bool : a.dtype)
  switch (a.storage, b.storage) {
  case (.float32(let x), .float32(let y)):
    return try floatBinary(op, x, a.shape, y, b.shape, out)
  case (.int64(let x), .int64(let y)):
    return try intBinary(op, x, a.shape, y, b.shape, out)
  case (.bool(let x), .bool(let y)):
    return try boolBinary(op, x, a.shape, y, b.shape, out)
  default:
    throw ArrayError("internal: dtype mismatch")  // unreachable: dtypes compared above
  }
}

func floatBinary(_ op: BinaryOp, _ x: [Float], _ xs: [Int], _ y: [Float], _ ys: [Int], _ out: [Int]) throws -> NDArray {
  func f(_ g: (Float, Float) -> Float) -> NDArray { NDArray(shape: out, floats: broadcastMap(x, xs, y, ys, out, g)) }
  func c(_ g: (Float, Float) -> Bool) -> NDArray { NDArray(shape: out, bools: broadcastMap(x, xs, y, ys, out, g)) }
  switch op {
  case .add: return f { $0 + $1 }
  case .sub: return f { $0 - $1 }
  case .mul: return f { $0 * $1 }
  case .div: return f { $0 / $1 }
  case .pow: return f { Foundation.powf($0, $1) }
  case .maximum: return f { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
  case .minimum: return f { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
  case .equal: return c { $0 == $1 }
  case .notEqual: return c { $0 != $1 }
  case .less: return c { $0 < $1 }
  case .lessEqual: return c { $0 <= $1 }
  case .greater: return c { $0 > $1 }
  case .greaterEqual: return c { $0 >= $1 }
  case .logicalAnd, .logicalOr:
    throw ArrayError("Input 'x' of '\(op.tfOpName)' Op has type float32 that does not match expected type of bool.")
  }
}

func intBinary(_ op: BinaryOp, _ x: [Int64], _ xs: [Int], _ y: [Int64], _ ys: [Int], _ out: [Int]) throws -> NDArray {
  func f(_ g: (Int64, Int64) -> Int64) -> NDArray { NDArray(shape: out, int64s: broadcastMap(x, xs, y, ys, out, g)) }
  func c(_ g: (Int64, Int64) -> Bool) -> NDArray { NDArray(shape: out, bools: broadcastMap(x, xs, y, ys, out, g)) }
  switch op {
  case .add: return f { $0 &+ $1 }
  case .sub: return f { $0 &- $1 }
  case .mul: return f { $0 &* $1 }
  case .div:
    if y.contains(0) { throw ArrayError("Integer division by zero") }
    return f { p, q in  // floor division, as Python's // and TF's FloorDiv
      if p == Int64.min && q == -1 { return Int64.min }  // wraps, as C would
      let d = p / q
      return (p % q != 0 && ((p < 0) != (q < 0))) ? d - 1 : d
    }
  case .pow:
    if y.contains(where: { $0 < 0 }) { throw ArrayError("Integers to negative integer powers are not allowed.") }
    return f { base, e in
      var result: Int64 = 1, b = base, k = e
      while k > 0 {
        if k & 1 == 1 { result = result &* b }
        b = b &* b
        k >>= 1
      }
      return result
    }
  case .maximum: return f { Swift.max($0, $1) }
  case .minimum: return f { Swift.min($0, $1) }
  case .equal: return c { $0 == $1 }
  case .notEqual: return c { $0 != $1 }
  case .less: return c { $0 < $1 }
  case .lessEqual: return c { $0 <= $1 }
  case .greater: return c { $0 > $1 }
  case .greaterEqual: return c { $0 >= $1 }
  case .logicalAnd, .logicalOr:
    throw ArrayError("Input 'x' of '\(op.tfOpName)' Op has type int64 that does not match expected type of bool.")
  }
}

func boolBinary(_ op: BinaryOp, _ x: [Bool], _ xs: [Int], _ y: [Bool], _ ys: [Int], _ out: [Int]) throws -> NDArray {
  func c(_ g: (Bool, Bool) -> Bool) -> NDArray { NDArray(shape: out, bools: broadcastMap(x, xs, y, ys, out, g)) }
  switch op {
  case .equal: return c { $0 == $1 }
  case .notEqual: return c { $0 != $1 }
  case .logicalAnd: return c { $0 && $1 }
  case .logicalOr: return c { $0 || $1 }
  default:
    throw ArrayError(
      "Value for attr 'T' of bool is not in the list of allowed values for '\(op.tfOpName)': "
        + "float, int64 (the operands of \(op.rawValue) must be numbers, not bool)")
  }
}
