/// NumPy's printing of arrays (`print(a)` and `repr(a)`), with its default options:
/// precision 8, threshold 1000, edgeitems 3, linewidth 75.
extension NDArray {
  /// The text `print(a)` shows in NumPy: `[0.1 0.2]`, `[ True False]`, `[7 2 1 ... 4 5 6]`;
  /// a 0-d array prints as its scalar (`0.9194`).
  public var numpyStr: String {
    if rank == 0 {
      switch storage {
      case .float32(let v): return numpyScalarString(v[0])
      case .int64(let v): return String(v[0])
      case .bool(let v): return v[0] ? "True" : "False"
      }
    }
    if count == 0 { return "[]" }
    return formatArray(separator: " ", prefix: "", lineWidth: 75)
  }

  /// The text `repr(a)` shows in NumPy: `array([1., 2.], dtype=float32)`, `array([1, 2])`.
  public var numpyRepr: String {
    let prefix = "array("
    let body: String
    if count == 0 && rank > 0 {
      body = "[]"
    } else {
      body = formatArray(separator: ", ", prefix: prefix, lineWidth: 75 - 1)
    }
    var extras: [String] = []
    if (count == 0 && shape != [0]) || count > 1000 {
      extras.append("shape=" + shapeTuple(shape))
    }
    if dtype == .float32 || count == 0 { extras.append("dtype=" + dtype.rawValue) }
    if extras.isEmpty { return prefix + body + ")" }
    let arrStr = prefix + body + ","
    let extraStr = extras.joined(separator: ", ") + ")"
    let lastLine = arrStr.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
    let spacer = lastLine + extraStr.count + 1 > 75 ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return arrStr + spacer + extraStr
  }

  /// Port of NumPy's `_formatArray`: recursive brackets, wrapping rows at `lineWidth`.
  func formatArray(separator: String, prefix: String, lineWidth: Int) -> String {
    let summarize = count > 1000
    let edge = 3
    let strides = stridesOf(shape)
    // Flat indices of the elements that will be shown (NumPy sizes the columns on these only).
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
    let fmt = elementFormatter(shown: shown)
    let summaryInsert = summarize ? "..." : ""
    let sepTrim = String(separator.reversed().drop(while: { $0 == " " }).reversed())

    func extendLine(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ nextPrefix: String) {
      var needsWrap = line.count + word.count > width
      if line.count <= nextPrefix.count { needsWrap = false }
      if needsWrap {
        s += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        line = nextPrefix
      }
      line += word
    }

    func recurse(_ axis: Int, _ off: Int, _ hanging: String, _ currWidth: Int) -> String {
      if axis == rank { return fmt(off) }
      let nextHanging = hanging + " "
      let nextWidth = currWidth - 1
      let n = shape[axis]
      let showSummary = summarize && 2 * edge < n
      let leading = showSummary ? edge : 0
      let trailing = showSummary ? edge : n
      let st = strides[axis]
      var s = ""
      if rank - axis == 1 {
        let elemWidth = currWidth - Swift.max(sepTrim.count, 1)
        var line = hanging
        for i in 0..<leading {
          extendLine(&s, &line, recurse(axis + 1, off + i * st, nextHanging, nextWidth), elemWidth, hanging)
          line += separator
        }
        if showSummary {
          extendLine(&s, &line, summaryInsert, elemWidth, hanging)
          line += separator
        }
        var i = trailing
        while i > 1 {
          extendLine(&s, &line, recurse(axis + 1, off + (n - i) * st, nextHanging, nextWidth), elemWidth, hanging)
          line += separator
          i -= 1
        }
        extendLine(&s, &line, recurse(axis + 1, off + (n - 1) * st, nextHanging, nextWidth), elemWidth, hanging)
        s += line
      } else {
        let lineSep = sepTrim + String(repeating: "\n", count: rank - axis - 1)
        for i in 0..<leading {
          s += hanging + recurse(axis + 1, off + i * st, nextHanging, nextWidth) + lineSep
        }
        if showSummary { s += hanging + summaryInsert + lineSep }
        var i = trailing
        while i > 1 {
          s += hanging + recurse(axis + 1, off + (n - i) * st, nextHanging, nextWidth) + lineSep
          i -= 1
        }
        s += hanging + recurse(axis + 1, off + (n - 1) * st, nextHanging, nextWidth)
      }
      return "[" + String(s.dropFirst(hanging.count)) + "]"
    }
    return recurse(0, 0, " " + String(repeating: " ", count: prefix.count), lineWidth)
  }

