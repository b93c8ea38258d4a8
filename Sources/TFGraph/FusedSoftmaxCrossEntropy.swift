import Tensors

/// The ops of the tutorial's loss and its gradient, found in one plan and run as one kernel.
///
/// `cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(tf.nn.softmax(logits)), 1))`
/// differentiated by ``Graph/gradients(_:_:)`` schedules about twenty small ops on `[N, 10]`
/// arrays (Softmax, Log, Mul, Sum, Neg, Mean, then Fill, two BroadcastTo, Neg, Mul, SumToShape,
/// Reciprocal, Mul, SoftmaxGrad). Each costs a dispatch, a buffer and a pass over memory for a
/// few nanoseconds of arithmetic. The fused kernel computes the same values with the same float
/// operations in the same order, row by row, so its outputs (the softmax, the loss and the
/// gradient of the logits) are bit-identical to the unfused ops'; a test compares the two.
package struct SoftmaxCrossEntropyFusion {
  /// Every op the fused kernel replaces (it runs them itself for inputs it does not handle).
  let ops: [Operation]
  let logits: Tensor
  let labels: Tensor
  let softmax: Tensor
  let loss: Tensor
  let gradient: Tensor
  /// `y_ * log(y)` (true) or `log(y) * y_` (false): the order of both multiplications.
  let labelsFirst: Bool
  /// The gradient seed (`grad_ys`, 1 for `minimize`).
  let seed: Float

  /// Switched off by tests to compare the fused kernel with the ops it replaces.
  nonisolated(unsafe) package static var enabled = true

  /// The fusions available among `ops` (a plan's ops in creation order). `consumers` counts, for
  /// every tensor, the scheduled ops reading it; `protected` tensors are fetched or reported.
  static func find(in ops: [Operation], protected: Set<Tensor>) -> [SoftmaxCrossEntropyFusion] {
    guard enabled else { return [] }
    var readers: [Tensor: [Operation]] = [:]
    for op in ops { for t in op.inputs { readers[t, default: []].append(op) } }
    let scheduled = Set(ops.map(ObjectIdentifier.init))
    var found: [SoftmaxCrossEntropyFusion] = []
    var used = Set<ObjectIdentifier>()
    for d in ops where d.type == "SoftmaxGrad" {
      guard let f = match(d, readers: readers, scheduled: scheduled, protected: protected),
            f.ops.allSatisfy({ !used.contains(ObjectIdentifier($0)) }) else { continue }
      for op in f.ops { used.insert(ObjectIdentifier(op)) }
      found.append(f)
    }
    return found
  }

  private static func match(
    _ d: Operation, readers: [Tensor: [Operation]], scheduled: Set<ObjectIdentifier>, protected: Set<Tensor>
  ) -> SoftmaxCrossEntropyFusion? {
    func only(_ t: Tensor, _ type: String) -> Operation? { t.op.type == type ? t.op : nil }
    func constValues(_ t: Tensor) -> [Int64]? {
      guard t.op.type == "Const", let v = t.op.attrTensor("value"), case .int64(let a) = v.storage else { return nil }
      return a
    }
    // Backward chain, from the SoftmaxGrad up.
    guard d.inputs.count == 2, let sm = only(d.inputs[1], "Softmax"),
          let m3 = only(d.inputs[0], "Mul"), m3.inputs.count == 2,
          let rc = only(m3.inputs[1], "Reciprocal"), rc.inputs[0] == sm.output(0) else { return nil }
    var t1: Operation?
    var m2Tensor = m3.inputs[0]
    if m2Tensor.op.type == "SumToShape" { t1 = m2Tensor.op; m2Tensor = m2Tensor.op.inputs[0] }
    guard let m2 = only(m2Tensor, "Mul"), m2.inputs.count == 2 else { return nil }
    // Forward chain, from the Softmax down.
    guard let lgReaders = readers[sm.output(0)], let lg = lgReaders.first(where: { $0.type == "Log" }),
          let m = readers[lg.output(0)]?.first(where: { $0.type == "Mul" }), m.inputs.count == 2 else { return nil }
    let labelsFirst = m.inputs[1] == lg.output(0)
    let labels = labelsFirst ? m.inputs[0] : m.inputs[1]
    guard labelsFirst || m.inputs[0] == lg.output(0), labels != lg.output(0) else { return nil }
    guard let s = readers[m.output(0)]?.first(where: { $0.type == "Sum" }),
          !s.attrBool("keep_dims"), !s.attrBool("_reduce_all"), let sAxes = constValues(s.inputs[1]),
          sAxes == [1] || sAxes == [-1],
          let n = readers[s.output(0)]?.first(where: { $0.type == "Neg" }),
          let e = readers[n.output(0)]?.first(where: { $0.type == "Mean" }),
          !e.attrBool("keep_dims") else { return nil }
    if !e.attrBool("_reduce_all") {
      guard let eAxes = constValues(e.inputs[1]), eAxes == [0] || eAxes == [-1] else { return nil }
    }
    // The gradient ops must be the ones minimize() made for exactly this chain.
    let labelsGradFirst = m2.inputs[0] == labels
    guard (labelsFirst ? m2.inputs[0] == labels : m2.inputs[1] == labels),
          let b2 = only(labelsGradFirst ? m2.inputs[1] : m2.inputs[0], "BroadcastTo"),
          !b2.attrBool("divide"), b2.inputs[1] == m.output(0),
          let n2 = only(b2.inputs[0], "Neg"),
          let b1 = only(n2.inputs[0], "BroadcastTo"), b1.attrBool("divide"), b1.inputs[1] == n.output(0),
          let fill = only(b1.inputs[0], "Fill"),
          let shape = only(fill.inputs[0], "Shape"), shape.inputs[0] == e.output(0),
          fill.inputs[1].op.type == "Const", let seedValue = fill.inputs[1].op.attrTensor("value"),
          case .float32(let seedArray) = seedValue.storage, seedArray.count == 1, seedValue.shape.isEmpty
    else { return nil }
    if let t1 { guard t1.inputs[1] == lg.output(0) else { return nil } }

    var group: [Operation] = [sm, lg, m, s, n, e, shape, fill, b1, n2, b2, m2, rc, m3, d]
    if let t1 { group.append(t1) }
    for c in [s.inputs[1].op, fill.inputs[1].op, e.inputs[1].op] where c.type == "Const" {
      // Constants join the group only when nothing else reads them.
      if c.outputs.allSatisfy({ (readers[$0] ?? []).allSatisfy { r in group.contains(r) } }) { group.append(c) }
    }
    guard group.allSatisfy({ scheduled.contains(ObjectIdentifier($0)) }) else { return nil }
    // Intermediate values must stay inside: read by no other op and neither fetched nor reported.
    let exposed: Set<Tensor> = [sm.output(0), e.output(0), d.output(0)]
    let members = Set(group.map(ObjectIdentifier.init))
    for op in group {
      for t in op.outputs where !exposed.contains(t) {
        if protected.contains(t) { return nil }
        if (readers[t] ?? []).contains(where: { !members.contains(ObjectIdentifier($0)) }) { return nil }
      }
    }
    // Readers of the softmax or the loss outside the group must run after it (the kernel runs at
    // the place of the group's last op).
    let last = group.map(\.id).max()!
    for t in [sm.output(0), e.output(0)] {
      if (readers[t] ?? []).contains(where: { !members.contains(ObjectIdentifier($0)) && $0.id < last }) { return nil }
    }
    return SoftmaxCrossEntropyFusion(
      ops: group.sorted { $0.id < $1.id }, logits: sm.inputs[0], labels: labels, softmax: sm.output(0),
      loss: e.output(0), gradient: d.output(0), labelsFirst: labelsFirst, seed: seedArray[0])
  }
}

