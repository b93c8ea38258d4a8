import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// Makes sure the C library's character type is UTF-8.
public enum TerminalLocale {
  /// Applies the user's locale and falls back to C.UTF-8 when it is not UTF-8.
  ///
  /// Without a UTF-8 `LC_CTYPE` (LANG unset, as under CI or `env -i`), ncursesw
  /// draws nothing for "▀" and braille, and libedit drops non-ASCII input.
  /// Call it once, early, before curses or libedit start. Returns whether the
  /// locale is UTF-8 afterwards.
  @discardableResult
  public static func ensureUTF8() -> Bool {
    setlocale(LC_ALL, "")
    if isUTF8 { return true }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      if isUTF8 { return true }
    }
    return false
  }

  /// Whether the current `LC_CTYPE` codeset is UTF-8.
  public static var isUTF8: Bool {
    guard let cs = swiftcurses_codeset() else { return false }
    let name = String(cString: cs).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
