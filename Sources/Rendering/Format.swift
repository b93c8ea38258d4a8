/// Number formatting for axis ticks and labels, without Foundation.
public enum Format {
  /// `v` with exactly `decimals` digits after the point ("0.50", "-3", "12.0").
  public static func fixed(_ v: Double, decimals: Int) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
    let d = max(0, min(decimals, 9))
    var p = 1.0
    for _ in 0..<d { p *= 10 }
    let scaled = (abs(v) * p).rounded()
    guard scaled < 9e15 else { return String(v) }
    let n = Int64(scaled)
    let neg = v < 0 && n != 0
    var digits = String(n)
    if d > 0 {
      if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
    }
    return (neg ? "-" : "") + digits
  }

  /// A short human number: up to 3 significant digits, "k"/"M" for large values.
  public static func number(_ v: Double) -> String {
    guard v.isFinite else { return fixed(v, decimals: 0) }
    let a = abs(v)
    if a >= 1_000_000 { return compact(v / 1_000_000) + "M" }
    if a >= 10_000 { return compact(v / 1000) + "k" }
    return compact(v)
  }

  static func compact(_ v: Double) -> String {
    let a = abs(v)
    let decimals = a == 0 || a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4
    var s = fixed(v, decimals: decimals)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }

  /// A percentage with one decimal ("93.1%") for a fraction in [0, 1].
  public static func percent(_ fraction: Double) -> String { fixed(fraction * 100, decimals: 1) + "%" }
}
