extension Parser {
  /// `a, b, *c` — a tuple when there is a comma; starred items allowed.
  mutating func parseTestListStarExpr() throws -> Expr {
    try parseList(allowStar: true)
  }

  /// `a, b` — a tuple when there is a comma.
  mutating func parseTestList() throws -> Expr {
    try parseList(allowStar: true)
  }

  mutating func parseList(allowStar: Bool) throws -> Expr {
    let first = try parseTestOrStar(allowStar: allowStar)
    guard tok.isOp(",") else { return first }
    var items = [first]
    var span = first.span
    while acceptOp(",") {
      if !startsExpression(tok) { break }
      let item = try parseTestOrStar(allowStar: allowStar)
      items.append(item)
      span = span.merged(with: item.span)
    }
    return Expr(.tuple(items), span)
  }

  mutating func parseTestOrStar(allowStar: Bool) throws -> Expr {
    if allowStar && tok.isOp("*") {
      let star = advance()
      let inner = try parseBitOr()
      return Expr(.starred(inner), star.span.merged(with: inner.span))
    }
    return try parseTest()
  }

  func startsExpression(_ t: Token) -> Bool {
    switch t.kind {
    case .name(let n): return !pythonKeywords.contains(n) || ["None", "True", "False", "not", "lambda"].contains(n)
    case .int, .float, .string, .fstring: return true
    case .op(let o): return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(o)
    default: return false
    }
  }

  mutating func parseNamedTest() throws -> Expr {
    let e = try parseTest()
    if tok.isOp(":=") { throw error("the walrus operator ':=' is not supported in mnist-shell") }
    return e
  }

  /// `x if c else y`, `lambda`, or an or-test.
  mutating func parseTest() throws -> Expr {
    try enter()
    defer { depth -= 1 }
    if tok.isKeyword("lambda") { return try parseLambda() }
    let body = try parseOrTest()
    if tok.isKeyword("if") && !isComprehensionIf {
      _ = advance()
      let test = try parseOrTest()
      guard acceptKeyword("else") else { throw fail("expected 'else' after 'if' expression") }
      let orelse = try parseTest()
      return Expr(.ifExp(test: test, body: body, orelse: orelse), body.span.merged(with: orelse.span))
    }
    return body
  }

  var isComprehensionIf: Bool { false }

  mutating func parseLambda() throws -> Expr {
    let kw = advance()
    let params = try parseParameters(closing: ":")
    try expectColon()
    functionDepth += 1
    let body = try parseTest()
    functionDepth -= 1
    let span = kw.span.merged(with: body.span)
    let def = FunctionDef(name: "<lambda>", params: params, body: [Stmt(.return(body), body.span)], span: span)
    return Expr(.lambda(def), span)
  }

  mutating func parseOrTest() throws -> Expr {
    let first = try parseAndTest()
    guard tok.isKeyword("or") else { return first }
    var items = [first]
    while acceptKeyword("or") { items.append(try parseAndTest()) }
    return Expr(.boolOp(isAnd: false, items), first.span.merged(with: items[items.count - 1].span))
  }

  mutating func parseAndTest() throws -> Expr {
    let first = try parseNotTest()
    guard tok.isKeyword("and") else { return first }
    var items = [first]
    while acceptKeyword("and") { items.append(try parseNotTest()) }
    return Expr(.boolOp(isAnd: true, items), first.span.merged(with: items[items.count - 1].span))
  }

  mutating func parseNotTest() throws -> Expr {
    if tok.isKeyword("not") {
      let kw = advance()
      try enter()
      defer { depth -= 1 }
      let operand = try parseNotTest()
      return Expr(.unary(.not, operand), kw.span.merged(with: operand.span))
    }
    return try parseComparison()
  }

  mutating func compareOp() -> CompareOp? {
    if let o = tok.opText {
      switch o {
      case "<": return .lt
      case "<=": return .le
      case "==": return .eq
      case "!=": return .ne
      case ">": return .gt
      case ">=": return .ge
      default: return nil
      }
    }
    if tok.isKeyword("in") { return .in }
    if tok.isKeyword("is") { return peekToken().isKeyword("not") ? .isNot : .is }
    if tok.isKeyword("not") && peekToken().isKeyword("in") { return .notIn }
    return nil
  }

  mutating func parseComparison() throws -> Expr {
    let first = try parseBitOr()
    var rest: [(CompareOp, Expr)] = []
    while let op = compareOp() {
      _ = advance()
      if op == .isNot || op == .notIn { _ = advance() }
      rest.append((op, try parseBitOr()))
    }
    if rest.isEmpty { return first }
    return Expr(.compare(first, rest), first.span.merged(with: rest[rest.count - 1].1.span))
  }

  mutating func parseBinary(_ ops: [String: PyBinaryOperator], _ next: (inout Parser) throws -> Expr) throws -> Expr {
    var left = try next(&self)
    var chain = 0
    while let o = tok.opText, let op = ops[o] {
      chain += 1
      if chain > maxChain {
        var e = PyException(.recursionError, "maximum recursion depth exceeded during compilation")
        e.span = tok.span
        throw e
      }
      _ = advance()
      let right = try next(&self)
      left = Expr(.binary(op, left, right), left.span.merged(with: right.span))
    }
    return left
  }

