/// A drawing canvas of grayscale pixels with a cursor, and the mapping from screen cells back to pixels.
public enum CanvasView {
  /// How the canvas's pixels sit on the screen.
  public struct Layout: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// Cells per pixel across (0 in half-block mode, where a pixel is one cell wide).
    public let cellsPerPixelX: Int
    /// Rows per pixel down (0 in half-block mode, where a row holds two pixels).
    public let rowsPerPixel: Int
    /// The canvas's size in cells.
    public let size: Size

    /// Whether two pixel rows share one text row ("▀"), for terminals too short for one row a pixel.
    public var isHalfBlock: Bool { rowsPerPixel == 0 }

    /// The largest layout that fits `maxSize`: each pixel 2k cells wide and k rows tall,
    /// or half blocks (`cols`×`rows/2` cells) when even k = 1 does not fit. Nil when
    /// not even that fits.
    public init?(rows: Int = 28, cols: Int = 28, maxSize: Size) {
      guard rows > 0, cols > 0 else { return nil }
      self.rows = rows
      self.cols = cols
      let k = min(maxSize.width / (2 * cols), maxSize.height / rows)
      if k >= 1 {
        cellsPerPixelX = 2 * k
        rowsPerPixel = k
        size = Size(width: 2 * k * cols, height: k * rows)
      } else if cols <= maxSize.width && (rows + 1) / 2 <= maxSize.height {
        cellsPerPixelX = 0
        rowsPerPixel = 0
        size = Size(width: cols, height: (rows + 1) / 2)
      } else {
        return nil
      }
    }

    /// The smallest space a canvas of this many pixels needs (half-block mode).
    public static func minimumSize(rows: Int = 28, cols: Int = 28) -> Size { Size(width: cols, height: (rows + 1) / 2) }

    /// The pixel under cell (x, y) of the canvas (in half-block mode, the upper of the two).
    public func pixel(atX x: Int, y: Int) -> (row: Int, col: Int)? {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
      if isHalfBlock { return (min(rows - 1, 2 * y), x) }
      return (y / rowsPerPixel, x / cellsPerPixelX)
    }
  }

  /// The canvas: pixel intensities in [0, 1] (row-major), with the cursor pixel
  /// marked ("+" when the pen is up, "●" when it is down) in red.
  public static func frame(
    pixels: [Float], layout: Layout, cursor: (row: Int, col: Int)? = nil, penDown: Bool = false
  ) -> Frame {
    var f = Frame(size: layout.size)
    func px(_ r: Int, _ c: Int) -> Float {
      let i = r * layout.cols + c
      return r < layout.rows && i < pixels.count ? pixels[i] : 0
    }
    for y in 0..<layout.size.height {
      for x in 0..<layout.size.width {
        if layout.isHalfBlock {
          f[x, y] = Cell("▀", fg: .gray(intensity: px(2 * y, x)), bg: .gray(intensity: px(2 * y + 1, x)))
        } else {
          let g = TermColor.gray(intensity: px(y / layout.rowsPerPixel, x / layout.cellsPerPixelX))
          f[x, y] = Cell("▀", fg: g, bg: g)  // a solid pixel that still shades without colour
        }
      }
    }
    if let cursor, cursor.row >= 0, cursor.row < layout.rows, cursor.col >= 0, cursor.col < layout.cols {
      let mark = penDown ? "●" : "+"
      let (x, y) = layout.isHalfBlock
        ? (cursor.col, cursor.row / 2)
        : (cursor.col * layout.cellsPerPixelX + (layout.cellsPerPixelX - 1) / 2, cursor.row * layout.rowsPerPixel + (layout.rowsPerPixel - 1) / 2)
      let under = f[x, y]
      f[x, y] = Cell(mark, fg: .basic(.red), bg: layout.isHalfBlock ? under.bg : under.fg, attributes: .bold)
    }
    return f
  }
}

/// A digit with its caption and, when known, the model's probabilities beside (or below) it.
public enum DigitCard {
  /// The caption on the first row, then the image, then the bars to its right when
  /// there is room (else below it, else left out with a note). At least 28×15.
  public static func frame(
    pixels: [Float], caption: String, probabilities: [Float]? = nil, trueLabel: Int? = nil,
    maxSize: Size, style: ImageStyle = .halfBlock
  ) -> Frame {
    let need = Size(width: 28, height: 15)
    guard maxSize.contains(need) else { return .tooSmall("The digit view", needs: need, available: maxSize) }
    let barsMin = ProbabilityBarsView.minimumSize(count: probabilities?.count ?? 0)
    let besideRoom = maxSize.width - 28 - 3
    let imageMax = Size(width: probabilities != nil && besideRoom >= barsMin.width ? 28 : maxSize.width, height: 14)
    let image = DigitView.frame(pixels: pixels, maxSize: imageMax, style: style)
    var parts = Frame.text([TextLayout.truncate(caption, width: maxSize.width)], style: .bold)
    guard let probabilities else { return .vstack([parts, image]) }
    if besideRoom >= barsMin.width {
      let bars = ProbabilityBarsView.frame(probabilities: probabilities, trueLabel: trueLabel, maxSize: Size(width: min(60, besideRoom), height: image.height))
      return .vstack([parts, .hstack([image, bars], spacing: 3)])
    }
    let below = maxSize.height - 1 - image.height - 1
    if below >= barsMin.height {
      let bars = ProbabilityBarsView.frame(probabilities: probabilities, trueLabel: trueLabel, maxSize: Size(width: maxSize.width, height: below))
      return .vstack([parts, image, bars], spacing: 0)
    }
    parts = .vstack([parts, image, Frame.text([TextLayout.truncate("(a larger terminal shows the probabilities)", width: maxSize.width)], style: .dim)])
    return parts
  }
}
