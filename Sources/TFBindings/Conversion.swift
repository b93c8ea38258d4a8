import PyInterp
import TFGraph
import Tensors

extension TFEnvironment {
  // MARK: - Python values to arrays

  /// Converts a Python value (our NumPy array, nested lists/tuples of numbers, a number) to an
  /// array, cast to `dtype` when given. Arrays that already wrap an `NDArray` are not copied.
  /// - Throws: `TypeError` for values that are not numbers; `ValueError` for ragged lists.
  func array(from value: PyValue, dtype: DType? = nil, what: String = "value") throws -> NDArray {
    if case .object(let o) = value, let a = o as? NDArrayObject {
      if let dtype, a.array.dtype != dtype { return cast(a.array, to: dtype) }
      return a.array
    }
    var shape: [Int] = []
    var values: [Double] = []
    var sawFloat = false, sawInt = false, sawBool = false
    var shapeKnown = false
    func visit(_ v: PyValue, depth: Int) throws {
      if depth > 32 { throw PyException.valueError("\(what) is nested too deeply") }
      switch v {
      case .list, .tuple:
        let items = v.sequenceItems!
        if !shapeKnown {
          if shape.count == depth { shape.append(items.count) }
        }
        guard depth < shape.count, shape[depth] == items.count else {
          throw PyException.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.")
        }
        if items.isEmpty { shapeKnown = true }
        for item in items { try visit(item, depth: depth + 1) }
      case .object(let o) where o is NDArrayObject:
        let a = (o as! NDArrayObject).array
        if !shapeKnown && shape.count == depth { shape += a.shape; shapeKnown = true }
        guard Array(shape.dropFirst(depth)) == a.shape else {
          throw PyException.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions.")
        }
        switch a.dtype {
        case .float32: sawFloat = true
        case .int64: sawInt = true
        case .bool: sawBool = true
        }
        values += a.doubles
      default:
        if !shapeKnown { shapeKnown = true }
        guard shape.count == depth else {
          throw PyException.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(shape.count) dimensions.")
        }
        switch v {
        case .bool(let b): sawBool = true; values.append(b ? 1 : 0)
        case .int(let i): sawInt = true; values.append(Double(i))
        case .float(let d): sawFloat = true; values.append(d)
        case .object(let o):
          guard let n = o.pyNumber() else { fallthrough }
          try visit(n, depth: depth)
        default:
          if case .object(let o) = v, o is TensorObject || o is VariableObject {
            throw PyException.typeError("The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles.", hint: "evaluate it first with sess.run(...) to get a NumPy array")
          }
          throw PyException.typeError("\(what) must be a number, a list of numbers or a NumPy array, not '\(v.typeName)'")
        }
      }
    }
    try visit(value, depth: 0)
    try NDArray.checkShape(shape)
    let dt = dtype ?? (sawFloat ? .float32 : sawInt ? .int64 : sawBool ? .bool : .float32)
    switch dt {
    case .float32: return NDArray(shape: shape, floats: values.map { Float($0) })
    case .int64: return NDArray(shape: shape, int64s: values.map { Int64(exactly: $0.rounded(.towardZero)) ?? 0 })
    case .bool: return NDArray(shape: shape, bools: values.map { $0 != 0 })
    }
  }

  // MARK: - Python values to tensors

  /// `tf.convert_to_tensor`: a tensor, a variable (its read value) or a constant made from a value.
  func tensor(from value: PyValue, dtype: DType? = nil, name: String? = nil) throws -> Tensor {
    if case .object(let o) = value {
      if let t = o as? TensorObject { return t.tensor }
      if let v = o as? VariableObject { return v.variable.value }
      if o is OperationObject {
        throw PyException.typeError("Can't convert Operation '\((o as! OperationObject).op.name)' to Tensor (target dtype=None, name='\(name ?? "x")', as_ref=False)",
                                    hint: "an operation has no value; use a tensor such as its output instead")
      }
    }
    if case .none = value {
      throw PyException.valueError("None values not supported.")
    }
    let a = try array(from: value, dtype: dtype)
    return graph.constant(a, name: name)
  }

  /// Whether `value` is already a graph value (tensor or variable).
  func isGraphValue(_ value: PyValue) -> Bool {
    if case .object(let o) = value { return o is TensorObject || o is VariableObject }
    return false
  }

  /// The storage dtype a `dtype=` argument names (`tf.float32`, `np.int64`, `'float32'`); nil for None.
  func dtype(from value: PyValue, what: String = "dtype") throws -> DType? {
    switch value {
    case .none: return nil
    case .object(let o):
      if let d = o as? DTypeObject { return d.storage }
      if let d = o as? NumpyDTypeObject { return d.storage }
    case .str(let s):
      if let d = DTypeObject.storage(forName: s) { return d }
    case .type(let t):
      switch t.name {
      case "float": return .float32
      case "int": return .int64
      case "bool": return .bool
      default: break
      }
    default: break
    }
    throw PyException.typeError("Cannot convert \(PyRepr.repr(value)) to a dtype")
  }

