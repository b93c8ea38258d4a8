import Foundation
import MNISTData

/// A local HTTP server in a python3 child process on 127.0.0.1, on a port the OS picks, for the
/// download tests: `python3 -m http.server`, or `Tests/EndToEnd/support/trickle_server.py`, which
/// sends files slowly. Killed when released.
final class LocalHTTPServer {
  let process = Process()
  let port: Int

  /// `python3 -m http.server` serving `directory`.
  convenience init(serving directory: String) throws {
    // It prints "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..." once listening.
    try self.init(["-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", directory], what: "python3 http.server") { text in
      guard let range = text.range(of: #"port (\d+)"#, options: .regularExpression) else { return nil }
      return Int(text[range].dropFirst(5))
    }
  }

  /// The trickle server serving `directory` at `bytesPerSecond`; it prints its port.
  convenience init(trickling directory: String, bytesPerSecond: Int = 20_000) throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("EndToEnd/support/trickle_server.py").path
    try self.init([script, directory, String(bytesPerSecond)], what: "the trickle server") { text in
      Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }

  /// Runs `python3 -u ARGUMENTS` and reads its first line of output for the port.
  private init(_ arguments: [String], what: String, port parse: (String) -> Int?) throws {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-u"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    var text = ""
    while !text.contains("\n") {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
    }
    guard let port = parse(text) else {
      process.terminate()
      throw MNISTDataError(.io, "OSError", "\(what) did not start: \(text)")
    }
    self.port = port
  }

  var url: String { "http://127.0.0.1:\(port)/" }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}
