import Tensors

/// A variable's gradient made by a `MatMul` and read only by that variable's
/// `ApplyGradientDescent`, found in one plan and run as one kernel.
///
/// In the tutorial, `gradients/MatMul_grad/MatMul_1` (xᵀ·dlogits, the `[784, 10]` gradient of W)
/// is read by nothing but `GradientDescent/update_Variable/ApplyGradientDescent`. Run apart, the
/// product writes the gradient and the update reads it back in a second pass over W; with the
/// product shared between two threads, half of those rows come from the other core's cache. The
/// fused kernel (`ck_sgemm_sub_scaled`) has each thread apply `W -= lr·dW` to the rows it just
/// computed. The floats are those of the two ops: the same product, then the same two roundings
/// per element; a test compares the two.
package struct MatMulGradientDescentFusion {
  let matmul: Operation
  let apply: Operation

  /// Switched off by tests to compare the fused kernel with the ops it replaces.
  nonisolated(unsafe) package static var enabled = true

  /// The fusions among `ops` (a plan's ops in creation order). The product must be read by the
  /// update alone, not fetched (`protected`), and no op that writes a variable may run between
  /// the two: the fused kernel runs where the update did, so the product's errors, if any, must
  /// come before the same writes as they would have.
  static func find(in ops: [Operation], protected: Set<Tensor>) -> [MatMulGradientDescentFusion] {
    guard enabled else { return [] }
    var readers: [Tensor: Int] = [:]
    for op in ops { for t in op.inputs { readers[t, default: 0] += 1 } }
    var position: [ObjectIdentifier: Int] = [:]
    for (i, op) in ops.enumerated() { position[ObjectIdentifier(op)] = i }
    var found: [MatMulGradientDescentFusion] = []
    for (i, apply) in ops.enumerated() where apply.type == "ApplyGradientDescent" && apply.inputs.count == 3 {
      let delta = apply.inputs[2], matmul = delta.op
      guard matmul.type == "MatMul", matmul.outputs.count == 1, readers[delta] == 1, !protected.contains(delta),
            matmul.controlInputs.isEmpty, delta.dtype == .float32,
            let j = position[ObjectIdentifier(matmul)], j < i,
            !ops[(j + 1)..<i].contains(where: { writesVariables($0) }) else { continue }
      found.append(MatMulGradientDescentFusion(matmul: matmul, apply: apply))
    }
    return found
  }

  private static func writesVariables(_ op: Operation) -> Bool {
    op.inputs.indices.contains { isRefInput(op, $0) }
  }
}

/// Runs a ``MatMulGradientDescentFusion`` where the update ran. For anything but float32
/// matrices of matching sizes, a positive inner size, an initialised variable of the product's
/// shape and a float32 learning rate, it runs the two original kernels instead, which also raise
/// the usual errors.
final class MatMulGradientDescentKernel: Kernel {
  private let parts: [Kernel]
  private let a: Int, b: Int, rate: Int, delta: Int
  private let ta: Bool, tb: Bool
  private lazy var varOp = parts[1].op.inputs[0].op

  init(_ f: MatMulGradientDescentFusion, matmul: Kernel, apply: Kernel) {
    parts = [matmul, apply]
    a = matmul.ins[0]
    b = matmul.ins[1]
    rate = apply.ins[1]
    delta = matmul.outs[0]
    ta = f.matmul.attrBool("transpose_a")
    tb = f.matmul.attrBool("transpose_b")
    super.init(f.apply, ins: [a, b, rate], outs: matmul.outs + apply.outs, fresh: matmul.fresh)
  }

  /// Names of the ops this kernel stands for (for profiles and tests).
  var fusedOpNames: [String] { parts.map(\.op.name) }
  override var profileName: String { "fused \(parts[0].op.name)+ApplyGradientDescent" }

  override func run(_ st: RunState) throws {
    let x = st.slots[a], y = st.slots[b], lr = st.slots[rate]
    let s = st.session, idx = varOp.variableIndex!
    guard x.dtype == .float32, y.dtype == .float32, x.rank == 2, y.rank == 2, lr.dtype == .float32, lr.count == 1,
          var v = s.variableValues[idx], v.dtype == .float32 else {
      for k in parts { try k.run(st) }
      return
    }
    let m = ta ? x.shape[1] : x.shape[0], k = ta ? x.shape[0] : x.shape[1]
    let k2 = tb ? y.shape[1] : y.shape[0], n = tb ? y.shape[0] : y.shape[1]
    guard k == k2, k > 0, v.shape == [m, n] else {
      for k in parts { try k.run(st) }
      return
    }
    let alpha = lr.withFloats { $0[0] }
    let (ta, tb) = (self.ta, self.tb)
    // Taken out of the session first, so that the update does not copy it (as the plain kernel).
    s.variableValues[idx] = nil
    var product = emptyArray
    x.withFloats { pa in
      y.withFloats { pb in
        v.mutateFloats { pw, _ in
          product = buf.write([m, n]) { o, _ in
            sgemmSubtractScaled(
              transA: ta, transB: tb, m: m, n: n, k: k, a: pa, lda: x.shape[1], b: pb, ldb: y.shape[1], c: o,
              learningRate: alpha, w: pw)
          }
        }
      }
    }
    s.variableValues[idx] = v
    st.slots[delta] = product
    st.slots[outs[1]] = emptyArray
  }
}
