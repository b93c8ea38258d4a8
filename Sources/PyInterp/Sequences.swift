extension Interpreter {
  /// Largest list/tuple/dict the interpreter builds before raising `MemoryError`.
  static let defaultMaxCollectionLength = 50_000_000
  /// Largest string (UTF-8 bytes) before `MemoryError`.
  static let defaultMaxStringLength = 200_000_000

  func checkLength(_ n: Int, what: String) throws {
    if n > maxCollectionLength {
      throw PyException(.memoryError, "", hint: "a \(what) of \(n) items would not fit in memory (the limit is \(maxCollectionLength))")
    }
  }

  func checkStringLength(_ n: Int) throws {
    if n > maxStringLength {
      throw PyException(.memoryError, "", hint: "a string of \(n) characters would not fit in memory (the limit is \(maxStringLength))")
    }
  }

  /// An iterator over any iterable value.
  public func iterate(_ value: PyValue, cannotUnpack: Bool = false) throws -> PyIterator {
    switch value {
    case .list(let l):
      var i = 0
      return PyIterator(typeName: "list_iterator") {
        guard i < l.items.count else { return nil }
        defer { i += 1 }
        return l.items[i]
      }
    case .tuple(let t): return .over(t, typeName: "tuple_iterator")
    case .str(let s):
      var it = s.makeIterator()
      return PyIterator(typeName: "str_ascii_iterator") { it.next().map { .str(String($0)) } }
    case .dict(let d): return .over(d.keys, typeName: "dict_keyiterator")
    case .set(let s): return .over(s.elements, typeName: "set_iterator")
    case .range(let r):
      var i = 0
      let n = r.count
      return PyIterator(typeName: "range_iterator") {
        guard i < n else { return nil }
        defer { i += 1 }
        return .int(r.element(i))
      }
    case .iterator(let it): return it
    case .object(let o):
      if let it = try o.pyIterate() { return it }
    default: break
    }
    if cannotUnpack {
      throw PyException.typeError("cannot unpack non-iterable \(value.typeName) object")
    }
    throw PyException.typeError("'\(value.typeName)' object is not iterable")
  }

  /// All items of an iterable, with the memory limit enforced.
  public func collect(_ value: PyValue) throws -> [PyValue] {
    switch value {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .range(let r): try checkLength(r.count, what: "list")
    default: break
    }
    var items: [PyValue] = []
    let iterator = try iterate(value)
    while let v = try iterator.next() {
      items.append(v)
      if items.count & 0xFFFF == 0 {
        try checkLength(items.count, what: "list")
        try tick()
      }
    }
    return items
  }

  /// `len(value)`.
  public func length(_ value: PyValue) throws -> Int {
    switch value {
    case .str(let s): return s.count
    case .list(let l): return l.items.count
    case .tuple(let t): return t.count
    case .dict(let d): return d.count
    case .set(let s): return s.storage.count
    case .range(let r): return r.count
    case .object(let o):
      if let n = try o.pyLength() { return n }
    default: break
    }
    throw PyException.typeError("object of type '\(value.typeName)' has no len()")
  }

  func index(_ key: PyValue, count: Int, what: String) throws -> Int {
    guard let i = try? plainNumber(key).asInt() else {
      throw PyException.typeError("\(what) indices must be integers or slices, not \(key.typeName)")
    }
    let j = i < 0 ? i + count : i
    guard j >= 0 && j < count else { throw PyException.indexError("\(what) index out of range") }
    return j
  }

  /// Python's slice.indices(count): the concrete positions a slice selects.
  func sliceIndices(_ s: PySlice, count: Int) throws -> [Int] {
    func part(_ v: PyValue) throws -> Int? {
      if v.isNone { return nil }
      guard let i = try? plainNumber(v).asInt() else {
        throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
      }
      return i
    }
    let step = try part(s.step) ?? 1
    if step == 0 { throw PyException.valueError("slice step cannot be zero") }
    func clamp(_ v: Int?, _ def: Int) -> Int {
      guard var v else { return def }
      if v < 0 { v += count }
      if step > 0 { return min(max(v, 0), count) }
      return min(max(v, -1), count - 1)
    }
    let start = clamp(try part(s.start), step > 0 ? 0 : count - 1)
    let stop = clamp(try part(s.stop), step > 0 ? count : -1)
    return Array(stride(from: start, to: stop, by: step))
  }

  public func getItem(_ object: PyValue, _ key: PyValue) throws -> PyValue {
    switch object {
    case .list(let l):
      if case .slice(let s) = key { return .list(PyList(try sliceIndices(s, count: l.items.count).map { l.items[$0] })) }
      return l.items[try index(key, count: l.items.count, what: "list")]
    case .tuple(let t):
      if case .slice(let s) = key { return .tuple(try sliceIndices(s, count: t.count).map { t[$0] }) }
      return t[try index(key, count: t.count, what: "tuple")]
    case .str(let str):
      let chars = Array(str)
      if case .slice(let s) = key { return .str(String(try sliceIndices(s, count: chars.count).map { chars[$0] })) }
      return .str(String(chars[try index(key, count: chars.count, what: "string")]))
    case .range(let r):
      if case .slice(let s) = key {
        let idx = try sliceIndices(s, count: r.count)
        guard let first = idx.first else { return .range(PyRange(start: 0, stop: 0, step: 1)) }
        let step = idx.count > 1 ? (idx[1] - idx[0]) * r.step : r.step
        return .range(PyRange(start: r.element(first), stop: r.element(idx[idx.count - 1]) + (step > 0 ? 1 : -1), step: step))
      }
      return .int(r.element(try index(key, count: r.count, what: "range object")))
    case .dict(let d):
      if let v = try d.get(key) { return v }
      throw PyException(.keyError, PyRepr.repr(key))
    case .object(let o):
      return try o.pyGetItem(key)
    case .type(let t):
      return .type(t)  // list[int] style annotations
    default:
      throw PyException.typeError("'\(object.typeName)' object is not subscriptable")
    }
  }

  public func setItem(_ object: PyValue, _ key: PyValue, _ value: PyValue) throws {
    switch object {
    case .list(let l):
      if case .slice(let s) = key {
        let newItems = try collect(value)
        let idx = try sliceIndices(s, count: l.items.count)
        if (s.step.isNone || (try? s.step.asInt()) == 1) {
          let fallback = min(max(try sliceStart(s, l.items.count), 0), l.items.count)
          let start = idx.first ?? fallback
          l.items.replaceSubrange(start..<(start + idx.count), with: newItems)
        } else {
          guard idx.count == newItems.count else {
            throw PyException.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idx.count)")
          }
          for (i, v) in zip(idx, newItems) { l.items[i] = v }
        }
        return
      }
      l.items[try index(key, count: l.items.count, what: "list assignment")] = value
    case .dict(let d):
      try d.set(key, value)
    case .object(let o):
      try o.pySetItem(key, value)
    default:
      throw PyException.typeError("'\(object.typeName)' object does not support item assignment")
    }
  }

  func sliceStart(_ s: PySlice, _ count: Int) throws -> Int {
    guard !s.start.isNone else { return 0 }
    let i = try s.start.asInt()
    return i < 0 ? i + count : i
  }

  func deleteItem(_ object: PyValue, _ key: PyValue) throws {
    switch object {
    case .list(let l):
      if case .slice(let s) = key {
        let idx = Set(try sliceIndices(s, count: l.items.count))
        l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map { $0.element }
        return
      }
      l.items.remove(at: try index(key, count: l.items.count, what: "list assignment"))
    case .dict(let d):
      if try d.remove(key) == nil { throw PyException(.keyError, PyRepr.repr(key)) }
    default:
      throw PyException.typeError("'\(object.typeName)' object does not support item deletion")
    }
  }
}
