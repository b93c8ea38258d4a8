import Tensors

/// Element-wise binary operations, with TensorFlow's op types and Python-level default names.
public enum BinaryKind: String, Sendable, CaseIterable {
  case add, sub, mul, div, pow, maximum, minimum
  case equal, notEqual, less, lessEqual, greater, greaterEqual, logicalAnd, logicalOr

  /// TensorFlow's op type (`Add`, `Sub`, `Mul`, `RealDiv`, ...).
  public var opType: String {
    switch self {
    case .add: return "Add"
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
  /// The default op name TensorFlow 1.x gives (`a + b` → `add`, `a / b` → `truediv`, `tf.equal` → `Equal`).
  public var defaultName: String {
    switch self {
    case .add, .sub, .mul, .pow, .maximum, .minimum: return rawValue
    case .div: return "truediv"
    default: return opType
    }
  }
  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .logicalAnd, .logicalOr: return true
    default: return false
    }
  }
}

/// Element-wise unary operations; TensorFlow's op type is also the default name.
public enum UnaryKind: String, Sendable, CaseIterable {
  case neg = "Neg", log = "Log", exp = "Exp", square = "Square", sqrt = "Sqrt", rsqrt = "Rsqrt"
  case reciprocal = "Reciprocal", abs = "Abs", sign = "Sign", relu = "Relu", sigmoid = "Sigmoid"
  case tanh = "Tanh", logicalNot = "LogicalNot"

}

/// Reductions (`tf.reduce_*`); the op type is also the default name.
public enum ReduceKind: String, Sendable, CaseIterable {
  case sum = "Sum", mean = "Mean", max = "Max", min = "Min", prod = "Prod", any = "Any", all = "All"
}

