import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `:train N` costs with the live dashboard against the same steps without it.
struct DashboardResults {
  /// Steps per second, as the shell reports them (wall time of the run, drawing included).
  var dashboardRate = Samples()
  var plainRate = Samples()
  /// CPU seconds per step of the whole shell process (drawing, accuracy samples included).
  var dashboardCPU = Samples()
  var plainCPU = Samples()
  /// Per round, dashboard time over plain time minus one (wall and CPU).
  var slowdown = Samples()
  var cpuSlowdown = Samples()
  /// Bytes the dashboard wrote to the terminal per second of training (median).
  var bytesPerSecond = Samples()
  /// The dashboard's own note (frames drawn, share of the time), from the last run.
  var lastNote = ""
}

/// One `mnist-shell` on a pseudo-terminal that the benchmark drains as a terminal would.
///
/// The shell starts with `-i setup.py` (the tutorial up to its training loop), so both kinds
/// of `:train` run in the same process, on the same model and data, one after the other.
final class PtyShell {
  let pid: pid_t
  let master: Int32
  private var buffer = [UInt8](repeating: 0, count: 65536)
  /// Everything read since the last `take()`.
  private(set) var seen: [UInt8] = []
  /// Bytes read in total.
  private(set) var bytesRead = 0

  init(shell: String, arguments: [String], directory: String, home: String, rows: Int, cols: Int) throws {
    let m = LibC.posixOpenpt(O_RDWR | O_NOCTTY)
    guard m >= 0 else { throw SpawnError("posix_openpt: \(String(cString: strerror(errno)))") }
    guard LibC.grantpt(m) == 0, LibC.unlockpt(m) == 0, let slave = LibC.ptsname(m) else {
      close(m)
      throw SpawnError("grantpt/unlockpt/ptsname: \(String(cString: strerror(errno)))")
    }
    var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(m, UInt(TIOCSWINSZ), &ws)
    let env = childEnvironment(["TERM": "xterm-256color", "MNIST_SHELL_HOME": home, "NO_COLOR": nil, "COLORTERM": nil])
    master = m
    pid = try spawnChild(shell, arguments, environment: env, io: .terminal(slave, closing: m), directory: directory)
  }

  deinit {
    kill(pid, SIGKILL)
    _ = try? waitChild(pid)
    close(master)
  }

  /// Sends `text` as typed keys.
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var off = 0
    while off < bytes.count {
      let n = bytes[off...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if n > 0 { off += n } else if errno != EINTR { return }
    }
  }

  /// Reads what is there (waiting up to `milliseconds`); false when the shell closed the terminal.
  @discardableResult
  func pump(milliseconds: Int32) -> Bool {
    var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let r = poll(&pfd, 1, milliseconds)
    guard r > 0 else { return true }
    let n = read(master, &buffer, buffer.count)
    if n <= 0 { return false }
    seen += buffer[0..<n]
    bytesRead += n
    return true
  }

  /// Forgets what was read so far.
  func take() -> [UInt8] {
    defer { seen = [] }
    return seen
  }

  /// Reads until `done(visible text)` holds; `tick` runs about every `tickMilliseconds`.
  func wait(timeout: Double, what: String, tickMilliseconds: Int32 = 50, tick: () -> Void = {}, until done: (String) -> Bool) throws {
    let start = monotonicSeconds()
    var lastTick = start
    while true {
      guard pump(milliseconds: tickMilliseconds) else {
        throw SpawnError("mnist-shell closed the terminal while waiting for \(what); got: \(tail)")
      }
      // Only the end matters (a summary line and a prompt), and the dashboard writes a lot.
      if done(String(decoding: StartupBench.visibleText(Array(seen.suffix(4096))), as: UTF8.self)) { return }
      let now = monotonicSeconds()
      if now - start > timeout { throw SpawnError("no \(what) within \(Int(timeout)) s; got: \(tail)") }
      if now - lastTick >= Double(tickMilliseconds) / 1000 {
        tick()
        lastTick = now
      }
    }
  }

  var tail: String { String(decoding: StartupBench.visibleText(seen).suffix(300), as: UTF8.self).debugDescription }

