import Foundation

/// Python's `repr()` and `str()` of values, and `float` formatting.
public enum PyRepr {
  /// `repr(value)`, as the REPL echoes it.
  public static func repr(_ value: PyValue) -> String {
    var seen: Set<ObjectIdentifier> = []
    return repr(value, &seen, 0)
  }

  /// `str(value)`, as `print` shows it.
  public static func str(_ value: PyValue) -> String {
    switch value {
    case .str(let s): return s
    case .object(let o): return o.pyStr()
    case .exception(let e): return e.args.count == 1 ? str(e.args[0]) : e.message
    default: return repr(value)
    }
  }

  static func repr(_ value: PyValue, _ seen: inout Set<ObjectIdentifier>, _ depth: Int) -> String {
    if depth > 200 { return "..." }
    switch value {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return float(d)
    case .str(let s): return string(s)
    case .list(let l):
      let id = ObjectIdentifier(l)
      if seen.contains(id) { return "[...]" }
      seen.insert(id)
      defer { seen.remove(id) }
      return "[" + l.items.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + "]"
    case .tuple(let t):
      if t.count == 1 { return "(" + repr(t[0], &seen, depth + 1) + ",)" }
      return "(" + t.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + ")"
    case .dict(let d):
      let id = ObjectIdentifier(d)
      if seen.contains(id) { return "{...}" }
      seen.insert(id)
      defer { seen.remove(id) }
      return "{" + d.items.map { repr($0.0, &seen, depth + 1) + ": " + repr($0.1, &seen, depth + 1) }.joined(separator: ", ") + "}"
    case .set(let s):
      if s.storage.count == 0 { return "set()" }
      return "{" + s.elements.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + "}"
    case .range(let r):
      return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case .slice(let s):
      return "slice(\(repr(s.start, &seen, depth + 1)), \(repr(s.stop, &seen, depth + 1)), \(repr(s.step, &seen, depth + 1)))"
    case .function(let f): return "<function \(f.qualifiedName)>"
    case .builtin(let f):
      if let owner = f.owner { return "<function \(owner).\(f.name)>" }
      return "<built-in function \(f.name)>"
    case .module(let m): return "<module '\(m.name)'>"
    case .type(let t): return t.description
    case .exception(let e):
      return "\(e.type.name)(" + e.args.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + ")"
    case .iterator(let it): return "<\(it.typeName) object>"
    case .object(let o): return o.pyRepr()
    }
  }

  /// Python's `repr(str)`: single quotes unless the text has a single quote and no double quote.
  public static func string(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\" + String(quote)
        } else if scalar.value < 0x20 || scalar.value == 0x7f {
          out += String(format: "\\x%02x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append(quote)
    return out
  }

  /// Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 or from 1e16.
  public static func float(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description gives the shortest round-trip digits; re-layout per Python.
    let (negative, digits, exponent) = decompose(d)
    let sign = negative ? "-" : ""
    if exponent >= -4 && exponent < 16 {
      if exponent < 0 {
        return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
      }
      let intCount = exponent + 1
      if digits.count <= intCount {
        return sign + digits + String(repeating: "0", count: intCount - digits.count) + ".0"
      }
      let i = digits.index(digits.startIndex, offsetBy: intCount)
      return sign + digits[..<i] + "." + digits[i...]
    }
    var mantissa = String(digits.first ?? "0")
    if digits.count > 1 { mantissa += "." + digits.dropFirst() }
    let expSign = exponent < 0 ? "-" : "+"
    let expDigits = String(abs(exponent))
    return sign + mantissa + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
  }

  /// Splits a finite nonzero double into sign, significant digits and decimal exponent
  /// (value = 0.d1d2... * 10^(exponent+1)).
  static func decompose(_ d: Double) -> (Bool, String, Int) {
    var text = "\(abs(d))"
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    var intPart = text
    var fracPart = ""
    if let dot = text.firstIndex(of: ".") {
      intPart = String(text[..<dot])
      fracPart = String(text[text.index(after: dot)...])
    }
    var digits = intPart + fracPart
    var pointExponent = intPart.count - 1 + exponent
    while digits.first == "0" && digits.count > 1 {
      digits.removeFirst()
      pointExponent -= 1
    }
    while digits.last == "0" && digits.count > 1 { digits.removeLast() }
    return (d < 0, digits, pointExponent)
  }
}
