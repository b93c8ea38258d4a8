extension Interpreter {
  static let strMethods = [
    "format", "join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "replace",
    "startswith", "endswith", "find", "count", "isdigit", "isalpha", "title", "capitalize",
    "splitlines", "center", "ljust", "rjust", "zfill", "index",
  ]
  static let listMethods = [
    "append", "extend", "pop", "insert", "index", "count", "sort", "reverse", "remove", "copy", "clear",
  ]
  static let dictMethods = ["keys", "values", "items", "get", "pop", "update", "setdefault", "copy", "clear"]
  static let setMethods = ["add", "discard", "remove", "pop", "union", "intersection", "difference", "copy", "clear"]

  func builtinMethodNames(_ value: PyValue) -> [String] {
    switch value {
    case .str: return Interpreter.strMethods
    case .list: return Interpreter.listMethods
    case .tuple: return ["count", "index"]
    case .dict: return Interpreter.dictMethods
    case .set: return Interpreter.setMethods
    case .float: return ["is_integer", "real", "imag"]
    case .int: return ["bit_length", "real", "imag"]
    case .exception: return ["args"]
    default: return ["__class__", "__doc__"]
    }
  }

  private func method(_ owner: String, _ name: String, _ body: @escaping (Interpreter, PyArguments) throws -> PyValue) -> PyBuiltinFunction {
    PyBuiltinFunction(name, owner: nil, doc: nil, signatureText: "\(owner).\(name)(...)") { [weak self] args in
      guard let interp = args.interpreter ?? self else { throw PyException(.runtimeError, "interpreter is gone") }
      return try body(interp, args)
    }
  }

  private func arg(_ args: PyArguments, _ i: Int, _ name: String, _ fn: String) throws -> PyValue {
    guard i < args.positional.count else {
      throw PyException.typeError("\(fn)() missing required argument '\(name)' (pos \(i + 1))")
    }
    return args.positional[i]
  }

  func builtinMethod(_ object: PyValue, _ name: String) -> PyBuiltinFunction? {
    switch object {
    case .str(let s) where Interpreter.strMethods.contains(name): return strMethod(s, name)
    case .list(let l) where Interpreter.listMethods.contains(name): return listMethod(l, name)
    case .dict(let d) where Interpreter.dictMethods.contains(name): return dictMethod(d, name)
    case .set(let s) where Interpreter.setMethods.contains(name): return setMethod(s, name)
    case .tuple(let t) where name == "count" || name == "index":
      return method("tuple", name) { interp, args in
        let x = try self.arg(args, 0, "value", name)
        if name == "count" { return .int(try t.filter { try interp.equals($0, x) }.count) }
        guard let i = try t.firstIndex(where: { try interp.equals($0, x) }) else {
          throw PyException.valueError("tuple.index(x): x not in tuple")
        }
        return .int(i)
      }
    case .float(let d) where name == "is_integer":
      return method("float", name) { _, _ in .bool(d.isFinite && d == d.rounded()) }
    case .int(let i) where name == "bit_length":
      return method("int", name) { _, _ in .int(Int.bitWidth - i.magnitude.leadingZeroBitCount) }
    default: return nil
    }
  }

  private func strMethod(_ s: String, _ name: String) -> PyBuiltinFunction {
    method("str", name) { interp, args in
      let p = args.positional
      switch name {
      case "format": return .str(try interp.strFormatMethod(s, args))
      case "join":
        let parts = try interp.collect(try self.arg(args, 0, "iterable", "join")).enumerated().map { (i, v) -> String in
          guard case .str(let t) = v else {
            throw PyException.typeError("sequence item \(i): expected str instance, \(v.typeName) found")
          }
          return t
        }
        return .str(parts.joined(separator: s))
      case "split":
        let sep = p.first.flatMap { $0.isNone ? nil : $0 } ?? args.keyword("sep")
        if let sep, case .str(let t) = sep {
          if t.isEmpty { throw PyException.valueError("empty separator") }
          return .newList(s.components(separatedBy: t).map { .str($0) })
        }
        return .newList(s.split(whereSeparator: { $0.isWhitespace }).map { .str(String($0)) })
      case "splitlines": return .newList(s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).map { .str(String($0)) })
      case "strip", "lstrip", "rstrip":
        var chars = Substring(s)
        let set: Set<Character>? = try p.first.map { v in Set(try v.asString()) }
        let strip: (Character) -> Bool = { c in set.map { $0.contains(c) } ?? c.isWhitespace }
        if name != "rstrip" { while let c = chars.first, strip(c) { chars.removeFirst() } }
        if name != "lstrip" { while let c = chars.last, strip(c) { chars.removeLast() } }
        return .str(String(chars))
      case "upper": return .str(s.uppercased())
      case "lower": return .str(s.lowercased())
      case "title", "capitalize":
        if name == "capitalize" { return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        return .str(s.split(separator: " ", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " "))
      case "replace":
        let old = try self.arg(args, 0, "old", name).asString()
        let new = try self.arg(args, 1, "new", name).asString()
        if old.isEmpty { return .str(s) }
        let result = s.components(separatedBy: old).joined(separator: new)
        try interp.checkStringLength(result.utf8.count)
        return .str(result)
      case "startswith", "endswith":
        let arg = try self.arg(args, 0, "prefix", name)
        let options = arg.sequenceItems ?? [arg]
        for o in options {
          let t = try o.asString()
          if name == "startswith" ? s.hasPrefix(t) : s.hasSuffix(t) { return .true }
        }
        return .false
      case "find", "index":
        let t = try self.arg(args, 0, "sub", name).asString()
        if let r = s.range(of: t) { return .int(s.distance(from: s.startIndex, to: r.lowerBound)) }
        if name == "index" { throw PyException.valueError("substring not found") }
        return .int(-1)
      case "count":
        let t = try self.arg(args, 0, "sub", name).asString()
        return .int(t.isEmpty ? s.count + 1 : s.components(separatedBy: t).count - 1)
      case "isdigit": return .bool(!s.isEmpty && s.allSatisfy { $0.isNumber })
      case "isalpha": return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter })
      case "center", "ljust", "rjust", "zfill":
        let width = try self.arg(args, 0, "width", name).asInt()
        try interp.checkStringLength(width)
        let pad = max(0, width - s.count)
        let fill = name == "zfill" ? "0" : (try p.dropFirst().first?.asString() ?? " ")
        switch name {
        case "ljust": return .str(s + String(repeating: fill, count: pad))
        case "center":
          let left = pad / 2
          return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: pad - left))
        default: return .str(String(repeating: fill, count: pad) + s)
        }
      default: return .none
      }
    }
  }

  private func listMethod(_ l: PyList, _ name: String) -> PyBuiltinFunction {
    method("list", name) { interp, args in
      let p = args.positional
      switch name {
      case "append":
        l.items.append(try self.arg(args, 0, "object", name))
        try interp.checkLength(l.items.count, what: "list")
      case "extend":
        let more = try interp.collect(try self.arg(args, 0, "iterable", name))
        try interp.checkLength(l.items.count + more.count, what: "list")
        l.items.append(contentsOf: more)
      case "pop":
        if l.items.isEmpty { throw PyException.indexError("pop from empty list") }
        let i = try p.first.map { try interp.index($0, count: l.items.count, what: "pop") } ?? l.items.count - 1
        return l.items.remove(at: i)
      case "insert":
        var i = try self.arg(args, 0, "index", name).asInt()
        if i < 0 { i += l.items.count }
        l.items.insert(try self.arg(args, 1, "object", name), at: min(max(i, 0), l.items.count))
      case "index", "remove", "count":
        let x = try self.arg(args, 0, "value", name)
        if name == "count" { return .int(try l.items.filter { try interp.equals($0, x) }.count) }
        guard let i = try l.items.firstIndex(where: { try interp.equals($0, x) }) else {
          throw PyException.valueError(name == "index" ? "\(PyRepr.repr(x)) is not in list" : "list.remove(x): x not in list")
        }
        if name == "index" { return .int(i) }
        l.items.remove(at: i)
      case "sort":
        l.items = try interp.sortedValues(l.items, key: args.keyword("key"), reverse: try args.keyword("reverse").map { try interp.truth($0) } ?? false)
      case "reverse": l.items.reverse()
      case "copy": return .list(PyList(l.items))
      case "clear": l.items.removeAll()
      default: break
      }
      return .none
    }
  }

  private func dictMethod(_ d: PyDict, _ name: String) -> PyBuiltinFunction {
    method("dict", name) { interp, args in
      let p = args.positional
      switch name {
      case "keys": return .newList(d.keys)
      case "values": return .newList(d.items.map { $0.1 })
      case "items": return .newList(d.items.map { .tuple([$0.0, $0.1]) })
      case "get": return try d.get(try self.arg(args, 0, "key", name)) ?? (p.count > 1 ? p[1] : .none)
      case "pop":
        let k = try self.arg(args, 0, "key", name)
        if let v = try d.remove(k) { return v }
        if p.count > 1 { return p[1] }
        throw PyException(.keyError, PyRepr.repr(k))
      case "setdefault":
        let k = try self.arg(args, 0, "key", name)
        if let v = try d.get(k) { return v }
        let v = p.count > 1 ? p[1] : .none
        try d.set(k, v)
        return v
      case "update":
        if let other = p.first {
          if case .dict(let o) = other {
            for (k, v) in o.items { try d.set(k, v) }
          } else {
            for item in try interp.collect(other) {
              let pair = try interp.collect(item)
              guard pair.count == 2 else { throw PyException.valueError("dictionary update sequence element has length \(pair.count); 2 is required") }
              try d.set(pair[0], pair[1])
            }
          }
        }
        for (k, v) in args.keywords { try d.set(.str(k), v) }
      case "copy": return .dict(try PyDict(d.items))
      case "clear": d.removeAll()
      default: break
      }
      return .none
    }
  }

  private func setMethod(_ s: PySet, _ name: String) -> PyBuiltinFunction {
    method("set", name) { interp, args in
      switch name {
      case "add": try s.insert(try self.arg(args, 0, "elem", name))
      case "discard": try s.storage.remove(try self.arg(args, 0, "elem", name))
      case "remove":
        let x = try self.arg(args, 0, "elem", name)
        if try s.storage.remove(x) == nil { throw PyException(.keyError, PyRepr.repr(x)) }
      case "pop":
        guard let first = s.elements.first else { throw PyException(.keyError, "'pop from an empty set'") }
        try s.storage.remove(first)
        return first
      case "union", "intersection", "difference":
        let other = try PySet(try interp.collect(try self.arg(args, 0, "other", name)))
        let op: PyBinaryOperator = name == "union" ? .or : name == "intersection" ? .and : .sub
        return try interp.binaryOp(op, .set(s), .set(other))
      case "copy": return .set(try PySet(s.elements))
      case "clear": s.storage.removeAll()
      default: break
      }
      return .none
    }
  }
}
