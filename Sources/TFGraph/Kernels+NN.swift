import Foundation
import Tensors

final class SoftmaxKernel: Kernel {
  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]]
    guard x.rank >= 1 else { throw TFError.invalid("logits must have >= 1 dimension, got \(shapeList(x.shape))") }
    let cols = x.shape.last!, rows = cols == 0 ? 0 : x.count / cols
    let log = op.type == "LogSoftmax"
    // Row maximum subtracted, one vectorised exp over the buffer, then normalised (C kernel,
    // bit-identical to FastMath on scalars).
    st.slots[outs[0]] = x.withFloats { p in buf.write(x.shape) { o, _ in
      tfSoftmaxRows(p, o, rows: rows, cols: cols, log: log)
    } }
  }
}

/// SoftmaxGrad(g, y), LogSoftmaxGrad(g, y), ReluGrad(g, y), SigmoidGrad(y, g), TanhGrad(y, g).
final class ActivationGradKernel: Kernel {
  override func run(_ st: RunState) throws {
    let a = st.slots[ins[0]], b = st.slots[ins[1]]
    guard a.shape == b.shape else { throw incompatible(a.shape, b.shape) }
    let type = op.type
    st.slots[outs[0]] = a.withFloats { pa in b.withFloats { pb in buf.write(a.shape) { o, n in
      switch type {
      case "SoftmaxGrad", "LogSoftmaxGrad":
        let cols = a.shape.last ?? 1, rows = cols == 0 ? 0 : n / cols
        let isSoft = type == "SoftmaxGrad"
        for r in 0..<rows {
          let g = pa + r * cols, y = pb + r * cols, out = o + r * cols
          var s: Float = 0
          if isSoft {
            for c in 0..<cols { s += g[c] * y[c] }
            for c in 0..<cols { out[c] = (g[c] - s) * y[c] }
          } else {
            for c in 0..<cols { s += g[c] }
            for c in 0..<cols { out[c] = g[c] - FastMath.exp(y[c]) * s }
          }
        }
      case "ReluGrad": for i in 0..<n { o[i] = pb[i] > 0 ? pa[i] : 0 }
      case "SigmoidGrad": for i in 0..<n { o[i] = pb[i] * pa[i] * (1 - pa[i]) }
      default: for i in 0..<n { o[i] = pb[i] * (1 - pa[i] * pa[i]) }
      }
    } } }
  }
}

/// (Sparse)SoftmaxCrossEntropyWithLogits: output 0 the per-row loss, output 1 `softmax - labels`.
final class CrossEntropyKernel: Kernel {
  private var rowBuf: [Float] = []
  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]], labels = st.slots[ins[1]]
    let sparse = op.type.hasPrefix("Sparse")
    guard x.rank == 2 else { throw TFError.invalid("logits must be 2-dimensional") }
    let rows = x.shape[0], cols = x.shape[1]
    if sparse {
      guard labels.shape == [rows] else {
        throw TFError.invalid("logits and labels must have the same first dimension, got logits shape \(shapeList(x.shape)) and labels shape \(shapeList(labels.shape))")
      }
      let ls = labels.int64s
      if let bad = ls.first(where: { $0 < 0 || $0 >= cols }) {
        throw TFError.invalid("Received a label value of \(bad) which is outside the valid range of [0, \(cols)).  Label values: " + ls.map(String.init).joined(separator: " "))
      }
    } else if labels.shape != x.shape {
      throw TFError.invalid("logits and labels must be same size: logits_size=\(shapeList(x.shape)) labels_size=\(shapeList(labels.shape))")
    }
    let ls = sparse ? labels.int64s : []
    var loss = NDArray(shape: [0], floats: [])
    let grad: NDArray = x.withFloats { px in
      var lossOut = [Float](repeating: 0, count: rows)
      let g = buf1.write(x.shape) { o, _ in
        for r in 0..<rows {
          let row = px + r * cols, out = o + r * cols
          var m = -Float.infinity
          for c in 0..<cols where !(row[c] <= m) { m = row[c] }
          var s: Float = 0
          for c in 0..<cols { s += FastMath.exp(row[c] - m) }
          let lse = FastMath.log(s)
          var l: Float = 0
          if sparse {
            let y = ls[r]
            for c in 0..<cols { out[c] = FastMath.exp(row[c] - m - lse) }
            l = lse - (row[Int(y)] - m)
            out[Int(y)] -= 1
          } else {
            labels.withFloats { pl in
              let lab = pl + r * cols
              for c in 0..<cols {
                if lab[c] != 0 { l += lab[c] * (lse - (row[c] - m)) }
                out[c] = FastMath.exp(row[c] - m - lse) - lab[c]
              }
            }
          }
          lossOut[r] = l
        }
      }
      loss = buf.write([rows]) { o, n in o.update(from: lossOut, count: n) }
      return g
    }
    st.slots[outs[0]] = loss
    st.slots[outs[1]] = grad
  }
}