extension Graph {
  /// Adds an element-wise binary op with NumPy broadcasting (`a + b`, `tf.multiply`, `tf.equal`, ...).
  /// - Throws: `TypeError` when dtypes differ, `ValueError` when shapes cannot broadcast
  ///   (`Dimensions must be equal, but are 10 and 5 for 'add' (op: 'Add') with input shapes: [?,10], [5].`).
  public func binary(_ kind: BinaryKind, _ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor {
    try check([a, b])
    let n = opName(name, default: kind.defaultName)
    if a.dtype != b.dtype {
      throw TFError.type("Input 'y' of '\(kind.opType)' Op has type \(b.dtype.rawValue) that does not match type \(a.dtype.rawValue) of argument 'x'.")
    }
    if (kind == .logicalAnd || kind == .logicalOr) && a.dtype != .bool {
      throw TFError.type("Value passed to parameter 'x' has DataType \(a.dtype.rawValue) not in list of allowed values: bool")
    }
    let shape = try ShapeRules.broadcast(a.shape, b.shape, name: n, type: kind.opType)
    let dt: DType = kind.isComparison ? .bool : a.dtype
    return addOp(name: n, type: kind.opType, inputs: [a, b], attrs: ["T": .type(a.dtype)],
                 outputs: [OutputSpec(dt, shape)]).output(0)
  }

  /// `a + b` (op `Add`, name `add`).
  public func add(_ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor { try binary(.add, a, b, name: name) }
  /// `a - b` (op `Sub`, name `sub`).
  public func sub(_ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor { try binary(.sub, a, b, name: name) }
  /// `a * b` (op `Mul`, name `mul`).
  public func mul(_ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor { try binary(.mul, a, b, name: name) }
  /// `a / b` (op `RealDiv`, name `truediv`).
  public func div(_ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor { try binary(.div, a, b, name: name) }
  /// `tf.equal(a, b)` (op and name `Equal`, bool result).
  public func equal(_ a: Tensor, _ b: Tensor, name: String? = nil) throws -> Tensor { try binary(.equal, a, b, name: name) }

  /// Adds an element-wise unary op (`tf.negative` → `Neg`, `tf.log` → `Log`, `tf.nn.relu` → `Relu`, ...).
  /// - Throws: `TypeError` for a non-float input to a float op.
  public func unary(_ kind: UnaryKind, _ x: Tensor, name: String? = nil) throws -> Tensor {
    try check([x])
    let n = opName(name, default: kind.rawValue)
    let floatOnly: Set<UnaryKind> = [.log, .exp, .sqrt, .rsqrt, .sigmoid, .tanh]
    if (floatOnly.contains(kind) && x.dtype != .float32) || (kind == .logicalNot) != (x.dtype == .bool) {
      throw TFError.type("Value passed to parameter 'x' has DataType \(x.dtype.rawValue) not in list of allowed values: \(kind == .logicalNot ? "bool" : "float32")")
    }
    return addOp(name: n, type: kind.rawValue, inputs: [x], attrs: ["T": .type(x.dtype)],
                 outputs: [OutputSpec(x.dtype, x.shape)]).output(0)
  }

  /// `tf.negative(x)` / `-x` (op and name `Neg`).
  public func neg(_ x: Tensor, name: String? = nil) throws -> Tensor { try unary(.neg, x, name: name) }
  /// `tf.log(x)` (op and name `Log`); log(0) is -inf, as in TensorFlow.
  public func log(_ x: Tensor, name: String? = nil) throws -> Tensor { try unary(.log, x, name: name) }

  /// `tf.matmul(a, b, transpose_a, transpose_b)`: op and name `MatMul`, float32 rank-2 inputs.
  /// - Throws: `ValueError` such as `Dimensions must be equal, but are 784 and 10 for 'MatMul'
  ///   (op: 'MatMul') with input shapes: [?,784], [10,10].`
  public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                     name: String? = nil) throws -> Tensor {
    try check([a, b])
    let n = opName(name, default: "MatMul")
    if a.dtype != b.dtype {
      throw TFError.type("Input 'b' of 'MatMul' Op has type \(b.dtype.rawValue) that does not match type \(a.dtype.rawValue) of argument 'a'.")
    }
    if a.dtype != .float32 {
      throw TFError.type("Value passed to parameter 'a' has DataType \(a.dtype.rawValue) not in list of allowed values: float32")
    }
    let all = [a.shape, b.shape]
    try ShapeRules.requireRank(a.shape, 2, name: n, type: "MatMul", all: all)
    try ShapeRules.requireRank(b.shape, 2, name: n, type: "MatMul", all: all)
    let ad = a.shape.dims ?? [nil, nil], bd = b.shape.dims ?? [nil, nil]
    let (m, ka) = transposeA ? (ad[1], ad[0]) : (ad[0], ad[1])
    let (kb, nn) = transposeB ? (bd[1], bd[0]) : (bd[0], bd[1])
    try ShapeRules.requireEqual(ka, kb, name: n, type: "MatMul", all: all)
    return addOp(name: n, type: "MatMul", inputs: [a, b],
                 attrs: ["T": .type(.float32), "transpose_a": .bool(transposeA), "transpose_b": .bool(transposeB)],
                 outputs: [OutputSpec(.float32, TensorShape([m, nn]))]).output(0)
  }

  /// `tf.reduce_sum`/`reduce_mean`/... over `axes` (nil: all; `axis` and `reduction_indices` alike).
  ///
  /// With axes the op gets a constant input `<name>/reduction_indices`; without, a `Const` made
  /// just before it (TensorFlow 1.x's naming, e.g. `Sum/reduction_indices` + `Sum`, `Const` + `Mean`).
  /// - Throws: `ValueError` for an axis outside the rank.
  public func reduce(_ kind: ReduceKind, _ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false,
                     name: String? = nil) throws -> Tensor {
    try check([x])
    if let axes {
      return try withNameScope(name ?? kind.rawValue) {
        let n = currentNameScope
        let idx = intConstant(axes, name: "reduction_indices")
        return try finishReduce(kind, x, idx, axes, keepDims, n)
      }
    }
    let r = x.shape.rank
    let idx = intConstant(r.map { Array(0..<$0) } ?? [], name: nil)
    let n = opName(name, default: kind.rawValue)
    return try finishReduce(kind, x, idx, r.map { Array(0..<$0) }, keepDims, n)
  }

  private func finishReduce(_ kind: ReduceKind, _ x: Tensor, _ idx: Tensor, _ axes: [Int]?, _ keepDims: Bool,
                            _ n: String) throws -> Tensor {
    let boolOp = kind == .any || kind == .all
    if boolOp != (x.dtype == .bool) {
      throw TFError.type("Value passed to parameter 'input' has DataType \(x.dtype.rawValue) not in list of allowed values: \(boolOp ? "bool" : "float32, int64")")
    }
    let norm = try axes.map { try ShapeRules.normalizeAxes($0, rank: x.shape.rank, name: n, type: kind.rawValue, shapes: [x.shape, idx.shape]) }
    var out = ShapeRules.reduced(x.shape, axes: norm, keepDims: keepDims)
    if axes == nil { out = .unknown }
    var attrs: [String: AttrValue] = ["T": .type(x.dtype), "Tidx": .type(.int64), "keep_dims": .bool(keepDims)]
    if axes == nil { attrs["_reduce_all"] = .bool(true) }
    return addOp(name: n, type: kind.rawValue, inputs: [x, idx], attrs: attrs,
                 outputs: [OutputSpec(x.dtype, out)]).output(0)
  }

  /// `tf.reduce_sum(x, axes, keep_dims)`.
  public func reduceSum(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false, name: String? = nil) throws -> Tensor {
    try reduce(.sum, x, axes: axes, keepDims: keepDims, name: name)
  }
  /// `tf.reduce_mean(x, axes, keep_dims)`.
  public func reduceMean(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false, name: String? = nil) throws -> Tensor {
    try reduce(.mean, x, axes: axes, keepDims: keepDims, name: name)
  }

  /// `tf.argmax(x, axis)` (`argmin` with `min: true`): op `ArgMax` with input `ArgMax/dimension`, int64 result.
  /// - Throws: `ValueError` for an axis outside the rank.
  public func argmax(_ x: Tensor, axis: Int, min: Bool = false, name: String? = nil) throws -> Tensor {
    try check([x])
    let type = min ? "ArgMin" : "ArgMax"
    return try withNameScope(name ?? type) {
      let n = currentNameScope
      let dim = constant(NDArray(shape: [], int64s: [Int64(axis)]), name: "dimension")
      var out = TensorShape.unknown
      if let dims = x.shape.dims {
        let r = dims.count
        guard axis >= -r && axis < r else {
          throw TFError.value("Expected dimension in the range [\(-r), \(r)), but got \(axis)" + ShapeRules.suffix(n, type, [x.shape, dim.shape]))
        }
        var d = dims
        d.remove(at: axis < 0 ? axis + r : axis)
        out = TensorShape(d)
      }
      if x.dtype == .bool { throw TFError.type("Value passed to parameter 'input' has DataType bool not in list of allowed values: float32, int64") }
      return addOp(name: n, type: type, inputs: [x, dim],
                   attrs: ["T": .type(x.dtype), "Tidx": .type(.int64), "output_type": .type(.int64)],
                   outputs: [OutputSpec(.int64, out)]).output(0)
    }
  }

  /// `tf.cast(x, dtype)`: op `Cast`; returns `x` itself when it already has `dtype` (as TensorFlow does).
  public func cast(_ x: Tensor, to dtype: DType, name: String? = nil) throws -> Tensor {
    try check([x])
    if x.dtype == dtype && !x.isRef { return x }
    let n = opName(name, default: "Cast")
    return addOp(name: n, type: "Cast", inputs: [x], attrs: ["SrcT": .type(x.dtype), "DstT": .type(dtype)],
                 outputs: [OutputSpec(dtype, x.shape)]).output(0)
  }
}
