import Foundation

/// Element-wise unary operations.
public enum UnaryOp: String, Sendable, CaseIterable {
  case neg, log, exp, square, sqrt, rsqrt, reciprocal, abs, sign,
    relu, sigmoid, tanh, logicalNot

  /// TensorFlow's op type name (`Neg`, `Log`, ...), used in error messages.
  public var tfOpName: String {
    switch self {
    case .neg: return "Neg"
    case .log: return "Log"
    case .exp: return "Exp"
    case .square: return "Square"
    case .sqrt: return "Sqrt"
    case .rsqrt: return "Rsqrt"
    case .reciprocal: return "Reciprocal"
    case .abs: return "Abs"
    case .sign: return "Sign"
    case .relu: return "Relu"
    case .sigmoid: return "Sigmoid"
    case .tanh: return "Tanh"
    case .logicalNot: return "LogicalNot"
    }
  }
}

/// Applies `op` to every element. Float ops follow IEEE (log(0) = -inf, NaN propagates);
/// neg/square/abs/sign/relu also work on int64; logicalNot needs bool.
public func unary(_ op: UnaryOp, _ a: NDArray) throws -> NDArray {
  switch a.storage {
  case .float32(let v):
    func f(_ g: (Float) -> Float) -> NDArray { NDArray(shape: a.shape, floats: v.map(g)) }
    switch op {
    case .neg: return f { -$0 }
    case .log: return f { Foundation.logf($0) }
    case .exp: return f { Foundation.expf($0) }
    case .square: return f { $0 * $0 }
    case .sqrt: return f { $0.squareRoot() }
    case .rsqrt: return f { 1 / $0.squareRoot() }
    case .reciprocal: return f { 1 / $0 }
    case .abs: return f { Swift.abs($0) }
    case .sign: return f { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) }
    case .relu: return f { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }
    case .sigmoid: return f { 1 / (1 + Foundation.expf(-$0)) }
    case .tanh: return f { Foundation.tanhf($0) }
    case .logicalNot: throw typeError(op, .float32)
    }
  case .int64(let v):
    func f(_ g: (Int64) -> Int64) -> NDArray { NDArray(shape: a.shape, int64s: v.map(g)) }
    switch op {
    case .neg: return f { 0 &- $0 }
    case .square: return f { $0 &* $0 }
    case .abs: return f { $0 < 0 ? 0 &- $0 : $0 }
    case .sign: return f { $0.signum() }
    case .relu: return f { Swift.max($0, 0) }
    default: throw typeError(op, .int64)
    }
  case .bool(let v):
    if op == .logicalNot { return NDArray(shape: a.shape, bools: v.map { !$0 }) }
    throw typeError(op, .bool)
  }
}

func typeError(_ op: UnaryOp, _ t: DType) -> ArrayError {
  let allowed = op == .logicalNot ? "bool" : "float, double, half"
  return ArrayError(
    "Value for attr 'T' of \(t.rawValue) is not in the list of allowed values for '\(op.tfOpName)': \(allowed)")
}
