import PyInterp
import Tensors

extension TFEnvironment {
  /// A NumPy operand: an array, or a Python number/list converted like `np.asarray`.
  func numpyOperand(_ v: PyValue) throws -> NDArray {
    switch v {
    case .int(let i): return NDArray(scalar: Int64(i))
    case .float(let d): return NDArray(scalar: Float(d))
    case .bool(let b): return NDArray(scalar: b)
    default: return try array(from: v)
    }
  }

  /// NumPy's type promotion for our three dtypes (bool < int64 < float32).
  func promote(_ a: NDArray, _ b: NDArray, forDivision: Bool) -> (NDArray, NDArray) {
    func rank(_ d: DType) -> Int { d == .bool ? 0 : d == .int64 ? 1 : 2 }
    var target = rank(a.dtype) >= rank(b.dtype) ? a.dtype : b.dtype
    if forDivision { target = .float32 }
    return (cast(a, to: target), cast(b, to: target))
  }

  /// An arithmetic operator on arrays with broadcasting; nil for unsupported operators.
  func numpyBinary(_ op: PyBinaryOperator, _ a: NDArray, _ b: NDArray) throws -> NDArray? {
    let kind: BinaryOp
    switch op {
    case .add: kind = .add
    case .sub: kind = .sub
    case .mul: kind = .mul
    case .truediv: kind = .div
    case .pow: kind = .pow
    case .matmul: return try numpyDot(a, b)
    case .and, .or:
      guard a.dtype == .bool, b.dtype == .bool else { return nil }
      kind = op == .and ? .logicalAnd : .logicalOr
    default: return nil
    }
    var (x, y) = promote(a, b, forDivision: kind == .div)
    if x.dtype == .bool && !(kind == .logicalAnd || kind == .logicalOr) {
      x = cast(x, to: .int64)
      y = cast(y, to: .int64)
    }
    let (xx, yy) = (x, y)
    return try translate { try binary(kind, xx, yy) }
  }

  /// `np.dot` / `@` for 1-D and 2-D arrays.
  func numpyDot(_ a: NDArray, _ b: NDArray) throws -> NDArray {
    let (x, y) = promote(a, b, forDivision: true)
    return try translate {
      let x2 = x.rank == 1 ? try x.reshaped([1, x.count]) : x
      let y2 = y.rank == 1 ? try y.reshaped([y.count, 1]) : y
      guard x2.rank == 2, y2.rank == 2 else { throw ArrayError("dot is supported here for 1-D and 2-D arrays only") }
      guard x2.shape[1] == y2.shape[0] else {
        throw ArrayError("shapes \(shapeTuple(a.shape)) and \(shapeTuple(b.shape)) not aligned: \(x2.shape[1]) (dim \(a.rank - 1)) != \(y2.shape[0]) (dim 0)")
      }
      var r = try matmul(x2, y2)
      var shape: [Int] = []
      if a.rank == 2 { shape.append(r.shape[0]) }
      if b.rank == 2 { shape.append(r.shape[1]) }
      r = try r.reshaped(shape)
      return r
    }
  }

  /// `a.sum(axis)`, `np.mean(a, axis)`, ...: NumPy's reductions (ints and bools sum as int64,
  /// means are float).
  func numpyReduce(_ name: String, _ a: NDArray, axis: PyValue, keepDims: Bool) throws -> PyValue {
    let axes = try self.axes(from: axis)
    return try translate {
      var x = a
      let op: ReduceOp
      switch name {
      case "sum": op = .sum
      case "mean": op = .mean
      case "max": op = .max
      case "min": op = .min
      case "prod": op = .prod
      case "all": op = .all
      default: op = .any
      }
      if op == .any || op == .all {
        x = cast(x, to: .bool)
      } else if op == .mean {
        x = cast(x, to: .float32)
      } else if x.dtype == .bool {
        x = cast(x, to: .int64)
      }
      if (op == .max || op == .min) && x.count == 0 {
        throw ArrayError("zero-size array to reduction operation \(name == "max" ? "maximum" : "minimum") which has no identity")
      }
      return wrap(try reduce(op, x, axes: axes, keepDims: keepDims))
    }
  }

  /// `np.argmax(a, axis)`: over the flattened array when axis is None.
  func numpyArgmax(_ a: NDArray, axis: PyValue, min: Bool) throws -> PyValue {
    try translate {
      if a.count == 0 { throw ArrayError("attempt to get \(min ? "argmin" : "argmax") of an empty sequence") }
      var x = a.dtype == .bool ? cast(a, to: .int64) : a
      var ax = 0
      if axis.isNone {
        x = try x.reshaped([x.count])
      } else {
        ax = try axis.asInt(what: "axis")
      }
      return wrap(min ? try argmin(x, axis: ax) : try argmax(x, axis: ax))
    }
  }

  /// `a.tolist()`: nested Python lists of floats, ints or bools.
  func toList(_ a: NDArray) -> PyValue {
    func scalar(_ i: Int) -> PyValue {
      switch a.storage {
      case .float32(let v): return .float(Double(v[i]))
      case .int64(let v): return .int(Int(v[i]))
      case .bool(let v): return .bool(v[i])
      }
    }
    if a.rank == 0 { return scalar(0) }
    func build(_ axis: Int, _ offset: Int, _ stride: Int) -> PyValue {
      let n = a.shape[axis]
      let inner = stride / Swift.max(n, 1)
      if axis == a.rank - 1 { return .newList((0..<n).map { scalar(offset + $0) }) }
      return .newList((0..<n).map { build(axis + 1, offset + $0 * inner, inner) })
    }
    return build(0, 0, a.count)
  }

