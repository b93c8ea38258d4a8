import CNCursesW
import Foundation
import Rendering

#if canImport(Glibc)
  import Glibc
#endif

/// The process's curses screen: opens full-screen views and draws frames on them.
///
/// There is one `SCREEN` for the process, made with `newterm` (never `initscr`,
/// which exits on an unknown `TERM`) the first time `shared()` is called. Between
/// views the terminal is in normal shell mode, so the REPL and its scrollback are
/// untouched; `run` enters curses mode (alternate screen), delivers events and
/// always restores the terminal on the way out, even when the handler throws.
///
/// Not thread-safe: use it from one thread (the REPL's).
public final class FullScreen {
  nonisolated(unsafe) private static var sharedScreen: FullScreen?
  nonisolated(unsafe) private static var headlessScreens: [String: FullScreen] = [:]
  private static let headlessLock = NSLock()

  let screen: OpaquePointer
  let palette: Palette
  let attributeTable: [attr_t]
  /// Whether this is the test screen on /dev/null.
  let isHeadless: Bool
  /// The write end of the headless screen's input pipe.
  private let inputWriteFD: Int32
  private var files: [UnsafeMutablePointer<FILE>] = []
  /// The last frame drawn and where, to draw only changed cells next time.
  var lastFrame: Frame?
  /// Whether a button is held, so that motion reports are drags.
  var heldButton = 0

  /// The current screen size in cells.
  public private(set) var size: Size

