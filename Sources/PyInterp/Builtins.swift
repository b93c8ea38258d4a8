import Foundation

extension Interpreter {
  /// Builds the builtins namespace: functions, classes and exception classes.
  func makeBuiltins() -> [String: PyValue] {
    var b: [String: PyValue] = [:]
    for t in [PyType.int, .float, .str, .bool, .list, .tuple, .dict, .set, .range, .type, .object, .slice] {
      b[t.name] = .type(t)
    }
    for t in PyType.builtinExceptions { b[t.name] = .type(t) }
    func def(_ name: String, _ signature: String, _ doc: String, _ body: @escaping (Interpreter, PyArguments) throws -> PyValue) {
      b[name] = .builtin(PyBuiltinFunction(name, doc: doc, signatureText: signature) { [weak self] args in
        guard let interp = args.interpreter ?? self else { throw PyException(.runtimeError, "interpreter is gone") }
        return try body(interp, args)
      })
    }
    func only(_ args: PyArguments, _ name: String, _ n: Int) throws -> [PyValue] {
      if let k = args.keywords.first { throw PyException.typeError("\(name)() takes no keyword arguments: '\(k.name)'") }
      guard args.positional.count == n else {
        throw PyException.typeError("\(name)() takes exactly \(n == 1 ? "one argument" : "\(n) arguments") (\(args.positional.count) given)")
      }
      return args.positional
    }
    def("print", "print(*values, sep=' ', end='\\n')", "Prints the values, separated by sep and followed by end.") { i, a in
      var sep = " ", end = "\n"
      for (k, v) in a.keywords {
        switch k {
        case "sep": sep = v.isNone ? " " : try v.asString(what: "sep")
        case "end": end = v.isNone ? "\n" : try v.asString(what: "end")
        case "flush", "file": break
        default: throw PyException.typeError("'\(k)' is an invalid keyword argument for print()")
        }
      }
      i.write(a.positional.map { i.strOf($0) }.joined(separator: sep) + end)
      return .none
    }
    def("len", "len(obj)", "Returns the number of items in a container.") { i, a in
      .int(try i.length(try only(a, "len", 1)[0]))
    }
    def("repr", "repr(obj)", "Returns the text the REPL would echo for obj.") { i, a in
      .str(try i.reprOf(try only(a, "repr", 1)[0]))
    }
    def("abs", "abs(x)", "Returns the absolute value of a number.") { i, a in
      let x = try only(a, "abs", 1)[0]
      switch i.plainNumber(x) {
      case .int(let n):
        if n == Int.min { throw i.overflow() }
        return .int(Swift.abs(n))
      case .bool(let t): return .int(t ? 1 : 0)
      case .float(let d): return .float(Swift.abs(d))
      default:
        if case .object(let o) = x, let r = try o.pyUnary(.pos), case .object = r {
          return try i.call(try i.getAttribute(x, "__abs__"), PyArguments())
        }
        throw PyException.typeError("bad operand type for abs(): '\(x.typeName)'")
      }
    }
    def("round", "round(number, ndigits=None)", "Rounds to ndigits decimals (halves go to the even neighbour); without ndigits returns an int.") { i, a in
      guard let x = a.positional.first else { throw PyException.typeError("round() missing required argument 'number' (pos 1)") }
      let digits = a.positional.count > 1 ? a.positional[1] : (a.keyword("ndigits") ?? .none)
      let number = i.plainNumber(x)
      if case .int(let n) = number, digits.isNone { return .int(n) }
      guard let d = number.numericValue else { throw PyException.typeError("type \(x.typeName) doesn't define __round__ method") }
      if digits.isNone {
        guard d.isFinite else { throw PyException(d.isNaN ? .valueError : .overflowError, "cannot convert float \(PyRepr.float(d)) to integer") }
        return .int(Int(d.rounded(.toNearestOrEven)))
      }
      let n = try digits.asInt()
      if case .int(let v) = number { return .int(n >= 0 ? v : Int((Double(v) / pow(10, Double(-n))).rounded(.toNearestOrEven) * pow(10, Double(-n)))) }
      guard d.isFinite else { return .float(d) }
      if n >= 0 {
        // printf rounds the exact binary value, as CPython's round() does.
        return .float(Double(String(format: "%.\(min(n, 300))f", d)) ?? d)
      }
      let scale = pow(10.0, Double(-n))
      return .float((d / scale).rounded(.toNearestOrEven) * scale)
    }
    def("min", "min(iterable, *, key=None, default=...) or min(a, b, ...)", "Returns the smallest item.") { i, a in
      try i.extreme(a, "min", wantLess: true)
    }
    def("max", "max(iterable, *, key=None, default=...) or max(a, b, ...)", "Returns the largest item.") { i, a in
      try i.extreme(a, "max", wantLess: false)
    }
    def("sum", "sum(iterable, start=0)", "Adds up the items of an iterable, starting from start.") { i, a in
      guard let it = a.positional.first else { throw PyException.typeError("sum() takes at least 1 positional argument (0 given)") }
      var total = a.positional.count > 1 ? a.positional[1] : (a.keyword("start") ?? .int(0))
      if case .str = total { throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
      let iterator = try i.iterate(it)
      while let v = try iterator.next() {
        try i.tick()
        total = try i.binaryOp(.add, total, v)
      }
      return total
    }
    def("enumerate", "enumerate(iterable, start=0)", "Yields (index, item) pairs.") { i, a in
      guard let it = a.positional.first else { throw PyException.typeError("enumerate() missing required argument 'iterable'") }
      var n = try (a.positional.count > 1 ? a.positional[1] : (a.keyword("start") ?? .int(0))).asInt()
      let inner = try i.iterate(it)
      return .iterator(PyIterator(typeName: "enumerate") {
        guard let v = try inner.next() else { return nil }
        defer { n += 1 }
        return .tuple([.int(n), v])
      })
    }
    def("zip", "zip(*iterables)", "Yields tuples taking one item from each iterable, stopping at the shortest.") { i, a in
      let iterators = try a.positional.map { try i.iterate($0) }
      return .iterator(PyIterator(typeName: "zip") {
        if iterators.isEmpty { return nil }
        var items: [PyValue] = []
        for it in iterators {
          guard let v = try it.next() else { return nil }
          items.append(v)
        }
        return .tuple(items)
      })
    }
    def("map", "map(function, *iterables)", "Yields function(item) for each item.") { i, a in
      guard a.positional.count >= 2 else { throw PyException.typeError("map() must have at least two arguments.") }
      let f = a.positional[0]
      let iterators = try a.positional.dropFirst().map { try i.iterate($0) }
      return .iterator(PyIterator(typeName: "map") {
        var items: [PyValue] = []
        for it in iterators {
          guard let v = try it.next() else { return nil }
          items.append(v)
        }
        return try i.call(f, PyArguments(items, interpreter: i))
      })
    }
    def("filter", "filter(function, iterable)", "Yields the items for which function(item) is true.") { i, a in
      let p = try only(a, "filter", 2)
      let inner = try i.iterate(p[1])
      return .iterator(PyIterator(typeName: "filter") {
        while let v = try inner.next() {
          let keep = p[0].isNone ? v : try i.call(p[0], PyArguments([v], interpreter: i))
          if try i.truth(keep) { return v }
        }
        return nil
      })
    }
    def("sorted", "sorted(iterable, *, key=None, reverse=False)", "Returns a new sorted list.") { i, a in
      let items = try i.collect(try only(PyArguments(a.positional), "sorted", 1)[0])
      for (k, _) in a.keywords where k != "key" && k != "reverse" {
        throw PyException.typeError("sort() got an unexpected keyword argument '\(k)'")
      }
      return .list(PyList(try i.sortedValues(items, key: a.keyword("key"), reverse: try a.keyword("reverse").map { try i.truth($0) } ?? false)))
    }
    def("reversed", "reversed(sequence)", "Yields the items of a sequence in reverse order.") { i, a in
      .iterator(.over(try i.collect(try only(a, "reversed", 1)[0]).reversed(), typeName: "list_reverseiterator"))
    }
    def("any", "any(iterable)", "True if any item is true.") { i, a in
      let it = try i.iterate(try only(a, "any", 1)[0])
      while let v = try it.next() { if try i.truth(v) { return .true } }
      return .false
    }
    def("all", "all(iterable)", "True if every item is true.") { i, a in
      let it = try i.iterate(try only(a, "all", 1)[0])
      while let v = try it.next() { if !(try i.truth(v)) { return .false } }
      return .true
    }
    def("iter", "iter(iterable)", "Returns an iterator over an iterable.") { i, a in
      .iterator(try i.iterate(try only(a, "iter", 1)[0]))
    }
    def("next", "next(iterator[, default])", "Returns the next item of an iterator.") { i, a in
      guard let first = a.positional.first, case .iterator(let it) = first else {
        throw PyException.typeError("'\(a.positional.first?.typeName ?? "NoneType")' object is not an iterator")
      }
      if let v = try it.next() { return v }
      if a.positional.count > 1 { return a.positional[1] }
      throw PyException(.stopIteration)
    }
    def("isinstance", "isinstance(obj, class_or_tuple)", "True if obj is an instance of the class (or of any class in the tuple).") { i, a in
      let p = try only(a, "isinstance", 2)
      func check(_ c: PyValue) throws -> Bool {
        switch c {
        case .type(let t): return i.isInstance(p[0], of: t)
        case .tuple(let items): return try items.contains { try check($0) }
        case .object(let o):
          return i.typeOf(p[0]).displayName == o.pyType.displayName || i.typeOf(p[0]).name == o.pyTypeName
        default:
          throw PyException.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
      }
      return .bool(try check(p[1]))
    }
    def("callable", "callable(obj)", "True if obj can be called.") { _, a in
      switch try only(a, "callable", 1)[0] {
      case .function, .builtin, .type: return .true
      case .object(let o): return .bool(o.pyIsCallable)
      default: return .false
      }
    }
    def("hasattr", "hasattr(obj, name)", "True if obj has the attribute name.") { i, a in
      let p = try only(a, "hasattr", 2)
      do {
        _ = try i.getAttribute(p[0], try p[1].asString(what: "attribute name"))
        return .true
      } catch let e as PyException where e.type.isSubtype(of: .attributeError) {
        return .false
      }
    }
    def("getattr", "getattr(obj, name[, default])", "Returns the attribute name of obj.") { i, a in
      guard a.positional.count >= 2 else { throw PyException.typeError("getattr expected at least 2 arguments, got \(a.positional.count)") }
      do {
        return try i.getAttribute(a.positional[0], try a.positional[1].asString(what: "attribute name"))
      } catch let e as PyException where e.type.isSubtype(of: .attributeError) && a.positional.count > 2 {
        return a.positional[2]
      }
    }
    def("setattr", "setattr(obj, name, value)", "Sets the attribute name of obj.") { i, a in
      let p = try only(a, "setattr", 3)
      try i.setAttribute(p[0], try p[1].asString(what: "attribute name"), p[2])
      return .none
    }
    def("id", "id(obj)", "Returns a number identifying obj.") { _, a in
      switch try only(a, "id", 1)[0] {
      case .object(let o): return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue)))
      case .list(let l): return .int(ObjectIdentifier(l).hashValue)
      case .dict(let d): return .int(ObjectIdentifier(d).hashValue)
      case let v: return .int(try PyHashKey(v).hashValue)
      }
    }
    def("hash", "hash(obj)", "Returns the hash of a hashable object.") { _, a in
      .int(try PyHashKey(try only(a, "hash", 1)[0]).hashValue)
    }
    def("format", "format(value, format_spec='')", "Formats a value with a format spec, as f-strings do.") { i, a in
      guard let v = a.positional.first else { throw PyException.typeError("format() missing required argument 'value'") }
      return .str(try i.format(v, spec: try a.positional.count > 1 ? a.positional[1].asString(what: "format_spec") : ""))
    }
    def("chr", "chr(i)", "Returns the one-character string for a Unicode code point.") { _, a in
      let n = try only(a, "chr", 1)[0].asInt()
      guard n >= 0, let u = Unicode.Scalar(UInt32(clamping: n)) else { throw PyException.valueError("chr() arg not in range(0x110000)") }
      return .str(String(Character(u)))
    }
    def("ord", "ord(c)", "Returns the Unicode code point of a one-character string.") { _, a in
      let s = try only(a, "ord", 1)[0].asString()
      guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
        throw PyException.typeError("ord() expected a character, but string of length \(s.count) found")
      }
      return .int(Int(u.value))
    }
    def("divmod", "divmod(a, b)", "Returns (a // b, a % b).") { i, a in
      let p = try only(a, "divmod", 2)
      return .tuple([try i.binaryOp(.floordiv, p[0], p[1]), try i.binaryOp(.mod, p[0], p[1])])
    }
    def("pow", "pow(base, exp)", "Returns base ** exp.") { i, a in
      let p = try only(a, "pow", 2)
      return try i.binaryOp(.pow, p[0], p[1])
    }
    def("dir", "dir(obj)", "Lists the attribute names of obj (or the names defined in this session).") { i, a in
      if a.positional.isEmpty { return .newList(i.globalNames.map { .str($0) }) }
      return .newList(i.dir(try only(a, "dir", 1)[0]).map { .str($0) })
    }
    def("globals", "globals()", "Returns the names defined in this session as a dict.") { i, _ in
      .dict(try PyDict(i.globals.values.sorted { $0.key < $1.key }.map { (.str($0.key), $0.value) }))
    }
    def("help", "help(obj)", "Shows the signature and a short description of obj.") { i, a in
      i.write(i.helpText(a.positional.first) + "\n")
      return .none
    }
    def("exit", "exit(code=None)", "Leaves mnist-shell.") { _, a in
      var e = PyException(.systemExit)
      e.args = a.positional
      throw e
    }
    b["quit"] = b["exit"]
    def("open", "open(file, mode='r')", "Not available: mnist-shell runs Python without file access.") { _, _ in
      throw PyException(.permissionError, "file access is not available in mnist-shell",
                        hint: "the tutorial's modules read and write their own files (read_data_sets downloads into its folder)")
    }
    def("input", "input(prompt='')", "Not available in mnist-shell.") { _, _ in
      throw PyException(.notImplementedError, "input() is not available in mnist-shell")
    }
    for name in ["eval", "exec", "compile", "__import__", "breakpoint", "memoryview", "vars", "locals"] {
      def(name, "\(name)(...)", "Not available in mnist-shell.") { _, _ in
        throw PyException(.notImplementedError, "\(name)() is not available in mnist-shell")
      }
    }
    return b
  }

  func sortedValues(_ items: [PyValue], key: PyValue?, reverse: Bool) throws -> [PyValue] {
    let keys: [PyValue]
    if let key, !key.isNone {
      keys = try items.map { try call(key, PyArguments([$0], interpreter: self)) }
    } else {
      keys = items
    }
    var order = Array(items.indices)
    // A stable merge-friendly sort: Swift's sort is stable (introsort was replaced by a stable sort).
    try order.sort { x, y in
      let less = try truth(try rich(.lt, reverse ? keys[y] : keys[x], reverse ? keys[x] : keys[y]))
      return less
    }
    return order.map { items[$0] }
  }

  func extreme(_ a: PyArguments, _ name: String, wantLess: Bool) throws -> PyValue {
    let items: [PyValue]
    if a.positional.count == 1 {
      items = try collect(a.positional[0])
    } else if a.positional.isEmpty {
      throw PyException.typeError("\(name) expected at least 1 argument, got 0")
    } else {
      items = a.positional
    }
    let key = a.keyword("key")
    guard var best = items.first else {
      if let d = a.keyword("default") { return d }
      throw PyException.valueError("\(name)() iterable argument is empty")
    }
    func keyOf(_ v: PyValue) throws -> PyValue {
      guard let key, !key.isNone else { return v }
      return try call(key, PyArguments([v], interpreter: self))
    }
    var bestKey = try keyOf(best)
    for v in items.dropFirst() {
      let k = try keyOf(v)
      if try truth(try rich(wantLess ? .lt : .gt, k, bestKey)) {
        best = v
        bestKey = k
      }
    }
    return best
  }

  func helpText(_ value: PyValue?) -> String {
    guard let value else {
      return "Type help(obj) for a short description of obj, dir(obj) for its attributes."
    }
    switch value {
    case .builtin(let f):
      return "Help on \(f.owner == nil ? "built-in function" : "function") \(f.name)\(f.owner.map { " in module \($0)" } ?? ""):\n\n\(f.signatureText)\n    \(f.doc ?? "")"
    case .function(let f):
      return "Help on function \(f.name):\n\n\(f.signature.description)\n    \(f.definition.docstring ?? "")"
    case .module(let m):
      let names = dir(value).filter { !$0.hasPrefix("_") }
      return "Help on module \(m.name):\n\n\(m.doc ?? "")\n\nNames: \(names.joined(separator: ", "))"
    case .type(let t):
      return "Help on class \(t.name):\n\n    \(t.doc ?? "")"
    case .object(let o):
      var text = "Help on \(o.pyTypeName) object:\n\n"
      if let s = o.pySignature { text += s + "\n" }
      if let d = o.pyDoc { text += "    " + d + "\n" }
      let names = o.pyDir().filter { !$0.hasPrefix("_") }.sorted()
      if !names.isEmpty { text += "\nAttributes: " + names.joined(separator: ", ") }
      return text
    default:
      let t = typeOf(value)
      return "Help on \(t.name) object:\n\n    \(t.doc ?? "")"
    }
  }
}
