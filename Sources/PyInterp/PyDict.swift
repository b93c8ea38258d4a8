/// A value used as a `dict` key or `set` element, hashed with Python's rules.
///
/// `1`, `1.0` and `True` are the same key; strings and tuples compare by
/// value; host objects, functions and modules compare by identity.
/// Lists, dicts and sets are unhashable (`TypeError: unhashable type: 'list'`).
public struct PyHashKey: Hashable {
  /// The key value.
  public let value: PyValue

  /// Wraps `value`, throwing `TypeError` when it is unhashable.
  public init(_ value: PyValue) throws {
    try PyHashKey.checkHashable(value)
    self.value = value
  }

  /// Wraps a value already known to be hashable.
  init(unchecked value: PyValue) { self.value = value }

  static func checkHashable(_ value: PyValue) throws {
    switch value {
    case .list, .dict, .set:
      throw PyException.typeError("unhashable type: '\(value.typeName)'")
    case .tuple(let items):
      for item in items { try checkHashable(item) }
    default: break
    }
  }

  public static func == (lhs: PyHashKey, rhs: PyHashKey) -> Bool { keyEquals(lhs.value, rhs.value) }

  public func hash(into hasher: inout Hasher) { PyHashKey.hashValue(value, into: &hasher) }

  static func keyEquals(_ a: PyValue, _ b: PyValue) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.str(let x), .str(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { keyEquals($0, $1) }
    case (.object(let x), .object(let y)): return x === y
    case (.function(let x), .function(let y)): return x === y
    case (.builtin(let x), .builtin(let y)): return x === y
    case (.module(let x), .module(let y)): return x === y
    case (.type(let x), .type(let y)): return x === y || x.displayName == y.displayName
    case (.range(let x), .range(let y)): return x === y
    default:
      if let x = a.numericValue, let y = b.numericValue { return x == y }
      return false
    }
  }

  static func hashValue(_ value: PyValue, into hasher: inout Hasher) {
    switch value {
    case .none: hasher.combine(0)
    case .str(let s): hasher.combine(s)
    case .tuple(let items):
      hasher.combine(items.count)
      for item in items { hashValue(item, into: &hasher) }
    case .object(let o): hasher.combine(ObjectIdentifier(o))
    case .function(let f): hasher.combine(ObjectIdentifier(f))
    case .builtin(let f): hasher.combine(ObjectIdentifier(f))
    case .module(let m): hasher.combine(ObjectIdentifier(m))
    case .type(let t): hasher.combine(t.displayName)
    case .range(let r): hasher.combine(ObjectIdentifier(r))
    default:
      if let d = value.numericValue {
        if d == d.rounded(), abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
      } else {
        hasher.combine(-1)
      }
    }
  }
}

extension PyValue {
  /// The value as a Double when it is a bool, int or float (for key equality).
  var numericValue: Double? {
    switch self {
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: return nil
    }
  }
}

/// A Python `dict`: insertion-ordered, shared and mutable.
///
/// Small dicts (a `feed_dict` of two tensors, keyword arguments) find keys by a linear scan
/// with Python's key equality; a hash index is built only once a dict grows past
/// ``PyDict/smallLimit`` entries. Both give the same answers.
public final class PyDict {
  private var keyList: [PyValue?] = []
  private var valueList: [PyValue] = []
  /// Key → position in `keyList`; nil while the dict is small.
  private var index: [PyHashKey: Int]?
  private var liveCount = 0

  /// The most slots a dict keeps without a hash index.
  static let smallLimit = 8

  /// Creates an empty dict.
  public init() {}

  /// Creates an empty dict with room for `capacity` entries.
  public init(minimumCapacity capacity: Int) {
    keyList.reserveCapacity(capacity)
    valueList.reserveCapacity(capacity)
  }

  /// Creates a dict from key/value pairs (later duplicates win).
  public convenience init(_ pairs: [(PyValue, PyValue)]) throws {
    self.init(minimumCapacity: pairs.count)
    for (k, v) in pairs { try set(k, v) }
  }

  /// The number of entries.
  public var count: Int { liveCount }

  /// The keys, in insertion order.
  public var keys: [PyValue] { keyList.compactMap { $0 } }

  /// The (key, value) pairs, in insertion order.
  public var items: [(PyValue, PyValue)] {
    var result: [(PyValue, PyValue)] = []
    result.reserveCapacity(liveCount)
    for (i, key) in keyList.enumerated() { if let key { result.append((key, valueList[i])) } }
    return result
  }

  /// Calls `body` with each (key, value) pair in insertion order, without building an array.
  public func forEachItem(_ body: (PyValue, PyValue) throws -> Void) rethrows {
    for i in keyList.indices { if let key = keyList[i] { try body(key, valueList[i]) } }
  }

  /// The position of `key` in `keyList`, or nil. Throws `TypeError` for unhashable keys.
  private func position(of key: PyValue) throws -> Int? {
    if let index { return index[try PyHashKey(key)] }
    try PyHashKey.checkHashable(key)
    for i in keyList.indices {
      if let k = keyList[i], PyHashKey.keyEquals(k, key) { return i }
    }
    return nil
  }

  /// The value for `key`, or nil when absent. Throws `TypeError` for unhashable keys.
  public func get(_ key: PyValue) throws -> PyValue? {
    guard let i = try position(of: key) else { return nil }
    return valueList[i]
  }

  /// Stores `value` under `key`.
  public func set(_ key: PyValue, _ value: PyValue) throws {
    if let i = try position(of: key) {
      valueList[i] = value
      return
    }
    keyList.append(key)
    valueList.append(value)
    liveCount += 1
    if index != nil {
      index![PyHashKey(unchecked: key)] = keyList.count - 1
    } else if keyList.count > PyDict.smallLimit {
      buildIndex()
    }
  }

  private func buildIndex() {
    var built: [PyHashKey: Int] = [:]
    built.reserveCapacity(keyList.count)
    for i in keyList.indices { if let k = keyList[i] { built[PyHashKey(unchecked: k)] = i } }
    index = built
  }

  /// Removes `key`; returns the removed value or nil when absent.
  @discardableResult
  public func remove(_ key: PyValue) throws -> PyValue? {
    guard let i = try position(of: key) else { return nil }
    if index != nil { index![PyHashKey(unchecked: keyList[i]!)] = nil }
    let old = valueList[i]
    keyList[i] = nil
    valueList[i] = .none
    liveCount -= 1
    if keyList.count > 32 && liveCount < keyList.count / 2 { compact() }
    return old
  }

  /// Removes every entry.
  public func removeAll() {
    keyList = []
    valueList = []
    index = nil
    liveCount = 0
  }

  private func compact() {
    let pairs = items
    removeAll()
    keyList.reserveCapacity(pairs.count)
    valueList.reserveCapacity(pairs.count)
    for (k, v) in pairs {
      keyList.append(k)
      valueList.append(v)
      liveCount += 1
    }
    if keyList.count > PyDict.smallLimit { buildIndex() }
  }
}

/// A Python `set`: insertion-ordered here (Python's order is arbitrary).
public final class PySet {
  /// The storage: elements are the keys.
  public let storage = PyDict()
  /// Creates a set of `elements`.
  public init(_ elements: [PyValue] = []) throws {
    for e in elements { try storage.set(e, .none) }
  }
  /// The elements.
  public var elements: [PyValue] { storage.keys }
  /// Whether `value` is an element.
  public func contains(_ value: PyValue) throws -> Bool { try storage.get(value) != nil }
  /// Adds `value`.
  public func insert(_ value: PyValue) throws { try storage.set(value, .none) }
}
