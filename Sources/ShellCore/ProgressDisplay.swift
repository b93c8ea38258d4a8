import Foundation

/// The one-line progress display for statements that run longer than about half a second:
/// for a training loop, the step count, steps per second and the latest loss, updated in
/// place and removed when the statement ends.
final class ProgressDisplay {
  private let console: Console
  /// Training figures since the statement began: (steps taken, latest loss), if any.
  var trainingStatus: (() -> (steps: Int, loss: Float?)?)?
  private var shown = false
  private var lastDraw = 0.0
  private let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
  private var frame = 0
  /// Seconds a statement must run before the display appears.
  let delay = 0.5

  init(console: Console) { self.console = console }

  func begin() {
    shown = false
    lastDraw = 0
  }

  /// Called by the interpreter now and then while a statement runs.
  func tick(elapsed: Double) {
    guard console.isTerminal, elapsed >= delay, elapsed - lastDraw >= 0.1 else { return }
    lastDraw = elapsed
    frame += 1
    let glyph = console.colorEnabled ? spinner[frame % spinner.count] : "*"
    var text = "\(glyph) running \(String(format: "%.1f", elapsed)) s"
    if let status = trainingStatus?(), status.steps > 0 {
      let rate = Double(status.steps) / elapsed
      text = "\(glyph) training: step \(status.steps) · \(Int(rate.rounded())) steps/s"
      if let loss = status.loss { text += " · loss \(String(format: "%.4f", loss))" }
    }
    text += "   " + console.dim("(Ctrl-C stops)")
    console.status(text)
    shown = true
  }

  func end() {
    if shown { console.clearStatus() }
    shown = false
  }
}
