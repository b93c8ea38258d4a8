/// A point of a chart series.
public struct ChartPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// One line of a chart, drawn against the left or right y axis.
public struct ChartSeries: Sendable {
  /// Which y axis a series is measured on.
  public enum Axis: Sendable { case left, right }
  public var name: String
  public var points: [ChartPoint]
  public var color: TermColor
  public var axis: Axis

  public init(name: String, points: [ChartPoint], color: TermColor = .basic(.cyan), axis: Axis = .left) {
    self.name = name
    self.points = points
    self.color = color
    self.axis = axis
  }

  /// A series whose x values are 0, 1, 2, … (or `xStart` onwards).
  public init(name: String, values: [Double], xStart: Double = 0, color: TermColor = .basic(.cyan), axis: Axis = .left) {
    self.init(name: name, points: values.enumerated().map { ChartPoint(x: xStart + Double($0.offset), y: $0.element) }, color: color, axis: axis)
  }
}

/// Line charts drawn with braille dots, with labelled axes, ticks and a legend.
public enum LineChartView {
  /// The smallest space a chart can be drawn in.
  public static let minimumSize = Size(width: 30, height: 8)

  /// Round tick values ("1, 2, 5 × 10ⁿ" steps) covering [lo, hi], about `maxCount` of them.
  public static func niceTicks(lo: Double, hi: Double, maxCount: Int) -> (ticks: [Double], step: Double) {
    guard lo.isFinite, hi.isFinite, hi > lo, maxCount >= 2 else { return ([lo], 1) }
    let rough = (hi - lo) / Double(maxCount)
    var mag = 1.0
    while mag * 10 <= rough { mag *= 10 }
    while mag > rough { mag /= 10 }
    let norm = rough / mag
    let step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag
    var ticks: [Double] = []
    var t = (lo / step).rounded(.up) * step
    while t <= hi + step * 1e-9 && ticks.count < 100 {
      ticks.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    return (ticks, step)
  }

  /// `d` rounded to an Int, with NaN as 0 and huge values clamped (extreme data must not trap).
  static func clampedInt(_ d: Double) -> Int {
    guard d.isFinite else { return 0 }
    return Int(min(max(d, -1e9), 1e9).rounded())
  }

  static func label(_ v: Double, step: Double) -> String {
    if abs(v) >= 10_000 { return Format.number(v) }
    var d = 0
    var s = step
    while s < 0.999_999 && d < 6 {
      s *= 10
      d += 1
    }
    return Format.fixed(v, decimals: d)
  }

  /// The y range of the finite points of `series`, widened so that it is never empty.
  static func range(_ series: [ChartSeries], fixed: ClosedRange<Double>?) -> (Double, Double)? {
    if let fixed { return (fixed.lowerBound, max(fixed.upperBound, fixed.lowerBound + 1e-9)) }
    let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
    guard var lo = ys.min(), var hi = ys.max() else { return nil }
    if hi - lo < 1e-12 {
      let pad = max(abs(lo) * 0.1, 0.5)
      lo -= pad
      hi += pad
    }
    return (lo, hi)
  }

  /// A chart of up to a few series filling `maxSize`, or a message when there is no data.
  ///
  /// Series on the `.right` axis get their own scale with ticks on the right (use it
  /// for accuracy next to loss). `leftRange`/`rightRange` fix a scale (for example
  /// 0...1 for accuracy); otherwise it is fitted to the data and rounded to ticks.
  public static func frame(
    series: [ChartSeries], title: String? = nil, xLabel: String = "step",
    leftRange: ClosedRange<Double>? = nil, rightRange: ClosedRange<Double>? = nil, maxSize: Size
  ) -> Frame {
    guard maxSize.contains(minimumSize) else { return .tooSmall("The chart", needs: minimumSize, available: maxSize) }
    var f = Frame(size: maxSize)
    // Title and legend on the first row.
    var x = 0
    if let title { x += f.put(title + "  ", x: 0, y: 0, style: .bold) }
    for s in series {
      x += f.put("⣀⣀", x: x, y: 0, style: Style(fg: s.color))
      let axisNote = series.contains { $0.axis == .right } ? (s.axis == .left ? " (left)" : " (right)") : ""
      x += f.put(" " + s.name + axisNote + "   ", x: x, y: 0)
    }
    let left = series.filter { $0.axis == .left }, right = series.filter { $0.axis == .right }
    let allX = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
    guard var xlo = allX.min(), var xhi = allX.max() else {
      let msg = "no data yet"
      f.put(msg, x: (maxSize.width - msg.count) / 2, y: maxSize.height / 2, style: .dim)
      return f
    }
    if xhi - xlo < 1e-12 {
      xlo -= 1
      xhi += 1
    }
    let plotH = maxSize.height - (xLabel.isEmpty ? 3 : 4)
    let maxYTicks = max(2, min(6, plotH / 2 + 1))
    func axis(_ s: [ChartSeries], _ fixed: ClosedRange<Double>?) -> (lo: Double, hi: Double, ticks: [Double], labels: [String])? {
      guard let (lo0, hi0) = range(s, fixed: fixed) else { return nil }
      let (_, step) = niceTicks(lo: lo0, hi: hi0, maxCount: maxYTicks)
      let lo = fixed == nil ? (lo0 / step).rounded(.down) * step : lo0
      let hi = fixed == nil ? (hi0 / step).rounded(.up) * step : hi0
      let ticks = niceTicks(lo: lo, hi: hi, maxCount: maxYTicks).ticks
      return (lo, hi, ticks, ticks.map { label($0, step: step) })
    }
    let la = axis(left, leftRange), ra = axis(right, rightRange)
    let leftW = (la?.labels.map(\.count).max() ?? 0), rightW = ra.map { ($0.labels.map(\.count).max() ?? 0) + 1 } ?? 0
    let plotX = leftW + 1
    let plotW = maxSize.width - plotX - rightW - (ra == nil ? 0 : 1)
    guard plotW >= 8, plotH >= 3 else { return .tooSmall("The chart", needs: minimumSize, available: maxSize) }
    let axisStyle = Style(attributes: .dim)
    // Axes.
    for r in 1...plotH {
      f.put("│", x: leftW, y: r, style: axisStyle)
      if ra != nil { f.put("│", x: plotX + plotW, y: r, style: axisStyle) }
    }
    let axisRow = plotH + 1
    f.put("└" + String(repeating: "─", count: plotW) + (ra == nil ? "" : "┘"), x: leftW, y: axisRow, style: axisStyle)
    var canvas = BrailleCanvas(width: plotW, height: plotH)
    func rowOf(_ v: Double, _ a: (lo: Double, hi: Double, ticks: [Double], labels: [String])) -> Int {
      let t = (v - a.lo) / (a.hi - a.lo)
      return clampedInt((1 - t) * Double(canvas.dotHeight - 1))
    }
    if let la {
      for (t, l) in zip(la.ticks, la.labels) {
        let r = 1 + rowOf(t, la) / 4
        f.put(TextLayout.padLeft(l, leftW), x: 0, y: r)
        f.put("┤", x: leftW, y: r, style: axisStyle)
      }
    }
    if let ra {
      for (t, l) in zip(ra.ticks, ra.labels) {
        let r = 1 + rowOf(t, ra) / 4
        f.put("├", x: plotX + plotW, y: r, style: axisStyle)
        f.put(l, x: plotX + plotW + 1, y: r)
      }
    }
    // X ticks.
    let (xticks, xstep) = niceTicks(lo: xlo, hi: xhi, maxCount: max(2, min(8, plotW / 10)))
    var nextFree = 0
    for t in xticks {
      let col = clampedInt((t - xlo) / (xhi - xlo) * Double(canvas.dotWidth - 1)) / 2
      f.put("┬", x: plotX + col, y: axisRow, style: axisStyle)
      let l = label(t, step: xstep)
      let lx = max(0, min(maxSize.width - l.count, plotX + col - l.count / 2))
      if lx >= nextFree {
        f.put(l, x: lx, y: axisRow + 1)
        nextFree = lx + l.count + 1
      }
    }
    if !xLabel.isEmpty {
      f.put(xLabel, x: plotX + max(0, (plotW - TextLayout.width(of: xLabel)) / 2), y: axisRow + 2, style: .dim)
    }
    // Lines.
    for s in series {
      guard let a = s.axis == .left ? la : ra else { continue }
      var prev: (x: Int, y: Int)?
      for p in s.points {
        guard p.x.isFinite, p.y.isFinite else {
          prev = nil
          continue
        }
        let dx = clampedInt((p.x - xlo) / (xhi - xlo) * Double(canvas.dotWidth - 1))
        let dy = rowOf(min(max(p.y, a.lo), a.hi), a)
        let pt = (x: dx, y: dy)
        if let prev { canvas.line(from: prev, to: pt, color: s.color) } else { canvas.set(x: dx, y: dy, color: s.color) }
        prev = pt
      }
    }
    canvas.draw(into: &f, x: plotX, y: 1)
    return f
  }
}
