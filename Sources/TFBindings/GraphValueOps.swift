import PyInterp
import TFGraph
import Tensors

extension TFEnvironment {
  /// An element-wise binary op on Python values: tensors/variables as they are, other values
  /// converted to constants of the tensor operand's dtype (`x * 2`, `1 - y`), as TensorFlow does.
  func binaryOp(_ kind: BinaryKind, _ a: PyValue, _ b: PyValue, name: String? = nil) throws -> PyValue {
    try translate {
      if let ta = tensor(of: a), let tb = tensor(of: b) {
        do {
          return wrap(try graph(for: [ta, tb]).binary(kind, ta, tb, name: name))
        } catch let e as TFError where e.kind == .valueError && e.message.hasPrefix("Dimensions must be equal") {
          var p = pyException(e)
          if let hint = swappedMatmulHint(ta) ?? swappedMatmulHint(tb) { p.hint = hint }
          throw p
        }
      }
      let known = tensor(of: a) ?? tensor(of: b)
      let g = known.flatMap { graph(for: [$0]) } ?? graph
      return try g.withNameScope(name ?? kind.defaultName) {
        let scope = g.currentNameScope
        let ta = try tensor(of: a) ?? constant(in: g, a, dtype: known?.dtype, name: "x")
        let tb = try tensor(of: b) ?? constant(in: g, b, dtype: known?.dtype ?? ta.dtype, name: "y")
        return wrap(try g.binary(kind, ta, tb, name: scope + "/"))
      }
    }
  }

  /// A constant in `g` made from a Python value.
  func constant(in g: Graph, _ value: PyValue, dtype: DType?, name: String?) throws -> Tensor {
    if case .none = value { throw PyException.valueError("None values not supported.") }
    if case .object(let o) = value, o is OperationObject {
      _ = try tensor(from: value)
    }
    return g.constant(try array(from: value, dtype: dtype), name: name)
  }

  /// The graph the tensors belong to (the default graph when they are from it or gone).
  func graph(for tensors: [Tensor]) -> Graph {
    tensors.first.flatMap { $0.graph } ?? graph
  }

  /// `tf.matmul` with a learner hint on a shape mismatch.
  func matmulOp(_ a: PyValue, _ b: PyValue, transposeA: Bool = false, transposeB: Bool = false,
                name: String? = nil) throws -> PyValue {
    try translate {
      let ta = try tensor(from: a, dtype: tensor(of: b)?.dtype)
      let tb = try tensor(from: b, dtype: ta.dtype)
      do {
        return wrap(try graph(for: [ta, tb]).matmul(ta, tb, transposeA: transposeA, transposeB: transposeB, name: name))
      } catch let e as TFError where e.kind == .valueError && e.message.hasPrefix("Dimensions must be equal") {
        var p = pyException(e)
        p.hint = matmulHint(ta, tb, transposeA, transposeB)
        throw p
      }
    }
  }

  /// A learner's hint for a matmul whose inner dimensions differ: names both sides, and says
  /// whether one of them looks transposed (the usual mistake) or what shape would fit.
  func matmulHint(_ a: Tensor, _ b: Tensor, _ tA: Bool, _ tB: Bool) -> String {
    let an = pythonName(forOp: a.op.name) ?? "a", bn = pythonName(forOp: b.op.name) ?? "b"
    let ad = a.shape.dims ?? [nil, nil], bd = b.shape.dims ?? [nil, nil]
    let show = { (d: Int?) in d.map(String.init) ?? "?" }
    let k = tA ? ad[0] : ad[1], kb = tB ? bd[1] : bd[0]
    let bOther = tB ? bd[0] : bd[1], aOther = tA ? ad[1] : ad[0]
    var hint = "in tf.matmul(a, b) the columns of a must equal the rows of b, but \(an) has shape "
      + "\(a.shape.bracketed) (\(show(k)) columns) and \(bn) has shape \(b.shape.bracketed) (\(show(kb)) rows)"
    if let k, bOther == k {
      hint += "; \(bn) has \(k) \(tB ? "rows" : "columns"), so it looks transposed: "
        + "tf.matmul(\(an), \(bn), transpose_b=\(tB ? "False" : "True")) would fit"
    } else if let kb, aOther == kb {
      hint += "; \(an) has \(kb) \(tA ? "columns" : "rows"), so it looks transposed: "
        + "tf.matmul(\(an), \(bn), transpose_a=\(tA ? "False" : "True")) would fit"
    } else {
      hint += "; with \(an) as it is, \(bn) needs shape [\(show(k)), \(bOther.map(String.init) ?? "n")]"
    }
    return hint
  }

