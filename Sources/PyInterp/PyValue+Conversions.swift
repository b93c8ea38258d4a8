/// Conversions and names that host code and the evaluator share.
extension PyValue {
  /// The Python type name (`int`, `list`, `NoneType`, a host object's `pyTypeName`).
  public var typeName: String {
    switch self {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .str: return "str"
    case .list: return "list"
    case .tuple: return "tuple"
    case .dict: return "dict"
    case .set: return "set"
    case .range: return "range"
    case .slice: return "slice"
    case .function: return "function"
    case .builtin: return "builtin_function_or_method"
    case .module: return "module"
    case .type: return "type"
    case .exception(let e): return e.type.name
    case .iterator(let it): return it.typeName
    case .object(let o): return o.pyTypeName
    }
  }

  /// The value as an Int: ints, bools and integral host numbers.
  /// - Throws: `TypeError: <what> must be an integer, not 'float'`.
  public func asInt(what: String = "value") throws -> Int {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let n = o.pyNumber(), case .int = n { return try n.asInt(what: what) }
    default: break
    }
    throw PyException.typeError("\(what) must be an integer, not '\(typeName)'")
  }

  /// The value as a Double: floats, ints, bools and host numbers.
  /// - Throws: `TypeError: <what> must be a real number, not 'str'`.
  public func asDouble(what: String = "value") throws -> Double {
    switch self {
    case .float(let d): return d
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let n = o.pyNumber() { return try n.asDouble(what: what) }
    default: break
    }
    throw PyException.typeError("\(what) must be a real number, not '\(typeName)'")
  }

  /// The value as a String (only `str`).
  /// - Throws: `TypeError: <what> must be str, not 'int'`.
  public func asString(what: String = "value") throws -> String {
    if case .str(let s) = self { return s }
    throw PyException.typeError("\(what) must be str, not '\(typeName)'")
  }

  /// The value as a Bool: bools, ints, None (for flags such as `one_hot=True`).
  public func asBool(what: String = "value") throws -> Bool {
    switch self {
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .none: return false
    default: throw PyException.typeError("\(what) must be a bool, not '\(typeName)'")
    }
  }

  /// The elements of a list or tuple (nil for other values).
  public var sequenceItems: [PyValue]? {
    switch self {
    case .list(let l): return l.items
    case .tuple(let t): return t
    default: return nil
    }
  }

  /// Makes a Python list.
  public static func newList(_ items: [PyValue]) -> PyValue { .list(PyList(items)) }
}
