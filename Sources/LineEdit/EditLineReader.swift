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
  /// Where history is loaded from and saved to (nil: in memory only).
  public let historyPath: String?
  /// A problem with the history file for the shell to report (unreadable file set aside, failed save).
  public private(set) var historyWarning: String?

  private let el: OpaquePointer
  private let hist: OpaquePointer
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
    guard let el = el_init(programName, swiftedit_stdin(), swiftedit_stdout(), swiftedit_stderr()) else { return nil }
    guard let hist = history_init() else {
      el_end(el)
      return nil
    }
    self.el = el
    self.hist = hist
    self.historyPath = historyPath
    self.completer = completer
    swiftedit_history_setsize(hist, 1000)
    swiftedit_history_setunique(hist, 1)
    if let historyPath { loadHistory(historyPath) }
    swiftedit_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    swiftedit_set_editor(el, "emacs")
    swiftedit_set_signal(el, 1)
    swiftedit_set_history(el, hist)
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
    history_end(hist)
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

  public func addHistory(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    swiftedit_history_enter(hist, line)
    // Saved at once: the process may leave through exit(), which skips deinit.
    if historyPath != nil {
      do { try saveHistory() } catch { historyWarning = "\(error)" }
    }
  }

  /// Number of lines in the history.
  public var historyCount: Int { Int(swiftedit_history_size(hist)) }

  /// Writes the history file atomically (a temporary file, then a rename).
  public func saveHistory() throws {
    guard let path = historyPath else { return }
    try HistoryFile.createParent(of: path)
    let tmp = path + ".tmp-\(getpid())"
    guard swiftedit_history_save(hist, tmp) >= 0 else {
      unlink(tmp)
      throw HistoryFile.Failure(message: "could not write the history file \(path)")
    }
    guard rename(tmp, path) == 0 else {
      unlink(tmp)
      throw HistoryFile.Failure(message: "could not replace the history file \(path)")
    }
  }

  private func loadHistory(_ path: String) {
    guard access(path, F_OK) == 0 else { return }
    if swiftedit_history_load(hist, path) < 0 {
      let aside = path + ".damaged"
      rename(path, aside)
      historyWarning = "The history file \(path) could not be read; it was moved to \(aside) and history starts afresh."
    }
  }

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

/// Helpers for the history file.
enum HistoryFile {
  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  /// Creates the folders above `path` (like `mkdir -p`).
  static func createParent(of path: String) throws {
    var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    guard !parts.isEmpty else { return }
    var current = path.hasPrefix("/") ? "" : "."
    if parts.first == "" { parts.removeFirst() }
    for p in parts where !p.isEmpty {
      current += "/" + p
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw Failure(message: "could not create the folder \(current) for the history file")
      }
    }
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
