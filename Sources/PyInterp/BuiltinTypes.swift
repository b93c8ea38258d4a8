import Foundation

/// The builtin classes (`int`, `str`, `list`, ...), shared by every interpreter.
extension PyType {
  private static func interp(_ args: PyArguments) throws -> Interpreter {
    guard let i = args.interpreter else { throw PyException(.runtimeError, "no interpreter for this call") }
    return i
  }

  private static func one(_ args: PyArguments, _ name: String) throws -> PyValue? {
    if let k = args.keywords.first { throw PyException.typeError("'\(k.name)' is an invalid keyword argument for \(name)()") }
    if args.positional.count > 1 {
      throw PyException.typeError("\(name) expected at most 1 argument, got \(args.positional.count)")
    }
    return args.positional.first
  }

  /// `int`.
  public static let int = PyType(name: "int", doc: "int(x=0) converts a number or a string of digits to an integer, dropping any fraction.") { args in
    guard let v = args.positional.first else { return .int(0) }
    switch interpPlain(args, v) {
    case .int(let i): return .int(i)
    case .bool(let b): return .int(b ? 1 : 0)
    case .float(let d):
      if d.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
      if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
      guard abs(d) < 9.223372036854775e18 else { throw PyException(.overflowError, "int too large: mnist-shell integers are 64-bit") }
      return .int(Int(d.rounded(.towardZero)))
    case .str(let s):
      let base = try args.positional.count > 1 ? args.positional[1].asInt() : 10
      let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
      if let i = Int(t, radix: base) { return .int(i) }
      throw PyException.valueError("invalid literal for int() with base \(base): \(PyRepr.string(s))")
    default:
      throw PyException.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
    }
  }

  private static func interpPlain(_ args: PyArguments, _ v: PyValue) -> PyValue {
    if case .object(let o) = v, let n = o.pyNumber() { return n }
    return v
  }

  /// `float`.
  public static let float = PyType(name: "float", doc: "float(x=0.0) converts a number or a numeric string to a floating-point number.") { args in
    guard let v = try one(args, "float") else { return .float(0) }
    switch interpPlain(args, v) {
    case .float(let d): return .float(d)
    case .int(let i): return .float(Double(i))
    case .bool(let b): return .float(b ? 1 : 0)
    case .str(let s):
      let t = s.trimmingCharacters(in: .whitespaces).lowercased()
      switch t {
      case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
      case "-inf", "-infinity": return .float(-.infinity)
      case "nan", "+nan", "-nan": return .float(.nan)
      default:
        if let d = Double(t.replacingOccurrences(of: "_", with: "")), !t.hasPrefix("0x") { return .float(d) }
      }
      throw PyException.valueError("could not convert string to float: \(PyRepr.string(s))")
    default:
      throw PyException.typeError("float() argument must be a string or a real number, not '\(v.typeName)'")
    }
  }

  /// `str`.
  public static let str = PyType(name: "str", doc: "str(object='') returns the printable text of an object, as print shows it.") { args in
    guard let v = try one(args, "str") else { return .str("") }
    return .str(PyRepr.str(v))
  }

  /// `bool`.
  public static let bool = PyType(name: "bool", base: .int, doc: "bool(x) is True when x is truthy (non-zero, non-empty), else False.") { args in
    guard let v = try one(args, "bool") else { return .false }
    return .bool(try interp(args).truth(v))
  }

  /// `list`.
  public static let list = PyType(name: "list", doc: "list(iterable=()) makes a new list from the items of an iterable.") { args in
    guard let v = try one(args, "list") else { return .list(PyList()) }
    return .list(PyList(try interp(args).collect(v)))
  }

  /// `tuple`.
  public static let tuple = PyType(name: "tuple", doc: "tuple(iterable=()) makes an immutable sequence from the items of an iterable.") { args in
    guard let v = try one(args, "tuple") else { return .tuple([]) }
    return .tuple(try interp(args).collect(v))
  }

