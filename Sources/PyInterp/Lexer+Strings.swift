extension Lexer {
  /// Lexes `r'..'`, `f"..."`, `b'..'` and friends; returns false when the name is not a prefix.
  mutating func lexStringWithPrefix() throws -> Bool {
    var k = 0
    var prefix = ""
    while k < 2, let c = peek(k), "rRbBfFuU".unicodeScalars.contains(c) {
      prefix.unicodeScalars.append(c)
      k += 1
    }
    guard k > 0, let q = peek(k), q == "'" || q == "\"" else { return false }
    let lower = prefix.lowercased()
    guard ["r", "b", "f", "u", "rb", "br", "fr", "rf"].contains(lower) else { return false }
    pos += k
    try lexString(prefix: lower)
    return true
  }

  /// Lexes a string literal at `pos` (after any prefix).
  mutating func lexString(prefix: String) throws {
    let startLine = line
    let startCol = column - prefix.unicodeScalars.count
    guard let quote = peek() else { return }
    let triple = peek(1) == quote && peek(2) == quote
    pos += triple ? 3 : 1
    let raw = prefix.contains("r")
    let isF = prefix.contains("f")
    let bodyLine = line
    let bodyCol = column
    var body = ""
    while true {
      guard let c = peek() else {
        if triple { endedIncomplete = true }
        let kind = triple ? "triple-quoted string literal" : "string literal"
        throw error("unterminated \(kind) (detected at line \(line))",
                    SourceSpan(line: startLine, column: startCol, endLine: startLine, endColumn: startCol + 1))
      }
      if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
        pos += triple ? 3 : 1
        break
      }
      if c == "\n" {
        if !triple {
          throw error("unterminated string literal (detected at line \(line))",
                      SourceSpan(line: startLine, column: startCol, endLine: startLine, endColumn: startCol + 1))
        }
        body += "\n"
        newline()
        continue
      }
      if c == "\\" {
        guard let next = peek(1) else {
          pos += 1
          continue
        }
        if raw || isF {
          // Raw strings keep backslashes; f-string bodies are decoded later, part by part.
          body.unicodeScalars.append(c)
          pos += 1
          if next == "\n" {
            body += "\n"
            newline()
          } else {
            body.unicodeScalars.append(next)
            pos += 1
          }
          continue
        }
        pos += 2
        switch next {
        case "n": body += "\n"
        case "t": body += "\t"
        case "r": body += "\r"
        case "\\": body += "\\"
        case "'": body += "'"
        case "\"": body += "\""
        case "0": body += "\0"
        case "a": body += "\u{07}"
        case "b": body += "\u{08}"
        case "f": body += "\u{0C}"
        case "v": body += "\u{0B}"
        case "\n":
          line += 1
          lineStart = pos
        case "x", "u", "U":
          let count = next == "x" ? 2 : next == "u" ? 4 : 8
          var hex = ""
          for _ in 0..<count {
            guard let h = peek(), h.properties.isASCIIHexDigit else { break }
            hex.unicodeScalars.append(h)
            pos += 1
          }
          guard hex.count == count, let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
            throw error("(unicode error) truncated \\\(next) escape", span(from: startLine, startCol))
          }
          body.unicodeScalars.append(s)
        default:
          body += "\\"
          body.unicodeScalars.append(next)
        }
        continue
      }
      body.unicodeScalars.append(c)
      pos += 1
    }
    let here = span(from: startLine, startCol)
    if isF {
      tokens.append(Token(kind: .fstring(body, line: bodyLine, column: bodyCol, raw: raw), span: here))
    } else {
      tokens.append(Token(kind: .string(body), span: here))
    }
  }
}

/// Decodes backslash escapes in an f-string's literal text.
func decodeEscapes(_ s: String) -> String {
  guard s.contains("\\") else { return s }
  var out = ""
  var it = Array(s.unicodeScalars)[...]
  while let c = it.popFirst() {
    guard c == "\\", let n = it.popFirst() else {
      out.unicodeScalars.append(c)
      continue
    }
    switch n {
    case "n": out += "\n"
    case "t": out += "\t"
    case "r": out += "\r"
    case "\\": out += "\\"
    case "'": out += "'"
    case "\"": out += "\""
    case "0": out += "\0"
    case "\n": break
    default:
      out += "\\"
      out.unicodeScalars.append(n)
    }
  }
  return out
}
