extension Frame {
  /// The glyphs only, one line per row, trailing spaces kept (for snapshots and tests).
  public var plainText: String {
    var lines: [String] = []
    for y in 0..<height {
      var line = ""
      for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].glyph }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// The glyphs with trailing spaces removed from each line.
  public var trimmedText: String {
    plainText.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
      .joined(separator: "\n")
  }

  /// Colours as xterm-256 indices for snapshots: per row, the foreground of each
  /// cell as two hex digits ("··" for default), then " | ", then the backgrounds.
  public var colorText: String {
    func hex(_ c: TermColor) -> String {
      guard let i = c.xterm256 else { return "··" }
      let digits = Array("0123456789abcdef")
      return String([digits[i / 16], digits[i % 16]])
    }
    var lines: [String] = []
    for y in 0..<height {
      var fg = "", bg = ""
      for x in 0..<width {
        fg += hex(self[x, y].fg)
        bg += hex(self[x, y].bg)
      }
      lines.append(fg + " | " + bg)
    }
    return lines.joined(separator: "\n")
  }
}