  /// A formatter for one element (by flat index), sized on the `shown` elements as NumPy does.
  func elementFormatter(shown: [Int]) -> (Int) -> String {
    switch storage {
    case .bool(let v):
      let t = rank == 0 ? "True" : " True"
      return { v[$0] ? t : "False" }
    case .int64(let v):
      var width = 0
      if !shown.isEmpty {
        let mx = shown.map { v[$0] }.max()!, mn = shown.map { v[$0] }.min()!
        width = Swift.max(String(mx).count, String(mn).count)
      }
      return { i in
        let s = String(v[i])
        return s.count < width ? String(repeating: " ", count: width - s.count) + s : s
      }
    case .float32(let v):
      let f = FloatArrayFormat(shown.map { v[$0] })
      return { f.format(v[$0]) }
    }
  }
}

/// NumPy's `FloatingFormat` for float32 with floatmode 'maxprec', precision 8, sign '-'.
struct FloatArrayFormat {
  var expFormat = false
  var precision = 8
  var minDigits = 0
  var trim = TrimMode.point
  var padLeft = 0
  var padRight = 0
  var expSize = -1

  init(_ data: [Float]) {
    let finite = data.filter { $0.isFinite }
    let nonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
    if let mx = nonZero.max(), let mn = nonZero.min() {
      // float32 comparisons, as NumPy does them (its cutoff is 10^min(8, finfo.precision) = 1e6)
      if mx >= 1e6 || mn < Float(0.0001) || mx / mn > 1000 { expFormat = true }
    }
    if finite.isEmpty {
      padLeft = 0; padRight = 0; trim = .point; expSize = -1; minDigits = 0
    } else if expFormat {
      let ds = finite.map { DecimalDigits(scientific: $0, precision: precision) }
      let strs = ds.map { formatScientific($0, trim: .point) }
      var maxFrac = 0, maxInt = 0, maxExp = 0
      for s in strs {
        let parts = s.split(separator: "e", omittingEmptySubsequences: false)
        let mant = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        maxInt = Swift.max(maxInt, mant[0].count)
        maxFrac = Swift.max(maxFrac, mant.count > 1 ? mant[1].count : 0)
        maxExp = Swift.max(maxExp, parts.count > 1 ? parts[1].count : 0)
      }
      expSize = maxExp - 1
      trim = .keep
      precision = maxFrac
      minDigits = maxFrac
      padLeft = maxInt
      padRight = expSize + 2 + precision
    } else {
      var maxInt = 0, maxFrac = 0
      for x in finite {
        let s = formatPositional(DecimalDigits(positional: x, precision: precision), trim: .point)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        maxInt = Swift.max(maxInt, parts[0].count)
        maxFrac = Swift.max(maxFrac, parts.count > 1 ? parts[1].count : 0)
      }
      padLeft = maxInt
      padRight = maxFrac
      expSize = -1
      trim = .point
      minDigits = 0
    }
    if finite.count != data.count {
      let negInf = data.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
      let offset = padRight + 1
      padLeft = Swift.max(padLeft, 3 - offset, 3 + negInf - offset)
    }
  }

  func format(_ x: Float) -> String {
    if !x.isFinite {
      let r = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
      let w = padLeft + padRight + 1
      return r.count < w ? String(repeating: " ", count: w - r.count) + r : r
    }
    if expFormat {
      return formatScientific(
        DecimalDigits(scientific: x, precision: precision, minDigits: minDigits), minDigits: minDigits, trim: trim,
        padLeft: padLeft, expDigits: expSize)
    }
    return formatPositional(
      DecimalDigits(positional: x, precision: precision, minDigits: minDigits), minDigits: minDigits, trim: trim,
      padLeft: padLeft, padRight: padRight)
  }
}
