/// Parses tokens into statements. Every node carries its source span.
///
/// Nesting is bounded (`maxDepth` and a stack guard), so hostile input gives
/// a `SyntaxError`/`RecursionError`, never a stack overflow.
struct Parser {
  var tokens: [Token]
  var i = 0
  var depth = 0
  let maxDepth = 300
  /// The longest chain of binary operators (`1 + 1 + ...`) accepted.
  let maxChain = 1000
  let stack = StackGuard()
  /// Set when the error happened at the end of input (more lines could fix it).
  var failedAtEOF = false
  /// Whether we are inside a function body / loop (for 'return'/'break' checks).
  var functionDepth = 0
  var loopDepth = 0

  init(tokens: [Token]) { self.tokens = tokens }

  /// Parses a whole program.
  static func parse(_ source: String) throws -> [Stmt] {
    var lexer = Lexer(source)
    try lexer.run()
    var parser = Parser(tokens: lexer.tokens)
    return try parser.parseModule()
  }

  var tok: Token { tokens[i] }
  func peekToken(_ k: Int = 1) -> Token { tokens[min(i + k, tokens.count - 1)] }
  mutating func advance() -> Token {
    let t = tokens[i]
    if i < tokens.count - 1 { i += 1 }
    return t
  }

  func error(_ message: String, _ span: SourceSpan? = nil, type: PyType = .syntaxError) -> PyException {
    var e = PyException(type, message)
    e.span = span ?? tok.span
    return e
  }

  mutating func fail(_ message: String, _ span: SourceSpan? = nil, type: PyType = .syntaxError) -> PyException {
    if span == nil && tok.isEOF { failedAtEOF = true }
    return error(message, span, type: type)
  }

  /// `invalid syntax` at the current token (with CPython's special cases).
  mutating func invalidSyntax() -> PyException {
    if case .eof = tok.kind { failedAtEOF = true }
    if case .indent = tok.kind { return error("unexpected indent", tok.span, type: .indentationError) }
    return error("invalid syntax", tok.span)
  }

  mutating func expectOp(_ op: String, _ message: String? = nil) throws -> Token {
    guard tok.isOp(op) else {
      if tok.isEOF { failedAtEOF = true }
      throw error(message ?? "expected '\(op)'", tok.span)
    }
    return advance()
  }

  mutating func acceptOp(_ op: String) -> Bool {
    if tok.isOp(op) {
      _ = advance()
      return true
    }
    return false
  }

  mutating func acceptKeyword(_ k: String) -> Bool {
    if tok.isKeyword(k) {
      _ = advance()
      return true
    }
    return false
  }

  mutating func enter() throws {
    depth += 1
    if depth > maxDepth || !stack.hasRoom {
      var e = PyException(.recursionError, "maximum recursion depth exceeded during compilation")
      e.span = tok.span
      throw e
    }
  }

  mutating func expectName(_ what: String = "name") throws -> (String, SourceSpan) {
    guard case .name(let n) = tok.kind, !pythonKeywords.contains(n) else {
      throw invalidSyntax()
    }
    return (n, advance().span)
  }

  mutating func parseModule() throws -> [Stmt] {
    var body: [Stmt] = []
    while true {
      while tok.isNewline { _ = advance() }
      if tok.isEOF { break }
      body.append(contentsOf: try parseStatement())
    }
    return body
  }

  /// One statement line (several for `a; b`) or one compound statement.
  mutating func parseStatement() throws -> [Stmt] {
    try enter()
    defer { depth -= 1 }
    if case .indent = tok.kind {
      throw error("unexpected indent", tok.span, type: .indentationError)
    }
    if case .dedent = tok.kind {
      throw error("unindent does not match any outer indentation level", tok.span, type: .indentationError)
    }
    if let k = tok.nameText {
      switch k {
      case "if": return [try parseIf()]
      case "while": return [try parseWhile()]
      case "for": return [try parseFor()]
      case "def": return [try parseDef()]
      case "with": return [try parseWith()]
      case "try": return [try parseTry()]
      case "class": return [try parseClass()]
      default: break
      }
    }
    if tok.isOp("@") { throw fail("decorators are not supported in mnist-shell") }
    return try parseSimpleStatements()
  }

  mutating func parseSimpleStatements() throws -> [Stmt] {
    var result = [try parseSimpleStatementCoveringTokens()]
    while acceptOp(";") {
      if tok.isNewline || tok.isEOF { break }
      result.append(try parseSimpleStatementCoveringTokens())
    }
    guard tok.isNewline || tok.isEOF else {
      throw missingCommaOrInvalid()
    }
    if tok.isNewline { _ = advance() }
    return result
  }

  /// A simple statement whose span runs to its last token (closing brackets included).
  mutating func parseSimpleStatementCoveringTokens() throws -> Stmt {
    var stmt = try parseSimpleStatement()
    if i > 0 { stmt.span = stmt.span.merged(with: tokens[i - 1].span) }
    return stmt
  }

