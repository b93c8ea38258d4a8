import Tensors

/// Normalised reduction axes for a run-time rank (`nil` axes: all).
private func runtimeAxes(_ axes: [Int]?, rank: Int) throws -> [Int] {
  guard let axes else { return Array(0..<rank) }
  return try axes.map { a in
    guard a >= -rank && a < rank else {
      throw TFError.invalid("Invalid reduction dimension (\(a) for input with \(rank) dimension(s)")
    }
    return a < 0 ? a + rank : a
  }.sorted()
}

/// Axes of a reduction op: from its constant `reduction_indices` input, or all when `_reduce_all`.
private func constAxes(_ op: Operation, from input: Int) -> [Int]? {
  if op.attrBool("_reduce_all") { return nil }
  if let c = op.inputs[input].op.attrTensor("value") { return c.int64s.map { Int($0) } }
  return op.attrInts("axes")
}

final class ReduceKernel: Kernel {
  private lazy var keep = op.attrBool("keep_dims")
  private lazy var isMean = op.type == "Mean"
  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]]
    let axes: [Int]? = op.attrBool("_reduce_all") ? nil : st.slots[ins[1]].int64s.map { Int($0) }
    let ax = try runtimeAxes(axes, rank: x.rank)
    if x.dtype == .float32 && (op.type == "Sum" || isMean) {
      var shape: [Int] = []
      for (i, d) in x.shape.enumerated() { if ax.contains(i) { if keep { shape.append(1) } } else { shape.append(d) } }
      let mean = isMean
      if ax.count == x.rank {  // everything
        let n = x.count
        st.slots[outs[0]] = x.withFloats { p in buf.write(shape) { o, _ in
          var s: Float = 0
          for i in 0..<n { s += p[i] }
          o[0] = mean ? s / Float(n) : s
        } }
        return
      }
      if x.rank == 2 && ax.count == 1 {
        let rows = x.shape[0], cols = x.shape[1]
        st.slots[outs[0]] = x.withFloats { p in buf.write(shape) { o, _ in
          if ax[0] == 1 {
            let scale = mean ? 1 / Float(cols) : 1
            for r in 0..<rows {
              var s: Float = 0
              for c in 0..<cols { s += p[r * cols + c] }
              o[r] = mean ? s * scale : s
            }
          } else {
            o.update(repeating: 0, count: cols)
            for r in 0..<rows { for c in 0..<cols { o[c] += p[r * cols + c] } }
            if mean { for c in 0..<cols { o[c] /= Float(rows) } }
          }
        } }
        return
      }
    }
    st.slots[outs[0]] = try reduce(ReduceOp(rawValue: op.type.lowercased())!, x, axes: ax, keepDims: keep)
  }
}

/// Gradient of Sum/Mean: broadcasts `g` back over the reduced axes of `x` (divided by the count for Mean).
final class BroadcastGradKernel: Kernel {
  private lazy var axes = constAxes(op, from: 1)
  private lazy var divide = op.attrBool("divide")
  override func run(_ st: RunState) throws {
    let g = st.slots[ins[0]], xs = st.slots[ins[1]].shape
    let ax = try runtimeAxes(op.attrBool("_reduce_all") ? nil : axes, rank: xs.count)
    var count = 1
    for a in ax { count *= xs[a] }
    let scale: Float = divide ? 1 / Float(count) : 1
    if g.count == 1 {
      let v = g.withFloats { $0[0] } * (divide ? 1 : 1)
      let val = divide ? v / Float(count) : v
      st.slots[outs[0]] = buf.write(xs) { o, n in o.update(repeating: val, count: n) }
      return
    }
    if xs.count == 2 && ax == [1] && g.count == xs[0] {
      let rows = xs[0], cols = xs[1]
      st.slots[outs[0]] = g.withFloats { p in buf.write(xs) { o, _ in
        for r in 0..<rows {
          let v = divide ? p[r] / Float(count) : p[r]
          for c in 0..<cols { o[r * cols + c] = v }
        }
      } }
      return
    }
    var keepShape = xs
    for a in ax { keepShape[a] = 1 }
    var r = try broadcast(g.sameData(shape: keepShape), to: xs)
    if divide { r.mutateFloats { p, n in for i in 0..<n { p[i] *= scale } } }
    st.slots[outs[0]] = r
  }
}

/// Gradient of a broadcasting binary op: sums `g` down to the run-time shape of the operand.
final class SumToShapeKernel: Kernel {
  override func run(_ st: RunState) throws {
    let g = st.slots[ins[0]], target = st.slots[ins[1]].shape
    if g.shape == target {
      st.slots[outs[0]] = g
      return
    }
    if g.rank == 2 && target == [g.shape[1]] {
      let rows = g.shape[0], cols = g.shape[1]
      st.slots[outs[0]] = g.withFloats { p in buf.write(target) { o, _ in
        o.update(from: p, count: cols)
        for r in 1..<Swift.max(rows, 1) { let row = p + r * cols; for c in 0..<cols { o[c] += row[c] } }
        if rows == 0 { o.update(repeating: 0, count: cols) }
      } }
      return
    }
    st.slots[outs[0]] = try sumToShape(g, target)
  }
}
