import Foundation

/// The decimal digits of a float: value = ±0.d₁d₂…dₙ × 10^point (no leading/trailing zeros; zero has no digits).
struct DecimalDigits {
  var negative: Bool
  var digits: [UInt8]
  var point: Int

  /// Parses a finite decimal string such as "-1.25e-05", "0.0012", "100.0".
  init(parsing text: String) {
    var s = Substring(text)
    negative = s.hasPrefix("-")
    if negative || s.hasPrefix("+") { s = s.dropFirst() }
    var exp = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exp = Int(s[s.index(after: e)...]) ?? 0
      s = s[..<e]
    }
    var ds: [UInt8] = []
    var intLen = 0
    var seenPoint = false
    for ch in s.utf8 {
      if ch == UInt8(ascii: ".") { seenPoint = true; continue }
      ds.append(ch - 48)
      if !seenPoint { intLen += 1 }
    }
    var p = intLen + exp
    var lead = 0
    while lead < ds.count && ds[lead] == 0 { lead += 1; p -= 1 }
    ds.removeFirst(lead)
    while let l = ds.last, l == 0 { ds.removeLast() }
    digits = ds
    point = ds.isEmpty ? 1 : p
  }

  /// The shortest digits that round-trip to `x` as float32.
  init(shortest x: Float) { self.init(parsing: x.description) }

  /// Digits of `x` (shortest round-trip) but at most `precision` digits after the decimal point,
  /// rounding the exact binary value (ties to even) when cut, as NumPy's Dragon4 does;
  /// `minDigits` extends short ones with the exact value's further digits.
  init(positional x: Float, precision: Int, minDigits: Int = 0) {
    self.init(shortest: x)
    let have = Swift.max(digits.count - point, 0)
    if have > precision {
      self.init(parsing: String(format: "%.\(precision)f", Double(x)))
      if digits.isEmpty { negative = x.sign == .minus }
    } else if have < minDigits && !digits.isEmpty {
      self.init(parsing: String(format: "%.\(minDigits)f", Double(x)))
    }
  }

  /// Digits of `x` (shortest round-trip) but at most `precision` digits after the first one.
  ///
  /// With `minDigits`, digits past the shortest ones are the exact value's (rounded), as
  /// Dragon4 prints them: 0.1f with 8 digits is 1.00000001e-01, not 1.00000000e-01.
  init(scientific x: Float, precision: Int, minDigits: Int = 0) {
    self.init(shortest: x)
    let have = Swift.max(digits.count - 1, 0)
    if have > precision {
      self.init(parsing: String(format: "%.\(precision)e", Double(x)))
    } else if have < minDigits && !digits.isEmpty {
      self.init(parsing: String(format: "%.\(minDigits)e", Double(x)))
    }
  }

  var intPart: String {
    if point <= 0 || digits.isEmpty { return "0" }
    var s = ""
    for i in 0..<point { s.append(Character(UnicodeScalar(48 + (i < digits.count ? digits[i] : 0)))) }
    return s
  }

  var fracPart: String {
    var s = ""
    if digits.isEmpty { return s }
    if point < 0 { s += String(repeating: "0", count: -point) }
    var i = Swift.max(point, 0)
    while i < digits.count {
      s.append(Character(UnicodeScalar(48 + digits[i])))
      i += 1
    }
    return s
  }
}

/// NumPy's trim modes: 'k' keep zeros, '.' keep the point ("1."), '0' keep one zero ("1.0"), '-' drop the point ("1").
enum TrimMode { case keep, point, zero, dash }

/// Formats like `np.format_float_positional` (sign only for negatives).
func formatPositional(_ d: DecimalDigits, minDigits: Int = 0, trim: TrimMode, padLeft: Int = 0, padRight: Int = 0) -> String {
  var frac = d.fracPart
  if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
  var intS = (d.negative ? "-" : "") + d.intPart
  if intS.count < padLeft { intS = String(repeating: " ", count: padLeft - intS.count) + intS }
  var s = intS
  if frac.isEmpty {
    switch trim {
    case .keep, .point: s += "."
    case .zero: s += ".0"; frac = "0"
    case .dash: break
    }
  } else {
    s += "." + frac
  }
  if frac.count < padRight { s += String(repeating: " ", count: padRight - frac.count) }
  return s
}

/// Formats like `np.format_float_scientific`: `1.5e-05`, exponent with at least `expDigits` digits.
func formatScientific(_ d: DecimalDigits, minDigits: Int = 0, trim: TrimMode, padLeft: Int = 0, expDigits: Int = 2) -> String {
  var ds = d.digits
  if ds.isEmpty { ds = [0] }
  let exp = d.digits.isEmpty ? 0 : d.point - 1
  var frac = String(ds.dropFirst().map { Character(UnicodeScalar(48 + $0)) })
  if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
  var intS = (d.negative ? "-" : "") + String(ds[0])
  if intS.count < padLeft { intS = String(repeating: " ", count: padLeft - intS.count) + intS }
  var s = intS
  if frac.isEmpty {
    switch trim {
    case .keep, .point: s += "."
    case .zero: s += ".0"
    case .dash: break
    }
  } else {
    s += "." + frac
  }
  var e = String(Swift.abs(exp))
  if e.count < expDigits { e = String(repeating: "0", count: expDigits - e.count) + e }
  return s + "e" + (exp < 0 ? "-" : "+") + e
}

/// `str(np.float32(x))`: shortest round-trip digits, positional for 1e-4 ≤ |x| < 1e6 ("1.0", "0.9194"),
/// scientific outside ("1e-05", "1e+06"); NumPy 2.3+ uses 10^6 (float32's precision) as the upper bound.
public func numpyScalarString(_ x: Float) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x < 0 ? "-inf" : "inf" }
  let a = Double(Swift.abs(x))
  let d = DecimalDigits(shortest: x)
  if a == 0 || (a < 1e6 && a >= 1e-4) { return formatPositional(d, trim: .zero) }
  return formatScientific(d, trim: .dash)
}
