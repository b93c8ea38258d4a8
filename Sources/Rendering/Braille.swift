/// A canvas of braille dots: each cell holds 2×4 dots (U+2800 plus a bit per dot).
public struct BrailleCanvas: Sendable {
  /// Size in cells.
  public let width: Int
  public let height: Int
  var bits: [UInt8]
  var colors: [TermColor]

  /// Dot bits by [row][column] inside a cell.
  static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    bits = Array(repeating: 0, count: self.width * self.height)
    colors = Array(repeating: .default, count: self.width * self.height)
  }

  /// Width in dots.
  public var dotWidth: Int { width * 2 }
  /// Height in dots.
  public var dotHeight: Int { height * 4 }

  /// Sets the dot at (x, y), counted from the top-left, in `color`; outside dots are ignored.
  public mutating func set(x: Int, y: Int, color: TermColor) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let i = (y / 4) * width + x / 2
    bits[i] |= Self.dotBits[y % 4][x % 2]
    colors[i] = color
  }

  /// A straight line of dots between two dot positions (DDA).
  public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), color: TermColor) {
    let dx = b.x - a.x, dy = b.y - a.y
    let steps = max(abs(dx), abs(dy))
    if steps == 0 { return set(x: a.x, y: a.y, color: color) }
    for s in 0...steps {
      let x = a.x + Int((Double(dx * s) / Double(steps)).rounded())
      let y = a.y + Int((Double(dy * s) / Double(steps)).rounded())
      set(x: x, y: y, color: color)
    }
  }

  /// The braille character for a cell, or nil when it has no dots.
  public func glyph(x: Int, y: Int) -> String? {
    let b = bits[y * width + x]
    guard b != 0, let s = Unicode.Scalar(0x2800 + UInt32(b)) else { return nil }
    return String(Character(s))
  }

  /// Draws the dotted cells onto `frame` at (x, y), leaving empty cells alone.
  public func draw(into frame: inout Frame, x: Int, y: Int) {
    for cy in 0..<height {
      for cx in 0..<width {
        if let g = glyph(x: cx, y: cy) { frame[x + cx, y + cy] = Cell(g, fg: colors[cy * width + cx]) }
      }
    }
  }
}