  /// CPython 3.10's "Perhaps you forgot a comma?" when two expressions sit side by side.
  mutating func missingCommaOrInvalid() -> PyException {
    if tok.isOp("=") { return error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", tok.span) }
    if i > 0, startsExpression(tok), !tok.isKeyword("not"), !tok.isKeyword("lambda") {
      let previous = tokens[i - 1]
      switch previous.kind {
      case .name(let n) where !pythonKeywords.contains(n) || ["None", "True", "False"].contains(n):
        return error("invalid syntax. Perhaps you forgot a comma?", previous.span.merged(with: tok.span))
      case .int, .float, .string, .op(")"), .op("]"), .op("}"):
        return error("invalid syntax. Perhaps you forgot a comma?", previous.span.merged(with: tok.span))
      default: break
      }
    }
    return invalidSyntax()
  }

  /// A block after `:` — an indented suite or simple statements on the same line.
  mutating func parseBlock(after keyword: String, line: Int) throws -> [Stmt] {
    if !tok.isNewline {
      if tok.isEOF { failedAtEOF = true; throw error("invalid syntax", tok.span) }
      return try parseSimpleStatements()
    }
    _ = advance()
    guard case .indent = tok.kind else {
      if tok.isEOF { failedAtEOF = true }
      throw error("expected an indented block after \(keyword) on line \(line)", tok.span, type: .indentationError)
    }
    _ = advance()
    var body: [Stmt] = []
    while true {
      if case .dedent = tok.kind {
        _ = advance()
        break
      }
      if tok.isEOF { break }
      if tok.isNewline {
        _ = advance()
        continue
      }
      body.append(contentsOf: try parseStatement())
    }
    return body
  }

  mutating func expectColon() throws {
    _ = try expectOp(":", "expected ':'")
  }

  func spanOf(_ start: SourceSpan, _ body: [Stmt]) -> SourceSpan {
    guard let last = body.last else { return start }
    return start.merged(with: last.span)
  }

  mutating func parseIf() throws -> Stmt {
    let kw = advance()
    let test = try parseNamedTest()
    try expectColon()
    let body = try parseBlock(after: "'\(kw.nameText ?? "if")' statement", line: kw.span.line)
    var orelse: [Stmt] = []
    if tok.isKeyword("elif") {
      orelse = [try parseIf()]
    } else if tok.isKeyword("else") {
      let elseTok = advance()
      try expectColon()
      orelse = try parseBlock(after: "'else' statement", line: elseTok.span.line)
    }
    return Stmt(.if(test, body, orelse), spanOf(kw.span.merged(with: test.span), orelse.isEmpty ? body : orelse))
  }

  mutating func parseWhile() throws -> Stmt {
    let kw = advance()
    let test = try parseNamedTest()
    try expectColon()
    loopDepth += 1
    let body = try parseBlock(after: "'while' statement", line: kw.span.line)
    loopDepth -= 1
    var orelse: [Stmt] = []
    if tok.isKeyword("else") {
      let e = advance()
      try expectColon()
      orelse = try parseBlock(after: "'else' statement", line: e.span.line)
    }
    return Stmt(.while(test, body, orelse), spanOf(kw.span.merged(with: test.span), orelse.isEmpty ? body : orelse))
  }

  mutating func parseFor() throws -> Stmt {
    let kw = advance()
    let target = try parseTargetList()
    try checkAssignable(target, augmented: false)
    guard acceptKeyword("in") else { throw fail("expected 'in'") }
    let iter = try parseTestList()
    try expectColon()
    loopDepth += 1
    let body = try parseBlock(after: "'for' statement", line: kw.span.line)
    loopDepth -= 1
    var orelse: [Stmt] = []
    if tok.isKeyword("else") {
      let e = advance()
      try expectColon()
      orelse = try parseBlock(after: "'else' statement", line: e.span.line)
    }
    return Stmt(.for(target, iter, body, orelse), spanOf(kw.span.merged(with: iter.span), orelse.isEmpty ? body : orelse))
  }

  /// `a, b` as a for-loop target (stops before `in`).
  mutating func parseTargetList() throws -> Expr {
    var items: [Expr] = []
    var trailingComma = false
    repeat {
      if tok.isKeyword("in") { break }
      if tok.isOp("*") {
        let star = advance()
        let inner = try parseBitOr()
        items.append(Expr(.starred(inner), star.span.merged(with: inner.span)))
      } else {
        items.append(try parseBitOr())
      }
      trailingComma = tok.isOp(",")
    } while acceptOp(",")
    guard let first = items.first else { throw invalidSyntax() }
    if items.count == 1 && !trailingComma { return first }
    return Expr(.tuple(items), first.span.merged(with: items[items.count - 1].span))
  }

  mutating func parseWith() throws -> Stmt {
    let kw = advance()
    var items: [(Expr, Expr?)] = []
    repeat {
      let ctx = try parseTest()
      var target: Expr?
      if acceptKeyword("as") {
        let t = try parseBitOr()
        try checkAssignable(t, augmented: false)
        target = t
      }
      items.append((ctx, target))
    } while acceptOp(",")
    try expectColon()
    let body = try parseBlock(after: "'with' statement", line: kw.span.line)
    return Stmt(.with(items, body), spanOf(kw.span, body))
  }

  mutating func parseTry() throws -> Stmt {
    let kw = advance()
    try expectColon()
    let body = try parseBlock(after: "'try' statement", line: kw.span.line)
    var handlers: [ExceptHandler] = []
    while tok.isKeyword("except") {
      let ex = advance()
      var type: Expr?
      var name: String?
      if !tok.isOp(":") {
        type = try parseTest()
        if tok.isOp(",") {
          var items = [type!]
          while acceptOp(",") { items.append(try parseTest()) }
          type = Expr(.tuple(items), items[0].span.merged(with: items[items.count - 1].span))
        }
        if acceptKeyword("as") { name = try expectName().0 }
      }
      try expectColon()
      let hbody = try parseBlock(after: "'except' statement", line: ex.span.line)
      handlers.append(ExceptHandler(type: type, name: name, body: hbody, span: ex.span))
    }
    var orelse: [Stmt] = []
    var final: [Stmt] = []
    if !handlers.isEmpty, tok.isKeyword("else") {
      let e = advance()
      try expectColon()
      orelse = try parseBlock(after: "'else' statement", line: e.span.line)
    }
    if tok.isKeyword("finally") {
      let f = advance()
      try expectColon()
      final = try parseBlock(after: "'finally' statement", line: f.span.line)
    }
    if handlers.isEmpty && final.isEmpty {
      throw fail("expected 'except' or 'finally' block")
    }
    let last = !final.isEmpty ? final : !orelse.isEmpty ? orelse : handlers.last?.body ?? body
    return Stmt(.try(body, handlers, orelse, final), spanOf(kw.span, last))
  }

  mutating func parseClass() throws -> Stmt {
    let kw = advance()
    let (name, _) = try expectName()
    if acceptOp("(") {
      while !tok.isOp(")") && !tok.isEOF { _ = advance() }
      _ = try expectOp(")")
    }
    try expectColon()
    let body = try parseBlock(after: "class definition", line: kw.span.line)
    return Stmt(.classDef(name), spanOf(kw.span, body))
  }

  mutating func parseDef() throws -> Stmt {
    let kw = advance()
    let (name, nameSpan) = try expectName()
    _ = try expectOp("(", "expected '('")
    let params = try parseParameters(closing: ")")
    _ = try expectOp(")")
    if acceptOp("->") { _ = try parseTest() }
    try expectColon()
    let savedLoop = loopDepth
    loopDepth = 0
    functionDepth += 1
    let body = try parseBlock(after: "function definition", line: kw.span.line)
    functionDepth -= 1
    loopDepth = savedLoop
    let header = kw.span.merged(with: nameSpan)
    let def = FunctionDef(name: name, params: params, body: body, span: header)
    return Stmt(.functionDef(def), spanOf(header, body))
  }

  /// Parameters up to (not including) `closing` (`)` for def, `:` for lambda).
  mutating func parseParameters(closing: String) throws -> [FunctionDef.Param] {
    var params: [FunctionDef.Param] = []
    var keywordOnly = false
    var sawDefault = false
    while !tok.isOp(closing) {
      if acceptOp("**") {
        let (n, _) = try expectName()
        params.append(.init(name: n, defaultValue: nil, kind: .varKeyword))
      } else if acceptOp("*") {
        if tok.isOp(",") {
          keywordOnly = true
        } else {
          let (n, _) = try expectName()
          params.append(.init(name: n, defaultValue: nil, kind: .varPositional))
          keywordOnly = true
        }
      } else if acceptOp("/") {
        // Positional-only marker: accepted, treated as positional-or-keyword.
      } else {
        let (n, span) = try expectName()
        if params.contains(where: { $0.name == n }) {
          throw error("duplicate argument '\(n)' in function definition", span)
        }
        if closing == ")" && acceptOp(":") { _ = try parseTest() }
        var def: Expr?
        if acceptOp("=") {
          def = try parseTest()
          sawDefault = true
        } else if sawDefault && !keywordOnly {
          throw error("non-default argument follows default argument", span)
        }
        params.append(.init(name: n, defaultValue: def, kind: keywordOnly ? .keywordOnly : .positionalOrKeyword))
      }
      if !acceptOp(",") { break }
    }
    return params
  }
}
