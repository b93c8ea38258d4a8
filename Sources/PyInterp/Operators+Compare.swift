extension Interpreter {
  func compare(_ op: CompareOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    switch op {
    case .is: return .bool(identical(a, b))
    case .isNot: return .bool(!identical(a, b))
    case .in: return .bool(try contains(b, a))
    case .notIn: return .bool(!(try contains(b, a)))
    case .lt: return try rich(.lt, a, b)
    case .le: return try rich(.le, a, b)
    case .gt: return try rich(.gt, a, b)
    case .ge: return try rich(.ge, a, b)
    case .eq: return try rich(.eq, a, b)
    case .ne: return try rich(.ne, a, b)
    }
  }

  /// A rich comparison with host dispatch (left, then reflected right).
  public func rich(_ op: PyCompareOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    if case .object(let o) = a, let r = try o.pyCompare(op, b, reflected: false) { return r }
    if case .object(let o) = b, let r = try o.pyCompare(op.swapped, a, reflected: true) { return r }
    let x = plainNumber(a), y = plainNumber(b)
    switch op {
    case .eq: return .bool(try equals(x, y))
    case .ne: return .bool(!(try equals(x, y)))
    default:
      guard let c = try order(x, y) else {
        throw PyException.typeError(
          "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
      }
      switch op {
      case .lt: return .bool(c < 0)
      case .le: return .bool(c <= 0)
      case .gt: return .bool(c > 0)
      default: return .bool(c >= 0)
      }
    }
  }

  /// Python `==` for builtin values; host objects compare by identity.
  public func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
    if !stackGuard.hasRoom { throw PyException(.recursionError, "maximum recursion depth exceeded in comparison") }
    switch (a, b) {
    case (.list(let x), .list(let y)):
      if x === y { return true }
      return try sequenceEquals(x.items, y.items)
    case (.tuple(let x), .tuple(let y)): return try sequenceEquals(x, y)
    case (.dict(let x), .dict(let y)):
      if x.count != y.count { return false }
      for (k, v) in x.items {
        guard let w = try y.get(k), try equals(v, w) else { return false }
      }
      return true
    case (.set(let x), .set(let y)):
      if x.storage.count != y.storage.count { return false }
      return try x.elements.allSatisfy { try y.contains($0) }
    case (.range(let x), .range(let y)):
      return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
    case (.exception(let x), .exception(let y)): return x.type === y.type && x.message == y.message
    case (.slice(let x), .slice(let y)):
      return try equals(x.start, y.start) && equals(x.stop, y.stop) && equals(x.step, y.step)
    default:
      return PyHashKey.keyEquals(a, b)
    }
  }

  func sequenceEquals(_ x: [PyValue], _ y: [PyValue]) throws -> Bool {
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) where !(try truth(try rich(.eq, p, q))) { return false }
    return true
  }

  /// -1/0/1 ordering for numbers, strings, lists and tuples; nil when unordered.
  func order(_ a: PyValue, _ b: PyValue) throws -> Int? {
    if let x = a.numericValue, let y = b.numericValue {
      if case .int(let i) = a, case .int(let j) = b { return i < j ? -1 : i > j ? 1 : 0 }
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : x > y ? 1 : 0
    }
    switch (a, b) {
    case (.str(let x), .str(let y)):
      let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
      for (p, q) in zip(xs, ys) where p != q { return p.value < q.value ? -1 : 1 }
      return xs.count < ys.count ? -1 : xs.count > ys.count ? 1 : 0
    case (.list(let x), .list(let y)): return try sequenceOrder(x.items, y.items)
    case (.tuple(let x), .tuple(let y)): return try sequenceOrder(x, y)
    default: return nil
    }
  }

  func sequenceOrder(_ x: [PyValue], _ y: [PyValue]) throws -> Int? {
    for (p, q) in zip(x, y) where !(try equals(p, q)) {
      guard let c = try order(p, q) else {
        throw PyException.typeError(
          "'<' not supported between instances of '\(p.typeName)' and '\(q.typeName)'")
      }
      return c
    }
    return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
  }

  func identical(_ a: PyValue, _ b: PyValue) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    case (.str(let x), .str(let y)): return x == y
    case (.list(let x), .list(let y)): return x === y
    case (.dict(let x), .dict(let y)): return x === y
    case (.set(let x), .set(let y)): return x === y
    case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
    case (.iterator(let x), .iterator(let y)): return x === y
    case (.slice(let x), .slice(let y)): return x === y
    case (.exception, .exception): return false
    default: return PyHashKey.keyEquals(a, b) && a.typeName == b.typeName
    }
  }

  /// `needle in container`.
  public func contains(_ container: PyValue, _ needle: PyValue) throws -> Bool {
    switch container {
    case .str(let s):
      guard case .str(let n) = needle else {
        throw PyException.typeError("'in <string>' requires string as left operand, not \(needle.typeName)")
      }
      return n.isEmpty || s.contains(n)
    case .dict(let d): return try d.get(needle) != nil
    case .set(let s): return try s.contains(needle)
    case .range(let r):
      guard case .int(let i) = plainNumber(needle) else { break }
      if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
      return (i &- r.start) % r.step == 0
    case .object(let o):
      if let r = try o.pyContains(needle) { return r }
    default: break
    }
    let iterator: PyIterator
    do {
      iterator = try iterate(container)
    } catch {
      throw PyException.typeError("argument of type '\(container.typeName)' is not iterable")
    }
    while let v = try iterator.next() {
      try tick()
      if identical(v, needle) { return true }
      if try truth(try rich(.eq, v, needle)) { return true }
    }
    return false
  }
}
