/// One of the eight standard ANSI colours, numbered as terminals number them.
public enum BasicColor: UInt8, Sendable, CaseIterable {
  case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// A palette-independent colour; each backend maps it to what the terminal can show.
///
/// `gray` and `diverging` are ramps: the backend picks the nearest shade it has
/// (24-step xterm greys and a blue–white–red cube ramp with 256 colours, a few
/// levels with 8 colours, ASCII shading characters without colour).
public enum TermColor: Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the eight ANSI colours.
  case basic(BasicColor)
  /// An xterm-256 palette index.
  case indexed(UInt8)
  /// A grey level from 0 (black) to 10 (white).
  case gray(Int)
  /// A diverging level from -5 (strong red, negative) through 0 (white) to 5 (strong blue, positive).
  case diverging(Int)

  /// Number of steps on each side of the diverging ramp.
  public static let divergingSteps = 5
  /// Highest grey level.
  public static let grayLevels = 10

  /// The grey level for an intensity in [0, 1] (values outside are clamped, NaN is black).
  public static func gray(intensity: Float) -> TermColor {
    guard intensity.isFinite else { return .gray(0) }
    let v = min(max(intensity, 0), 1)
    return .gray(Int((v * Float(grayLevels)).rounded()))
  }

  /// The diverging level for `value` on the symmetric scale [-scale, scale].
  ///
  /// A zero or non-finite scale maps everything to white.
  public static func diverging(value: Float, scale: Float) -> TermColor {
    guard scale > 0, scale.isFinite, value.isFinite else { return .diverging(0) }
    let t = min(max(value / scale, -1), 1)
    return .diverging(Int((t * Float(divergingSteps)).rounded()))
  }

  /// A colour of the xterm 6×6×6 cube, each component 0...5 (clamped).
  public static func cube(red: Int, green: Int, blue: Int) -> TermColor {
    func c(_ v: Int) -> Int { min(max(v, 0), 5) }
    return .indexed(UInt8(16 + 36 * c(red) + 6 * c(green) + c(blue)))
  }

  static let grayRamp256: [UInt8] = [16, 233, 235, 237, 239, 241, 243, 245, 248, 251, 231]
  /// Red (most negative) → white → blue (most positive), from the xterm colour cube.
  static let divergingRamp256: [UInt8] = [196, 203, 210, 217, 224, 231, 189, 147, 105, 63, 21]

  /// The xterm-256 index for this colour, or nil for the terminal default.
  public var xterm256: Int? {
    switch self {
    case .default: return nil
    case .basic(let c): return Int(c.rawValue)
    case .indexed(let i): return Int(i)
    case .gray(let l): return Int(Self.grayRamp256[min(max(l, 0), Self.grayLevels)])
    case .diverging(let l):
      let i = min(max(l, -Self.divergingSteps), Self.divergingSteps) + Self.divergingSteps
      return Int(Self.divergingRamp256[i])
    }
  }

  /// The nearest of the eight ANSI colours (0-7), or nil for the terminal default.
  public var ansi8: Int? {
    switch self {
    case .default: return nil
    case .basic(let c): return Int(c.rawValue)
    case .gray(let l): return l >= 5 ? 7 : 0
    case .diverging(let l): return l <= -2 ? 1 : (l >= 2 ? 4 : 7)
    case .indexed(let i): return Self.nearestBasic(xterm: Int(i))
    }
  }

  static func nearestBasic(xterm i: Int) -> Int {
    if i < 16 { return i % 8 }
    if i >= 232 { return i >= 244 ? 7 : 0 }
    let n = i - 16
    let r = n / 36, g = (n / 6) % 6, b = n % 6
    // Each cube component is "on" when it is in the upper half.
    return (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
  }
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = CellAttributes(rawValue: 1)
  public static let dim = CellAttributes(rawValue: 2)
  public static let reverse = CellAttributes(rawValue: 4)
  public static let underline = CellAttributes(rawValue: 8)
}

/// Foreground, background and attributes, applied together when writing text.
public struct Style: Hashable, Sendable {
  public var fg: TermColor
  public var bg: TermColor
  public var attributes: CellAttributes

  public init(fg: TermColor = .default, bg: TermColor = .default, attributes: CellAttributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  /// The terminal's default look.
  public static let plain = Style()
  /// Bold text in the default colours.
  public static let bold = Style(attributes: .bold)
  /// Dim text in the default colours.
  public static let dim = Style(attributes: .dim)
}
