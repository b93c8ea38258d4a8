/// A Python value.
///
/// Scalars and tuples are Swift values; mutable containers (`list`, `dict`,
/// `set`) are reference types so that aliasing behaves as in Python.
/// Native objects from host modules are `.object` (see `PyObject` in
/// HostObjects.swift); native functions are `.builtin`.
public enum PyValue {
  /// `None`.
  case none
  /// `True` / `False`.
  case bool(Bool)
  /// A Python `int`, 64-bit here: results that do not fit raise `OverflowError`.
  case int(Int)
  /// A Python `float`.
  case float(Double)
  /// A Python `str`.
  case str(String)
  /// A mutable `list`.
  case list(PyList)
  /// An immutable `tuple`.
  case tuple([PyValue])
  /// An insertion-ordered `dict`; keys may be host objects (hashed by identity).
  case dict(PyDict)
  /// A `set`.
  case set(PySet)
  /// A lazy `range`: never allocates its elements.
  case range(PyRange)
  /// A `slice(start, stop, step)`, as `a[1:2]` passes to `__getitem__`.
  case slice(PySlice)
  /// A function defined in Python (`def` or `lambda`).
  case function(PyFunction)
  /// A native function provided by the interpreter or a host module.
  case builtin(PyBuiltinFunction)
  /// A module (`tf`, `np`, `input_data`).
  case module(PyModule)
  /// A class (`int`, `ValueError`, `tf.Tensor`).
  case type(PyType)
  /// An exception instance (`ValueError('x')`, `e` in `except ... as e`).
  indirect case exception(PyException)
  /// An iterator (what `iter()`, `enumerate()`, `zip()` return).
  case iterator(PyIterator)
  /// A native object from a host module (tensors, sessions, data sets).
  case object(any PyObject)

  /// `True`.
  public static var `true`: PyValue { .bool(true) }
  /// `False`.
  public static var `false`: PyValue { .bool(false) }

  /// Whether this is `None`.
  public var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}

/// A Python `list`: a shared, mutable array of values.
public final class PyList {
  /// The elements.
  public var items: [PyValue]
  /// Creates a list holding `items`.
  public init(_ items: [PyValue] = []) { self.items = items }

  // Dismantles deeply nested lists iteratively so that freeing `a = [a]` chains
  // cannot overflow the stack.
  deinit {
    guard !items.isEmpty else { return }
    var pending = items
    items = []
    PyList.drain(&pending)
  }

  static func drain(_ pending: inout [PyValue]) {
    // Values are moved out through functions so that no temporary keeps an extra
    // reference (debug builds keep locals alive to the end of their scope).
    while !pending.isEmpty {
      switch lastKind(pending) {
      case 1:
        var list = takeList(pending.removeLast())
        if isKnownUniquelyReferenced(&list) {
          pending.append(contentsOf: list.items)
          list.items = []
        }
      case 2:
        var dict = takeDict(pending.removeLast())
        if isKnownUniquelyReferenced(&dict) {
          for (k, v) in dict.items {
            pending.append(k)
            pending.append(v)
          }
          dict.removeAll()
        }
      case 3:
        pending.append(contentsOf: takeTuple(pending.removeLast()))
      default:
        pending.removeLast()
      }
    }
  }

  /// 1 list, 2 dict, 3 tuple, 0 other: checked in a function so no copy outlives it.
  @inline(never)
  private static func lastKind(_ values: [PyValue]) -> Int {
    switch values[values.count - 1] {
    case .list: return 1
    case .dict: return 2
    case .tuple: return 3
    default: return 0
    }
  }

  @inline(never)
  private static func takeList(_ value: __owned PyValue) -> PyList {
    if case .list(let l) = value { return l }
    return PyList()
  }

  @inline(never)
  private static func takeDict(_ value: __owned PyValue) -> PyDict {
    if case .dict(let d) = value { return d }
    return PyDict()
  }

  @inline(never)
  private static func takeTuple(_ value: __owned PyValue) -> [PyValue] {
    if case .tuple(let t) = value { return t }
    return []
  }
}

/// A lazy Python `range`.
public final class PyRange {
  /// First value.
  public let start: Int
  /// End (exclusive).
  public let stop: Int
  /// Step, never zero.
  public let step: Int
  /// Creates `range(start, stop, step)`; `step` must not be zero.
  public init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step == 0 ? 1 : step
  }
  /// How many values the range yields (computed, never materialised).
  public var count: Int {
    let distance: UInt
    let stride: UInt
    if step > 0 {
      if start >= stop { return 0 }
      distance = UInt(bitPattern: stop &- start)
      stride = UInt(step)
    } else {
      if start <= stop { return 0 }
      distance = UInt(bitPattern: start &- stop)
      stride = step.magnitude
    }
    let result = (distance - 1) / stride + 1
    return result > UInt(Int.max) ? Int.max : Int(result)
  }
  /// The `i`-th value (0 <= i < count).
  public func element(_ i: Int) -> Int { start &+ i &* step }
}

/// A Python `slice` object: each part may be `None`.
public final class PySlice {
  /// Start, or `.none`.
  public let start: PyValue
  /// Stop, or `.none`.
  public let stop: PyValue
  /// Step, or `.none`.
  public let step: PyValue
  /// Creates `slice(start, stop, step)`.
  public init(start: PyValue, stop: PyValue, step: PyValue) {
    self.start = start
    self.stop = stop
    self.step = step
  }
}

/// A Python iterator: a closure producing the next value, or nil when done.
public final class PyIterator {
  /// The name `repr` shows (`list_iterator`, `enumerate`, `zip`).
  public let typeName: String
  private let nextValue: () throws -> PyValue?
  /// Creates an iterator that calls `next` until it returns nil.
  public init(typeName: String = "iterator", _ next: @escaping () throws -> PyValue?) {
    self.typeName = typeName
    self.nextValue = next
  }
  /// The next value, or nil when the iterator is exhausted.
  public func next() throws -> PyValue? { try nextValue() }

  /// An iterator over an array snapshot.
  public static func over(_ items: [PyValue], typeName: String = "list_iterator") -> PyIterator {
    var index = 0
    return PyIterator(typeName: typeName) {
      guard index < items.count else { return nil }
      defer { index += 1 }
      return items[index]
    }
  }
}
