extension Parser {
  mutating func parseSimpleStatement() throws -> Stmt {
    let start = tok
    if let k = start.nameText {
      switch k {
      case "pass":
        _ = advance()
        return Stmt(.pass, start.span)
      case "break", "continue":
        _ = advance()
        if loopDepth == 0 {
          throw error(k == "break" ? "'break' outside loop" : "'continue' not properly in loop", start.span)
        }
        return Stmt(k == "break" ? .break : .continue, start.span)
      case "return":
        _ = advance()
        if functionDepth == 0 { throw error("'return' outside function", start.span) }
        if tok.isNewline || tok.isEOF || tok.isOp(";") { return Stmt(.return(nil), start.span) }
        let value = try parseTestListStarExpr()
        return Stmt(.return(value), start.span.merged(with: value.span))
      case "global", "nonlocal":
        _ = advance()
        var names: [String] = []
        var span = start.span
        repeat {
          let (n, s) = try expectName()
          names.append(n)
          span = span.merged(with: s)
        } while acceptOp(",")
        if k == "nonlocal" && functionDepth == 0 {
          throw error("nonlocal declaration not allowed at module level", span)
        }
        return Stmt(k == "global" ? .global(names) : .nonlocal(names), span)
      case "del":
        _ = advance()
        let target = try parseTestList()
        let targets: [Expr]
        if case .tuple(let items) = target.kind { targets = items } else { targets = [target] }
        for t in targets {
          switch t.kind {
          case .name, .attribute, .subscript: break
          default: throw error("cannot delete \(describe(t))", t.span)
          }
        }
        return Stmt(.del(targets), start.span.merged(with: target.span))
      case "assert":
        _ = advance()
        let test = try parseTest()
        var msg: Expr?
        if acceptOp(",") { msg = try parseTest() }
        return Stmt(.assert(test, msg), start.span.merged(with: (msg ?? test).span))
      case "raise":
        _ = advance()
        if tok.isNewline || tok.isEOF || tok.isOp(";") { return Stmt(.raise(nil, nil), start.span) }
        let exc = try parseTest()
        var cause: Expr?
        if acceptKeyword("from") { cause = try parseTest() }
        return Stmt(.raise(exc, cause), start.span.merged(with: (cause ?? exc).span))
      case "import":
        return try parseImport()
      case "from":
        return try parseFromImport()
      case "yield", "async", "await":
        throw error("'\(k)' is not supported in mnist-shell", start.span)
      default:
        break
      }
    }
    return try parseExpressionStatement()
  }

  mutating func parseDottedName() throws -> (String, SourceSpan) {
    var (name, span) = try expectName()
    while acceptOp(".") {
      let (part, s) = try expectName()
      name += "." + part
      span = span.merged(with: s)
    }
    return (name, span)
  }

  mutating func parseImport() throws -> Stmt {
    let kw = advance()
    var names: [(name: String, asName: String?)] = []
    var span = kw.span
    repeat {
      let (n, s) = try parseDottedName()
      span = span.merged(with: s)
      var asName: String?
      if acceptKeyword("as") {
        let (a, s2) = try expectName()
        asName = a
        span = span.merged(with: s2)
      }
      names.append((n, asName))
    } while acceptOp(",")
    return Stmt(.import(names), span)
  }

  mutating func parseFromImport() throws -> Stmt {
    let kw = advance()
    if tok.isOp(".") || tok.isOp("...") {
      throw fail("relative imports are not supported in mnist-shell")
    }
    let (module, _) = try parseDottedName()
    guard acceptKeyword("import") else { throw fail("invalid syntax") }
    var names: [(name: String, asName: String?)] = []
    var span = kw.span
    if tok.isOp("*") {
      span = span.merged(with: advance().span)
      return Stmt(.importFrom(module, [("*", nil)]), span)
    }
    let parenthesized = acceptOp("(")
    repeat {
      if parenthesized && tok.isOp(")") { break }
      let (n, s) = try expectName()
      span = span.merged(with: s)
      var asName: String?
      if acceptKeyword("as") {
        let (a, s2) = try expectName()
        asName = a
        span = span.merged(with: s2)
      }
      names.append((n, asName))
    } while acceptOp(",")
    if parenthesized { span = span.merged(with: try expectOp(")").span) }
    if names.isEmpty { throw invalidSyntax() }
    return Stmt(.importFrom(module, names), span)
  }