  // MARK: - Indexing

  /// NumPy basic indexing: ints, slices, `None` (new axis) and tuples of them; a bool mask of the
  /// same shape; a 1-D int array on the first axis.
  func select(_ a: NDArray, _ key: PyValue) throws -> NDArray {
    if case .object(let o as NDArrayObject) = key { return try fancyIndex(a, o.array) }
    if case .list = key { return try fancyIndex(a, try array(from: key)) }
    let parts: [PyValue]
    if case .tuple(let t) = key { parts = t } else { parts = [key] }
    enum Sel { case index(Int), range([Int]), newAxis }
    var sels: [Sel] = []
    var axis = 0
    let used = parts.filter { !$0.isNone && !isEllipsis($0) }.count
    if used > a.rank {
      throw ArrayError("too many indices for array: array is \(a.rank)-dimensional, but \(used) were indexed")
    }
    for p in parts {
      if p.isNone { sels.append(.newAxis); continue }
      if isEllipsis(p) {
        for _ in 0..<(a.rank - used) { sels.append(.range(Array(0..<a.shape[axis]))); axis += 1 }
        continue
      }
      let n = a.shape[axis]
      if case .slice = p {
        sels.append(.range(try sliceIndices(p, count: n)))
      } else {
        guard let i = try? p.asInt() else {
          throw PyException(.indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
        }
        let j = i < 0 ? i + n : i
        if j < 0 || j >= n { throw ArrayError("index \(i) is out of bounds for axis \(axis) with size \(n)") }
        sels.append(.index(j))
      }
      axis += 1
    }
    while axis < a.rank { sels.append(.range(Array(0..<a.shape[axis]))); axis += 1 }
    // Output shape; source axes with their picks.
    var outShape: [Int] = []
    var picks: [[Int]] = []
    for s in sels {
      switch s {
      case .newAxis: outShape.append(1)
      case .index(let j): picks.append([j])
      case .range(let r): outShape.append(r.count); picks.append(r)
      }
    }
    // Trailing axes taken whole are copied as contiguous blocks.
    var block = 1
    var whole = a.rank
    while whole > 0, picks[whole - 1] == Array(0..<a.shape[whole - 1]) {
      whole -= 1
      block *= a.shape[whole]
    }
    var strides = [Int](repeating: 1, count: a.rank)
    if a.rank > 0 { for d in stride(from: a.rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * a.shape[d + 1] } }
    var offsets = [0]
    for d in 0..<whole {
      var next: [Int] = []
      next.reserveCapacity(offsets.count * picks[d].count)
      for o in offsets { for p in picks[d] { next.append(o + p * strides[d]) } }
      offsets = next
    }
    try NDArray.checkShape(outShape)
    func gather<T>(_ v: [T]) -> [T] {
      if offsets.count == 1 && block == v.count { return v }
      var out: [T] = []
      out.reserveCapacity(offsets.count * block)
      for o in offsets { out.append(contentsOf: v[o..<(o + block)]) }
      return out
    }
    switch a.storage {
    case .float32(let v): return NDArray(shape: outShape, floats: gather(v))
    case .int64(let v): return NDArray(shape: outShape, int64s: gather(v))
    case .bool(let v): return NDArray(shape: outShape, bools: gather(v))
    }
  }

  private func isEllipsis(_ v: PyValue) -> Bool {
    if case .object(let o) = v { return o.pyTypeName == "ellipsis" }
    return false
  }

  private func fancyIndex(_ a: NDArray, _ k: NDArray) throws -> NDArray {
    if k.dtype == .bool {
      guard k.shape == a.shape else {
        throw PyException(.indexError, "boolean index did not match indexed array; shapes \(shapeTuple(a.shape)) and \(shapeTuple(k.shape))")
      }
      let mask = k.bools
      let idx = mask.indices.filter { mask[$0] }
      func pick<T>(_ v: [T]) -> [T] { idx.map { v[$0] } }
      switch a.storage {
      case .float32(let v): return NDArray(shape: [idx.count], floats: pick(v))
      case .int64(let v): return NDArray(shape: [idx.count], int64s: pick(v))
      case .bool(let v): return NDArray(shape: [idx.count], bools: pick(v))
      }
    }
    guard a.rank >= 1 else { throw ArrayError("too many indices for array: array is 0-dimensional, but 1 were indexed") }
    let rows = try k.int64s.map { i -> NDArray in try index(a, Int(i)) }
    let sub = Array(a.shape.dropFirst())
    switch a.storage {
    case .float32: return NDArray(shape: k.shape + sub, floats: rows.flatMap { $0.floats })
    case .int64: return NDArray(shape: k.shape + sub, int64s: rows.flatMap { $0.int64s })
    case .bool: return NDArray(shape: k.shape + sub, bools: rows.flatMap { $0.bools })
    }
  }
}
