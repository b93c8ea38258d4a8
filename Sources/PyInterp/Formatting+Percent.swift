extension Interpreter {
  /// `format % args`, printf-style (`%d %i %s %r %f %e %g %x %o %c %%`, flags, width, precision, `%(name)s`).
  func percentFormat(_ template: String, _ args: PyValue) throws -> String {
    var values: [PyValue]
    var mapping: PyDict?
    switch args {
    case .tuple(let t): values = t
    case .dict(let d):
      mapping = d
      values = [args]
    default: values = [args]
    }
    var next = 0
    var out = ""
    let chars = Array(template)
    var i = 0
    func takeArg() throws -> PyValue {
      guard next < values.count else { throw PyException.typeError("not enough arguments for format string") }
      defer { next += 1 }
      return values[next]
    }
    while i < chars.count {
      let c = chars[i]
      guard c == "%" else {
        out.append(c)
        i += 1
        continue
      }
      i += 1
      guard i < chars.count else { throw PyException.valueError("incomplete format") }
      var key: String?
      if chars[i] == "(" {
        guard let close = chars[i...].firstIndex(of: ")") else { throw PyException.valueError("incomplete format key") }
        key = String(chars[(i + 1)..<close])
        i = close + 1
      }
      var flags = ""
      while i < chars.count, "-+ #0".contains(chars[i]) {
        flags.append(chars[i])
        i += 1
      }
      var width = ""
      if i < chars.count, chars[i] == "*" {
        width = String(try takeArg().asInt())
        i += 1
      }
      while i < chars.count, chars[i].isASCII, chars[i].isNumber {
        width.append(chars[i])
        i += 1
      }
      var precision: String?
      if i < chars.count, chars[i] == "." {
        i += 1
        var p = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber {
          p.append(chars[i])
          i += 1
        }
        precision = p.isEmpty ? "0" : p
      }
      while i < chars.count, "hlL".contains(chars[i]) { i += 1 }
      guard i < chars.count else { throw PyException.valueError("incomplete format") }
      let type = chars[i]
      i += 1
      if type == "%" {
        out.append("%")
        continue
      }
      let value: PyValue
      if let key {
        guard let mapping else { throw PyException.typeError("format requires a mapping") }
        guard let v = try mapping.get(.str(key)) else { throw PyException(.keyError, PyRepr.string(key)) }
        value = v
      } else {
        value = try takeArg()
      }
      let minus = flags.contains("-")
      var spec = minus ? "<" : ""
      if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
      if flags.contains("#") { spec += "#" }
      if flags.contains("0") && !minus { spec += "0" }
      if let w = Int(width), w > 0 { spec += String(min(w, 1_000_000)) }
      switch type {
      case "s", "r", "a":
        var text = type == "s" ? strOf(value) : try reprOf(value)
        if let precision, let p = Int(precision) { text = String(text.prefix(p)) }
        let w = Int(width) ?? 0
        if text.count < w {
          let pad = String(repeating: " ", count: w - text.count)
          text = flags.contains("-") ? text + pad : pad + text
        }
        out += text
      case "d", "i", "u":
        let number = plainNumber(value)
        let n: Int
        switch number {
        case .int(let x): n = x
        case .bool(let b): n = b ? 1 : 0
        case .float(let d):
          guard d.isFinite, abs(d) < 9.2e18 else { throw PyException(.overflowError, "cannot convert float \(PyRepr.float(d)) to integer") }
          n = Int(d.rounded(.towardZero))
        default:
          throw PyException.typeError("%\(type) format: a real number is required, not \(value.typeName)")
        }
        out += try format(.int(n), spec: spec + "d")
      case "f", "F", "e", "E", "g", "G":
        let number = plainNumber(value)
        guard let d = number.numericValue else {
          throw PyException.typeError("must be real number, not \(value.typeName)")
        }
        out += try format(.float(d), spec: spec + "." + (precision ?? "6") + String(type))
      case "x", "X", "o":
        guard case .int(let n) = plainNumber(value) else {
          throw PyException.typeError("%\(type) format: an integer is required, not \(value.typeName)")
        }
        out += try format(.int(n), spec: spec + String(type))
      case "c":
        switch value {
        case .str(let s) where s.count == 1: out += s
        case .int(let n): out += try format(.int(n), spec: "c")
        default: throw PyException.typeError("%c requires an int or a unicode character, not \(value.typeName)")
        }
      default:
        throw PyException.valueError(
          "unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
      }
    }
    if mapping == nil && next < values.count {
      throw PyException.typeError("not all arguments converted during string formatting")
    }
    try checkStringLength(out.utf8.count)
    return out
  }

  /// `'...'.format(*args, **kwargs)`.
  func strFormatMethod(_ template: String, _ args: PyArguments) throws -> String {
    var out = ""
    let chars = Array(template)
    var i = 0
    var auto = 0
    while i < chars.count {
      let c = chars[i]
      if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
      if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
      if c == "}" { throw PyException.valueError("Single '}' encountered in format string") }
      guard c == "{" else { out.append(c); i += 1; continue }
      var depth = 1
      var j = i + 1
      while j < chars.count && depth > 0 {
        if chars[j] == "{" { depth += 1 }
        if chars[j] == "}" { depth -= 1 }
        j += 1
      }
      guard depth == 0 else { throw PyException.valueError("expected '}' before end of string") }
      var field = String(chars[(i + 1)..<(j - 1)])
      i = j
      var spec = ""
      if let colon = field.firstIndex(of: ":") {
        spec = String(field[field.index(after: colon)...])
        field = String(field[..<colon])
      }
      var conversion: Character?
      if let bang = field.firstIndex(of: "!") {
        conversion = field[field.index(after: bang)...].first
        field = String(field[..<bang])
      }
      if spec.contains("{") { spec = try strFormatMethod(spec, args) }
      var nameEnd = field.firstIndex(where: { $0 == "." || $0 == "[" }) ?? field.endIndex
      let name = String(field[..<nameEnd])
      var value: PyValue
      if name.isEmpty {
        guard auto < args.positional.count else {
          throw PyException.indexError("Replacement index \(auto) out of range for positional args tuple")
        }
        value = args.positional[auto]
        auto += 1
      } else if let n = Int(name) {
        guard n < args.positional.count else {
          throw PyException.indexError("Replacement index \(n) out of range for positional args tuple")
        }
        value = args.positional[n]
      } else {
        guard let v = args.keyword(name) else { throw PyException(.keyError, PyRepr.string(name)) }
        value = v
      }
      while nameEnd < field.endIndex {
        if field[nameEnd] == "." {
          let rest = field[field.index(after: nameEnd)...]
          let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? field.endIndex
          value = try getAttribute(value, String(rest[..<end]))
          nameEnd = end
        } else {
          guard let close = field[nameEnd...].firstIndex(of: "]") else { throw PyException.valueError("Missing ']' in format string") }
          let key = String(field[field.index(after: nameEnd)..<close])
          value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
          nameEnd = field.index(after: close)
        }
      }
      if conversion == "r" || conversion == "a" { value = .str(try reprOf(value)) } else if conversion == "s" { value = .str(strOf(value)) }
      out += try format(value, spec: spec)
    }
    try checkStringLength(out.utf8.count)
    return out
  }
}
