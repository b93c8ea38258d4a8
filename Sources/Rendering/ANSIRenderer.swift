/// Turns frames into text for printing inline (into the REPL's scrollback or a pipe).
///
/// Each row ends with a newline and, in colour modes, a reset, so colours never
/// bleed into what is printed next. Trailing blank cells in default colours are
/// dropped. In `.plain` mode there are no escape codes at all, and half-block
/// pixels become ASCII shading (their meaning was in their colours).
public struct ANSIRenderer: Sendable {
  public var mode: ColorMode
  /// Replace every non-ASCII glyph with an ASCII stand-in (for non-UTF-8 output).
  public var asciiOnly: Bool

  public init(mode: ColorMode, asciiOnly: Bool = false) {
    self.mode = mode
    self.asciiOnly = asciiOnly
  }

  static let esc = "\u{1B}["

  /// The text of `frame`, one line per row, each ending in "\n".
  public func render(_ frame: Frame) -> String {
    var out = ""
    for y in 0..<frame.height {
      var last = frame.width
      while last > 0 {
        let c = frame[last - 1, y]
        if (c.glyph == " " || c.glyph.isEmpty) && c.bg == .default && !c.attributes.contains(.reverse) && !c.attributes.contains(.underline) {
          last -= 1
        } else {
          break
        }
      }
      var current = Style.plain
      for x in 0..<last {
        let cell = frame[x, y]
        if cell.isContinuation { continue }
        var glyph = cell.glyph
        if mode == .plain || asciiOnly { glyph = Self.plainGlyph(cell, ascii: asciiOnly) }
        if asciiOnly { glyph = Self.asciiGlyph(glyph) }
        if mode != .plain && cell.style != current {
          out += sgr(cell.style)
          current = cell.style
        }
        out += glyph
        if asciiOnly, TextLayout.width(of: cell.glyph) == 2 { out += " " }
      }
      if current != .plain { out += Self.esc + "0m" }
      out += "\n"
    }
    return out
  }

  /// The escape sequence that sets `style` from scratch.
  func sgr(_ style: Style) -> String {
    var codes = ["0"]
    if style.attributes.contains(.bold) { codes.append("1") }
    if style.attributes.contains(.dim) { codes.append("2") }
    if style.attributes.contains(.underline) { codes.append("4") }
    if style.attributes.contains(.reverse) { codes.append("7") }
    switch mode {
    case .color256:
      if let i = style.fg.xterm256 { codes.append("38;5;\(i)") }
      if let i = style.bg.xterm256 { codes.append("48;5;\(i)") }
    case .color8:
      if let i = style.fg.ansi8 { codes.append("3\(i)") }
      if let i = style.bg.ansi8 { codes.append("4\(i)") }
    case .plain:
      break
    }
    return Self.esc + codes.joined(separator: ";") + "m"
  }

  /// The glyph to show for `cell` without colours: half-block pixels become ASCII shading.
  public static func shadedGlyph(for cell: Cell) -> String { plainGlyph(cell, ascii: false) }

  /// Shading for a half-block pixel pair, keeping every other glyph.
  static func plainGlyph(_ cell: Cell, ascii: Bool) -> String {
    guard cell.glyph == "▀" else { return cell.glyph }
    switch (cell.fg, cell.bg) {
    case (.gray(let a), .gray(let b)):
      return String(DigitView.shade(Float(a + b) / Float(2 * TermColor.grayLevels)))
    case (.diverging(let a), .diverging(let b)):
      return divergingShade(Float(a + b) / Float(2 * TermColor.divergingSteps))
    default:
      return cell.fg == cell.bg && cell.fg == .default ? " " : "#"
    }
  }

  /// Signed shading: "-", "=" for negative, "+", "#" for positive, "." or " " near zero.
  public static func divergingShade(_ t: Float) -> String {
    switch t {
    case ..<(-0.6): return "="
    case ..<(-0.2): return "-"
    case ..<(-0.05): return "."
    case ...0.05: return " "
    case ...0.2: return "."
    case ...0.6: return "+"
    default: return "#"
    }
  }

  static let asciiMap: [Character: String] = [
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
    "┼": "+", "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "=", "▎": "-", "▏": "-", "▀": "#",
    "·": ".", "…": ".", "→": ">", "←": "<", "↓": "v", "↑": "^", "◀": "<", "◁": "<", "▶": ">", "✓": "v",
    "✗": "x", "×": "x", "—": "-",
  ]

  /// An ASCII stand-in for a glyph (braille dots become "*", other unknown glyphs "?").
  static func asciiGlyph(_ g: String) -> String {
    guard let ch = g.first, g.count == 1, !ch.isASCII else { return g }
    if let s = asciiMap[ch] { return s }
    if let v = ch.unicodeScalars.first?.value, (0x2800...0x28FF).contains(v) { return v == 0x2800 ? " " : "*" }
    return "?"
  }
}
