extension Parser {
  mutating func parseAtom() throws -> Expr {
    let t = tok
    switch t.kind {
    case .name(let n):
      switch n {
      case "None": _ = advance(); return Expr(.constant(.none), t.span)
      case "True": _ = advance(); return Expr(.constant(.bool(true)), t.span)
      case "False": _ = advance(); return Expr(.constant(.bool(false)), t.span)
      default:
        if pythonKeywords.contains(n) { throw invalidSyntax() }
        _ = advance()
        return Expr(.name(n), t.span)
      }
    case .int(let v):
      _ = advance()
      return Expr(.constant(.int(v)), t.span)
    case .float(let v):
      _ = advance()
      return Expr(.constant(.float(v)), t.span)
    case .string, .fstring:
      return try parseStrings()
    case .op("..."):
      _ = advance()
      return Expr(.constant(.ellipsis), t.span)
    case .op("("):
      return try parseParenthesized()
    case .op("["):
      return try parseListDisplay()
    case .op("{"):
      return try parseBraceDisplay()
    default:
      throw invalidSyntax()
    }
  }

  mutating func parseParenthesized() throws -> Expr {
    let open = advance()
    if tok.isOp(")") {
      let close = advance()
      return Expr(.tuple([]), open.span.merged(with: close.span))
    }
    let first = try parseTestOrStar(allowStar: true)
    if tok.isKeyword("for") {
      let clauses = try parseComprehensionClauses()
      let close = try expectOp(")", "'(' was never closed")
      return Expr(.generator(first, clauses), open.span.merged(with: close.span))
    }
    if tok.isOp(")") {
      _ = advance()
      if case .starred = first.kind { throw error("cannot use starred expression here", first.span) }
      return first
    }
    guard tok.isOp(",") else {
      if startsExpression(tok) { throw error("invalid syntax. Perhaps you forgot a comma?", first.span.merged(with: tok.span)) }
      throw invalidSyntax()
    }
    var items = [first]
    while acceptOp(",") {
      if tok.isOp(")") { break }
      items.append(try parseTestOrStar(allowStar: true))
    }
    let close = try expectOp(")", "'(' was never closed")
    return Expr(.tuple(items), open.span.merged(with: close.span))
  }

  mutating func parseListDisplay() throws -> Expr {
    let open = advance()
    var items: [Expr] = []
    if !tok.isOp("]") {
      let first = try parseTestOrStar(allowStar: true)
      if tok.isKeyword("for") {
        let clauses = try parseComprehensionClauses()
        let close = try expectOp("]", "'[' was never closed")
        return Expr(.listComp(first, clauses), open.span.merged(with: close.span))
      }
      items.append(first)
      while acceptOp(",") {
        if tok.isOp("]") { break }
        items.append(try parseTestOrStar(allowStar: true))
      }
    }
    guard tok.isOp("]") else {
      if startsExpression(tok) { throw error("invalid syntax. Perhaps you forgot a comma?", tok.span) }
      throw invalidSyntax()
    }
    let close = advance()
    return Expr(.list(items), open.span.merged(with: close.span))
  }

  mutating func parseBraceDisplay() throws -> Expr {
    let open = advance()
    if tok.isOp("}") {
      let close = advance()
      return Expr(.dict([]), open.span.merged(with: close.span))
    }
    if acceptOp("**") {
      return try parseDictRest(open: open, first: (nil, try parseBitOr()))
    }
    let first = try parseTestOrStar(allowStar: true)
    if acceptOp(":") {
      let value = try parseTest()
      if tok.isKeyword("for") {
        let clauses = try parseComprehensionClauses()
        let close = try expectOp("}", "'{' was never closed")
        return Expr(.dictComp(first, value, clauses), open.span.merged(with: close.span))
      }
      return try parseDictRest(open: open, first: (first, value))
    }
    if tok.isKeyword("for") {
      let clauses = try parseComprehensionClauses()
      let close = try expectOp("}", "'{' was never closed")
      return Expr(.setComp(first, clauses), open.span.merged(with: close.span))
    }
    var items = [first]
    while acceptOp(",") {
      if tok.isOp("}") { break }
      items.append(try parseTestOrStar(allowStar: true))
    }
    let close = try expectOp("}", "'{' was never closed")
    return Expr(.set(items), open.span.merged(with: close.span))
  }

  mutating func parseDictRest(open: Token, first: (Expr?, Expr)) throws -> Expr {
    var pairs = [first]
    while acceptOp(",") {
      if tok.isOp("}") { break }
      if acceptOp("**") {
        pairs.append((nil, try parseBitOr()))
        continue
      }
      let key = try parseTest()
      guard acceptOp(":") else { throw fail("':' expected after dictionary key") }
      pairs.append((key, try parseTest()))
    }
    guard tok.isOp("}") else {
      if startsExpression(tok) { throw error("invalid syntax. Perhaps you forgot a comma?", tok.span) }
      throw invalidSyntax()
    }
    let close = advance()
    return Expr(.dict(pairs), open.span.merged(with: close.span))
  }

