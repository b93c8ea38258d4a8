/// A width and height in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
  public var description: String { "\(width)×\(height)" }
  /// Whether `other` fits inside this size.
  public func contains(_ other: Size) -> Bool { other.width <= width && other.height <= height }
}

/// One character cell: a glyph with colours and attributes.
///
/// A glyph that is two columns wide is stored in its first cell; the cell to its
/// right holds the empty continuation glyph `""`, which backends skip.
public struct Cell: Hashable, Sendable {
  public var glyph: String
  public var fg: TermColor
  public var bg: TermColor
  public var attributes: CellAttributes

  public init(_ glyph: String = " ", fg: TermColor = .default, bg: TermColor = .default, attributes: CellAttributes = []) {
    self.glyph = glyph
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  public init(_ glyph: String, style: Style) {
    self.init(glyph, fg: style.fg, bg: style.bg, attributes: style.attributes)
  }

  /// A blank cell in the default colours.
  public static let blank = Cell()
  /// The continuation of a wide glyph in the cell to the left.
  public var isContinuation: Bool { glyph.isEmpty }
  /// The style part of the cell.
  public var style: Style { Style(fg: fg, bg: bg, attributes: attributes) }
}

/// A rectangular grid of cells, independent of any terminal.
///
/// Builders return frames; `ANSIRenderer` turns them into text and `TermUI` draws
/// them with curses. Writes outside the grid are clipped silently.
public struct Frame: Hashable, Sendable {
  public private(set) var width: Int
  public private(set) var height: Int
  /// Cells row by row (`y * width + x`).
  public private(set) var cells: [Cell]
  /// Set when this frame is a "needs at least …" message instead of the view: the size the view needs.
  public internal(set) var neededSize: Size?

  /// A frame of `width`×`height` cells, all set to `fill` (negative sizes become 0).
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: fill, count: self.width * self.height)
  }

  public init(size: Size, fill: Cell = .blank) { self.init(width: size.width, height: size.height, fill: fill) }

  public var size: Size { Size(width: width, height: height) }

  /// The cell at column `x`, row `y`; reading outside gives a blank cell, writing outside is ignored.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
  }

  /// Whether (x, y) is inside the frame.
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Writes `text` from (x, y) on one line, clipped to `maxWidth` columns and the frame edge.
  ///
  /// - Returns: the number of columns written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
    let limit = min(width, x + (maxWidth ?? width))
    var col = x
    for ch in text {
      if ch == "\n" { break }
      let w = TextLayout.width(of: ch)
      if w == 0 { continue }
      if col + w > limit { break }
      self[col, y] = Cell(String(ch), style: style)
      if w == 2 { self[col + 1, y] = Cell("", style: style) }
      col += w
    }
    return col - x
  }

  /// Sets the colours and attributes of a horizontal run of cells, keeping their glyphs.
  public mutating func restyle(x: Int, y: Int, width w: Int, style: Style) {
    for cx in max(0, x)..<max(max(0, x), min(width, x + w)) {
      var c = self[cx, y]
      c.fg = style.fg
      c.bg = style.bg
      c.attributes = style.attributes
      self[cx, y] = c
    }
  }

  /// Fills a rectangle with `cell`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell) {
    for cy in max(0, y)..<max(max(0, y), min(height, y + h)) {
      for cx in max(0, x)..<max(max(0, x), min(width, x + w)) { cells[cy * width + cx] = cell }
    }
  }

  /// Copies `other` onto this frame with its top-left corner at (x, y), clipping at the edges.
  public mutating func draw(_ other: Frame, x: Int, y: Int) {
    // Row by row, as slices: live views (the training dashboard) compose several frames
    // into one many times a second.
    let x0 = max(0, x), x1 = min(width, x + other.width)
    let y0 = max(0, y), y1 = min(height, y + other.height)
    guard x0 < x1, y0 < y1 else { return }
    for ty in y0..<y1 {
      let from = (ty - y) * other.width + (x0 - x)
      cells.replaceSubrange(ty * width + x0..<ty * width + x1, with: other.cells[from..<from + (x1 - x0)])
    }
  }

  /// Frames side by side, top-aligned, with `spacing` blank columns between them.
  public static func hstack(_ frames: [Frame], spacing: Int = 1) -> Frame {
    let w = frames.reduce(0) { $0 + $1.width } + spacing * max(0, frames.count - 1)
    var out = Frame(width: w, height: frames.map(\.height).max() ?? 0)
    var x = 0
    for f in frames {
      out.draw(f, x: x, y: 0)
      x += f.width + spacing
    }
    return out
  }

  /// Frames one above the other, left-aligned, with `spacing` blank rows between them.
  public static func vstack(_ frames: [Frame], spacing: Int = 0) -> Frame {
    let h = frames.reduce(0) { $0 + $1.height } + spacing * max(0, frames.count - 1)
    var out = Frame(width: frames.map(\.width).max() ?? 0, height: h)
    var y = 0
    for f in frames {
      out.draw(f, x: 0, y: y)
      y += f.height + spacing
    }
    return out
  }

  /// A frame of the given lines of text in one style, as wide as the longest line.
  public static func text(_ lines: [String], style: Style = .plain) -> Frame {
    var f = Frame(width: lines.map(TextLayout.width(of:)).max() ?? 0, height: lines.count)
    for (i, line) in lines.enumerated() { f.put(line, x: 0, y: i, style: style) }
    return f
  }

  /// This frame placed at the centre of a blank frame of `size` (clipped if larger).
  public func centered(in size: Size) -> Frame {
    var out = Frame(size: size)
    out.draw(self, x: max(0, (size.width - width) / 2), y: max(0, (size.height - height) / 2))
    return out
  }
}
