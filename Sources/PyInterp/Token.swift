/// A lexical token.
struct Token {
  enum Kind {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    /// An f-string's raw body, with the position where the body starts.
    case fstring(String, line: Int, column: Int, raw: Bool)
    case op(String)
    case newline
    case indent
    case dedent
    case eof
  }
  var kind: Kind
  var span: SourceSpan

  var opText: String? {
    if case .op(let s) = kind { return s }
    return nil
  }
  var nameText: String? {
    if case .name(let s) = kind { return s }
    return nil
  }
  func isOp(_ s: String) -> Bool { opText == s }
  func isKeyword(_ s: String) -> Bool { nameText == s }
  var isNewline: Bool {
    if case .newline = kind { return true }
    return false
  }
  var isEOF: Bool {
    if case .eof = kind { return true }
    return false
  }

  /// How the parser names the token in messages.
  var display: String {
    switch kind {
    case .name(let n): return n
    case .int(let i): return String(i)
    case .float(let d): return PyRepr.float(d)
    case .string(let s): return PyRepr.string(s)
    case .fstring: return "f-string"
    case .op(let o): return o
    case .newline: return "newline"
    case .indent: return "indent"
    case .dedent: return "dedent"
    case .eof: return "end of input"
    }
  }
}

/// Python's reserved words (cannot be names).
let pythonKeywords: Set<String> = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
  "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
  "with", "yield",
]
