import Foundation
import Rendering

/// How views are put on screen in this session: colour mode, glyphs, and the space they get.
struct ViewContext {
  let console: Console
  let mode: ColorMode
  let utf8: Bool

  init(console: Console) {
    self.console = console
    if !console.colorEnabled {
      mode = .plain
    } else {
      let env = ProcessInfo.processInfo.environment
      let term = env["TERM"] ?? "", colorterm = env["COLORTERM"] ?? ""
      mode = term.contains("256color") || colorterm == "truecolor" || colorterm == "24bit" ? .color256 : .color8
    }
    utf8 = ColorMode.localeIsUTF8(environment: ProcessInfo.processInfo.environment) || mode != .plain
  }

  /// The image style that reads well here: half blocks need colour.
  var imageStyle: ImageStyle { mode == .plain ? .ascii : .halfBlock }

  /// The width inline views may use.
  var width: Int {
    var size = winsize()
    if console.isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return max(20, Int(size.ws_col) - 1)
    }
    return 100
  }

  /// Prints a frame into the scrollback.
  func show(_ frame: Frame) {
    console.write(ANSIRenderer(mode: mode, asciiOnly: !utf8).render(frame))
  }
}
