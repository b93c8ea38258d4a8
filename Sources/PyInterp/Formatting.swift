import Foundation

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var alternate = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var type: Character?

  init(_ spec: String) throws {
    var chars = Array(spec)[...]
    func isAlign(_ c: Character?) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
    if chars.count >= 2, isAlign(chars[chars.startIndex + 1]) {
      fill = chars.removeFirst()
      align = chars.removeFirst()
    } else if isAlign(chars.first) {
      align = chars.removeFirst()
    }
    if let c = chars.first, c == "+" || c == "-" || c == " " { sign = chars.removeFirst() }
    if chars.first == "#" { alternate = true; chars.removeFirst() }
    if chars.first == "0" {
      chars.removeFirst()
      if align == nil { fill = "0"; align = "=" }
    }
    var digits = ""
    while let c = chars.first, c.isASCII, c.isNumber { digits.append(chars.removeFirst()) }
    width = min(Int(digits) ?? 0, 1_000_000)
    if let c = chars.first, c == "," || c == "_" { grouping = chars.removeFirst() }
    if chars.first == "." {
      chars.removeFirst()
      var p = ""
      while let c = chars.first, c.isASCII, c.isNumber { p.append(chars.removeFirst()) }
      guard !p.isEmpty else { throw PyException.valueError("Format specifier missing precision") }
      precision = min(Int(p) ?? 6, 500)
    }
    if let c = chars.first {
      type = chars.removeFirst()
      guard "bcdeEfFgGnosxX%".contains(c) else {
        throw PyException.valueError("Unknown format code '\(c)'")
      }
    }
    if !chars.isEmpty { throw PyException.valueError("Invalid format specifier '\(spec)'") }
  }

  func pad(_ body: String, numeric: Bool) -> String {
    let count = body.count
    guard width > count else { return body }
    let padding = width - count
    switch align ?? (numeric ? ">" : "<") {
    case "<": return body + String(repeating: fill, count: padding)
    case "^":
      let left = padding / 2
      return String(repeating: fill, count: left) + body + String(repeating: fill, count: padding - left)
    case "=":
      if let first = body.first, first == "-" || first == "+" || first == " " {
        return String(first) + String(repeating: fill, count: padding) + body.dropFirst()
      }
      return String(repeating: fill, count: padding) + body
    default: return String(repeating: fill, count: padding) + body
    }
  }
}

func groupDigits(_ digits: String, _ separator: Character) -> String {
  var out: [Character] = []
  for (i, c) in digits.reversed().enumerated() {
    if i > 0 && i % 3 == 0 { out.append(separator) }
    out.append(c)
  }
  return String(out.reversed())
}

func cFormat(_ format: String, _ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  return String(format: format, value)
}

extension Interpreter {
  /// `format(value, spec)`: what f-strings and `str.format` use.
  public func format(_ value: PyValue, spec: String) throws -> String {
    if case .object(let o) = value {
      if let s = try o.pyFormat(spec) { return s }
      if let n = o.pyNumber() { return try format(n, spec: spec) }
      if spec.isEmpty { return o.pyStr() }
      throw PyException.typeError("unsupported format string passed to \(o.pyTypeName).__format__")
    }
    if spec.isEmpty { return strOf(value) }
    let f = try FormatSpec(spec)
    switch value {
    case .int(let i):
      if let t = f.type, "eEfFgG%".contains(t) { return try formatFloat(Double(i), f) }
      return try formatInt(i, f)
    case .bool(let b):
      if f.type == nil { return f.pad(b ? "True" : "False", numeric: false) }
      return try formatInt(b ? 1 : 0, f)
    case .float(let d):
      return try formatFloat(d, f)
    case .str(let s):
      guard f.type == nil || f.type == "s" else {
        throw PyException.valueError("Unknown format code '\(f.type!)' for object of type 'str'")
      }
      return f.pad(f.precision.map { String(s.prefix($0)) } ?? s, numeric: false)
    default:
      throw PyException.typeError("unsupported format string passed to \(value.typeName).__format__")
    }
  }

  func formatInt(_ i: Int, _ f: FormatSpec) throws -> String {
    var digits: String
    switch f.type {
    case "x": digits = String(i.magnitude, radix: 16)
    case "X": digits = String(i.magnitude, radix: 16).uppercased()
    case "o": digits = String(i.magnitude, radix: 8)
    case "b": digits = String(i.magnitude, radix: 2)
    case "c":
      guard let u = Unicode.Scalar(UInt32(clamping: i)) else { throw PyException(.overflowError, "%c arg not in range(0x110000)") }
      return f.pad(String(Character(u)), numeric: false)
    case nil, "d", "n": digits = String(i.magnitude)
    default: throw PyException.valueError("Unknown format code '\(f.type!)' for object of type 'int'")
    }
    if let g = f.grouping { digits = groupDigits(digits, g) }
    if f.alternate, let t = f.type, "xXob".contains(t) { digits = "0" + String(t) + digits }
    let sign = i < 0 ? "-" : f.sign == "+" ? "+" : f.sign == " " ? " " : ""
    return f.pad(sign + digits, numeric: true)
  }

  func formatFloat(_ d: Double, _ f: FormatSpec) throws -> String {
    var body: String
    let p = f.precision ?? 6
    let alt = f.alternate ? "#" : ""
    switch f.type {
    case "f", "F": body = cFormat("%\(alt).\(p)f", abs(d))
    case "e", "E": body = cFormat("%\(alt).\(p)e", abs(d))
    case "g", "G": body = cFormat("%\(alt).\(max(p, 1))g", abs(d))
    case "%": body = cFormat("%\(alt).\(p)f", abs(d) * 100) + "%"
    case nil:
      if let prec = f.precision {
        body = cFormat("%.\(max(prec, 1))g", abs(d))
        if !body.contains(".") && !body.contains("e") && !body.contains("n") && !body.contains("i") { body += ".0" }
      } else {
        body = PyRepr.float(abs(d))
      }
    case "n": body = cFormat("%\(alt).\(max(p, 1))g", abs(d))
    default:
      throw PyException.valueError("Unknown format code '\(f.type!)' for object of type 'float'")
    }
    if f.type == "E" || f.type == "G" || f.type == "F" { body = body.uppercased() }
    if let g = f.grouping {
      let intEnd = body.firstIndex(where: { !$0.isNumber }) ?? body.endIndex
      body = groupDigits(String(body[..<intEnd]), g) + body[intEnd...]
    }
    let negative = d < 0 || (d == 0 && d.sign == .minus)
    let sign = negative ? "-" : f.sign == "+" ? "+" : f.sign == " " ? " " : ""
    return f.pad(sign + body, numeric: true)
  }

  /// `repr(value)`.
  public func reprOf(_ value: PyValue) throws -> String { PyRepr.repr(value) }

  /// `str(value)`.
  public func strOf(_ value: PyValue) -> String { PyRepr.str(value) }
}