  /// The process's full-screen controller, created on first use.
  ///
  /// - Throws: `FullScreenError.notATerminal` when stdin or stdout is not a
  ///   terminal, `.unusableTerminal` when curses does not know `TERM`.
  public static func shared() throws -> FullScreen {
    if let s = sharedScreen { return s }
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw FullScreenError.notATerminal }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !term.isEmpty, term != "dumb" else { throw FullScreenError.unusableTerminal(term.isEmpty ? "(unset)" : term) }
    TerminalLocale.ensureUTF8()
    fflush(swiftcurses_stdout())
    let scr = withShellSignals { newterm(nil, swiftcurses_stdout(), swiftcurses_stdin()) }
    guard let scr else { throw FullScreenError.unusableTerminal(term) }
    let fs = FullScreen(screen: scr, headless: false, inputWriteFD: -1)
    endwin()  // back to shell mode until a view opens
    sharedScreen = fs
    return fs
  }

  /// A screen drawn into /dev/null, for tests: `rows`×`cols` cells of terminal type
  /// `term`, input from a pipe that `feedInput` writes to.
  ///
  /// Curses is process-global and not thread-safe, and Swift Testing runs tests in
  /// parallel: use `withHeadless` (which serialises its callers), or keep every
  /// test that uses this in one `.serialized` suite.
  package static func headless(rows: Int = 24, cols: Int = 80, term: String = "xterm-256color") throws -> FullScreen {
    if let s = headlessScreens[term] {
      s.resize(rows: rows, cols: cols)
      return s
    }
    TerminalLocale.ensureUTF8()
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0, let input = fdopen(fds[0], "r"), let output = fopen("/dev/null", "w") else {
      throw FullScreenError.unusableTerminal("headless")
    }
    guard let scr = withShellSignals({ newterm(term, output, input) }) else { throw FullScreenError.unusableTerminal(term) }
    let fs = FullScreen(screen: scr, headless: true, inputWriteFD: fds[1])
    fs.files = [input, output]
    fs.resize(rows: rows, cols: cols)
    headlessScreens[term] = fs
    return fs
  }

  /// Runs `body` with the headless screen, one caller at a time across threads.
  package static func withHeadless<T>(
    rows: Int = 24, cols: Int = 80, term: String = "xterm-256color", _ body: (FullScreen) throws -> T
  ) throws -> T {
    headlessLock.lock()
    defer { headlessLock.unlock() }
    let screen = try headless(rows: rows, cols: cols, term: term)
    screen.invalidate()
    return try body(screen)
  }

  /// Runs `body` (newterm) so that ncurses keeps its hands off SIGINT and SIGTSTP.
  ///
  /// ncurses installs its own handlers for signals left at their defaults: an
  /// exiting one for SIGINT (the shell counts Ctrl-C instead), and a SIGTSTP one
  /// that, after Ctrl-Z and `fg` at the REPL prompt, would bring back the last
  /// curses screen over the shell. Views run in raw mode, so neither key sends a
  /// signal while a view is open.
  private static func withShellSignals(_ body: () -> OpaquePointer?) -> OpaquePointer? {
    let oldInt = signal(SIGINT, SIG_IGN)
    let oldTstp = signal(SIGTSTP, SIG_IGN)
    let result = body()
    signal(SIGINT, oldInt)
    signal(SIGTSTP, oldTstp)
    return result
  }

  private init(screen: OpaquePointer, headless: Bool, inputWriteFD: Int32) {
    self.screen = screen
    self.isHeadless = headless
    self.inputWriteFD = inputWriteFD
    set_term(screen)
    palette = Palette()
    attributeTable = Self.makeAttributeTable()
    set_escdelay(25)
    mouseinterval(0)
    size = Size(width: Int(swiftcurses_cols()), height: Int(swiftcurses_lines()))
  }

  /// Whether the terminal shows colours (256 or 8).
  public var hasColors: Bool { palette.depth != .none }

  /// Number of colours curses uses for drawing (256, 8, or 0).
  public var colorDepth: Int {
    switch palette.depth {
    case .none: return 0
    case .basic8: return 8
    case .xterm256: return 256
    }
  }

  /// Resizes the (headless) screen.
  package func resize(rows: Int, cols: Int) {
    set_term(screen)
    guard rows != Int(swiftcurses_lines()) || cols != Int(swiftcurses_cols()) else { return }
    resizeterm(Int32(rows), Int32(cols))
    size = Size(width: cols, height: rows)
    lastFrame = nil
  }

  /// Bytes for the headless screen's input, as if typed.
  package func feedInput(_ bytes: [UInt8]) {
    guard inputWriteFD >= 0 else { return }
    _ = bytes.withUnsafeBytes { write(inputWriteFD, $0.baseAddress, $0.count) }
  }

  /// Reads the real terminal size and tells curses when it changed.
  func syncSize() {
    set_term(screen)
    if !isHeadless {
      var ws = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0,
        Int(ws.ws_row) != Int(swiftcurses_lines()) || Int(ws.ws_col) != Int(swiftcurses_cols())
      {
        resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
      }
    }
    let now = Size(width: Int(swiftcurses_cols()), height: Int(swiftcurses_lines()))
    if now != size { lastFrame = nil }
    size = now
  }

  /// Writes a raw control sequence to the terminal (not in headless mode).
  func writeControl(_ s: String) {
    guard !isHeadless else { return }
    fputs(s, swiftcurses_stdout())
    fflush(swiftcurses_stdout())
  }

  /// Switches to curses mode with the view's input settings.
  func enter() {
    set_term(screen)
    fflush(swiftcurses_stdout())
    syncSize()
    raw()  // Ctrl-C arrives as a key (an .interrupt event), not as SIGINT
    noecho()
    nonl()
    let win = swiftcurses_stdscr()
    keypad(win, true)
    curs_set(0)
    mousemask(swiftcurses_all_mouse_events() | swiftcurses_report_mouse_position(), nil)
    flushinp()  // drop stale typeahead and queued resize notices
    wclear(win)
    wrefresh(win)
    writeControl("\u{1B}[?1002h")  // report motion while a button is held (drags)
    lastFrame = nil
    heldButton = 0
  }

  /// Restores the shell's terminal: mouse tracking off, cursor on, shell mode.
  func leave() {
    set_term(screen)
    writeControl("\u{1B}[?1002l")
    mousemask(0, nil)
    curs_set(1)
    if !isHeadless { endwin() }
    fflush(swiftcurses_stdout())
  }
}
