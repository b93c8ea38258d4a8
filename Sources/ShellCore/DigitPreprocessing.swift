/// How MNIST's digits were made, as pure functions: crop a drawing to its ink, scale the longer
/// side to 20 pixels keeping the aspect ratio (area resampling), and place it in a 28×28 field
/// with its centre of mass at the centre (pixel 14, 14). `:draw` runs a drawing through ``mnistStyle(_:rows:cols:)``
/// before the model sees it.
package enum DigitPreprocessing {
  /// The inclusive bounding box of the pixels brighter than `threshold`, or nil for a blank image.
  package static func inkBounds(
    _ pixels: [Float], rows: Int, cols: Int, threshold: Float = 0
  ) -> (top: Int, left: Int, bottom: Int, right: Int)? {
    var top = rows, left = cols, bottom = -1, right = -1
    for r in 0..<rows {
      for c in 0..<cols where r * cols + c < pixels.count && pixels[r * cols + c] > threshold {
        top = min(top, r)
        bottom = max(bottom, r)
        left = min(left, c)
        right = max(right, c)
      }
    }
    return bottom < 0 ? nil : (top, left, bottom, right)
  }

  /// The rectangle of rows `top...bottom` and columns `left...right`, row-major.
  package static func crop(_ pixels: [Float], cols: Int, top: Int, left: Int, bottom: Int, right: Int) -> [Float] {
    var out: [Float] = []
    out.reserveCapacity((bottom - top + 1) * (right - left + 1))
    for r in top...bottom { for c in left...right { out.append(pixels[r * cols + c]) } }
    return out
  }

  /// For each of `to` output cells, the source cells it covers with their overlap weights
  /// (the output cell spans `from / to` source cells; weights sum to 1).
  static func areaWeights(from: Int, to: Int) -> [[(index: Int, weight: Float)]] {
    let scale = Double(from) / Double(to)
    return (0..<to).map { i in
      let lo = Double(i) * scale, hi = Double(i + 1) * scale
      var taps: [(Int, Float)] = []
      var j = Int(lo.rounded(.down))
      while Double(j) < hi && j < from {
        let overlap = min(hi, Double(j + 1)) - max(lo, Double(j))
        if overlap > 1e-9 { taps.append((j, Float(overlap / scale))) }
        j += 1
      }
      return taps
    }
  }

  /// Resamples a `rows`×`cols` image to `toRows`×`toCols` by area averaging (each output pixel is
  /// the mean of the source area it covers), which keeps thin strokes as grey rather than losing them.
  package static func resizeArea(_ pixels: [Float], rows: Int, cols: Int, toRows: Int, toCols: Int) -> [Float] {
    let wy = areaWeights(from: rows, to: toRows), wx = areaWeights(from: cols, to: toCols)
    // Columns first, then rows (the filter is separable).
    var tmp = [Float](repeating: 0, count: rows * toCols)
    for r in 0..<rows {
      for (j, taps) in wx.enumerated() {
        var s: Float = 0
        for t in taps { s += pixels[r * cols + t.index] * t.weight }
        tmp[r * toCols + j] = s
      }
    }
    var out = [Float](repeating: 0, count: toRows * toCols)
    for (i, taps) in wy.enumerated() {
      for j in 0..<toCols {
        var s: Float = 0
        for t in taps { s += tmp[t.index * toCols + j] * t.weight }
        out[i * toCols + j] = min(1, max(0, s))
      }
    }
    return out
  }

  /// The intensity-weighted mean position (row, column), or nil when there is no ink.
  package static func centerOfMass(_ pixels: [Float], rows: Int, cols: Int) -> (row: Double, col: Double)? {
    var total = 0.0, sr = 0.0, sc = 0.0
    for r in 0..<rows {
      for c in 0..<cols {
        let v = Double(pixels[r * cols + c])
        guard v > 0 else { continue }
        total += v
        sr += v * Double(r)
        sc += v * Double(c)
      }
    }
    return total > 0 ? (sr / total, sc / total) : nil
  }

  /// A drawing prepared as MNIST's digits were: `size`×`size` (28) pixels with the ink's longer
  /// side `box` (20) pixels long and its centre of mass at the centre. A blank drawing stays blank.
  package static func mnistStyle(_ pixels: [Float], rows: Int = 28, cols: Int = 28, box: Int = 20, size: Int = 28) -> [Float] {
    var field = [Float](repeating: 0, count: size * size)
    guard let b = inkBounds(pixels, rows: rows, cols: cols) else { return field }
    let h = b.bottom - b.top + 1, w = b.right - b.left + 1
    let ink = crop(pixels, cols: cols, top: b.top, left: b.left, bottom: b.bottom, right: b.right)
    let longer = max(h, w)
    let newH = max(1, Int((Double(h) * Double(box) / Double(longer)).rounded()))
    let newW = max(1, Int((Double(w) * Double(box) / Double(longer)).rounded()))
    let scaled = resizeArea(ink, rows: h, cols: w, toRows: newH, toCols: newW)
    guard let com = centerOfMass(scaled, rows: newH, cols: newW) else { return field }
    // MNIST's digits have their centre of mass at pixel (14, 14) of 28 (measured on the test set:
    // 13.99 and 14.00 on average), so that is where a drawing's goes.
    let centre = Double(size) / 2
    let top = min(max(0, Int((centre - com.row).rounded())), size - newH)
    let left = min(max(0, Int((centre - com.col).rounded())), size - newW)
    for r in 0..<newH { for c in 0..<newW { field[(top + r) * size + left + c] = scaled[r * newW + c] } }
    return field
  }
}