  mutating func parseBitOr() throws -> Expr { try parseBinary(["|": .or]) { try $0.parseBitXor() } }
  mutating func parseBitXor() throws -> Expr { try parseBinary(["^": .xor]) { try $0.parseBitAnd() } }
  mutating func parseBitAnd() throws -> Expr { try parseBinary(["&": .and]) { try $0.parseShift() } }
  mutating func parseShift() throws -> Expr {
    try parseBinary(["<<": .lshift, ">>": .rshift]) { try $0.parseArith() }
  }
  mutating func parseArith() throws -> Expr { try parseBinary(["+": .add, "-": .sub]) { try $0.parseTerm() } }
  mutating func parseTerm() throws -> Expr {
    try parseBinary(["*": .mul, "/": .truediv, "//": .floordiv, "%": .mod, "@": .matmul]) { try $0.parseFactor() }
  }

  mutating func parseFactor() throws -> Expr {
    if let o = tok.opText, o == "-" || o == "+" || o == "~" {
      let opTok = advance()
      try enter()
      defer { depth -= 1 }
      let operand = try parseFactor()
      let op: UnaryOp = o == "-" ? .neg : o == "+" ? .pos : .invert
      return Expr(.unary(op, operand), opTok.span.merged(with: operand.span))
    }
    return try parsePower()
  }

  mutating func parsePower() throws -> Expr {
    let base = try parsePrimary()
    if acceptOp("**") {
      try enter()
      defer { depth -= 1 }
      let exponent = try parseFactor()
      return Expr(.binary(.pow, base, exponent), base.span.merged(with: exponent.span))
    }
    return base
  }

  mutating func parsePrimary() throws -> Expr {
    var e = try parseAtom()
    while true {
      if tok.isOp("(") {
        _ = advance()
        let args = try parseCallArguments()
        let close = try expectOp(")", "'(' was never closed")
        e = Expr(.call(e, args), e.span.merged(with: close.span))
      } else if tok.isOp("[") {
        _ = advance()
        let index = try parseSubscriptList()
        let close = try expectOp("]", "'[' was never closed")
        e = Expr(.subscript(e, index), e.span.merged(with: close.span))
      } else if tok.isOp(".") {
        _ = advance()
        guard case .name(let n) = tok.kind, !pythonKeywords.contains(n) else { throw invalidSyntax() }
        let nameTok = advance()
        e = Expr(.attribute(e, n), e.span.merged(with: nameTok.span))
      } else {
        return e
      }
    }
  }

  mutating func parseCallArguments() throws -> [CallArgument] {
    var args: [CallArgument] = []
    var sawKeyword = false
    var lastStart = tok.span
    while !tok.isOp(")") {
      lastStart = tok.span
      if acceptOp("**") {
        args.append(.doubleStar(try parseTest()))
        sawKeyword = true
      } else if acceptOp("*") {
        args.append(.star(try parseTest()))
      } else if case .name(let n) = tok.kind, peekToken().isOp("=") {
        let nameTok = advance()
        if pythonKeywords.contains(n) {
          throw error("expression cannot contain assignment, perhaps you meant \"==\"?", nameTok.span)
        }
        _ = advance()
        if args.contains(where: { if case .keyword(n, _) = $0 { return true } else { return false } }) {
          throw error("keyword argument repeated: \(n)", nameTok.span)
        }
        args.append(.keyword(n, try parseTest()))
        sawKeyword = true
      } else {
        let value = try parseTest()
        if tok.isKeyword("for") {
          let clauses = try parseComprehensionClauses()
          args.append(.positional(Expr(.generator(value, clauses), value.span)))
        } else {
          if sawKeyword {
            throw error("positional argument follows keyword argument", value.span)
          }
          if tok.isOp("=") {
            throw error("expression cannot contain assignment, perhaps you meant \"==\"?", value.span)
          }
          args.append(.positional(value))
        }
      }
      if !acceptOp(",") { break }
    }
    if !tok.isOp(")") {
      if startsExpression(tok) {
        throw error("invalid syntax. Perhaps you forgot a comma?", lastStart.merged(with: tok.span))
      }
    }
    return args
  }

  mutating func parseSubscriptList() throws -> Expr {
    let first = try parseSubscriptItem()
    guard tok.isOp(",") else { return first }
    var items = [first]
    while acceptOp(",") {
      if tok.isOp("]") { break }
      items.append(try parseSubscriptItem())
    }
    return Expr(.tuple(items), first.span.merged(with: items[items.count - 1].span))
  }

  mutating func parseSubscriptItem() throws -> Expr {
    let start = tok.span
    var lower: Expr?
    if !tok.isOp(":") {
      let e = try parseTestOrStar(allowStar: true)
      if !tok.isOp(":") { return e }
      lower = e
    }
    let colon = advance()
    var upper: Expr?
    var step: Expr?
    var end = colon.span
    if !tok.isOp(":") && !tok.isOp(",") && !tok.isOp("]") {
      upper = try parseTest()
      end = upper!.span
    }
    if tok.isOp(":") {
      end = advance().span
      if !tok.isOp(",") && !tok.isOp("]") {
        step = try parseTest()
        end = step!.span
      }
    }
    return Expr(.slice(lower, upper, step), start.merged(with: end))
  }

  mutating func parseComprehensionClauses() throws -> [Comprehension] {
    var clauses: [Comprehension] = []
    while tok.isKeyword("for") {
      _ = advance()
      let target = try parseTargetList()
      try checkAssignable(target, augmented: false)
      guard acceptKeyword("in") else { throw fail("expected 'in'") }
      let iterable = try parseOrTest()
      var conditions: [Expr] = []
      while acceptKeyword("if") { conditions.append(try parseOrTestNoCond()) }
      clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
    }
    return clauses
  }

  mutating func parseOrTestNoCond() throws -> Expr { try parseOrTest() }
}
