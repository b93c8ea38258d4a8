extension Interpreter {
  func eval(_ e: Expr, _ frame: Frame) throws -> PyValue {
    if !stackGuard.hasRoom {
      var error = PyException(.recursionError, "maximum recursion depth exceeded")
      error.span = e.span
      throw error
    }
    do {
      return try evalKind(e, frame)
    } catch var error as PyException {
      if error.span == nil { error.span = e.span }
      throw error
    }
  }

  private func evalKind(_ e: Expr, _ frame: Frame) throws -> PyValue {
    switch e.kind {
    case .name(let n):
      return try lookup(n, frame)
    case .constant(let c):
      switch c {
      case .none: return .none
      case .bool(let b): return .bool(b)
      case .int(let i): return .int(i)
      case .float(let d): return .float(d)
      case .str(let s): return .str(s)
      case .ellipsis: return ellipsis
      }
    case .fstring(let parts):
      return .str(try evalFString(parts, frame))
    case .unary(let op, let operand):
      let v = try eval(operand, frame)
      if op == .not { return .bool(!(try truth(v))) }
      return try unaryOp(op, v)
    case .binary(let op, let l, let r):
      let a = try eval(l, frame)
      let b = try eval(r, frame)
      return try binaryOp(op, a, b)
    case .boolOp(let isAnd, let items):
      var value = PyValue.none
      for item in items {
        value = try eval(item, frame)
        if try truth(value) != isAnd { return value }
      }
      return value
    case .compare(let first, let rest):
      var left = try eval(first, frame)
      var result = PyValue.true
      for (op, rightExpr) in rest {
        let right = try eval(rightExpr, frame)
        result = try compare(op, left, right)
        if rest.count > 1, !(try truth(result)) { return result }
        left = right
      }
      return result
    case .ifExp(let test, let body, let orelse):
      return try truth(try eval(test, frame)) ? try eval(body, frame) : try eval(orelse, frame)
    case .call(let calleeExpr, let argExprs):
      let callee = try eval(calleeExpr, frame)
      let args = try evalArguments(argExprs, frame)
      return try call(callee, args)
    case .attribute(let objExpr, let name):
      let object = try eval(objExpr, frame)
      return try getAttribute(object, name)
    case .subscript(let objExpr, let indexExpr):
      let object = try eval(objExpr, frame)
      let index = try eval(indexExpr, frame)
      return try getItem(object, index)
    case .slice(let a, let b, let c):
      return .slice(PySlice(start: try a.map { try eval($0, frame) } ?? .none,
                            stop: try b.map { try eval($0, frame) } ?? .none,
                            step: try c.map { try eval($0, frame) } ?? .none))
    case .tuple(let items):
      return .tuple(try evalItems(items, frame))
    case .list(let items):
      return .list(PyList(try evalItems(items, frame)))
    case .set(let items):
      return .set(try PySet(try evalItems(items, frame)))
    case .dict(let pairs):
      let dict = PyDict(minimumCapacity: pairs.count)
      for (k, v) in pairs {
        if let k {
          try located(k.span) { try dict.set(try eval(k, frame), try eval(v, frame)) }
        } else {
          guard case .dict(let other) = try eval(v, frame) else {
            throw PyException.typeError("'**' argument must be a mapping")
          }
          for (k2, v2) in other.items { try dict.set(k2, v2) }
        }
      }
      return .dict(dict)
    case .listComp(let element, let clauses), .generator(let element, let clauses):
      var results: [PyValue] = []
      try comprehension(clauses, frame) { inner in
        results.append(try self.eval(element, inner))
        try self.checkLength(results.count, what: "list")
      }
      return .list(PyList(results))
    case .setComp(let element, let clauses):
      let set = try PySet()
      try comprehension(clauses, frame) { inner in try set.insert(try self.eval(element, inner)) }
      return .set(set)
    case .dictComp(let key, let value, let clauses):
      let dict = PyDict()
      try comprehension(clauses, frame) { inner in
        try dict.set(try self.eval(key, inner), try self.eval(value, inner))
      }
      return .dict(dict)
    case .lambda(let def):
      return .function(try makeFunction(def, frame))
    case .starred:
      throw PyException(.syntaxError, "can't use starred expression here")
    }
  }

  func evalItems(_ items: [Expr], _ frame: Frame) throws -> [PyValue] {
    var result: [PyValue] = []
    result.reserveCapacity(items.count)
    for item in items {
      if case .starred(let inner) = item.kind {
        let value = try eval(inner, frame)
        result.append(contentsOf: try located(inner.span) { try collect(value) })
        try checkLength(result.count, what: "tuple")
      } else {
        result.append(try eval(item, frame))
      }
    }
    return result
  }

  func evalArguments(_ exprs: [CallArgument], _ frame: Frame) throws -> PyArguments {
    var args = PyArguments(interpreter: self)
    for a in exprs {
      switch a {
      case .positional(let e):
        args.positional.append(try eval(e, frame))
      case .star(let e):
        let value = try eval(e, frame)
        args.positional.append(contentsOf: try located(e.span) { try collect(value) })
        try checkLength(args.positional.count, what: "argument list")
      case .keyword(let name, let e):
        args.keywords.append((name, try eval(e, frame)))
      case .doubleStar(let e):
        let value = try eval(e, frame)
        guard case .dict(let d) = value else {
          var error = PyException.typeError("argument after ** must be a mapping, not \(value.typeName)")
          error.span = e.span
          throw error
        }
        for (k, v) in d.items {
          guard case .str(let name) = k else { throw PyException.typeError("keywords must be strings") }
          args.keywords.append((name, v))
        }
      }
    }
    return args
  }

  /// Runs the comprehension clauses in a child scope, calling `body` for each combination.
  func comprehension(_ clauses: [Comprehension], _ frame: Frame, _ body: (Frame) throws -> Void) throws {
    var scan = ScopeScan()
    for c in clauses { scan.target(c.target) }
    let inner = Frame(name: frame.name, filename: frame.filename, globals: frame.globals,
                      locals: Scope(), localNames: scan.assigned, closure: frame.closureForChildren,
                      qualifiedPrefix: frame.qualifiedPrefix, source: frame.source)
    inner.currentSpan = frame.currentSpan
    func run(_ index: Int) throws {
      guard index < clauses.count else {
        try body(inner)
        return
      }
      let clause = clauses[index]
      // The first iterable is evaluated in the enclosing scope, as in Python.
      let iterable = try eval(clause.iterable, index == 0 ? frame : inner)
      let iterator = try located(clause.iterable.span) { try iterate(iterable) }
      outer: while let item = try iterator.next() {
        try tick()
        try assign(clause.target, item, inner)
        for condition in clause.conditions where !(try truth(try eval(condition, inner))) {
          continue outer
        }
        try run(index + 1)
      }
    }
    try run(0)
  }

  func evalFString(_ parts: [FStringPart], _ frame: Frame) throws -> String {
    var out = ""
    for part in parts {
      switch part {
      case .literal(let s):
        out += s
      case .field(let expr, let conversion, let specParts):
        var value = try eval(expr, frame)
        switch conversion {
        case "r": value = .str(try reprOf(value))
        case "s": value = .str(strOf(value))
        case "a": value = .str(try reprOf(value))
        default: break
        }
        let spec = try evalFString(specParts, frame)
        out += try located(expr.span) { try format(value, spec: spec) }
      }
    }
    try checkStringLength(out.utf8.count)
    return out
  }

  // MARK: - Names

  func lookup(_ name: String, _ frame: Frame) throws -> PyValue {
    if let locals = frame.locals {
      if frame.localNames.contains(name) {
        if let v = locals.values[name] { return v }
        throw PyException(.unboundLocalError,
                          "cannot access local variable '\(name)' where it is not associated with a value")
      }
      if !frame.globalNames.contains(name) {
        for scope in frame.closure { if let v = scope.values[name] { return v } }
      }
    }
    if let v = frame.globals.values[name] { return v }
    if let v = builtins[name] { return v }
    var candidates = Array(frame.globals.values.keys) + Array(builtins.keys)
    if let locals = frame.locals { candidates += Array(locals.values.keys) }
    for scope in frame.closure { candidates += Array(scope.values.keys) }
    var message = "name '\(name)' is not defined"
    if let s = Suggestions.closest(to: name, in: candidates) { message += ". Did you mean: '\(s)'?" }
    var error = PyException(.nameError, message)
    error.hint = nameHint(name)
    throw error
  }

  func store(_ name: String, _ value: PyValue, _ frame: Frame) throws {
    if let locals = frame.locals {
      if frame.globalNames.contains(name) {
        frame.globals.values[name] = value
      } else if frame.nonlocalNames.contains(name) {
        (frame.closure.first { $0.values[name] != nil } ?? frame.closure.first ?? locals).values[name] = value
      } else {
        locals.values[name] = value
      }
    } else {
      frame.globals.values[name] = value
    }
  }

  func makeFunction(_ def: FunctionDef, _ frame: Frame) throws -> PyFunction {
    var defaults: [String: PyValue] = [:]
    for p in def.params {
      if let d = p.defaultValue { defaults[p.name] = try eval(d, frame) }
    }
    return PyFunction(definition: def, defaults: defaults, closure: frame.closureForChildren,
                      globals: frame.globals, filename: frame.filename,
                      qualifiedPrefix: frame.locals == nil ? "" : frame.qualifiedPrefix + frame.name + ".<locals>.",
                      source: frame.source)
  }
}
