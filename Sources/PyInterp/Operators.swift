import Foundation

extension Interpreter {
  /// Python truthiness.
  public func truth(_ v: PyValue) throws -> Bool {
    switch v {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .str(let s): return !s.isEmpty
    case .list(let l): return !l.items.isEmpty
    case .tuple(let t): return !t.isEmpty
    case .dict(let d): return d.count > 0
    case .set(let s): return s.storage.count > 0
    case .range(let r): return r.count > 0
    case .object(let o): return try o.pyTruth()
    default: return true
    }
  }

  func overflow() -> PyException {
    PyException(.overflowError, "integer too large: mnist-shell integers are 64-bit")
  }

  /// A host number (NumPy scalar) as a plain Python number, else the value itself.
  func plainNumber(_ v: PyValue) -> PyValue {
    if case .object(let o) = v, let n = o.pyNumber() { return n }
    return v
  }

  func unaryOp(_ op: UnaryOp, _ v: PyValue) throws -> PyValue {
    switch (op, v) {
    case (.neg, .int(let i)):
      if i == Int.min { throw overflow() }
      return .int(-i)
    case (.neg, .bool(let b)): return .int(b ? -1 : 0)
    case (.neg, .float(let d)): return .float(-d)
    case (.pos, .int), (.pos, .float): return v
    case (.pos, .bool(let b)): return .int(b ? 1 : 0)
    case (.invert, .int(let i)): return .int(~i)
    case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
    case (_, .object(let o)):
      let hostOp: PyUnaryOperator = op == .neg ? .neg : op == .pos ? .pos : .invert
      if let r = try o.pyUnary(hostOp) { return r }
      if let n = o.pyNumber() { return try unaryOp(op, n) }
    default: break
    }
    throw PyException.typeError("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
  }

  /// Applies a binary operator with Python's dispatch (left operand, then reflected right).
  public func binaryOp(_ op: PyBinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    if case .object(let o) = a, let r = try o.pyBinary(op, b, reflected: false) { return r }
    if case .object(let o) = b, let r = try o.pyBinary(op, a, reflected: true) { return r }
    if let r = try builtinBinary(op, plainNumber(a), plainNumber(b)) { return r }
    throw PyException.typeError(
      "unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
  }

  func builtinBinary(_ op: PyBinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
    switch (a, b) {
    case (.int, .int), (.int, .bool), (.bool, .int), (.bool, .bool):
      return try intBinary(op, try a.asInt(), try b.asInt())
    case (.float, .float), (.float, .int), (.int, .float), (.float, .bool), (.bool, .float):
      return try floatBinary(op, try a.asDouble(), try b.asDouble())
    default: break
    }
    switch (op, a, b) {
    case (.add, .str(let x), .str(let y)):
      try checkStringLength(x.utf8.count + y.utf8.count)
      return .str(x + y)
    case (.add, .list(let x), .list(let y)):
      try checkLength(x.items.count + y.items.count, what: "list")
      return .list(PyList(x.items + y.items))
    case (.add, .tuple(let x), .tuple(let y)):
      try checkLength(x.count + y.count, what: "tuple")
      return .tuple(x + y)
    case (.mul, .str, .int), (.mul, .list, .int), (.mul, .tuple, .int), (.mul, .str, .bool), (.mul, .list, .bool):
      return try repeatSequence(a, try b.asInt())
    case (.mul, .int, .str), (.mul, .int, .list), (.mul, .int, .tuple), (.mul, .bool, .str), (.mul, .bool, .list):
      return try repeatSequence(b, try a.asInt())
    case (.mod, .str(let format), _):
      return .str(try percentFormat(format, b))
    case (.or, .set(let x), .set(let y)):
      return .set(try PySet(x.elements + y.elements))
    case (.and, .set(let x), .set(let y)):
      return .set(try PySet(try x.elements.filter { try y.contains($0) }))
    case (.sub, .set(let x), .set(let y)):
      return .set(try PySet(try x.elements.filter { try !y.contains($0) }))
    case (.or, .dict(let x), .dict(let y)):
      let d = try PyDict(x.items)
      for (k, v) in y.items { try d.set(k, v) }
      return .dict(d)
    default:
      return nil
    }
  }

  func repeatSequence(_ seq: PyValue, _ n: Int) throws -> PyValue {
    let count = max(0, n)
    switch seq {
    case .str(let s):
      let (total, o) = s.utf8.count.multipliedReportingOverflow(by: count)
      if o { throw PyException.memoryError("") }
      try checkStringLength(total)
      return .str(String(repeating: s, count: count))
    case .list(let l):
      let (total, o) = l.items.count.multipliedReportingOverflow(by: count)
      if o { throw PyException.memoryError("") }
      try checkLength(total, what: "list")
      var items: [PyValue] = []
      items.reserveCapacity(total)
      for _ in 0..<count { items.append(contentsOf: l.items) }
      return .list(PyList(items))
    case .tuple(let t):
      let (total, o) = t.count.multipliedReportingOverflow(by: count)
      if o { throw PyException.memoryError("") }
      try checkLength(total, what: "tuple")
      var items: [PyValue] = []
      items.reserveCapacity(total)
      for _ in 0..<count { items.append(contentsOf: t) }
      return .tuple(items)
    default:
      return seq
    }
  }

  func intBinary(_ op: PyBinaryOperator, _ x: Int, _ y: Int) throws -> PyValue {
    switch op {
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      if o { throw overflow() }
      return .int(r)
    case .sub:
      let (r, o) = x.subtractingReportingOverflow(y)
      if o { throw overflow() }
      return .int(r)
    case .mul:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      if o { throw overflow() }
      return .int(r)
    case .truediv:
      if y == 0 { throw PyException(.zeroDivisionError, "division by zero") }
      return .float(Double(x) / Double(y))
    case .floordiv:
      if y == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
      if x == Int.min && y == -1 { throw overflow() }
      var q = x / y
      if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
      return .int(q)
    case .mod:
      if y == 0 { throw PyException(.zeroDivisionError, "integer modulo by zero") }
      if y == -1 { return .int(0) }
      var r = x % y
      if r != 0 && ((r < 0) != (y < 0)) { r += y }
      return .int(r)
    case .pow:
      if y < 0 {
        if x == 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        return .float(Foundation.pow(Double(x), Double(y)))
      }
      var result = 1
      var base = x
      var e = y
      while e > 0 {
        if e & 1 == 1 {
          let (r, o) = result.multipliedReportingOverflow(by: base)
          if o { throw overflow() }
          result = r
        }
        e >>= 1
        if e > 0 {
          let (b2, o) = base.multipliedReportingOverflow(by: base)
          if o { throw overflow() }
          base = b2
        }
      }
      return .int(result)
    case .lshift:
      if y < 0 { throw PyException.valueError("negative shift count") }
      if y >= 63 && x != 0 { throw overflow() }
      let r = x << y
      if r >> y != x { throw overflow() }
      return .int(r)
    case .rshift:
      if y < 0 { throw PyException.valueError("negative shift count") }
      return .int(x >> min(y, 63))
    case .and: return .int(x & y)
    case .or: return .int(x | y)
    case .xor: return .int(x ^ y)
    case .matmul:
      throw PyException.typeError("unsupported operand type(s) for @: 'int' and 'int'")
    }
  }

  func floatBinary(_ op: PyBinaryOperator, _ x: Double, _ y: Double) throws -> PyValue {
    switch op {
    case .add: return .float(x + y)
    case .sub: return .float(x - y)
    case .mul: return .float(x * y)
    case .truediv:
      if y == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
      return .float(x / y)
    case .floordiv:
      if y == 0 { throw PyException(.zeroDivisionError, "float floor division by zero") }
      return .float((x / y).rounded(.down))
    case .mod:
      if y == 0 { throw PyException(.zeroDivisionError, "float modulo") }
      var r = x.truncatingRemainder(dividingBy: y)
      if r != 0 && ((r < 0) != (y < 0)) { r += y }
      return .float(r)
    case .pow:
      if x == 0 && y < 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
      if x < 0 && y != y.rounded() { throw PyException.valueError("math domain error (the result would be a complex number)") }
      let r = Foundation.pow(x, y)
      if r.isInfinite && x.isFinite && y.isFinite { throw PyException(.overflowError, "(34, 'Numerical result out of range')") }
      return .float(r)
    default:
      return try intBinaryTypeError(op)
    }
  }

  func intBinaryTypeError(_ op: PyBinaryOperator) throws -> PyValue {
    throw PyException.typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
  }
}
