import Foundation
import Tensors

private func uninitialized(_ op: Operation) -> TFError {
  TFError(.failedPrecondition, "Attempting to use uninitialized value \(op.name)")
}

final class VariableKernel: Kernel {
  private lazy var index = op.variableIndex!
  override func run(_ st: RunState) throws {
    guard let v = st.session.variableValues[index] else { throw uninitialized(op) }
    st.slots[outs[0]] = v
  }
}

final class AssignKernel: Kernel {
  private lazy var varOp = op.inputs[0].op
  override func run(_ st: RunState) throws {
    let value = st.slots[ins[1]]
    let shape = varOp.outputSpecs[0].shape
    if op.attrBool("validate_shape"), !shape.isCompatible(with: value.shape) {
      throw TFError.invalid("Assign requires shapes of both tensors to match. lhs shape= \(shape.bracketed) rhs shape= \(shapeList(value.shape))")
    }
    st.session.variableValues[varOp.variableIndex!] = value
    st.slots[outs[0]] = value
  }
}

final class ApplyGradientDescentKernel: Kernel {
  private lazy var varOp = op.inputs[0].op
  override func run(_ st: RunState) throws {
    let s = st.session, idx = varOp.variableIndex!
    guard var v = s.variableValues[idx] else { throw uninitialized(varOp) }
    let alpha = st.slots[ins[1]].withFloats { $0[0] }
    let delta = st.slots[ins[2]]
    guard delta.shape == v.shape else {
      throw TFError.invalid("var and delta do not have the same shape\(shapeList(v.shape)) \(shapeList(delta.shape))")
    }
    s.variableValues[idx] = nil
    delta.withFloats { d in v.mutateFloats { p, n in subtractScaled(p, d, alpha: alpha, count: n) } }
    s.variableValues[idx] = v
    st.slots[outs[0]] = emptyArray
  }
}

final class ApplyAdamKernel: Kernel {
  override func run(_ st: RunState) throws {
    let s = st.session
    let idx = (0..<3).map { op.inputs[$0].op.variableIndex! }
    var vals: [NDArray] = []
    for (k, i) in idx.enumerated() {
      guard let v = s.variableValues[i] else { throw uninitialized(op.inputs[k].op) }
      vals.append(v)
      s.variableValues[i] = nil
    }
    func scalar(_ i: Int) -> Float { st.slots[ins[i]].withFloats { $0[0] } }
    let b1p = scalar(3), b2p = scalar(4), lr = scalar(5), b1 = scalar(6), b2 = scalar(7), eps = scalar(8)
    let grad = st.slots[ins[9]]
    guard grad.shape == vals[0].shape else {
      for (k, i) in idx.enumerated() { s.variableValues[i] = vals[k] }
      throw TFError.invalid("var and grad do not have the same shape\(shapeList(vals[0].shape)) \(shapeList(grad.shape))")
    }
    let lrt = lr * (1 - b2p).squareRoot() / (1 - b1p)
    var (w, m, v) = (vals[0], vals[1], vals[2])
    vals = []
    grad.withFloats { g in
      m.mutateFloats { pm, n in
        v.mutateFloats { pv, _ in
          w.mutateFloats { pw, _ in
            for i in 0..<n {
              pm[i] += (g[i] - pm[i]) * (1 - b1)
              pv[i] += (g[i] * g[i] - pv[i]) * (1 - b2)
              pw[i] -= lrt * pm[i] / (pv[i].squareRoot() + eps)
            }
          }
        }
      }
    }
    s.variableValues[idx[0]] = w
    s.variableValues[idx[1]] = m
    s.variableValues[idx[2]] = v
    st.slots[outs[0]] = emptyArray
  }
}