  /// `dict`.
  public static let dict = PyType(name: "dict", doc: "dict(mapping_or_pairs, **kwargs) makes a new dictionary.") { args in
    let d = PyDict()
    if let v = args.positional.first {
      if case .dict(let other) = v {
        for (k, x) in other.items { try d.set(k, x) }
      } else {
        let i = try interp(args)
        for item in try i.collect(v) {
          let pair = try i.collect(item)
          guard pair.count == 2 else {
            throw PyException.valueError("dictionary update sequence element has length \(pair.count); 2 is required")
          }
          try d.set(pair[0], pair[1])
        }
      }
    }
    for (k, x) in args.keywords { try d.set(.str(k), x) }
    return .dict(d)
  }

  /// `set`.
  public static let set = PyType(name: "set", doc: "set(iterable=()) makes a set of the distinct items of an iterable.") { args in
    guard let v = try one(args, "set") else { return .set(try PySet()) }
    return .set(try PySet(try interp(args).collect(v)))
  }

  /// `range`.
  public static let range = PyType(name: "range", doc: "range(stop) or range(start, stop[, step]) counts lazily from start up to (not including) stop.") { args in
    if let k = args.keywords.first { throw PyException.typeError("range() takes no keyword arguments: '\(k.name)'") }
    let p = try args.positional.map { v -> Int in
      guard let i = try? interpPlain(args, v).asInt() else {
        throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
      }
      return i
    }
    switch p.count {
    case 1: return .range(PyRange(start: 0, stop: p[0], step: 1))
    case 2: return .range(PyRange(start: p[0], stop: p[1], step: 1))
    case 3:
      if p[2] == 0 { throw PyException.valueError("range() arg 3 must not be zero") }
      return .range(PyRange(start: p[0], stop: p[1], step: p[2]))
    case 0: throw PyException.typeError("range expected at least 1 argument, got 0")
    default: throw PyException.typeError("range expected at most 3 arguments, got \(p.count)")
    }
  }

  /// `type`: `type(x)` returns x's class.
  public static let type = PyType(name: "type", doc: "type(x) returns the class of x.") { args in
    guard args.positional.count == 1 else { throw PyException.typeError("type() takes 1 argument") }
    return .type(try interp(args).typeOf(args.positional[0]))
  }

  /// `object`.
  public static let object = PyType(name: "object", doc: "The base of every class.")
  /// `NoneType`.
  public static let noneType = PyType(name: "NoneType")
  /// `function`.
  public static let function = PyType(name: "function")
  /// `builtin_function_or_method`.
  public static let builtinFunction = PyType(name: "builtin_function_or_method")
  /// `module`.
  public static let module = PyType(name: "module")
  /// `slice`.
  public static let slice = PyType(name: "slice") { args in
    let p = args.positional
    switch p.count {
    case 1: return .slice(PySlice(start: .none, stop: p[0], step: .none))
    case 2: return .slice(PySlice(start: p[0], stop: p[1], step: .none))
    case 3: return .slice(PySlice(start: p[0], stop: p[1], step: p[2]))
    default: throw PyException.typeError("slice expected 1 to 3 arguments, got \(p.count)")
    }
  }
}

extension Interpreter {
  /// The class of a value, as `type(x)` returns it.
  public func typeOf(_ value: PyValue) -> PyType {
    switch value {
    case .none: return .noneType
    case .bool: return .bool
    case .int: return .int
    case .float: return .float
    case .str: return .str
    case .list: return .list
    case .tuple: return .tuple
    case .dict: return .dict
    case .set: return .set
    case .range: return .range
    case .slice: return .slice
    case .function: return .function
    case .builtin: return .builtinFunction
    case .module: return .module
    case .type: return .type
    case .exception(let e): return e.type
    case .iterator(let it): return PyType(name: it.typeName)
    case .object(let o): return o.pyType
    }
  }

  /// `isinstance(value, cls)` for one class.
  public func isInstance(_ value: PyValue, of cls: PyType) -> Bool {
    if let check = cls.instanceCheck { return check(value) }
    if cls === PyType.object { return true }
    return typeOf(value).isSubtype(of: cls)
  }
}
