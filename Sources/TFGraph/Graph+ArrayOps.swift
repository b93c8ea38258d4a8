import Tensors

extension Graph {
  /// Adds a `Placeholder` (`tf.placeholder(dtype, shape, name)`); unknown dims are `nil`.
  /// - Returns: its output `Placeholder:0` (or `Placeholder_N:0`, or the given name).
  public func placeholder(_ dtype: DType, shape: TensorShape = .unknown, name: String? = nil) -> Tensor {
    let n = opName(name, default: "Placeholder")
    return addOp(name: n, type: "Placeholder", attrs: ["dtype": .type(dtype), "shape": .shape(shape)],
                 outputs: [OutputSpec(dtype, shape)]).output(0)
  }

  /// Adds a `Const` holding `value` (`tf.constant`). Default name `Const`.
  public func constant(_ value: NDArray, name: String? = nil) -> Tensor {
    let n = opName(name, default: "Const")
    return addOp(name: n, type: "Const", attrs: ["dtype": .type(value.dtype), "value": .tensor(value)],
                 outputs: [OutputSpec(value.dtype, TensorShape(known: value.shape))]).output(0)
  }

  /// A rank-1 int64 constant (shapes, axes).
  func intConstant(_ v: [Int], name: String? = nil) -> Tensor {
    constant(NDArray(shape: [v.count], int64s: v.map(Int64.init)), name: name)
  }

  /// A scalar constant of the given dtype.
  func scalarConstant(_ v: Double, _ dtype: DType, name: String? = nil) -> Tensor {
    switch dtype {
    case .float32: return constant(NDArray(shape: [], floats: [Float(v)]), name: name)
    case .int64: return constant(NDArray(shape: [], int64s: [Int64(v)]), name: name)
    case .bool: return constant(NDArray(shape: [], bools: [v != 0]), name: name)
    }
  }

  /// `tf.zeros(shape, dtype)`: a `Const` named `zeros` when under 1000 elements, else TensorFlow's
  /// `zeros/shape_as_tensor`, `zeros/Const` and the `Fill` op `zeros`.
  /// - Throws: `ValueError` for negative dimensions.
  public func zeros(_ shape: [Int], dtype: DType = .float32, name: String? = nil) throws -> Tensor {
    try filledConstant(shape, 0, dtype, name: name, defaultName: "zeros")
  }

  /// `tf.ones(shape, dtype)`, named like ``zeros(_:dtype:name:)`` with `ones`.
  public func ones(_ shape: [Int], dtype: DType = .float32, name: String? = nil) throws -> Tensor {
    try filledConstant(shape, 1, dtype, name: name, defaultName: "ones")
  }

  private func filledConstant(_ shape: [Int], _ v: Double, _ dtype: DType, name: String?, defaultName: String) throws -> Tensor {
    if let d = shape.first(where: { $0 < 0 }) {
      throw TFError.value("Dimension \(d) must be >= 0")
    }
    return try withNameScope(name ?? defaultName) {
      let scope = currentNameScope
      if shape.reduce(1, *) < 1000 {
        return constant(NDArray.filledArray(shape, v, dtype), name: scope + "/")
      }
      let dims = intConstant(shape, name: "shape_as_tensor")
      let value = scalarConstant(v, dtype, name: "Const")
      return try fillOp(dims, value, name: scope + "/")
    }
  }

  /// `tf.fill(dims, value)`: op `Fill` with inputs `Fill/dims` and `Fill/value`.
  public func fill(_ dims: [Int], value: Double, dtype: DType = .float32, name: String? = nil) throws -> Tensor {
    try withNameScope(name ?? "Fill") {
      let scope = currentNameScope
      return try fillOp(intConstant(dims, name: "dims"), scalarConstant(value, dtype, name: "value"), name: scope + "/")
    }
  }

  /// The `Fill` op on tensors (dims int64 rank 1, value scalar).
  public func fillOp(_ dims: Tensor, _ value: Tensor, name: String? = nil) throws -> Tensor {
    try check([dims, value])
    let n = opName(name, default: "Fill")
    var shape = TensorShape.unknown
    if let c = dims.op.attrTensor("value"), case .int64(let v) = c.storage { shape = TensorShape(known: v.map { Int($0) }) }
    else if let k = dims.shape.known, k.count == 1 { shape = TensorShape([Int?](repeating: nil, count: k[0])) }
    try ShapeRules.requireRank(value.shape, 0, name: n, type: "Fill", all: [dims.shape, value.shape])
    return addOp(name: n, type: "Fill", inputs: [dims, value], attrs: ["T": .type(value.dtype)],
                 outputs: [OutputSpec(value.dtype, shape)]).output(0)
  }

