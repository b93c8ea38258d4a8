/// Display widths and word wrapping for terminal text.
public enum TextLayout {
  /// Columns a character occupies: 2 for East Asian wide and emoji, 0 for controls, else 1.
  public static func width(of ch: Character) -> Int {
    guard let s = ch.unicodeScalars.first else { return 0 }
    let v = s.value
    if v < 0x20 || v == 0x7F { return 0 }
    if isWide(v) { return 2 }
    return 1
  }

  /// Columns a string occupies.
  public static func width(of s: String) -> Int { s.reduce(0) { $0 + width(of: $1) } }

  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Splits `text` into lines of at most `width` columns, breaking at spaces.
  ///
  /// Explicit newlines start new lines (a blank line stays blank); a word longer
  /// than the width is cut.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var w = String(word)
        var ww = self.width(of: w)
        if lineWidth > 0 && lineWidth + 1 + ww <= width {
          line += " " + w
          lineWidth += 1 + ww
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while ww > width {
          let (head, rest) = cut(w, width: width)
          lines.append(head)
          w = rest
          ww = self.width(of: w)
        }
        line = w
        lineWidth = ww
      }
      lines.append(line)
    }
    return lines
  }

  /// The first `width` columns of `s` and the rest.
  static func cut(_ s: String, width: Int) -> (String, String) {
    var head = ""
    var used = 0
    var idx = s.startIndex
    while idx < s.endIndex {
      let w = self.width(of: s[idx])
      if used + w > width { break }
      head.append(s[idx])
      used += w
      idx = s.index(after: idx)
    }
    return (head, String(s[idx...]))
  }

  /// `s` cut to `width` columns, with "…" as the last column when it was cut.
  public static func truncate(_ s: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if self.width(of: s) <= width { return s }
    return cut(s, width: width - 1).0 + "…"
  }

  /// `s` padded with spaces on the left to `width` columns.
  public static func padLeft(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - self.width(of: s))) + s
  }

  /// `s` padded with spaces on the right to `width` columns.
  public static func padRight(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - self.width(of: s)))
  }
}
