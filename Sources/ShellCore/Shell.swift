import Foundation

/// The shell's entry point: decides the mode (script, command, piped, interactive) and runs it.
public enum Shell {
  /// Runs the shell with `options` and returns the process exit status.
  public static func main(_ options: ShellOptions) -> Int32 {
    print("mnist-shell \(mnistShellVersion): the interactive shell is not wired yet.")
    return 0
  }
}
