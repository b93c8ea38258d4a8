extension Interpreter {
  func assign(_ target: Expr, _ value: PyValue, _ frame: Frame) throws {
    switch target.kind {
    case .name(let n):
      try store(n, value, frame)
    case .attribute(let objExpr, let name):
      let object = try eval(objExpr, frame)
      try located(target.span) { try setAttribute(object, name, value) }
    case .subscript(let objExpr, let indexExpr):
      let object = try eval(objExpr, frame)
      let index = try eval(indexExpr, frame)
      try located(target.span) { try setItem(object, index, value) }
    case .tuple(let items), .list(let items):
      try located(target.span) { try unpack(items, value, frame) }
    case .starred(let inner):
      try assign(inner, value, frame)
    default:
      throw PyException(.syntaxError, "cannot assign to expression")
    }
  }

  func unpack(_ targets: [Expr], _ value: PyValue, _ frame: Frame) throws {
    // Fast path: `bx, by = next_batch(100)`, a tuple or list of exactly the right length
    // and no starred target; everything else (and every error) takes the general path.
    if let items = value.sequenceItems, items.count == targets.count,
      !targets.contains(where: { if case .starred = $0.kind { return true } else { return false } })
    {
      for i in targets.indices { try assign(targets[i], items[i], frame) }
      return
    }
    let starIndex = targets.firstIndex { if case .starred = $0.kind { return true } else { return false } }
    var items: [PyValue] = []
    let iterator = try iterate(value, cannotUnpack: true)
    let limit = starIndex == nil ? targets.count + 1 : Int.max
    while items.count < limit, let v = try iterator.next() {
      items.append(v)
      try checkLength(items.count, what: "list")
    }
    if let starIndex {
      let after = targets.count - starIndex - 1
      guard items.count >= targets.count - 1 else {
        throw PyException.valueError(
          "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
      }
      for i in 0..<starIndex { try assign(targets[i], items[i], frame) }
      let middle = Array(items[starIndex..<(items.count - after)])
      try assign(targets[starIndex], .list(PyList(middle)), frame)
      for j in 0..<after { try assign(targets[starIndex + 1 + j], items[items.count - after + j], frame) }
      return
    }
    if items.count > targets.count {
      throw PyException.valueError("too many values to unpack (expected \(targets.count))")
    }
    if items.count < targets.count {
      throw PyException.valueError(
        "not enough values to unpack (expected \(targets.count), got \(items.count))")
    }
    for (t, v) in zip(targets, items) { try assign(t, v, frame) }
  }

  func augmentedAssign(_ target: Expr, _ op: PyBinaryOperator, _ valueExpr: Expr, _ frame: Frame) throws {
    switch target.kind {
    case .name(let n):
      let current = try eval(target, frame)
      let value = try eval(valueExpr, frame)
      let result = try located(target.span.merged(with: valueExpr.span)) { try inPlaceOp(op, current, value) }
      try store(n, result, frame)
    case .attribute(let objExpr, let name):
      let object = try eval(objExpr, frame)
      let current = try located(target.span) { try getAttribute(object, name) }
      let value = try eval(valueExpr, frame)
      let result = try located(target.span.merged(with: valueExpr.span)) { try inPlaceOp(op, current, value) }
      try located(target.span) { try setAttribute(object, name, result) }
    case .subscript(let objExpr, let indexExpr):
      let object = try eval(objExpr, frame)
      let index = try eval(indexExpr, frame)
      let current = try located(target.span) { try getItem(object, index) }
      let value = try eval(valueExpr, frame)
      let result = try located(target.span.merged(with: valueExpr.span)) { try inPlaceOp(op, current, value) }
      try located(target.span) { try setItem(object, index, result) }
    default:
      throw PyException(.syntaxError, "illegal expression for augmented assignment")
    }
  }

  /// `a += b`: lists extend in place, everything else rebinds.
  func inPlaceOp(_ op: PyBinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    if op == .add, case .list(let list) = a {
      let iterator = try iterate(b)
      while let v = try iterator.next() {
        list.items.append(v)
        try checkLength(list.items.count, what: "list")
      }
      return a
    }
    return try binaryOp(op, a, b)
  }

  func delete(_ target: Expr, _ frame: Frame) throws {
    switch target.kind {
    case .name(let n):
      if let locals = frame.locals, !frame.globalNames.contains(n) {
        guard locals.values.removeValue(forKey: n) != nil else {
          throw PyException(.nameError, "name '\(n)' is not defined")
        }
      } else {
        guard frame.globals.values.removeValue(forKey: n) != nil else {
          var e = PyException(.nameError, "name '\(n)' is not defined")
          e.span = target.span
          throw e
        }
      }
    case .subscript(let objExpr, let indexExpr):
      let object = try eval(objExpr, frame)
      let index = try eval(indexExpr, frame)
      try located(target.span) { try deleteItem(object, index) }
    case .attribute:
      throw PyException.attributeError("attributes cannot be deleted in mnist-shell")
    default:
      throw PyException(.syntaxError, "cannot delete expression")
    }
  }

  // MARK: - Imports

  func importModule(_ name: String, asName: String?, _ frame: Frame, span: SourceSpan) throws {
    let module = try located(span) { try loadModule(name) }
    if let asName {
      try store(asName, .module(module), frame)
    } else {
      let top = String(name.split(separator: ".").first ?? Substring(name))
      try store(top, .module(try loadModule(top)), frame)
    }
  }

  func importFrom(_ moduleName: String, _ names: [(name: String, asName: String?)], _ frame: Frame, span: SourceSpan) throws {
    let module = try located(span) { try loadModule(moduleName) }
    for (name, asName) in names {
      if name == "*" {
        for (k, v) in module.attributes where !k.hasPrefix("_") { try store(k, v, frame) }
        continue
      }
      var value = try module.attribute(name)
      if value == nil, modules.isKnown(moduleName + "." + name) {
        value = .module(try located(span) { try loadModule(moduleName + "." + name) })
      }
      guard let value else {
        var e = PyException(.importError, "cannot import name '\(name)' from '\(moduleName)'")
        if let s = Suggestions.closest(to: name, in: Array(module.attributes.keys)) {
          e.message += ". Did you mean: '\(s)'?"
        }
        e.span = span
        throw e
      }
      try store(asName ?? name, value, frame)
    }
  }

  func loadModule(_ name: String) throws -> PyModule {
    do {
      return try modules.load(name)
    } catch var error as PyException where error.type === PyType.moduleNotFoundError {
      let top = name.split(separator: ".").first.map(String.init) ?? name
      if ["os", "sys", "subprocess", "socket", "shutil", "pathlib", "urllib", "requests", "io"].contains(top) {
        error.hint = "mnist-shell runs Python without file, network or process access; only the tutorial's modules (tensorflow, numpy, ...) are available"
      } else if !modules.names.isEmpty {
        let available = modules.names.filter { !$0.contains(".") }.joined(separator: ", ")
        error.hint = "the modules available here are: \(available)"
      }
      throw error
    }
  }
}