/// Runs a ``SoftmaxCrossEntropyFusion``: softmax, loss and logits gradient in one pass over the
/// rows; for anything but float32 `[N, C]` logits and labels of the same shape with N, C ≥ 1 it
/// runs the original kernels instead, which also raise the usual errors.
final class FusedSoftmaxCrossEntropyKernel: Kernel {
  private let parts: [Kernel]
  private let logits: Int, labels: Int, softmax: Int, loss: Int, gradient: Int
  private let labelsFirst: Bool
  private let seed: Float
  private var smBuf: FloatBuffer
  private var gradBuf: FloatBuffer
  private var logs: [Float] = []
  private var sums: [Float] = []

  init(_ f: SoftmaxCrossEntropyFusion, parts: [Kernel], slot: (Tensor) -> Int, protected: Set<Int>) {
    self.parts = parts
    logits = slot(f.logits)
    labels = slot(f.labels)
    softmax = slot(f.softmax)
    loss = slot(f.loss)
    gradient = slot(f.gradient)
    labelsFirst = f.labelsFirst
    seed = f.seed
    smBuf = FloatBuffer(fresh: protected.contains(softmax))
    gradBuf = FloatBuffer(fresh: protected.contains(gradient))
    // Reads: every input the parts take from outside the group; writes: every part's outputs.
    let inside = Set(parts.flatMap(\.outs))
    var ins: [Int] = []
    for k in parts { for s in k.ins where s >= 0 && !inside.contains(s) && !ins.contains(s) { ins.append(s) } }
    let outs = parts.flatMap(\.outs)
    super.init(f.ops.last!, ins: ins, outs: outs, fresh: [protected.contains(loss)])
  }

