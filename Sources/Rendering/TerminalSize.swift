#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Size {
  /// The size of the terminal on standard output, or nil when it is not a terminal.
  ///
  /// Use it to fit inline output (a heatmap grid, a chart) to the window; fall
  /// back to 80×24 when it is nil.
  public static func ofTerminal() -> Size? {
    var ws = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
    return Size(width: Int(ws.ws_col), height: Int(ws.ws_row))
  }
}
