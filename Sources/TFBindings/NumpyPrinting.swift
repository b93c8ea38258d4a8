import Foundation
import Tensors

extension TFEnvironment {
  /// `str(a)` as NumPy prints it under the current print options.
  func formatStr(_ a: NDArray) -> String {
    if printOptions.isDefault || a.rank == 0 { return a.numpyStr }
    if a.count == 0 { return "[]" }
    return layout(a, separator: " ", prefix: "", lineWidth: printOptions.linewidth)
  }

  /// `repr(a)` as NumPy shows it under the current print options.
  func formatRepr(_ a: NDArray) -> String {
    if printOptions.isDefault || a.count == 0 { return a.numpyRepr }
    let prefix = "array("
    let body = layout(a, separator: ", ", prefix: prefix, lineWidth: printOptions.linewidth - 1)
    var extras: [String] = []
    if a.count > printOptions.threshold { extras.append("shape=" + shapeTuple(a.shape)) }
    if a.dtype == .float32 { extras.append("dtype=float32") }
    if extras.isEmpty { return prefix + body + ")" }
    return prefix + body + ", " + extras.joined(separator: ", ") + ")"
  }

  /// NumPy's `_formatArray` with the print options' threshold, edge items and line width.
  private func layout(_ a: NDArray, separator: String, prefix: String, lineWidth: Int) -> String {
    let opts = printOptions
    let summarize = a.count > opts.threshold
    let edge = opts.edgeitems
    let shape = a.shape, rank = a.rank
    var strides = [Int](repeating: 1, count: rank)
    for d in stride(from: rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
    var shown: [Int] = []
    func collect(_ axis: Int, _ off: Int) {
      if axis == rank { shown.append(off); return }
      let n = shape[axis]
      if summarize && n > 2 * edge {
        for i in 0..<edge { collect(axis + 1, off + i * strides[axis]) }
        for i in (n - edge)..<n { collect(axis + 1, off + i * strides[axis]) }
      } else {
        for i in 0..<n { collect(axis + 1, off + i * strides[axis]) }
      }
    }
    collect(0, 0)
    let fmt = elementFormatter(a, shown: shown)
    let sepTrim = String(separator.reversed().drop(while: { $0 == " " }).reversed())
    func rstrip(_ s: String) -> String { String(s.reversed().drop(while: { $0 == " " }).reversed()) }
    func extend(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ next: String) {
      if line.count + word.count > width && line.count > next.count {
        s += rstrip(line) + "\n"
        line = next
      }
      line += word
    }
    func recurse(_ axis: Int, _ off: Int, _ hanging: String, _ width: Int) -> String {
      if axis == rank { return fmt(off) }
      let n = shape[axis]
      let showSummary = summarize && 2 * edge < n
      let leading = showSummary ? edge : 0
      let trailing = showSummary ? edge : n
      let st = strides[axis]
      var s = ""
      if rank - axis == 1 {
        let elemWidth = width - Swift.max(sepTrim.count, 1)
        var line = hanging
        for i in 0..<leading {
          extend(&s, &line, recurse(axis + 1, off + i * st, hanging + " ", width - 1), elemWidth, hanging)
          line += separator
        }
        if showSummary { extend(&s, &line, "...", elemWidth, hanging); line += separator }
        var i = trailing
        while i > 1 {
          extend(&s, &line, recurse(axis + 1, off + (n - i) * st, hanging + " ", width - 1), elemWidth, hanging)
          line += separator
          i -= 1
        }
        extend(&s, &line, recurse(axis + 1, off + (n - 1) * st, hanging + " ", width - 1), elemWidth, hanging)
        s += line
      } else {
        let lineSep = sepTrim + String(repeating: "\n", count: rank - axis - 1)
        for i in 0..<leading { s += hanging + recurse(axis + 1, off + i * st, hanging + " ", width - 1) + lineSep }
        if showSummary { s += hanging + "..." + lineSep }
        var i = trailing
        while i > 1 {
          s += hanging + recurse(axis + 1, off + (n - i) * st, hanging + " ", width - 1) + lineSep
          i -= 1
        }
        s += hanging + recurse(axis + 1, off + (n - 1) * st, hanging + " ", width - 1)
      }
      return "[" + String(s.dropFirst(hanging.count)) + "]"
    }
    return recurse(0, 0, " " + String(repeating: " ", count: prefix.count), lineWidth)
  }

  /// Formats elements with the print options' precision (positional notation, trailing zeros
  /// trimmed, columns aligned on the point, as NumPy's default float mode does).
  private func elementFormatter(_ a: NDArray, shown: [Int]) -> (Int) -> String {
    switch a.storage {
    case .bool(let v): return { v[$0] ? " True" : "False" }
    case .int64(let v):
      let width = shown.map { String(v[$0]).count }.max() ?? 0
      return { i in
        let s = String(v[i])
        return String(repeating: " ", count: Swift.max(0, width - s.count)) + s
      }
    case .float32(let v):
      let p = Swift.max(0, printOptions.precision)
      let finite = shown.map { v[$0] }.filter { $0.isFinite }
      let nonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
      var useExp = false
      if !printOptions.suppress, let mx = nonZero.max(), let mn = nonZero.min() {
        useExp = mx >= 1e8 || mn < 0.0001 || mx / mn > 1000
      }
      func positional(_ x: Float) -> (String, String) {
        var s = String(format: "%.\(p)f", Double(x))
        if s.contains(".") {
          while s.hasSuffix("0") { s.removeLast() }
        }
        if s == "-0." && x == 0 { s = "-0." }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
      }
      func scientific(_ x: Float) -> String {
        let s = String(format: "%.\(p)e", Double(x))
        guard let e = s.firstIndex(of: "e") else { return s }
        var mant = String(s[..<e])
        while mant.hasSuffix("0") { mant.removeLast() }
        var exp = String(s[s.index(after: e)...])
        let sign = exp.first == "-" ? "-" : "+"
        exp = String(exp.drop { $0 == "+" || $0 == "-" })
        while exp.count > 2 && exp.hasPrefix("0") { exp.removeFirst() }
        return mant + "e" + sign + exp
      }
      if useExp {
        let strs = finite.map(scientific)
        let width = strs.map(\.count).max() ?? 3
        return { i in
          let x = v[i]
          let s = x.isFinite ? scientific(x) : (x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf"))
          return String(repeating: " ", count: Swift.max(0, width - s.count)) + s
        }
      }
      let parts = finite.map(positional)
      let padLeft = Swift.max(parts.map { $0.0.count }.max() ?? 1, finite.count != shown.count ? 3 : 0)
      let padRight = parts.map { $0.1.count }.max() ?? 0
      return { i in
        let x = v[i]
        if !x.isFinite {
          let s = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
          return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - s.count)) + s
        }
        let (ip, fp) = positional(x)
        return String(repeating: " ", count: Swift.max(0, padLeft - ip.count)) + ip + "." + fp
          + String(repeating: " ", count: Swift.max(0, padRight - fp.count))
      }
    }
  }
}