  /// A hint when `t` is a product whose inner dimensions matched only because one was unknown
  /// (`tf.matmul(W, x)` with x of shape [None, 784] gives a [784, 784] product, and the error
  /// comes later, from `+ b`): names the product's shape and the order that fits.
  func swappedMatmulHint(_ t: Tensor) -> String? {
    let op = t.op
    guard op.type == "MatMul", op.inputs.count == 2, let ad = op.inputs[0].shape.dims, let bd = op.inputs[1].shape.dims,
          ad.count == 2, bd.count == 2 else { return nil }
    func flag(_ k: String) -> Bool { if case .bool(let v)? = op.attrs[k] { return v }; return false }
    let tA = flag("transpose_a"), tB = flag("transpose_b")
    let k = tA ? ad[0] : ad[1], kb = tB ? bd[1] : bd[0]
    guard (k == nil) != (kb == nil) else { return nil }
    let an = pythonName(forOp: op.inputs[0].op.name) ?? "a", bn = pythonName(forOp: op.inputs[1].op.name) ?? "b"
    var hint = "tf.matmul(\(an), \(bn)) has shape \(t.shape.bracketed): the columns of \(an) "
      + "\(op.inputs[0].shape.bracketed) were matched with the unknown (None) rows of \(bn) "
      + "\(op.inputs[1].shape.bracketed)"
    if !tA && !tB, let bCols = bd[1], let aRows = ad[0], bCols == aRows {
      hint += "; the batch goes first: tf.matmul(\(bn), \(an)) has the shape you want"
    }
    return hint
  }

  /// Python operators on graph values (`+ - * / ** @`, `< > <= >=`, `& |`).
  func graphOperator(_ op: PyBinaryOperator, _ me: PyValue, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    // Let arrays/tensors on the other side be converted; refuse what can never be a tensor.
    switch other {
    case .int, .float, .bool, .list, .tuple: break
    case .object(let o) where o is TensorObject || o is VariableObject || o is NDArrayObject: break
    default: return nil
    }
    let (l, r) = reflected ? (other, me) : (me, other)
    switch op {
    case .add: return try binaryOp(.add, l, r)
    case .sub: return try binaryOp(.sub, l, r)
    case .mul: return try binaryOp(.mul, l, r)
    case .truediv: return try binaryOp(.div, l, r)
    case .pow: return try binaryOp(.pow, l, r)
    case .and: return try binaryOp(.logicalAnd, l, r, name: "LogicalAnd")
    case .or: return try binaryOp(.logicalOr, l, r, name: "LogicalOr")
    case .matmul: return try matmulOp(l, r)
    default: return nil
    }
  }

  /// `< > <= >=` on graph values (TF 1.x: `==` and `!=` compare identity).
  func graphCompare(_ op: PyCompareOperator, _ me: PyValue, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    let kind: BinaryKind
    switch op {
    case .lt: kind = .less
    case .gt: kind = .greater
    case .le: kind = .lessEqual
    case .ge: kind = .greaterEqual
    case .eq, .ne: return nil
    }
    switch other {
    case .int, .float, .bool, .list, .tuple: break
    case .object(let o) where o is TensorObject || o is VariableObject || o is NDArrayObject: break
    default: return nil
    }
    let (l, r) = reflected ? (other, me) : (me, other)
    return try binaryOp(kind, l, r, name: kind.opType)
  }

  func graphUnary(_ op: PyUnaryOperator, _ t: Tensor) throws -> PyValue? {
    switch op {
    case .neg: return try translate { wrap(try graph(for: [t]).neg(t)) }
    case .pos: return wrap(t)
    case .invert: return try translate { wrap(try graph(for: [t]).unary(.logicalNot, t)) }
    }
  }

  /// The session for `t.eval()` / `op.run()`: the explicit one, else the default one.
  func sessionForEval(_ explicit: PyValue, _ what: String) throws -> SessionObject {
    if case .object(let o) = explicit, let s = o as? SessionObject { return s }
    if let s = registeredDefaultSession { return s }
    if what == "eval" {
      throw PyException.valueError(
        "Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`",
        hint: "create one first: sess = tf.InteractiveSession(), or use sess.run(...)")
    }
    throw PyException.valueError(
      "Cannot execute operation using `run()`: No default session is registered. Use `with sess.as_default():` or pass an explicit session to `run(session=sess)`",
      hint: "create one first: sess = tf.InteractiveSession(), or use sess.run(...)")
  }
}