  /// Names of the ops this kernel stands for (for profiles and tests).
  var fusedOpNames: [String] { parts.map(\.op.name) }
  override var profileName: String { "fused Softmax…Softmax_grad (\(parts.count) ops)" }

  override func run(_ st: RunState) throws {
    let x = st.slots[logits], y = st.slots[labels]
    guard x.dtype == .float32, y.dtype == .float32, x.rank == 2, y.shape == x.shape,
          x.shape[0] > 0, x.shape[1] > 0 else {
      for k in parts { try k.run(st) }
      return
    }
    let rows = x.shape[0], cols = x.shape[1], n = rows * cols
    if logs.count != n { logs = [Float](repeating: 0, count: n) }
    if sums.count != 3 * rows { sums = [Float](repeating: 0, count: 3 * rows) }
    let labelsFirst = self.labelsFirst
    // Mean's gradient: the seed spread over the rows (BroadcastTo with divide), then negated.
    let spread = seed * 1 / Float(rows)
    let g = -spread
    var total: Float = 0
    // Forward: softmax, log, -sum(y_ * log(y)) per row, summed for the mean; backward: Mul by
    // the labels, Log's gradient (times 1/y), then SoftmaxGrad. Row sums keep the Sum and
    // SoftmaxGrad kernels' order (c = 0, 1, ...); the rows are independent, and the sum over
    // them is taken in row order at the end (see ck_fused_xent).
    var gradOut = emptyArray
    let sm = x.withFloats { px in
      y.withFloats { py in
        logs.withUnsafeMutableBufferPointer { lb in
          sums.withUnsafeMutableBufferPointer { sb in
            smBuf.write(x.shape) { smp, _ in
              gradOut = gradBuf.write(x.shape) { o, _ in
                total = fusedCrossEntropy(
                  x: px, labels: py, rows: rows, cols: cols, seed: g, labelsFirst: labelsFirst, softmax: smp,
                  logs: lb.baseAddress!, gradient: o, scratch: sb.baseAddress!)
              }
            }
          }
        }
      }
    }
    let grad = gradOut
    let mean = total / Float(rows)
    st.slots[softmax] = sm
    st.slots[gradient] = grad
    st.slots[loss] = buf.write([]) { o, _ in o[0] = mean }
  }
}