  static let augmentedOps: [String: PyBinaryOperator] = [
    "+=": .add, "-=": .sub, "*=": .mul, "/=": .truediv, "//=": .floordiv, "%=": .mod,
    "**=": .pow, "@=": .matmul, "<<=": .lshift, ">>=": .rshift, "&=": .and, "|=": .or, "^=": .xor,
  ]

  mutating func parseExpressionStatement() throws -> Stmt {
    let first = try parseTestListStarExpr()
    if tok.isOp("=") {
      var exprs = [first]
      while acceptOp("=") {
        exprs.append(try parseTestListStarExpr())
      }
      let value = exprs.removeLast()
      for t in exprs { try checkAssignable(t, augmented: false) }
      return Stmt(.assign(exprs, value), first.span.merged(with: value.span))
    }
    if let op = tok.opText, let binop = Parser.augmentedOps[op] {
      try checkAssignable(first, augmented: true)
      _ = advance()
      let value = try parseTestList()
      return Stmt(.augAssign(first, binop, value), first.span.merged(with: value.span))
    }
    if tok.isOp(":") {
      switch first.kind {
      case .name, .attribute, .subscript:
        _ = advance()
        let annotation = try parseTest()
        var value: Expr?
        if acceptOp("=") { value = try parseTestList() }
        return Stmt(.annAssign(first, annotation, value), first.span.merged(with: (value ?? annotation).span))
      default:
        throw invalidSyntax()
      }
    }
    if !(tok.isNewline || tok.isEOF || tok.isOp(";")) {
      if case .name("print") = first.kind {
        switch tok.kind {
        case .string, .fstring, .name, .int, .float:
          throw error("Missing parentheses in call to 'print'. Did you mean print(...)?",
                      first.span.merged(with: tok.span))
        default: break
        }
      }
      switch tok.kind {
      case .name(let n) where !pythonKeywords.contains(n):
        throw error("invalid syntax. Perhaps you forgot a comma?", first.span.merged(with: tok.span))
      case .int, .float, .string:
        throw error("invalid syntax. Perhaps you forgot a comma?", first.span.merged(with: tok.span))
      default: break
      }
    }
    return Stmt(.expr(first), first.span)
  }

  /// What CPython calls an expression in "cannot assign to ..." messages.
  func describe(_ e: Expr) -> String {
    switch e.kind {
    case .call: return "function call"
    case .constant(.none): return "None"
    case .constant(.bool(let b)): return b ? "True" : "False"
    case .constant(.ellipsis): return "ellipsis"
    case .constant, .fstring: return "literal"
    case .compare: return "comparison"
    case .lambda: return "lambda"
    case .ifExp: return "conditional expression"
    case .listComp: return "list comprehension"
    case .dictComp: return "dict comprehension"
    case .setComp: return "set comprehension"
    case .generator: return "generator expression"
    case .dict: return "dict literal"
    case .set: return "set display"
    default: return "expression"
    }
  }

  func checkAssignable(_ e: Expr, augmented: Bool) throws {
    switch e.kind {
    case .name, .attribute, .subscript:
      return
    case .tuple(let items), .list(let items):
      if augmented {
        throw error("'\(e.kind.isList ? "list" : "tuple")' is an illegal expression for augmented assignment", e.span)
      }
      for item in items { try checkAssignable(item, augmented: false) }
    case .starred(let inner):
      if augmented { throw error("'starred' is an illegal expression for augmented assignment", e.span) }
      try checkAssignable(inner, augmented: false)
    default:
      let what = describe(e)
      if augmented { throw error("'\(what)' is an illegal expression for augmented assignment", e.span) }
      switch e.kind {
      case .constant(.none), .constant(.bool):
        throw error("cannot assign to \(what)", e.span)
      default:
        throw error("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", e.span)
      }
    }
  }
}

extension ExprKind {
  var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
