#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much colour inline output may use.
public enum ColorMode: Sendable, Equatable {
  /// xterm 256 colours.
  case color256
  /// The eight ANSI colours.
  case color8
  /// No escape codes at all (pipes, files, `NO_COLOR`, `TERM=dumb`).
  case plain

  /// The mode for an environment and whether the output is a terminal.
  ///
  /// `NO_COLOR` (any non-empty value), an unset or `dumb` `TERM`, or output that is
  /// not a terminal give `.plain`; a `TERM` naming 256 colours or `COLORTERM`
  /// truecolor/24bit give `.color256`; any other terminal gets `.color8`.
  public static func detect(environment: [String: String], isTTY: Bool) -> ColorMode {
    if let nc = environment["NO_COLOR"], !nc.isEmpty { return .plain }
    guard isTTY, let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plain }
    let colorterm = environment["COLORTERM"] ?? ""
    if term.contains("256color") || colorterm == "truecolor" || colorterm == "24bit" { return .color256 }
    return .color8
  }

  /// The mode for this process's environment and standard output.
  public static func detect() -> ColorMode {
    detect(environment: currentEnvironment(["NO_COLOR", "TERM", "COLORTERM"]), isTTY: isatty(1) != 0)
  }

  /// Whether the environment's locale promises UTF-8 output (`LC_ALL`, `LC_CTYPE`, `LANG` in that order).
  ///
  /// When false, render with `ANSIRenderer(asciiOnly: true)`. (TermUI and LineEdit
  /// switch the process to C.UTF-8 when needed, so a terminal that is UTF-8
  /// anyway, like tmux, keeps working; this is for plain output.)
  public static func localeIsUTF8(environment: [String: String]) -> Bool {
    for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let v = environment[key], !v.isEmpty {
        let u = v.uppercased()
        return u.contains("UTF-8") || u.contains("UTF8")
      }
    }
    return false
  }

  /// The named variables of this process's environment that are set.
  public static func currentEnvironment(_ names: [String]) -> [String: String] {
    var env: [String: String] = [:]
    for n in names { if let v = getenv(n) { env[n] = String(cString: v) } }
    return env
  }
}
