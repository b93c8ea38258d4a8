import PyInterp
import Tensors

/// A NumPy array (`numpy.ndarray`), or a NumPy scalar (`np.float32`) when 0-dimensional.
///
/// It wraps an `NDArray` without copying, so arrays from `sess.run` or `mnist.train.images`
/// can be fed back in for free.
final class NDArrayObject: PyObject {
  let array: NDArray
  unowned let env: TFEnvironment

  init(_ array: NDArray, env: TFEnvironment) {
    self.array = array
    self.env = env
  }

  var isScalar: Bool { array.rank == 0 }
  var dtypeName: String { array.dtype == .bool ? "bool" : array.dtype.rawValue }

  var pyTypeName: String { isScalar ? dtypeName : "ndarray" }
  var pyTypeModule: String? { "numpy" }
  var pyDoc: String? { isScalar ? "A NumPy scalar." : "A NumPy array: shape, dtype, indexing, arithmetic and reductions." }

  func pyRepr() -> String {
    if isScalar {
      switch array.storage {
      case .float32(let v): return "np.float32(\(numpyScalarString(v[0])))"
      case .int64(let v): return "np.int64(\(v[0]))"
      case .bool(let v): return v[0] ? "np.True_" : "np.False_"
      }
    }
    return env.formatRepr(array)
  }
  func pyStr() -> String { env.formatStr(array) }

  func pyNumber() -> PyValue? {
    guard array.count == 1 else { return nil }
    switch array.storage {
    case .float32(let v): return .float(Double(v[0]))
    case .int64(let v): return .int(Int(v[0]))
    case .bool(let v): return .bool(v[0])
    }
  }

  func pyTruth() throws -> Bool {
    if array.count == 1 { return array.scalarDouble! != 0 }
    if array.count == 0 { return false }
    throw PyException.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
  }

  func pyLength() throws -> Int? {
    guard let n = array.shape.first else { throw PyException.typeError("len() of unsized object") }
    return n
  }

  func pyIterate() throws -> PyIterator? {
    guard let n = array.shape.first else { throw PyException.typeError("iteration over a 0-d array") }
    var i = 0
    let a = array, env = env
    return PyIterator(typeName: "iterator") {
      guard i < n else { return nil }
      defer { i += 1 }
      return env.wrap(try env.translate { try index(a, i) })
    }
  }

  func pyGetItem(_ key: PyValue) throws -> PyValue {
    env.wrap(try env.translate { try env.select(array, key) })
  }

  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    if case .object(let o) = other, o is TensorObject || o is VariableObject { return nil }
    guard let b = try? env.numpyOperand(other) else { return nil }
    let (l, r) = reflected ? (b, array) : (array, b)
    return try env.numpyBinary(op, l, r).map { env.wrap($0) }
  }

  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    if case .object(let o) = other, o is TensorObject || o is VariableObject { return nil }
    guard let b = try? env.numpyOperand(other) else { return nil }
    let kind: BinaryOp
    switch reflected ? op.swapped : op {
    case .lt: kind = .less
    case .le: kind = .lessEqual
    case .gt: kind = .greater
    case .ge: kind = .greaterEqual
    case .eq: kind = .equal
    case .ne: kind = .notEqual
    }
    let (x, y) = env.promote(array, b, forDivision: false)
    return env.wrap(try env.translate { try binary(kind, x, y) })
  }

  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? {
    switch op {
    case .pos: return .object(self)
    case .neg:
      let a = array.dtype == .bool ? cast(array, to: .int64) : array
      return env.wrap(try env.translate { try unary(.neg, a) })
    case .invert:
      guard array.dtype == .bool else { return nil }
      return env.wrap(try env.translate { try unary(.logicalNot, array) })
    }
  }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let a = array, env = env
    switch name {
    case "shape": return .tuple(a.shape.map { .int($0) })
    case "dtype": return .object(NumpyDTypeObject.forStorage(a.dtype))
    case "ndim": return .int(a.rank)
    case "size": return .int(a.count)
    case "itemsize": return .int(a.dtype == .bool ? 1 : a.dtype == .float32 ? 4 : 8)
    case "nbytes": return .int(a.count * (a.dtype == .bool ? 1 : a.dtype == .float32 ? 4 : 8))
    case "T": return env.wrap(try env.translate { try transpose(a, perm: nil) })
    case "real": return .object(self)
    case "__abs__":  // abs(array), elementwise as np.abs (a bool array is its own absolute value)
      return method("ndarray", PySignature("__abs__", [])) { _ in
        a.dtype == .bool ? .object(self) : env.wrap(try env.translate { try unary(.abs, a) })
      }
    case "reshape":
      return .builtin(PyBuiltinFunction("reshape", owner: "ndarray", signatureText: "reshape(shape)") { args in
        let dims: [Int]
        if args.positional.count == 1, let items = args.positional[0].sequenceItems {
          dims = try items.map { try $0.asInt(what: "shape") }
        } else if let s = args.keyword("shape") ?? args.positional.first, let items = s.sequenceItems {
          dims = try items.map { try $0.asInt(what: "shape") }
        } else {
          dims = try args.positional.map { try $0.asInt(what: "shape") }
        }
        return env.wrap(try env.translate { try a.reshaped(dims) })
      })
    case "flatten", "ravel", "copy":
      return method("ndarray", PySignature(name, [])) { _ in
        env.wrap(name == "copy" ? a : try env.translate { try a.reshaped([a.count]) })
      }
    case "astype":
      return method("ndarray", PySignature("astype", [.required("dtype")])) { b in
        env.wrap(cast(a, to: try env.dtype(from: b["dtype"]) ?? a.dtype))
      }
    case "tolist":
      return method("ndarray", PySignature("tolist", [])) { _ in env.toList(a) }
    case "item":
      return method("ndarray", PySignature("item", [.varArgs()])) { _ in
        guard a.count == 1 else { throw PyException.valueError("can only convert an array of size 1 to a Python scalar") }
        return self.pyNumber()!
      }
    case "sum", "mean", "max", "min", "prod", "all", "any":
      return method("ndarray", PySignature(name, [.optional("axis"), .optional("dtype"), .optional("out"), .optional("keepdims", .false)])) { b in
        try env.numpyReduce(name, a, axis: b["axis"], keepDims: try b.bool("keepdims"))
      }
    case "argmax", "argmin":
      return method("ndarray", PySignature(name, [.optional("axis"), .optional("out")])) { b in
        try env.numpyArgmax(a, axis: b["axis"], min: name == "argmin")
      }
    case "transpose":
      return .builtin(PyBuiltinFunction("transpose", owner: "ndarray") { args in
        let perm = try args.positional.isEmpty ? nil : (args.positional.count == 1 ? env.axes(from: args.positional[0]) : args.positional.map { try $0.asInt() })
        return env.wrap(try env.translate { try transpose(a, perm: perm) })
      })
    case "dot":
      return method("ndarray", PySignature("dot", [.required("b")])) { b in
        env.wrap(try env.numpyDot(a, try env.numpyOperand(b["b"])))
      }
    default: return nil
    }
  }

  func pyDir() -> [String] {
    ["shape", "dtype", "ndim", "size", "itemsize", "nbytes", "T", "reshape", "flatten", "ravel", "copy", "astype",
     "tolist", "item", "sum", "mean", "max", "min", "prod", "all", "any", "argmax", "argmin", "transpose", "dot"]
  }
}
