import Tensors

extension Graph {
  /// `tf.nn.softmax(logits)` (op and name `Softmax`) over the last axis; `logSoftmax` with `log: true`.
  /// - Throws: `ValueError` for a scalar input, `TypeError` for a non-float input.
  public func softmax(_ logits: Tensor, log: Bool = false, name: String? = nil) throws -> Tensor {
    try check([logits])
    let type = log ? "LogSoftmax" : "Softmax"
    let n = opName(name, default: type)
    try requireFloat(logits, "logits")
    if let r = logits.shape.rank, r < 1 {
      throw TFError.value("Shape must be at least rank 1 but is rank 0" + ShapeRules.suffix(n, type, [logits.shape]))
    }
    return addOp(name: n, type: type, inputs: [logits], attrs: ["T": .type(.float32)],
                 outputs: [OutputSpec(.float32, logits.shape)]).output(0)
  }

  /// `tf.nn.softmax_cross_entropy_with_logits(labels=, logits=)`: op `SoftmaxCrossEntropyWithLogits`.
  ///
  /// Returns output 0, the per-example loss `-Σ labels·log softmax(logits)` of shape `[batch]`
  /// (output 1 is the backprop `softmax - labels`, used by the gradient). Rank-2 inputs.
  /// - Throws: `ValueError` when the shapes differ.
  public func softmaxCrossEntropyWithLogits(labels: Tensor, logits: Tensor, name: String? = nil) throws -> Tensor {
    try check([labels, logits])
    let n = opName(name, default: "SoftmaxCrossEntropyWithLogits")
    let type = "SoftmaxCrossEntropyWithLogits"
    try requireFloat(logits, "features")
    try requireFloat(labels, "labels")
    let all = [logits.shape, labels.shape]
    try ShapeRules.requireRank(logits.shape, 2, name: n, type: type, all: all)
    try ShapeRules.requireRank(labels.shape, 2, name: n, type: type, all: all)
    let a = logits.shape.dims ?? [nil, nil], b = labels.shape.dims ?? [nil, nil]
    try ShapeRules.requireEqual(a[0], b[0], name: n, type: type, all: all)
    try ShapeRules.requireEqual(a[1], b[1], name: n, type: type, all: all)
    let batch = a[0] ?? b[0], classes = a[1] ?? b[1]
    return addOp(name: n, type: type, inputs: [logits, labels], attrs: ["T": .type(.float32)],
                 outputs: [OutputSpec(.float32, TensorShape([batch])),
                           OutputSpec(.float32, TensorShape([batch, classes]))]).output(0)
  }

  /// `tf.nn.sparse_softmax_cross_entropy_with_logits(labels=, logits=)`: op
  /// `SparseSoftmaxCrossEntropyWithLogits`; labels are int64 class indices of shape `[batch]`.
  ///
  /// Returns the per-example loss `[batch]`. A label outside `[0, classes)` fails at run time
  /// with `InvalidArgumentError`, as in TensorFlow.
  /// - Throws: `ValueError` when the label shape is not the logits shape without its last dimension.
  public func sparseSoftmaxCrossEntropyWithLogits(labels: Tensor, logits: Tensor, name: String? = nil) throws -> Tensor {
    try check([labels, logits])
    let n = opName(name, default: "SparseSoftmaxCrossEntropyWithLogits")
    try requireFloat(logits, "features")
    if labels.dtype != .int64 {
      throw TFError.type("Value passed to parameter 'labels' has DataType \(labels.dtype.rawValue) not in list of allowed values: int32, int64")
    }
    if let l = labels.shape.dims, let g = logits.shape.dims {
      let bad = l.count != 1 || g.count != 2 || (l[0] != nil && g[0] != nil && l[0] != g[0])
      if bad {
        throw TFError.value("Shape mismatch: The shape of labels (received \(labels.shape)) should equal the shape of logits except for the last dimension (received \(logits.shape)).")
      }
    }
    let batch = labels.shape.dims?.first ?? logits.shape.dims?.first ?? nil
    let classes = logits.shape.dims?.last ?? nil
    return addOp(name: n, type: "SparseSoftmaxCrossEntropyWithLogits", inputs: [logits, labels],
                 attrs: ["T": .type(.float32), "Tlabels": .type(.int64)],
                 outputs: [OutputSpec(.float32, TensorShape([batch])),
                           OutputSpec(.float32, TensorShape([batch, classes]))]).output(0)
  }

  /// `tf.losses.sparse_softmax_cross_entropy(labels, logits)`: the mean per-example loss, a scalar.
  ///
  /// Ops live under `sparse_softmax_cross_entropy_loss/` (`xentropy`, `Const`, `value`).
  public func sparseSoftmaxCrossEntropyLoss(labels: Tensor, logits: Tensor, name: String? = nil) throws -> Tensor {
    try withNameScope(name ?? "sparse_softmax_cross_entropy_loss") {
      let per = try sparseSoftmaxCrossEntropyWithLogits(labels: labels, logits: logits, name: "xentropy")
      return try reduce(.mean, per, name: "value")
    }
  }

  func requireFloat(_ t: Tensor, _ param: String) throws {
    if t.dtype != .float32 {
      throw TFError.type("Value passed to parameter '\(param)' has DataType \(t.dtype.rawValue) not in list of allowed values: float32")
    }
  }
}
