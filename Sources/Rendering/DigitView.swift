/// How a grayscale image is drawn.
public enum ImageStyle: Sendable {
  /// "▀" half blocks: the foreground is the upper pixel, the background the lower one.
  case halfBlock
  /// ASCII shading characters " .:-=+*#%@" without colour.
  case ascii
}

/// Grayscale images such as MNIST digits.
public enum DigitView {
  /// The ten shading characters from light to dark ink, for ASCII images.
  public static let shades: [Character] = Array(" .:-=+*#%@")

  /// The shading character for an intensity in [0, 1].
  public static func shade(_ v: Float) -> Character {
    guard v.isFinite else { return " " }
    let i = Int(min(max(v, 0), 1) * Float(shades.count - 1) + 0.5)
    return shades[i]
  }

  /// The smallest space an image of `rows`×`cols` pixels can be drawn in.
  public static func minimumSize(rows: Int = 28, cols: Int = 28) -> Size {
    Size(width: cols, height: (rows + 1) / 2)
  }

  /// An image of `rows`×`cols` intensities in [0, 1] (row-major), as large as fits in `maxSize`.
  ///
  /// Half-block images scale by whole multiples (28×14 cells, 56×28, …). ASCII images
  /// use two characters a pixel and one row a pixel when there is room, else one
  /// character a pixel with two pixel rows averaged into one text row. Missing
  /// pixels count as 0.
  public static func frame(
    pixels: [Float], rows: Int = 28, cols: Int = 28, maxSize: Size, style: ImageStyle = .halfBlock
  ) -> Frame {
    let need = minimumSize(rows: rows, cols: cols)
    guard maxSize.contains(need), rows > 0, cols > 0 else {
      return .tooSmall("The image", needs: need, available: maxSize)
    }
    let px = { (r: Int, c: Int) -> Float in
      let i = r * cols + c
      return r < rows && i < pixels.count ? pixels[i] : 0
    }
    switch style {
    case .halfBlock:
      let k = max(1, min(maxSize.width / cols, maxSize.height / need.height))
      var f = Frame(width: cols * k, height: need.height * k)
      for cy in 0..<f.height {
        for cx in 0..<f.width {
          let c = cx / k
          let up = px(2 * cy / k, c), down = px((2 * cy + 1) / k, c)
          f[cx, cy] = Cell("▀", fg: .gray(intensity: up), bg: .gray(intensity: down))
        }
      }
      return f
    case .ascii:
      let full = maxSize.width >= 2 * cols && maxSize.height >= rows
      var f = Frame(width: full ? 2 * cols : cols, height: full ? rows : need.height)
      for cy in 0..<f.height {
        for cx in 0..<f.width {
          let v = full ? px(cy, cx / 2) : (px(2 * cy, cx) + px(2 * cy + 1, cx)) / 2
          f[cx, cy] = Cell(String(shade(v)))
        }
      }
      return f
    }
  }
}
