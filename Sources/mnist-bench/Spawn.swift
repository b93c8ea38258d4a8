import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Failure to start or watch a child process.
struct SpawnError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// How a finished child ended and what it used.
struct ChildResult {
  var status: Int32
  /// Peak resident set size of the child, in MiB (`ru_maxrss`).
  var peakRSSMiB: Double
  /// User plus system CPU seconds of the child.
  var cpuSeconds: Double
  var exitedNormally: Bool { status & 0x7f == 0 }
  var exitCode: Int32 { (status >> 8) & 0xff }
}

/// The current environment with `overrides` applied (a nil value removes the variable).
func childEnvironment(_ overrides: [String: String?]) -> [String] {
  var env = ProcessInfo.processInfo.environment
  for (k, v) in overrides {
    if let v { env[k] = v } else { env.removeValue(forKey: k) }
  }
  return env.map { "\($0.key)=\($0.value)" }
}

/// What the child's standard streams are connected to.
enum ChildIO {
  /// stdin from /dev/null, stdout and stderr to `path` (truncated).
  case file(String)
  /// A new session whose controlling terminal is the pseudo-terminal slave at `path`, on fds 0-2.
  case terminal(String, closing: Int32)
}

/// Starts `executable` with `arguments` (argv[0] is added), in `directory` if given.
func spawnChild(_ executable: String, _ arguments: [String], environment: [String], io: ChildIO, directory: String? = nil) throws -> pid_t {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  var attr = posix_spawnattr_t()
  posix_spawnattr_init(&attr)
  defer { posix_spawnattr_destroy(&attr) }

  switch io {
  case .file(let path):
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
  case .terminal(let slave, let master):
    // setsid happens before the file actions, so opening the slave makes it the controlling terminal.
    posix_spawnattr_setflags(&attr, Int16(spawnSetSID))
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
  }
  if let directory, !LibC.addChdir(&actions, directory) {
    throw SpawnError("this C library cannot start a process in another folder (posix_spawn_file_actions_addchdir_np)")
  }
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  let envp = environment.map { strdup($0) } + [nil]
  defer {
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
  guard rc == 0 else { throw SpawnError("cannot start \(executable): \(String(cString: strerror(rc)))") }
  return pid
}

/// POSIX_SPAWN_SETSID (glibc ≥ 2.26; 0x400 on macOS).
#if canImport(Glibc)
  let spawnSetSID: Int32 = 0x80
#else
  let spawnSetSID: Int32 = 0x400
#endif

/// Waits for `pid` and returns its status and peak RSS.
func waitChild(_ pid: pid_t) throws -> ChildResult {
  var status: Int32 = 0
  var usage = rusage()
  while true {
    let r = wait4(pid, &status, 0, &usage)
    if r == pid { break }
    if r < 0 && errno == EINTR { continue }
    throw SpawnError("wait4 failed: \(String(cString: strerror(errno)))")
  }
  #if canImport(Darwin)
    let kib = Double(usage.ru_maxrss) / 1024  // bytes on macOS
  #else
    let kib = Double(usage.ru_maxrss)
  #endif
  let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
  return ChildResult(status: status, peakRSSMiB: kib / 1024, cpuSeconds: cpu)
}

/// Runs a program to completion with output to `outputPath`; returns wall seconds and the result.
func runChild(_ executable: String, _ arguments: [String], environment: [String], outputPath: String, directory: String? = nil) throws -> (seconds: Double, result: ChildResult) {
  let start = monotonicSeconds()
  let pid = try spawnChild(executable, arguments, environment: environment, io: .file(outputPath), directory: directory)
  let result = try waitChild(pid)
  return (monotonicSeconds() - start, result)
}

/// The full path of `name` found on PATH (nil if none).
func findOnPath(_ name: String) -> String? {
  if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for dir in path.split(separator: ":") {
    let candidate = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// A fresh temporary directory (removed by the caller).
func makeTempDirectory(_ prefix: String) throws -> String {
  var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
  guard let p = mkdtemp(&template) else { throw SpawnError("mkdtemp failed: \(String(cString: strerror(errno)))") }
  return String(cString: p)
}