  /// A shape argument: a list/tuple of ints (None for unknown dims when `allowUnknown`), a
  /// TensorShape, or an int.
  func shape(from value: PyValue, allowUnknown: Bool = false, what: String = "shape") throws -> TensorShape {
    switch value {
    case .none where allowUnknown: return .unknown
    case .int(let n): return TensorShape(known: [n])
    case .object(let o):
      if let s = o as? TensorShapeObject { return s.shape }
      if let a = o as? NDArrayObject, a.array.dtype == .int64, a.array.rank <= 1 {
        return TensorShape(known: a.array.int64s.map { Int($0) })
      }
    default: break
    }
    guard let items = value.sequenceItems else {
      throw PyException.typeError("\(what) must be a list or tuple of integers, not '\(value.typeName)'")
    }
    return TensorShape(try items.map { item -> Int? in
      if item.isNone {
        if allowUnknown { return nil }
        throw PyException.valueError("\(what) must be fully defined, got None in \(PyRepr.repr(value))")
      }
      if case .object(let o) = item, let d = o as? DimensionObject { return d.value }
      let n = try item.asInt(what: "\(what) entries")
      if n < 0 && !(allowUnknown && n == -1) { throw PyException.valueError("Dimension \(n) must be >= 0") }
      return n < 0 ? nil : n
    })
  }

  /// A fully known shape argument as `[Int]`.
  func knownShape(from value: PyValue, what: String = "shape") throws -> [Int] {
    try shape(from: value, what: what).known ?? []
  }

  /// An axis argument: an int, a list/tuple of ints, or None (all axes).
  func axes(from value: PyValue) throws -> [Int]? {
    switch value {
    case .none: return nil
    case .int, .bool: return [try value.asInt(what: "axis")]
    default:
      if case .object(let o) = value, let a = o as? NDArrayObject { return a.array.int64s.map { Int($0) } }
      guard let items = value.sequenceItems else {
        throw PyException.typeError("axis must be an int or a list of ints, not '\(value.typeName)'")
      }
      return try items.map { try $0.asInt(what: "axis") }
    }
  }

  // MARK: - Wrapping

  /// The Python object for a graph tensor (one object per tensor, so identity and dict keys work).
  func wrap(_ t: Tensor) -> PyValue {
    if let o = tensorObjects[t] { return .object(o) }
    let o = TensorObject(t, env: self)
    tensorObjects[t] = o
    return .object(o)
  }

  /// The Python object for a variable.
  func wrap(_ v: Variable) -> PyValue {
    if let o = variableObjects[v.op] { return .object(o) }
    let o = VariableObject(v, env: self)
    variableObjects[v.op] = o
    return .object(o)
  }

  /// The Python object for an operation.
  func wrap(_ op: Operation) -> PyValue {
    if let o = operationObjects[op] { return .object(o) }
    let o = OperationObject(op, env: self)
    operationObjects[op] = o
    return .object(o)
  }

  /// The Python value of an array (a NumPy scalar for 0-d arrays); shares the array's storage.
  public func wrap(_ a: NDArray) -> PyValue { .object(NDArrayObject(a, env: self)) }

  // MARK: - Unwrapping (public, for the shell)

  /// The graph tensor a Python value stands for (a tensor, or a variable's value), if any.
  public func tensor(of value: PyValue) -> Tensor? {
    guard case .object(let o) = value else { return nil }
    if let t = o as? TensorObject { return t.tensor }
    if let v = o as? VariableObject { return v.variable.value }
    return nil
  }

  /// The variable a Python value is, if any.
  public func variable(of value: PyValue) -> Variable? {
    guard case .object(let o) = value, let v = o as? VariableObject else { return nil }
    return v.variable
  }

  /// The operation a Python value is, if any (an operation object only; see `Tensor.op` for tensors).
  public func operation(of value: PyValue) -> Operation? {
    guard case .object(let o) = value, let op = o as? OperationObject else { return nil }
    return op.op
  }

  /// The array a Python value holds (a NumPy array or scalar), if any; no copy.
  public func ndarray(of value: PyValue) -> NDArray? {
    guard case .object(let o) = value, let a = o as? NDArrayObject else { return nil }
    return a.array
  }

  /// The session a Python value is, if any.
  public func session(of value: PyValue) -> Session? {
    guard case .object(let o) = value, let s = o as? SessionObject else { return nil }
    return s.session
  }
}

/// A hex address for `<... object at 0x...>` reprs.
func address(of object: AnyObject) -> String {
  "0x" + String(UInt(bitPattern: ObjectIdentifier(object).hashValue), radix: 16)
}
