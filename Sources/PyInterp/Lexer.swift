/// Turns source text into tokens, with INDENT/DEDENT and implicit line joining.
///
/// Errors are `SyntaxError`/`IndentationError` `PyException`s with spans.
struct Lexer {
  let text: [Unicode.Scalar]
  var pos = 0
  var line = 1
  var lineStart = 0
  var tokens: [Token] = []
  var indents: [Int] = [0]
  var brackets: [(Character, SourceSpan)] = []
  /// Set when the text ends inside a construct that more lines could complete.
  var endedIncomplete = false
  let maxBracketDepth = 200

  init(_ source: String, line: Int = 1, column: Int = 0) {
    text = Array(source.unicodeScalars)
    self.line = line
    lineStart = -column
  }

  var column: Int { pos - lineStart }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let i = pos + offset
    return i < text.count ? text[i] : nil
  }

  func span(from startLine: Int, _ startCol: Int) -> SourceSpan {
    SourceSpan(line: startLine, column: startCol, endLine: line, endColumn: column)
  }

  func error(_ message: String, _ span: SourceSpan, type: PyType = .syntaxError) -> PyException {
    var e = PyException(type, message)
    e.span = span
    return e
  }

  mutating func newline() {
    pos += 1
    line += 1
    lineStart = pos
  }

  /// Tokenizes the whole text (`continuation` = tokens for a full program).
  static func tokenize(_ source: String) throws -> [Token] {
    var lexer = Lexer(source)
    try lexer.run()
    return lexer.tokens
  }

  mutating func run() throws {
    var atLineStart = true
    while true {
      if atLineStart && brackets.isEmpty {
        atLineStart = false
        if try handleIndentation() { continue }
      }
      guard let c = peek() else { break }
      let startLine = line
      let startCol = column
      switch c {
      case " ", "\t", "\u{0C}":
        pos += 1
      case "#":
        while let d = peek(), d != "\n" { pos += 1 }
      case "\r":
        pos += 1
      case "\n":
        if brackets.isEmpty, let last = tokens.last, !last.isNewline, !isIndentToken(last) {
          tokens.append(Token(kind: .newline, span: SourceSpan(line: line, column: column, endLine: line, endColumn: column + 1)))
        }
        newline()
        atLineStart = true
      case "\\":
        var j = pos + 1
        while j < text.count, text[j] == " " || text[j] == "\t" || text[j] == "\r" { j += 1 }
        if j >= text.count {
          endedIncomplete = true
          throw error("unexpected EOF while parsing", span(from: startLine, startCol))
        }
        guard text[j] == "\n" else {
          throw error("unexpected character after line continuation character", span(from: startLine, startCol))
        }
        pos = j
        newline()
      default:
        if isIdentStart(c) {
          if try lexStringWithPrefix() { break }
          var name = ""
          while let d = peek(), isIdentContinue(d) {
            name.unicodeScalars.append(d)
            pos += 1
          }
          tokens.append(Token(kind: .name(name), span: span(from: startLine, startCol)))
        } else if c.properties.numericType != nil && c.isASCII || (c == "." && (peek(1).map(isDigit) ?? false)) {
          try lexNumber()
        } else if c == "'" || c == "\"" {
          try lexString(prefix: "")
        } else {
          try lexOperator()
        }
      }
    }
    if let (open, openSpan) = brackets.last {
      endedIncomplete = true
      throw error("'\(open)' was never closed", openSpan)
    }
    if let last = tokens.last, !last.isNewline, !isIndentToken(last) {
      tokens.append(Token(kind: .newline, span: SourceSpan(line: line, column: column, endLine: line, endColumn: column)))
    }
    while indents.count > 1 {
      indents.removeLast()
      tokens.append(Token(kind: .dedent, span: SourceSpan(line: line, column: column, endLine: line, endColumn: column)))
    }
    tokens.append(Token(kind: .eof, span: SourceSpan(line: line, column: column, endLine: line, endColumn: column)))
  }

  func isIndentToken(_ t: Token) -> Bool {
    if case .indent = t.kind { return true }
    if case .dedent = t.kind { return true }
    return false
  }

  /// Measures the indentation of a new line; returns true when the line is blank/comment.
  mutating func handleIndentation() throws -> Bool {
    var width = 0
    var j = pos
    while j < text.count {
      if text[j] == " " { width += 1 } else if text[j] == "\t" { width = (width / 8 + 1) * 8 } else if text[j] == "\u{0C}" { width = 0 } else { break }
      j += 1
    }
    if j >= text.count || text[j] == "\n" || text[j] == "#" || text[j] == "\r" {
      pos = j
      return true
    }
    pos = j
    let here = SourceSpan(line: line, column: column, endLine: line, endColumn: column + 1)
    if width > indents[indents.count - 1] {
      if indents.count > 100 {
        throw error("too many levels of indentation", here, type: .indentationError)
      }
      indents.append(width)
      tokens.append(Token(kind: .indent, span: here))
    } else {
      while width < indents[indents.count - 1] {
        indents.removeLast()
        tokens.append(Token(kind: .dedent, span: here))
      }
      if width != indents[indents.count - 1] {
        throw error("unindent does not match any outer indentation level", here, type: .indentationError)
      }
    }
    return false
  }

  func isIdentStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || (c.isASCII ? (c.properties.isAlphabetic) : c.properties.isXIDStart)
  }
  func isIdentContinue(_ c: Unicode.Scalar) -> Bool {
    c == "_" || (c.isASCII ? (c.properties.isAlphabetic || isDigit(c)) : c.properties.isXIDContinue)
  }
  func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  mutating func lexNumber() throws {
    let startLine = line
    let startCol = column
    var raw = ""
    func take(_ lexer: inout Lexer, _ accept: (Unicode.Scalar) -> Bool) -> String {
      var s = ""
      while let d = lexer.peek(), accept(d) || (d == "_" && (lexer.peek(1).map(accept) ?? false)) {
        if d != "_" { s.unicodeScalars.append(d) }
        lexer.pos += 1
      }
      return s
    }
    if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
      pos += 2
      let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
      let digits = take(&self) { $0.isASCII && Int(String($0), radix: radix) != nil }
      guard let value = Int(digits, radix: radix) else {
        throw error(digits.isEmpty ? "invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal" : "integer literal too large for mnist-shell (64-bit integers)", span(from: startLine, startCol))
      }
      tokens.append(Token(kind: .int(value), span: span(from: startLine, startCol)))
      try checkAfterNumber(startLine, startCol)
      return
    }
    raw += take(&self, isDigit)
    var isFloat = false
    if peek() == "." {
      isFloat = true
      pos += 1
      raw += "." + take(&self, isDigit)
    }
    if let e = peek(), e == "e" || e == "E" {
      var k = 1
      if let s = peek(1), s == "+" || s == "-" { k = 2 }
      if let d = peek(k), isDigit(d) {
        isFloat = true
        pos += k
        raw += "e" + (k == 2 ? String(Character(text[pos - 1])) : "") + take(&self, isDigit)
      }
    }
    if let j = peek(), j == "j" || j == "J" {
      throw error("complex numbers are not supported in mnist-shell", span(from: startLine, startCol))
    }
    if isFloat {
      let value = Double(raw.hasPrefix(".") ? "0" + raw : raw) ?? 0
      tokens.append(Token(kind: .float(value), span: span(from: startLine, startCol)))
    } else {
      if raw.count > 1 && raw.hasPrefix("0") && raw.contains(where: { $0 != "0" }) {
        throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", span(from: startLine, startCol))
      }
      guard let value = Int(raw) else {
        throw error("integer literal too large for mnist-shell (64-bit integers)", span(from: startLine, startCol))
      }
      tokens.append(Token(kind: .int(value), span: span(from: startLine, startCol)))
    }
    try checkAfterNumber(startLine, startCol)
  }

  func checkAfterNumber(_ startLine: Int, _ startCol: Int) throws {
    if let c = peek(), isIdentStart(c) || isDigit(c) {
      throw error("invalid decimal literal", span(from: startLine, startCol))
    }
  }

  static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
  static let operators2: Set<String> = [
    "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "@=", "&=",
    "|=", "^=", "->", ":=",
  ]
  static let operators1: Set<String> = [
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
    ",", ":", ".", ";", "=",
  ]

  mutating func lexOperator() throws {
    let startLine = line
    let startCol = column
    func text(_ n: Int) -> String {
      var s = ""
      for k in 0..<n { if let c = peek(k) { s.unicodeScalars.append(c) } }
      return s
    }
    var op = ""
    if Lexer.operators3.contains(text(3)) { op = text(3) } else if Lexer.operators2.contains(text(2)) { op = text(2) } else if Lexer.operators1.contains(text(1)) { op = text(1) }
    guard !op.isEmpty, let first = peek() else {
      let c = peek() ?? " "
      pos += 1
      let code = String(c.value, radix: 16, uppercase: true)
      let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
      let shown = c.properties.isWhitespace || c.value < 0x20 ? "" : "'\(Character(c))' "
      throw error("invalid character \(shown)(U+\(padded))", span(from: startLine, startCol))
    }
    pos += op.unicodeScalars.count
    let here = span(from: startLine, startCol)
    switch op {
    case "(", "[", "{":
      if brackets.count >= maxBracketDepth {
        throw error("too many nested parentheses", here)
      }
      brackets.append((Character(first), here))
    case ")", "]", "}":
      guard let (open, _) = brackets.last else { throw error("unmatched '\(op)'", here) }
      let expected: Character = open == "(" ? ")" : open == "[" ? "]" : "}"
      if Character(op) != expected {
        throw error("closing parenthesis '\(op)' does not match opening parenthesis '\(open)'", here)
      }
      brackets.removeLast()
    default: break
    }
    tokens.append(Token(kind: .op(op), span: here))
  }
}
