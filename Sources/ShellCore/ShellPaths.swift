import Foundation

/// Where the shell keeps its files, following the XDG Base Directory conventions.
///
/// `MNIST_SHELL_HOME`, when set, overrides every folder (tests use it to run in a sandbox):
/// state goes to `$MNIST_SHELL_HOME/state`, configuration to `$MNIST_SHELL_HOME/config`.
public struct ShellPaths: Sendable {
  /// History and lesson progress (`$XDG_STATE_HOME/mnist-shell`, or `~/.local/state/mnist-shell`).
  public var stateDirectory: URL
  /// Configuration (`$XDG_CONFIG_HOME/mnist-shell`, or `~/.config/mnist-shell`).
  public var configDirectory: URL

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    func nonEmpty(_ key: String) -> String? {
      guard let v = environment[key], !v.isEmpty else { return nil }
      return v
    }
    if let home = nonEmpty("MNIST_SHELL_HOME") {
      let base = URL(fileURLWithPath: home, isDirectory: true)
      stateDirectory = base.appendingPathComponent("state", isDirectory: true)
      configDirectory = base.appendingPathComponent("config", isDirectory: true)
      return
    }
    let userHome = nonEmpty("HOME") ?? NSHomeDirectory()
    // XDG says relative paths in these variables are invalid and must be ignored.
    func xdg(_ key: String, _ fallback: String) -> URL {
      if let v = nonEmpty(key), v.hasPrefix("/") { return URL(fileURLWithPath: v, isDirectory: true) }
      return URL(fileURLWithPath: userHome, isDirectory: true).appendingPathComponent(fallback, isDirectory: true)
    }
    stateDirectory = xdg("XDG_STATE_HOME", ".local/state").appendingPathComponent("mnist-shell", isDirectory: true)
    configDirectory = xdg("XDG_CONFIG_HOME", ".config").appendingPathComponent("mnist-shell", isDirectory: true)
  }

  public var historyFile: URL { stateDirectory.appendingPathComponent("history") }
  public var progressFile: URL { stateDirectory.appendingPathComponent("progress.json") }

  /// Creates `directory` (and parents) if needed; returns an error message instead of throwing.
  public static func ensureDirectory(_ directory: URL) -> String? {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      return nil
    } catch {
      return "cannot create \(directory.path): \(error.localizedDescription)"
    }
  }
}
