import Tensors

/// Op types whose outputs carry no gradient (TensorFlow's `NotDifferentiable`).
let nonDifferentiable: Set<String> = [
  "ArgMax", "ArgMin", "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual",
  "LogicalAnd", "LogicalOr", "LogicalNot", "Shape", "Fill", "Const", "StopGradient", "Sign",
  "RandomStandardNormal", "TruncatedNormal", "Placeholder", "VariableV2", "Assign", "NoOp",
  "ApplyGradientDescent", "ApplyAdam", "Any", "All",
]

extension Graph {
  /// The local gradient rule of `op`: input gradients from output gradients. Runs inside the
  /// `gradients/<op>_grad` scope, so the ops it adds get TensorFlow-like names.
  func gradientRule(_ op: Operation, _ dy: [Tensor?]) throws -> [Tensor?] {
    let x = op.inputs
    let none = [Tensor?](repeating: nil, count: x.count)
    if nonDifferentiable.contains(op.type) { return none }
    guard let g = dy[0] else { return none }
    let y = op.output(0)
    switch op.type {
    case "Identity", "Snapshot":
      return [g]
    case "AddN":
      return x.map { _ in g }
    case "Reshape", "ExpandDims":
      return [try reshapeLike(g, x[0], name: "Reshape"), nil]
    case "Cast":
      return [x[0].dtype == .float32 ? try cast(g, to: .float32) : nil]
    case "Add":
      return [try sumToShape(g, x[0], "Reshape"), try sumToShape(g, x[1], "Reshape_1")]
    case "Sub":
      return [try sumToShape(g, x[0], "Reshape"), try sumToShape(try neg(g), x[1], "Reshape_1")]
    case "Mul":
      return [try sumToShape(try mul(g, x[1], name: "Mul"), x[0], "Reshape"),
              try sumToShape(try mul(x[0], g, name: "Mul_1"), x[1], "Reshape_1")]
    case "RealDiv":
      let ga = try div(g, x[1], name: "RealDiv")
      let nx = try neg(x[0])
      let t = try div(try div(nx, x[1], name: "RealDiv_1"), x[1], name: "RealDiv_2")
      return [try sumToShape(ga, x[0], "Reshape"), try sumToShape(try mul(g, t), x[1], "Reshape_1")]
    case "Neg":
      return [try neg(g)]
    case "Log":
      return [try mul(g, try unary(.reciprocal, x[0]))]
    case "Exp":
      return [try mul(g, y)]
    case "Square":
      return [try mul(g, try mul(x[0], scalarConstant(2, .float32, name: "Mul/y"), name: "Mul"), name: "Mul_1")]
    case "Sqrt":
      let half = scalarConstant(0.5, .float32, name: "Const")
      return [try div(try mul(g, half), y)]
    case "Relu", "Sigmoid", "Tanh":
      let type = op.type + "Grad"
      let ins = op.type == "Relu" ? [g, y] : [y, g]
      return [addOp(name: opName(nil, default: type), type: type, inputs: ins, attrs: ["T": .type(.float32)],
                    outputs: [OutputSpec(.float32, x[0].shape)]).output(0)]
    case "Softmax", "LogSoftmax":
      let type = op.type + "Grad"
      return [addOp(name: opName(nil, default: op.type == "Softmax" ? "mul_1" : "sub"), type: type,
                    inputs: [g, y], attrs: ["T": .type(.float32)],
                    outputs: [OutputSpec(.float32, x[0].shape)]).output(0)]
    case "SoftmaxCrossEntropyWithLogits", "SparseSoftmaxCrossEntropyWithLogits":
      let e = try expandDims(g, -1)
      return [try mul(e, op.output(1)), nil]
    case "MatMul":
      let ta = op.attrBool("transpose_a"), tb = op.attrBool("transpose_b")
      let (a, b) = (x[0], x[1])
      switch (ta, tb) {
      case (false, false):
        return [try matmul(g, b, transposeB: true), try matmul(a, g, transposeA: true)]
      case (false, true):
        return [try matmul(g, b), try matmul(g, a, transposeA: true)]
      case (true, false):
        return [try matmul(b, g, transposeB: true), try matmul(a, g)]
      case (true, true):
        return [try matmul(b, g, transposeA: true, transposeB: true),
                try matmul(g, a, transposeA: true, transposeB: true)]
      }
    case "Sum", "Mean":
      let isMean = op.type == "Mean"
      var attrs = op.attrs.filter { $0.key == "keep_dims" || $0.key == "_reduce_all" }
      attrs["T"] = .type(.float32)
      attrs["divide"] = .bool(isMean)
      if let c = x[1].op.attrTensor("value"), case .int64(let v) = c.storage { attrs["axes"] = .ints(v.map { Int($0) }) }
      let t = addOp(name: opName(nil, default: isMean ? "truediv" : "Tile"), type: "BroadcastTo",
                    inputs: [g, x[0]], attrs: attrs, outputs: [OutputSpec(.float32, x[0].shape)])
      return [t.output(0), nil]
    default:
      throw TFError(.valueError, "No gradient defined for operation '\(op.name)' (op type: \(op.type))")
    }
  }

  /// Reduces a broadcast gradient back to the shape of `like` (runtime no-op when equal).
  func sumToShape(_ g: Tensor, _ like: Tensor, _ name: String) throws -> Tensor {
    if let a = g.shape.known, let b = like.shape.known, a == b { return g }
    return addOp(name: opName(nil, default: name), type: "SumToShape", inputs: [g, like],
                 attrs: ["T": .type(.float32)], outputs: [OutputSpec(.float32, like.shape)]).output(0)
  }

  /// Reshapes `g` to the runtime shape of `like` (TensorFlow's `Reshape(g, Shape(x))`).
  func reshapeLike(_ g: Tensor, _ like: Tensor, name: String) throws -> Tensor {
    let s = try shapeOf(like)
    return addOp(name: opName(nil, default: name), type: "Reshape", inputs: [g, s], attrs: ["T": .type(g.dtype)],
                 outputs: [OutputSpec(g.dtype, like.shape)]).output(0)
  }

  /// `tf.expand_dims(x, axis)`: op `ExpandDims` with input `ExpandDims/dim`.
  public func expandDims(_ x: Tensor, _ axis: Int, name: String? = nil) throws -> Tensor {
    try check([x])
    return try withNameScope(name ?? "ExpandDims") {
      let n = currentNameScope
      let dim = constant(NDArray(shape: [], int64s: [Int64(axis)]), name: "dim")
      var out = TensorShape.unknown
      if var d = x.shape.dims {
        let r = d.count + 1
        guard axis >= -r && axis < r else {
          throw TFError.value("Tried to expand dim index \(axis) for tensor with \(d.count) dimensions." + ShapeRules.suffix(n, "ExpandDims", [x.shape, dim.shape]))
        }
        d.insert(1, at: axis < 0 ? axis + r : axis)
        out = TensorShape(d)
      }
      return addOp(name: n, type: "ExpandDims", inputs: [x, dim], attrs: ["T": .type(x.dtype)],
                   outputs: [OutputSpec(x.dtype, out)]).output(0)
    }
  }
}
