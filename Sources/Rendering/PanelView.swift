/// Bordered panels with a title and wrapped text, and a one-line status bar.
public enum PanelView {
  /// A box of `width` columns (at most `maxSize.width`) around `text` wrapped to fit.
  ///
  /// The box is as tall as the text needs, up to `maxSize.height`; text that does
  /// not fit ends with "…".
  public static func frame(title: String? = nil, text: String, width: Int? = nil, maxSize: Size, border: Style = .dim) -> Frame {
    let need = Size(width: 6, height: 3)
    guard maxSize.contains(need) else { return .tooSmall("The panel", needs: need, available: maxSize) }
    let w = min(maxSize.width, max(need.width, width ?? maxSize.width))
    var lines = TextLayout.wrap(text, width: w - 4)
    let room = maxSize.height - 2
    if lines.count > room {
      lines = Array(lines[0..<room])
      lines[room - 1] = TextLayout.truncate(lines[room - 1] + " …", width: w - 4)
      if !lines[room - 1].hasSuffix("…") { lines[room - 1] += "…" }
    }
    var inner = Frame(width: w - 4, height: lines.count)
    for (i, l) in lines.enumerated() { inner.put(l, x: 0, y: i) }
    var padded = Frame(width: w - 2, height: inner.height)
    padded.draw(inner, x: 1, y: 0)
    return padded.bordered(title: title, border: border)
  }

  /// A full-width line in reverse video with `left` text and `right` text at the right edge.
  public static func statusLine(left: String, right: String = "", width: Int) -> Frame {
    let style = Style(attributes: .reverse)
    var f = Frame(width: width, height: 1, fill: Cell(" ", style: style))
    let rw = min(TextLayout.width(of: right), width)
    f.put(TextLayout.truncate(left, width: max(0, width - rw - 1)), x: 0, y: 0, style: style)
    f.put(right, x: width - rw, y: 0, style: style)
    return f
  }
}

extension Frame {
  /// This frame inside a box-drawing border with an optional title in the top edge.
  public func bordered(title: String? = nil, border: Style = .dim) -> Frame {
    var f = Frame(width: width + 2, height: height + 2)
    f.draw(self, x: 1, y: 1)
    f.put("┌" + String(repeating: "─", count: width) + "┐", x: 0, y: 0, style: border)
    for y in 0..<height {
      f.put("│", x: 0, y: y + 1, style: border)
      f.put("│", x: width + 1, y: y + 1, style: border)
    }
    f.put("└" + String(repeating: "─", count: width) + "┘", x: 0, y: height + 1, style: border)
    if let title, width >= 3 {
      f.put(" " + TextLayout.truncate(title, width: width - 2) + " ", x: 1, y: 0, style: .bold)
    }
    return f
  }
}
