import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Time from spawning `mnist-shell` on a pseudo-terminal to its first `>>> ` prompt.
enum StartupBench {
  /// One launch: opens a pty, starts the shell on it, reads until the prompt, kills the shell.
  /// Returns the wall seconds to the prompt and the CPU seconds the shell used by then.
  static func launch(shell: String, home: String, timeout: Double = 20) throws -> (wall: Double, cpu: Double) {
    let master = LibC.posixOpenpt(O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw SpawnError("posix_openpt: \(String(cString: strerror(errno)))") }
    defer { close(master) }
    guard LibC.grantpt(master) == 0, LibC.unlockpt(master) == 0, let slave = LibC.ptsname(master) else {
      throw SpawnError("grantpt/unlockpt/ptsname: \(String(cString: strerror(errno)))")
    }
    var ws = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &ws)

    let env = childEnvironment(["TERM": "xterm-256color", "MNIST_SHELL_HOME": home, "NO_COLOR": nil])
    let start = monotonicSeconds()
    let pid = try spawnChild(shell, [], environment: env, io: .terminal(slave, closing: master))
    var waited = false
    defer {
      if !waited {
        kill(pid, SIGKILL)
        _ = try? waitChild(pid)
      }
    }
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let left = timeout - (monotonicSeconds() - start)
      if left <= 0 { throw SpawnError("no '>>> ' prompt within \(Int(timeout)) s; got: \(String(decoding: seen.suffix(200), as: UTF8.self).debugDescription)") }
      var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let r = poll(&pfd, 1, Int32(left * 1000))
      if r < 0 && errno == EINTR { continue }
      if r <= 0 { continue }
      let n = read(master, &buffer, buffer.count)
      if n <= 0 {
        throw SpawnError("the shell closed the terminal before a prompt; got: \(String(decoding: seen.suffix(200), as: UTF8.self).debugDescription)")
      }
      seen += buffer[0..<n]
      if endsWithPrompt(seen) {
        let wall = monotonicSeconds() - start
        kill(pid, SIGKILL)
        waited = true
        let result = try waitChild(pid)
        return (wall, result.cpuSeconds)
      }
    }
  }

  /// Whether the visible text (escape sequences removed) ends with `>>> ` at the start of a line.
  /// The welcome text mentions "the >>> prompt", so a bare substring search is not enough.
  static func endsWithPrompt(_ bytes: [UInt8]) -> Bool {
    let text = visibleText(bytes)
    guard text.count >= 4, Array(text.suffix(4)) == Array(">>> ".utf8) else { return false }
    let before = text.count - 4
    return before == 0 || text[before - 1] == UInt8(ascii: "\n") || text[before - 1] == UInt8(ascii: "\r")
  }

  /// `bytes` without ANSI escape sequences (CSI, OSC and two-byte escapes).
  static func visibleText(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x1b, i + 1 < bytes.count {
        let k = bytes[i + 1]
        if k == UInt8(ascii: "[") {
          i += 2
          while i < bytes.count, !(0x40...0x7e).contains(bytes[i]) { i += 1 }
          i += 1
        } else if k == UInt8(ascii: "]") {
          i += 2
          while i < bytes.count, bytes[i] != 0x07, bytes[i] != 0x1b { i += 1 }
          i += bytes.count > i && bytes[i] == 0x1b ? 2 : 1
        } else {
          i += 2
        }
        continue
      }
      out.append(b)
      i += 1
    }
    return out
  }

  /// `runs` timed launches after one untimed warm-up (which pages the binary in).
  static func run(shell: String, runs: Int) throws -> (wall: Samples, cpu: Samples) {
    let home = try makeTempDirectory("mnist-bench-home")
    defer { try? FileManager.default.removeItem(atPath: home) }
    _ = try launch(shell: shell, home: home)
    var wall = Samples(), cpu = Samples()
    for _ in 0..<runs {
      let t = try launch(shell: shell, home: home)
      wall.add(t.wall)
      cpu.add(t.cpu)
    }
    return (wall, cpu)
  }
}