  /// Adjacent string literals, concatenated; any f-string makes the whole an f-string.
  mutating func parseStrings() throws -> Expr {
    var parts: [FStringPart] = []
    var span = tok.span
    var isF = false
    while true {
      switch tok.kind {
      case .string(let s):
        parts.append(.literal(s))
      case .fstring(let body, let line, let column, let raw):
        isF = true
        parts.append(contentsOf: try parseFStringBody(body, line: line, column: column, raw: raw))
      default:
        if isF { return Expr(.fstring(parts), span) }
        let text = parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()
        return Expr(.constant(.str(text)), span)
      }
      span = span.merged(with: advance().span)
    }
  }

  /// Splits an f-string body into literal text and `{expr!r:spec}` fields.
  mutating func parseFStringBody(_ body: String, line: Int, column: Int, raw: Bool) throws -> [FStringPart] {
    let chars = Array(body.unicodeScalars)
    var parts: [FStringPart] = []
    var literal = ""
    var k = 0
    var curLine = line
    var curCol = column
    func flush() {
      if !literal.isEmpty { parts.append(.literal(raw ? literal : decodeEscapes(literal))) }
      literal = ""
    }
    func here(_ n: Int = 1) -> SourceSpan {
      SourceSpan(line: curLine, column: curCol, endLine: curLine, endColumn: curCol + n)
    }
    func step() {
      if chars[k] == "\n" {
        curLine += 1
        curCol = 0
      } else {
        curCol += 1
      }
      k += 1
    }
    while k < chars.count {
      let c = chars[k]
      if c == "{" && k + 1 < chars.count && chars[k + 1] == "{" {
        literal += "{"
        step(); step()
        continue
      }
      if c == "}" {
        if k + 1 < chars.count && chars[k + 1] == "}" {
          literal += "}"
          step(); step()
          continue
        }
        throw error("f-string: single '}' is not allowed", here())
      }
      if c != "{" {
        literal.unicodeScalars.append(c)
        step()
        continue
      }
      flush()
      let fieldStart = here()
      step()
      let exprLine = curLine
      let exprCol = curCol
      var exprText = ""
      var nesting = 0
      var quote: Unicode.Scalar?
      while k < chars.count {
        let d = chars[k]
        if let q = quote {
          if d == q { quote = nil }
        } else if d == "'" || d == "\"" {
          quote = d
        } else if d == "(" || d == "[" || d == "{" {
          nesting += 1
        } else if d == ")" || d == "]" || d == "}" {
          if nesting == 0 { break }
          nesting -= 1
        } else if nesting == 0 && (d == ":" || (d == "!" && k + 1 < chars.count && chars[k + 1] != "=")) {
          break
        }
        exprText.unicodeScalars.append(d)
        step()
      }
      var selfDocumenting = false
      if exprText.hasSuffix("=") && !exprText.hasSuffix("==") && !exprText.hasSuffix("!=")
        && !exprText.hasSuffix("<=") && !exprText.hasSuffix(">=")
      {
        selfDocumenting = true
        exprText.removeLast()
      }
      if exprText.trimmingCharacters(in: " ").isEmpty {
        throw error("f-string: valid expression required before '}'", fieldStart)
      }
      var conversion: Character?
      if k < chars.count && chars[k] == "!" {
        step()
        guard k < chars.count, "rsa".unicodeScalars.contains(chars[k]) else {
          throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", here())
        }
        conversion = Character(chars[k])
        step()
      }
      var specText = ""
      let specLine = curLine
      var specCol = curCol
      if k < chars.count && chars[k] == ":" {
        step()
        specCol = curCol
        var inner = 0
        while k < chars.count && !(chars[k] == "}" && inner == 0) {
          if chars[k] == "{" { inner += 1 }
          if chars[k] == "}" { inner -= 1 }
          specText.unicodeScalars.append(chars[k])
          step()
        }
      }
      guard k < chars.count && chars[k] == "}" else {
        throw error("f-string: expecting '}'", fieldStart)
      }
      step()
      var sub = Lexer(exprText, line: exprLine, column: exprCol)
      try sub.run()
      var parser = Parser(tokens: sub.tokens)
      parser.depth = depth
      let expr = try parser.parseTestList()
      while parser.tok.isNewline { _ = parser.advance() }
      guard parser.tok.isEOF else { throw parser.error("f-string: invalid syntax", parser.tok.span) }
      let spec = specText.isEmpty ? [] : try parseFStringBody(specText, line: specLine, column: specCol, raw: raw)
      if selfDocumenting {
        parts.append(.literal(exprText + "="))
        parts.append(.field(expr, conversion: conversion ?? (spec.isEmpty ? "r" : nil), spec: spec))
      } else {
        parts.append(.field(expr, conversion: conversion, spec: spec))
      }
    }
    flush()
    return parts
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
