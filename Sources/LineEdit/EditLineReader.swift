import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line editing with libedit's native API: emacs keys, `~/.editrc`, history kept in a file, tab completion.
///
/// Ctrl-C while editing gives `.interrupted` (the SIGINT handler from
/// `SignalInterrupts` is installed, and its count cleared for that Ctrl-C);
/// Ctrl-D on an empty line gives `.eof`. Use it from one thread.
public final class EditLineReader: LineReader {
  /// Candidates for tab completion, given the whole line and the cursor position in characters.
  ///
  /// Return full texts for the word before the cursor (see `Completion`); the reader
  /// inserts a unique completion or the common prefix, lists several in columns, or beeps.
  public typealias Completer = (_ line: String, _ cursor: Int) -> [String]

  /// The completion function (it may be replaced at any time).
  public var completer: Completer?
  /// The history (kept in a file when a path was given).
  public let history: HistoryStore
  /// Where history is loaded from and saved to (nil: in memory only).
  public var historyPath: String? { history.path }
  /// A problem with the history file for the shell to report (unreadable file set aside, failed save).
  public var historyWarning: String? { history.warning }

  private let el: OpaquePointer
  private var promptCString: UnsafeMutablePointer<CChar>?

  /// Starts libedit on the standard streams, or returns nil when it cannot.
  ///
  /// - Parameters:
  ///   - programName: the name `~/.editrc` lines may be prefixed with.
  ///   - historyPath: the history file (its folder is created when saving).
  ///   - completer: tab completion; nil makes Tab insert nothing and beep.
  public init?(programName: String = "mnist-shell", historyPath: String? = nil, completer: Completer? = nil) {
    ensureUTF8Locale()
    SignalInterrupts.install()
    guard let history = HistoryStore(path: historyPath) else { return nil }
    guard let el = el_init(programName, swiftedit_stdin(), swiftedit_stdout(), swiftedit_stderr()) else { return nil }
    self.el = el
    self.history = history
    self.completer = completer
    swiftedit_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    swiftedit_set_editor(el, "emacs")
    swiftedit_set_signal(el, 1)
    swiftedit_set_history(el, history.handle)
    swiftedit_set_prompt(el) { el in
      guard let el, let me = EditLineReader.from(el) else { return nil }
      return me.promptCString
    }
    swiftedit_add_function(el, "mnist-complete", "Complete the word before the cursor") { el, _ in
      guard let el, let me = EditLineReader.from(el) else { return UInt8(CC_ERROR) }
      return me.complete()
    }
    swiftedit_bind(el, "^I", "mnist-complete")
    el_source(el, nil)  // the user's ~/.editrc wins over the defaults above
  }

  deinit {
    el_end(el)
    free(promptCString)
  }

  static func from(_ el: OpaquePointer) -> EditLineReader? {
    guard let raw = swiftedit_get_clientdata(el) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue()
  }

  public func readLine(prompt: String) -> ReadResult {
    free(promptCString)
    promptCString = strdup(prompt)
    let before = SignalInterrupts.count
    var count: Int32 = 0
    let p = el_gets(el, &count)
    guard let p, count > 0 else {
      if SignalInterrupts.count != before {
        SignalInterrupts.take()
        return .interrupted
      }
      return .eof
    }
    var line = String(cString: p)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  public func addHistory(_ line: String) { history.add(line) }

  /// The Tab key: ask the completer, then insert, list or beep.
  private func complete() -> UInt8 {
    guard let info = el_line(el)?.pointee, let completer, let start = UnsafeRawPointer(info.buffer),
      let cursor = UnsafeRawPointer(info.cursor), let last = UnsafeRawPointer(info.lastchar)
    else {
      el_beep(el)
      return UInt8(CC_REFRESH)
    }
    let cursorBytes = cursor - start
    let endBytes = last - start
    let line = String(decoding: UnsafeRawBufferPointer(start: start, count: endBytes), as: UTF8.self)
    let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursorBytes), as: UTF8.self)
    switch Completion.plan(before: before, candidates: completer(line, before.count)) {
    case .insert(let text):
      el_insertstr(el, text)
      return UInt8(CC_REFRESH)
    case .list(let items):
      let out = Completion.columns(items, width: terminalWidth()).joined(separator: "\n")
      fputs("\n" + out + "\n", swiftedit_stdout())
      fflush(swiftedit_stdout())
      return UInt8(CC_REDISPLAY)
    case .beep, .nothing:
      el_beep(el)
      return UInt8(CC_REFRESH)
    }
  }

  private func terminalWidth() -> Int {
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 80
  }
}

/// Applies the user's locale, falling back to C.UTF-8 when it is not UTF-8 (libedit drops non-ASCII otherwise).
func ensureUTF8Locale() {
  setlocale(LC_ALL, "")
  func isUTF8() -> Bool {
    guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
    let s = String(cString: cs).uppercased()
    return s == "UTF-8" || s == "UTF8"
  }
  if isUTF8() { return }
  for name in ["C.UTF-8", "C.utf8"] where setlocale(LC_CTYPE, name) != nil {
    if isUTF8() { return }
  }
}
