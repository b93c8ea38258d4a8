import Foundation
import Tensors

/// What the benchmark ran on: CPU, cores, build mode, kernel ISA, load.
struct Machine {
  var cpuModel: String
  var logicalCores: Int
  var buildMode: String
  var kernelISA: String
  var loadAverage: String
  var os: String

  static func detect() -> Machine {
    #if DEBUG
      let mode = "debug"
    #else
      let mode = "release"
    #endif
    return Machine(
      cpuModel: cpuModelName(), logicalCores: ProcessInfo.processInfo.activeProcessorCount,
      buildMode: mode, kernelISA: Tensors.kernelISA, loadAverage: currentLoadAverage(), os: osName())
  }

  /// The `model name` of the first CPU in /proc/cpuinfo (or the machine architecture elsewhere).
  static func cpuModelName() -> String {
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
      for line in text.split(separator: "\n") where line.hasPrefix("model name") {
        if let colon = line.firstIndex(of: ":") {
          return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
      }
    }
    var u = utsname()
    uname(&u)
    return withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// The 1-, 5- and 15-minute load averages from /proc/loadavg ("?" elsewhere).
  static func currentLoadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }

  static func osName() -> String {
    if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
      for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
        return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
    }
    return ProcessInfo.processInfo.operatingSystemVersionString
  }
}
