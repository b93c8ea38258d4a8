import Rendering

/// A key pressed in a full-screen view.
public enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right, home, end, pageUp, pageDown
  case enter, escape, backspace, delete, tab, backTab
  /// F1 is `.function(1)`.
  case function(Int)
  /// A key curses reports that has no name here (its curses code).
  case unknown(Int32)
}

/// A mouse report, in cell coordinates of the screen (0-based).
public struct MouseEvent: Hashable, Sendable {
  /// What the mouse did.
  public enum Kind: Hashable, Sendable { case press, drag, release, move, scrollUp, scrollDown }
  public var kind: Kind
  /// 1 left, 2 middle, 3 right (0 when not known, as for moves).
  public var button: Int
  public var x: Int
  public var y: Int

  public init(kind: Kind, button: Int, x: Int, y: Int) {
    self.kind = kind
    self.button = button
    self.x = x
    self.y = y
  }
}

/// Something that happened while a full-screen view is open.
public enum Event: Hashable, Sendable {
  /// The view opened: draw the first frame.
  case start
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal changed size (the new size is also passed to the handler).
  case resize(Size)
  /// The tick interval passed without input.
  case tick
  /// Ctrl-C was pressed (or an interrupt was requested): the view should stop.
  case interrupt
}

/// What a view's handler wants after an event.
public enum ViewAction: Sendable {
  /// Draw this frame (it is placed at the top-left; the rest of the screen is cleared).
  case draw(Frame)
  /// Leave the screen as it is.
  case keep
  /// Close the view and go back to the shell.
  case quit
}

/// Why the full-screen mode could not start.
public enum FullScreenError: Error, CustomStringConvertible {
  /// Standard input or output is not a terminal.
  case notATerminal
  /// curses could not start on this terminal (unknown or unusable `TERM`).
  case unusableTerminal(String)

  public var description: String {
    switch self {
    case .notATerminal: return "full-screen views need a terminal"
    case .unusableTerminal(let term): return "full-screen views cannot run on this terminal (TERM=\(term))"
    }
  }
}