  /// User plus system CPU seconds of the shell so far (all its threads), from /proc.
  func cpuSeconds() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After "pid (comm)": state is field 3, utime 14 and stime 15 (1-based in proc(5)).
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}

enum DashboardBench {
  /// `:train steps` with and without the dashboard, `rounds` times each, interleaved (the
  /// order alternates every round), in one shell on a 120×40 pseudo-terminal.
  static func run(shell: String, workDirectory: String, setup: String, steps: Int, rounds: Int) throws -> DashboardResults {
    let home = try makeTempDirectory("mnist-bench-home")
    defer { try? FileManager.default.removeItem(atPath: home) }
    try setup.write(toFile: workDirectory + "/dashboard_setup.py", atomically: false, encoding: .utf8)
    let pty = try PtyShell(shell: shell, arguments: ["-i", "dashboard_setup.py"], directory: workDirectory, home: home, rows: 40, cols: 120)
    try pty.wait(timeout: 60, what: "prompt after the setup") { StartupBench.endsWithPrompt(Array($0.utf8)) }

    var r = DashboardResults()
    // Warm-up: one run of each (opens curses, builds the validation plan, pages code in).
    _ = try train(pty, steps: max(100, steps / 10), dashboard: true)
    _ = try train(pty, steps: max(100, steps / 10), dashboard: false)
    for round in 0..<rounds {
      var pair: [Bool: (rate: Double, cpu: Double)] = [:]
      for dashboard in round % 2 == 0 ? [true, false] : [false, true] {
        let bytesBefore = pty.bytesRead
        let t = try train(pty, steps: steps, dashboard: dashboard)
        pair[dashboard] = (t.rate, t.cpu / Double(steps))
        if dashboard {
          r.dashboardRate.add(t.rate)
          r.dashboardCPU.add(t.cpu / Double(steps))
          r.bytesPerSecond.add(Double(pty.bytesRead - bytesBefore) * t.rate / Double(steps))
          r.lastNote = t.note
        } else {
          r.plainRate.add(t.rate)
          r.plainCPU.add(t.cpu / Double(steps))
        }
      }
      if let d = pair[true], let p = pair[false] {
        r.slowdown.add(p.rate / d.rate - 1)
        r.cpuSlowdown.add(d.cpu / p.cpu - 1)
      }
    }
    pty.send("\u{04}")
    return r
  }

  /// Types `:train steps` (with `--no-dashboard` when `dashboard` is false) and waits for its
  /// summary line. Returns the steps per second the shell reports, the shell's CPU seconds
  /// for the command, and the note at the end of the summary.
  static func train(_ pty: PtyShell, steps: Int, dashboard: Bool) throws -> (rate: Double, cpu: Double, note: String) {
    _ = pty.take()
    let cpuBefore = pty.cpuSeconds()
    pty.send(":train \(steps)\(dashboard ? "" : " --no-dashboard")\r")
    var summary: Substring = ""
    // The finished dashboard waits for a key so the learner can look at it; Ctrl-L is a key
    // the dashboard ignores while training and that only redraws the line at the prompt.
    try pty.wait(timeout: 600, what: "the summary of :train \(steps)", tick: { if dashboard { pty.send("\u{0C}") } }) { text in
      guard let line = text.split(whereSeparator: \.isNewline).last(where: { $0.hasPrefix("trained ") }),
        text.hasSuffix(">>> ")
      else { return false }
      summary = line
      return true
    }
    let cpu = (pty.cpuSeconds() ?? .nan) - (cpuBefore ?? .nan)
    guard summary.hasPrefix("trained \(steps) steps"), let rate = number(before: " steps/s", in: summary) else {
      throw SpawnError(":train \(steps) did not finish as expected: \(summary.debugDescription)")
    }
    let note = summary.range(of: "  (", options: .backwards).map { String(summary[$0.upperBound...].dropLast()) } ?? ""
    return (rate, cpu, note)
  }

  /// The number just before `marker` in `text`.
  static func number(before marker: String, in text: Substring) -> Double? {
    guard let range = text.range(of: marker) else { return nil }
    let digits = text[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "." }
    return Double(String(digits.reversed()))
  }
}
