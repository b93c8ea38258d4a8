import CNCursesW
import Rendering

/// A cell as read back from the curses screen (for tests).
package struct DrawnCell: Equatable, CustomStringConvertible {
  package var glyph: String
  /// Curses colour numbers of the cell's pair (-1 for the default).
  package var fg: Int
  package var bg: Int
  package var attributes: CellAttributes
  package var description: String { "\(glyph) fg \(fg) bg \(bg) \(attributes.rawValue)" }
  package init(glyph: String, fg: Int, bg: Int, attributes: CellAttributes) {
    self.glyph = glyph
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }
}

extension FullScreen {
  /// Draws `frame` at the top-left of the screen and refreshes it.
  ///
  /// Only cells that differ from the last frame are written when the last frame
  /// had the same size; otherwise the screen is cleared first. Cells beyond the
  /// screen are clipped. When the colour pairs run out (a long session shows many
  /// kinds of views), they are reallocated for this frame and it is drawn in full.
  public func blit(_ frame: Frame) {
    set_term(screen)
    let win = swiftcurses_stdscr()
    let previous = lastFrame.flatMap { $0.size == frame.size ? $0 : nil }
    if previous == nil { werase(win) }
    if !drawCells(frame, over: previous) {
      palette.reset()
      werase(win)
      _ = drawCells(frame, over: nil)
    }
    wrefresh(win)
    lastFrame = frame
  }

  /// Writes the cells of `frame` that differ from `previous`; false when colour pairs ran out.
  private func drawCells(_ frame: Frame, over previous: Frame?) -> Bool {
    let win = swiftcurses_stdscr()
    let rows = min(frame.height, size.height), cols = min(frame.width, size.width)
    var cc = cchar_t()
    let maxScalars = Int(swiftcurses_ccharw_max())
    var wide = [wchar_t](repeating: 0, count: maxScalars + 1)
    let mono = palette.depth == .none
    var enoughPairs = true
    for y in 0..<rows {
      for x in 0..<cols {
        let i = y * frame.width + x
        let cell = frame.cells[i]
        if cell.isContinuation { continue }
        if let previous, previous.cells[i] == cell { continue }  // same size as `frame`
        let glyph = mono ? ANSIRenderer.shadedGlyph(for: cell) : cell.glyph
        var n = 0
        var isWide = false
        for scalar in glyph.unicodeScalars where n < maxScalars {
          if n == 0 && scalar.value >= 0x1100 { isWide = TextLayout.width(of: Character(scalar)) == 2 }
          wide[n] = wchar_t(bitPattern: scalar.value)
          n += 1
        }
        // Nothing to draw, or a wide glyph in the last column (it would wrap): a space.
        if n == 0 || (isWide && x == cols - 1) {
          wide[0] = 32
          n = 1
        }
        wide[n] = 0
        let pair: Int16
        if let p = palette.pair(fg: cell.fg, bg: cell.bg) {
          pair = p
        } else {
          enoughPairs = false
          pair = 0
        }
        setcchar(&cc, wide, attributeTable[Int(cell.attributes.rawValue & 15)], pair, nil)
        mvwadd_wch(win, Int32(y), Int32(x), &cc)
      }
    }
    return enoughPairs
  }

  /// Curses attributes for each combination of the four cell attributes.
  static func makeAttributeTable() -> [attr_t] {
    (0..<16).map { attributes(CellAttributes(rawValue: UInt8($0))) }
  }

  static func attributes(_ a: CellAttributes) -> attr_t {
    var r = swiftcurses_a_normal()
    if a.contains(.bold) { r |= swiftcurses_a_bold() }
    if a.contains(.dim) { r |= swiftcurses_a_dim() }
    if a.contains(.reverse) { r |= swiftcurses_a_reverse() }
    if a.contains(.underline) { r |= swiftcurses_a_underline() }
    return r
  }

  /// Forgets what is on screen, so the next `blit` redraws everything.
  public func invalidate() { lastFrame = nil }

  /// The cell curses holds at (x, y).
  package func drawnCell(x: Int, y: Int) -> DrawnCell {
    set_term(screen)
    var cc = cchar_t()
    mvwin_wch(swiftcurses_stdscr(), Int32(y), Int32(x), &cc)
    var wch = [wchar_t](repeating: 0, count: Int(swiftcurses_ccharw_max()) + 1)
    var attrs: attr_t = 0
    var pair: Int16 = 0
    getcchar(&cc, &wch, &attrs, &pair, nil)
    let glyph = String(String.UnicodeScalarView(wch.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    var a: CellAttributes = []
    if attrs & swiftcurses_a_bold() != 0 { a.insert(.bold) }
    if attrs & swiftcurses_a_dim() != 0 { a.insert(.dim) }
    if attrs & swiftcurses_a_reverse() != 0 { a.insert(.reverse) }
    if attrs & swiftcurses_a_underline() != 0 { a.insert(.underline) }
    let colors = palette.colorsOfPair[pair] ?? (-1, -1)
    return DrawnCell(glyph: glyph, fg: colors.fg, bg: colors.bg, attributes: a)
  }

  /// One screen row's glyphs as curses holds them.
  package func drawnRow(_ y: Int) -> String {
    var row = ""
    var x = 0
    while x < size.width {
      let g = drawnCell(x: x, y: y).glyph
      row += g
      x += max(1, TextLayout.width(of: g))
    }
    return row
  }
}
