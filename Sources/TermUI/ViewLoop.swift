import CNCursesW
import Rendering

extension FullScreen {
  /// Opens a full-screen view and runs it until the handler quits.
  ///
  /// The handler is called with `.start` first, then with each event, and gets the
  /// current screen size each time; what it returns is drawn (`.draw`), left
  /// (`.keep`) or closes the view (`.quit`). Ctrl-C inside the view arrives as
  /// `.interrupt` (the terminal is in raw mode, so no SIGINT is sent): return `.quit`.
  /// The terminal is restored before `run` returns or rethrows.
  ///
  /// - Parameters:
  ///   - tickMilliseconds: when set, `.tick` is delivered after this long without
  ///     input (for live views); when nil, the view waits for input.
  ///   - interruptRequested: polled about every 100 ms (or every tick); when it
  ///     returns true, `.interrupt` is delivered. Use it for a SIGINT sent from
  ///     outside (`kill -INT`) that the shell's own counter saw.
  ///   - handler: the view.
  public func run(
    tickMilliseconds: Int? = nil, interruptRequested: (() -> Bool)? = nil,
    _ handler: (Event, Size) throws -> ViewAction
  ) throws {
    enter()
    defer { leave() }
    var wait: Int32 = tickMilliseconds.map { Int32(max(1, $0)) } ?? (interruptRequested == nil ? -1 : 100)
    if isHeadless && wait < 0 { wait = 200 }  // scripted input never blocks a test for ever
    wtimeout(swiftcurses_stdscr(), wait)
    var action = try handler(.start, size)
    var idle = false
    while true {
      switch action {
      case .quit: return
      case .keep: break
      case .draw(let frame): blit(frame)
      }
      // A ticking view is busy unless its last tick changed nothing (the training dashboard
      // between two chunks of steps, or after a key): look for input without waiting, so no
      // training time is lost. An idle view (paused, finished) waits a tick, so it never spins.
      if tickMilliseconds != nil { wtimeout(swiftcurses_stdscr(), idle ? wait : 0) }
      guard let event = nextEvent(ticking: tickMilliseconds != nil, interruptRequested: interruptRequested) else {
        action = .keep
        idle = true
        continue
      }
      action = try handler(event, size)
      if case .tick = event, case .keep = action { idle = true } else { idle = false }
    }
  }

  /// Waits for the next event; nil when nothing worth reporting happened.
  func nextEvent(ticking: Bool, interruptRequested: (() -> Bool)?) -> Event? {
    set_term(screen)
    var ch: wint_t = 0
    let r = wget_wch(swiftcurses_stdscr(), &ch)
    if interruptRequested?() == true { return .interrupt }
    if r == ERR {
      if isHeadless && !ticking { return .interrupt }  // no more scripted input
      return ticking ? .tick : nil
    }
    if r == KEY_CODE_YES { return functionKey(Int32(bitPattern: ch)) }
    return characterKey(ch)
  }

  func characterKey(_ ch: wint_t) -> Event? {
    switch ch {
    case 3: return .interrupt
    case 27: return .key(.escape)
    case 10, 13: return .key(.enter)
    case 8, 127: return .key(.backspace)
    case 9: return .key(.tab)
    default:
      guard let s = Unicode.Scalar(ch) else { return nil }
      return .key(.character(Character(s)))
    }
  }

  func functionKey(_ code: Int32) -> Event? {
    switch code {
    case KEY_RESIZE:
      syncSize()
      return .resize(size)
    case KEY_MOUSE: return mouseEvent()
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_BTAB: return .key(.backTab)
    case KEY_F0 + 1...KEY_F0 + 24: return .key(.function(Int(code - KEY_F0)))
    default: return .key(.unknown(code))
    }
  }

  func mouseEvent() -> Event? {
    var ev = MEVENT()
    guard getmouse(&ev) == OK else { return nil }
    let b = ev.bstate
    let x = Int(ev.x), y = Int(ev.y)
    func has(_ m: mmask_t) -> Bool { m != 0 && b & m != 0 }
    let released: [(mmask_t, Int)] = [
      (swiftcurses_button1_released(), 1), (swiftcurses_button2_released(), 2), (swiftcurses_button3_released(), 3),
    ]
    for (m, n) in released where has(m) {
      heldButton = 0
      return .mouse(MouseEvent(kind: .release, button: n, x: x, y: y))
    }
    if has(swiftcurses_button4_pressed()) { return .mouse(MouseEvent(kind: .scrollUp, button: 4, x: x, y: y)) }
    if has(swiftcurses_button5_pressed()) { return .mouse(MouseEvent(kind: .scrollDown, button: 5, x: x, y: y)) }
    if has(swiftcurses_report_mouse_position()) {
      return .mouse(MouseEvent(kind: heldButton == 0 ? .move : .drag, button: heldButton, x: x, y: y))
    }
    let pressed: [(mmask_t, Int)] = [
      (swiftcurses_button1_pressed(), 1), (swiftcurses_button2_pressed(), 2), (swiftcurses_button3_pressed(), 3),
    ]
    for (m, n) in pressed where has(m) {
      // A press while the same button is held is a drag report.
      if heldButton == n { return .mouse(MouseEvent(kind: .drag, button: n, x: x, y: y)) }
      heldButton = n
      return .mouse(MouseEvent(kind: .press, button: n, x: x, y: y))
    }
    if has(swiftcurses_button1_clicked()) {
      return .mouse(MouseEvent(kind: .press, button: 1, x: x, y: y))
    }
    return nil
  }
}
