extension Frame {
  /// A frame saying that a view needs at least `needs` cells and only `available` were given.
  ///
  /// The message is wrapped to fit `available` (and the frame is that size), so a
  /// full-screen view can draw it in place of garbage.
  public static func tooSmall(_ what: String = "this view", needs: Size, available: Size) -> Frame {
    let message = "\(what) needs at least \(needs.width)×\(needs.height) cells; the space here is \(available.width)×\(available.height). Make the terminal larger."
    var f = Frame(size: available)
    let lines = TextLayout.wrap(message, width: available.width)
    let top = max(0, (available.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let x = max(0, (available.width - TextLayout.width(of: line)) / 2)
      f.put(line, x: x, y: top + i, style: Style(fg: .basic(.yellow), attributes: .bold))
    }
    f.neededSize = needs
    return f
  }

  /// Whether this frame is a `tooSmall` message rather than the view.
  public var isTooSmallMessage: Bool { neededSize != nil }
}
