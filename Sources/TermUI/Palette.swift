import CNCursesW
import Rendering

/// Colour pairs allocated on demand for (foreground, background) combinations.
///
/// Pair numbers stay below 256 (the classic `COLOR_PAIR` limit). A digit image
/// needs at most 121 pairs (11 greys × 11), a heatmap 121 (the 11-step ramp), so a
/// screen with both plus text still fits. When pairs run out, `pair` returns nil
/// and the caller resets the table and redraws.
final class Palette {
  enum Depth { case none, basic8, xterm256 }

  let depth: Depth
  /// Whether -1 (the terminal's default colour) may be used in pairs.
  let hasDefaultColors: Bool
  private var pairs: [Int32: Int16] = [:]
  private(set) var colorsOfPair: [Int16: (fg: Int, bg: Int)] = [0: (-1, -1)]
  private let maxPair: Int16

  /// Starts colours on the current screen and decides the depth.
  init() {
    guard has_colors() else {
      depth = .none
      hasDefaultColors = false
      maxPair = 0
      return
    }
    start_color()
    hasDefaultColors = use_default_colors() == OK
    let colors = swiftcurses_colors()
    depth = colors >= 256 ? .xterm256 : (colors >= 8 ? .basic8 : .none)
    maxPair = Int16(max(0, min(swiftcurses_color_pairs(), 256) - 1))
  }

  /// The curses colour number of `c` at this depth (-1 for the terminal default).
  func number(_ c: TermColor, isBackground: Bool) -> Int {
    let n: Int?
    switch depth {
    case .none: return -1
    case .basic8: n = c.ansi8
    case .xterm256: n = c.xterm256
    }
    if let n { return n }
    return hasDefaultColors ? -1 : (isBackground ? 0 : 7)
  }

  /// The pair for a cell's colours, allocating it when new; nil when all pairs are taken.
  func pair(fg: TermColor, bg: TermColor) -> Int16? {
    guard depth != .none else { return 0 }
    let f = number(fg, isBackground: false), b = number(bg, isBackground: true)
    if f == -1 && b == -1 { return 0 }
    let key = Int32(f + 1) << 16 | Int32(b + 1)
    if let p = pairs[key] { return p }
    let next = Int16(pairs.count + 1)
    guard next <= maxPair else { return nil }
    guard init_pair(next, Int16(f), Int16(b)) == OK else { return 0 }
    pairs[key] = next
    colorsOfPair[next] = (f, b)
    return next
  }

  /// Forgets every allocated pair (their numbers are reused from 1).
  func reset() {
    pairs.removeAll(keepingCapacity: true)
    colorsOfPair = [0: (-1, -1)]
  }

  /// Number of pairs in use.
  var count: Int { pairs.count }
}