  /// `tf.identity(x)`: op `Identity`.
  public func identity(_ x: Tensor, name: String? = nil) throws -> Tensor {
    try check([x])
    let n = opName(name, default: "Identity")
    return addOp(name: n, type: "Identity", inputs: [x], attrs: ["T": .type(x.dtype)],
                 outputs: [OutputSpec(x.dtype, x.shape)]).output(0)
  }

  /// `tf.stop_gradient(x)`: op `StopGradient` (forward identity, no gradient).
  public func stopGradient(_ x: Tensor, name: String? = nil) throws -> Tensor {
    try check([x])
    let n = opName(name, default: "StopGradient")
    return addOp(name: n, type: "StopGradient", inputs: [x], attrs: ["T": .type(x.dtype)],
                 outputs: [OutputSpec(x.dtype, x.shape)]).output(0)
  }

  /// `tf.shape(x)`: op `Shape` (int64 rank-1 result).
  public func shapeOf(_ x: Tensor, name: String? = nil) throws -> Tensor {
    try check([x])
    let n = opName(name, default: "Shape")
    return addOp(name: n, type: "Shape", inputs: [x], attrs: ["T": .type(x.dtype), "out_type": .type(.int64)],
                 outputs: [OutputSpec(.int64, TensorShape([x.shape.rank]))]).output(0)
  }

  /// `tf.reshape(x, shape)`: op `Reshape` with input `Reshape/shape`; one `-1` allowed.
  /// - Throws: `ValueError` when the element counts cannot match.
  public func reshape(_ x: Tensor, _ shape: [Int], name: String? = nil) throws -> Tensor {
    try check([x])
    return try withNameScope(name ?? "Reshape") {
      let scope = currentNameScope
      let s = intConstant(shape, name: "shape")
      let n = scope
      var out = TensorShape(shape.map { $0 < 0 ? nil : $0 })
      let known = shape.filter { $0 >= 0 }.reduce(1, *)
      if shape.filter({ $0 < 0 }).count > 1 {
        throw TFError.value("Cannot infer multiple unknown dimensions in shape [\(shape.map(String.init).joined(separator: ","))]")
      }
      if let total = x.shape.numElements {
        let bad = shape.contains(-1) ? (known == 0 || total % known != 0) : total != known
        if bad {
          throw TFError.value("Cannot reshape a tensor with \(total) elements to shape [\(shape.map(String.init).joined(separator: ","))] (\(known) elements)" + ShapeRules.suffix(n, "Reshape", [x.shape, s.shape]).dropLast() + " and with input tensors computed as partial shapes: input[1] = [\(shape.map { $0 < 0 ? "?" : String($0) }.joined(separator: ","))].")
        }
        if let i = shape.firstIndex(of: -1) { out.dims![i] = total / known }
      }
      return addOp(name: n, type: "Reshape", inputs: [x, s], attrs: ["T": .type(x.dtype)],
                   outputs: [OutputSpec(x.dtype, out)]).output(0)
    }
  }

  /// `tf.random_normal(shape, mean, stddev, seed)`: op `random_normal` drawing fresh values each run.
  public func randomNormal(_ shape: [Int], mean: Double = 0, stddev: Double = 1, seed: Int? = nil,
                           name: String? = nil) -> Tensor {
    randomOp("RandomStandardNormal", name ?? "random_normal", shape, mean, stddev, seed)
  }

  /// `tf.truncated_normal(shape, mean, stddev, seed)`: values beyond two stddevs are redrawn.
  public func truncatedNormal(_ shape: [Int], mean: Double = 0, stddev: Double = 1, seed: Int? = nil,
                              name: String? = nil) -> Tensor {
    randomOp("TruncatedNormal", name ?? "truncated_normal", shape, mean, stddev, seed)
  }

  private func randomOp(_ type: String, _ name: String, _ shape: [Int], _ mean: Double, _ stddev: Double, _ seed: Int?) -> Tensor {
    let n = opName(name, default: name)
    let opSeed = seed ?? (self.seed != nil ? operations.count : 0)
    return addOp(name: n, type: type,
                 attrs: ["dtype": .type(.float32), "seed": .int(self.seed ?? 0), "seed2": .int(opSeed),
                         "mean": .float(mean), "stddev": .float(stddev), "shape": .ints(shape),
                         "seeded": .bool(seed != nil || self.seed != nil)],
                 outputs: [OutputSpec(.float32, TensorShape(known: shape))]).output(0)
  }
}

extension NDArray {
  /// An array of `shape` filled with `v` in `dtype` (private helper; no Tensors dependency).
  static func filledArray(_ shape: [Int], _ v: Double, _ dtype: DType) -> NDArray {
    let n = shape.reduce(1, *)
    switch dtype {
    case .float32: return NDArray(shape: shape, floats: [Float](repeating: Float(v), count: n))
    case .int64: return NDArray(shape: shape, int64s: [Int64](repeating: Int64(v), count: n))
    case .bool: return NDArray(shape: shape, bools: [Bool](repeating: v != 0, count: n))
    }
  }
}
