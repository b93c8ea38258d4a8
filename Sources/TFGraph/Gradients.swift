import Tensors

extension Graph {
  /// Symbolic reverse-mode gradients (`tf.gradients(ys, xs, grad_ys)`): adds gradient ops under
  /// the name scope `name` (default `gradients`) and returns d(Σ ys)/d(x) for each x, `nil` when
  /// `x` does not influence `ys` (or only through non-differentiable ops such as `ArgMax`).
  ///
  /// Like TensorFlow, the seed is `gradients/Shape` + `gradients/grad_ys_0` + `gradients/Fill`, each
  /// op's local rule runs in `gradients/<op>_grad/`, and a tensor used several times gets its
  /// partial gradients summed by `gradients/AddN`. Only ops between `xs` and `ys` are visited.
  /// Pass a variable's ``Variable/ref`` (or ``Variable/value``) as an `x`.
  /// - Throws: `TypeError` for a non-float `y`; `LookupError`-style `ValueError` when an op on the
  ///   path has no gradient rule.
  public func gradients(_ ys: [Tensor], _ xs: [Tensor], gradYs: [Tensor?]? = nil,
                        name: String = "gradients") throws -> [Tensor?] {
    try check(ys + xs)
    for y in ys where y.dtype != .float32 {
      throw TFError.type("Gradients of \(y.dtype.rawValue) tensors are not supported: \(y)")
    }
    return try withNameScope(name) {
      // Ops reachable forward from xs, and among them those that reach ys.
      let maxID = operations.count
      var consumers = [[Operation]](repeating: [], count: maxID)
      for op in operations { for t in op.inputs { consumers[t.op.id].append(op) } }
      var fromXs = [Bool](repeating: false, count: maxID)
      var stack = xs.map(\.op)
      while let op = stack.popLast() {
        if fromXs[op.id] { continue }
        fromXs[op.id] = true
        stack += consumers[op.id]
      }
      var between = [Bool](repeating: false, count: maxID)
      stack = ys.map(\.op)
      while let op = stack.popLast() {
        if between[op.id] || !fromXs[op.id] { continue }
        between[op.id] = true
        stack += op.inputs.map(\.op)
      }
      // Partial gradients per tensor.
      var partials: [Tensor: [Tensor]] = [:]
      for (i, y) in ys.enumerated() {
        let seed: Tensor
        if let g = gradYs?[i] { seed = g } else {
          let shape = try shapeOf(y)
          let one = scalarConstant(1, .float32, name: "grad_ys_\(i)")
          seed = try fillOp(shape, one)
        }
        partials[y, default: []].append(seed)
      }
      // Visit ops in reverse creation order (a reverse topological order).
      let ordered = operations.prefix(maxID).filter { between[$0.id] }.sorted { $0.id > $1.id }
      let xset = Set(xs)
      for op in ordered {
        var outGrads: [Tensor?] = []
        var any = false
        for i in op.outputSpecs.indices {
          let t = op.output(i)
          let g = try aggregate(partials[t] ?? [])
          if let g { partials[t] = [g]; any = true }
          outGrads.append(g)
        }
        if !any || op.inputs.isEmpty { continue }
        let inGrads = try withNameScope(op.name + "_grad") { try gradientRule(op, outGrads) }
        for (t, g) in zip(op.inputs, inGrads) {
          guard let g, between[t.op.id] || xset.contains(t), t.dtype == .float32 else { continue }
          partials[t, default: []].append(g)
        }
      }
      return try xs.map { try aggregate(partials[$0] ?? []) }
    }
  }

  /// Sums partial gradients with `AddN` when there are several.
  private func aggregate(_ parts: [Tensor]) throws -> Tensor? {
    if parts.count <= 1 { return parts.first }
    let n = opName(nil, default: "AddN")
    var shape = parts[0].shape
    for p in parts.dropFirst() { shape = shape.merged(with: p.shape) }
    return addOp(name: n, type: "AddN", inputs: parts, attrs: ["N": .int(parts.count), "T": .type(.float32)],
                 outputs: [OutputSpec(.float32, shape)]).output(0)
  }
}
