import LineEdit
import Rendering
import TermUI

/// What a full-screen view wants after an event.
package enum ViewStep {
  /// Draw the view again.
  case redraw
  /// Leave the screen as it is.
  case keep
  /// Close this view (back to the one that opened it, or to the prompt).
  case close
  /// Close every view and go back to the prompt.
  case closeAll
  /// Open another view on top of this one.
  case push(any ScreenView)
}

/// A full-screen view: draws itself at any size and reacts to keys, mouse and ticks.
/// Views are plain objects, so tests drive them without a terminal.
package protocol ScreenView: AnyObject {
  /// The whole screen's content at `size` (a "needs at least" message when too small).
  func frame(size: Size) -> Frame
  /// Reacts to a key, mouse report or tick (`.start` and `.resize` are handled by the runner).
  func handle(_ event: Event, size: Size) -> ViewStep
}

/// Runs a stack of views on one curses screen.
package enum ViewRunner {
  /// Opens `root` on `screen` and returns when it (and every view it opened) has closed,
  /// or on Ctrl-C. The terminal is restored on the way out.
  package static func run(_ root: any ScreenView, on screen: FullScreen, tickMilliseconds: Int? = nil) throws {
    var stack: [any ScreenView] = [root]
    try screen.run(tickMilliseconds: tickMilliseconds, interruptRequested: { SignalInterrupts.take() > 0 }) { event, size in
      guard let top = stack.last else { return .quit }
      let step: ViewStep
      switch event {
      case .start, .resize: step = .redraw
      case .interrupt: return .quit
      default: step = top.handle(event, size: size)
      }
      switch step {
      case .redraw: return .draw(top.frame(size: size))
      case .keep: return .keep
      case .closeAll: return .quit
      case .close:
        stack.removeLast()
        guard let below = stack.last else { return .quit }
        return .draw(below.frame(size: size))
      case .push(let view):
        stack.append(view)
        return .draw(view.frame(size: size))
      }
    }
  }
}

/// Pieces shared by the full-screen views.
enum ScreenParts {
  /// A reverse-video bar for the bottom row: the keys on the left, a note on the right.
  static func statusBar(_ keys: String, _ right: String = "", width: Int) -> Frame {
    PanelView.statusLine(left: " " + keys, right: right + " ", width: width)
  }

  /// A digit as large as fits, with the ten probability bars beside it when there is room.
  static func digit(pixels: [Float], caption: String, probabilities: [Float]?, trueLabel: Int?, maxSize: Size) -> Frame {
    let barsWidth = 44
    guard let probabilities, maxSize.width >= 28 + 3 + barsWidth, maxSize.height >= 15 else {
      return DigitCard.frame(pixels: pixels, caption: caption, probabilities: probabilities, trueLabel: trueLabel, maxSize: maxSize)
    }
    let image = DigitView.frame(pixels: pixels, maxSize: Size(width: maxSize.width - 3 - barsWidth, height: maxSize.height - 1))
    let bars = ProbabilityBarsView.frame(probabilities: probabilities, trueLabel: trueLabel, maxSize: Size(width: barsWidth, height: 10))
    var right = Frame(width: barsWidth, height: image.height)
    right.draw(bars, x: 0, y: max(0, (image.height - bars.height) / 2))
    let caption = Frame.text([TextLayout.truncate(caption, width: maxSize.width)], style: .bold)
    return .vstack([caption, .hstack([image, right], spacing: 3)])
  }

  /// A frame of `size` with `body` at the top and `status` on the last row.
  static func screen(_ body: Frame, status: Frame, size: Size) -> Frame {
    if body.isTooSmallMessage { return body }
    var f = Frame(size: size)
    f.draw(body, x: 0, y: 0)
    f.draw(status, x: 0, y: size.height - 1)
    return f
  }

  /// The index of the largest value.
  static func argmax(_ values: [Float]) -> Int {
    var best = 0
    for i in values.indices where values[i] > values[best] { best = i }
    return best
  }
}

extension LearnerSession {
  /// The note printed instead of a full-screen view when there is no terminal.
  static let needsTerminalNote = "(full-screen views need a terminal)"

  /// Opens `view` full screen; prints why not and returns false when this session has no terminal.
  @discardableResult
  func openFullScreen(_ view: any ScreenView, tickMilliseconds: Int? = nil) throws -> Bool {
    guard interactive else {
      console.line(Self.needsTerminalNote)
      return false
    }
    let screen: FullScreen
    do {
      screen = try FullScreen.shared()
    } catch {
      console.line("(\(error))")
      return false
    }
    console.clearStatus()
    try ViewRunner.run(view, on: screen, tickMilliseconds: tickMilliseconds)
    return true
  }

  /// The full-screen commands (:browse, :draw, :train, :step) and the confusion-matrix browser.
  func installFullScreenCommands() {
    installBrowseCommand()
    installTrainCommands()
    installDrawCommand()
  }
}
