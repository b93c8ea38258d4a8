/// Diverging heatmaps of signed values (weights): negative red, positive blue, white near zero.
public enum HeatmapView {
  /// The largest absolute finite value over all images, for one shared symmetric scale.
  public static func symmetricScale(_ images: [[Float]]) -> Float {
    var m: Float = 0
    for img in images { for v in img where v.isFinite { m = max(m, abs(v)) } }
    return m
  }

  /// A heatmap tile exactly `cellWidth` cells wide and `cellWidth / 2` rows tall
  /// (rounded up), resampling the `rows`×`cols` values by averaging boxes.
  public static func tile(values: [Float], rows: Int = 28, cols: Int = 28, scale: Float, cellWidth: Int) -> Frame {
    let w = max(1, cellWidth), h = (w + 1) / 2
    let pixH = 2 * h
    var f = Frame(width: w, height: h)
    func sample(_ tx: Int, _ ty: Int) -> Float {
      let r0 = ty * rows / pixH, r1 = max(r0 + 1, (ty + 1) * rows / pixH)
      let c0 = tx * cols / w, c1 = max(c0 + 1, (tx + 1) * cols / w)
      var s: Float = 0
      var n = 0
      for r in r0..<min(r1, rows) {
        for c in c0..<min(c1, cols) where r * cols + c < values.count {
          let v = values[r * cols + c]
          if v.isFinite { s += v }
          n += 1
        }
      }
      return n > 0 ? s / Float(n) : 0
    }
    for cy in 0..<h {
      for cx in 0..<w {
        f[cx, cy] = Cell(
          "▀", fg: .diverging(value: sample(cx, 2 * cy), scale: scale),
          bg: .diverging(value: sample(cx, 2 * cy + 1), scale: scale))
      }
    }
    return f
  }

  /// One heatmap with an optional title line above it, as large as fits (at least 14×7 cells).
  public static func frame(
    values: [Float], rows: Int = 28, cols: Int = 28, scale: Float, title: String? = nil, maxSize: Size
  ) -> Frame {
    let titleRows = title == nil ? 0 : 1
    let need = Size(width: 14, height: 7 + titleRows)
    guard maxSize.contains(need) else { return .tooSmall("The heatmap", needs: need, available: maxSize) }
    // Widths are multiples of 14 so that 28 columns resample evenly.
    let m = max(1, min(maxSize.width / 14, (maxSize.height - titleRows) / 7))
    let t = tile(values: values, rows: rows, cols: cols, scale: scale, cellWidth: 14 * m)
    guard let title else { return t }
    var f = Frame(width: t.width, height: t.height + 1)
    f.put(TextLayout.truncate(title, width: t.width), x: 0, y: 0, style: .bold)
    f.draw(t, x: 0, y: 1)
    return f
  }

  /// A one-line legend: the scale's ends around the colour ramp, and what the colours mean.
  public static func legend(scale: Float, width: Int) -> Frame {
    let lo = "-" + Format.number(Double(scale)), hi = "+" + Format.number(Double(scale))
    var f = Frame(width: max(0, width), height: 1)
    var x = f.put(lo + " ", x: 0, y: 0)
    for level in -TermColor.divergingSteps...TermColor.divergingSteps {
      let c = TermColor.diverging(level)
      f[x, 0] = Cell("▀", fg: c, bg: c)
      f[x + 1, 0] = Cell("▀", fg: c, bg: c)
      x += 2
    }
    x += f.put(" " + hi, x: x, y: 0)
    f.put("  red negative · white 0 · blue positive", x: x, y: 0, style: .dim)
    return f
  }

  /// Ten (or however many) heatmaps in a grid with titles ("0"…"9" by default) and a legend.
  ///
  /// Picks the layout (10×1, 5×2, 4×3 or 2×5) giving the largest tiles that fit.
  /// The smallest layout needs 74×18 cells. `highlight` draws one title in reverse video.
  public static func grid(
    images: [[Float]], titles: [String]? = nil, scale: Float, maxSize: Size, highlight: Int? = nil
  ) -> Frame {
    let n = images.count
    guard n > 0 else { return Frame.text(maxSize.height > 0 ? [TextLayout.truncate("(no images)", width: maxSize.width)] : []) }
    let names = titles ?? (0..<n).map(String.init)
    let legendRows = 2
    var best: (cols: Int, rows: Int, m: Int)?
    for cols in [10, 5, 4, 2] {
      let rows = (n + cols - 1) / cols
      // cols tiles of 14m columns with 1-column gaps; rows of 7m cells under a title line.
      let mWide = (maxSize.width + 1 - cols) / (14 * cols)
      let mTall = (maxSize.height - legendRows - rows) / (7 * rows)
      let m = min(mWide, mTall)
      if m >= 1 && m > (best?.m ?? 0) { best = (cols, rows, m) }
    }
    guard let layout = best else {
      return .tooSmall("The weight grid", needs: Size(width: 74, height: 18), available: maxSize)
    }
    let tw = 14 * layout.m, th = 7 * layout.m
    let gridW = layout.cols * (tw + 1) - 1
    var f = Frame(width: min(maxSize.width, max(gridW, 60)), height: layout.rows * (th + 1) + legendRows)
    for (i, img) in images.enumerated() {
      let x = (i % layout.cols) * (tw + 1), y = (i / layout.cols) * (th + 1)
      let name = i < names.count ? names[i] : ""
      f.put(TextLayout.truncate(name, width: tw), x: x, y: y, style: i == highlight ? Style(attributes: [.bold, .reverse]) : .bold)
      f.draw(tile(values: img, scale: scale, cellWidth: tw), x: x, y: y + 1)
    }
    f.draw(legend(scale: scale, width: f.width), x: 0, y: f.height - 1)
    return f
  }
}
