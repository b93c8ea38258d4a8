/// What the command line asked the shell to do.
public struct ShellOptions: Sendable {
  /// A Python file to run (`mnist-shell FILE`), or nil.
  public var scriptPath: String?
  /// Source given with `-c CODE`, or nil.
  public var command: String?
  /// `-i`: after the file or command, stay at the prompt with everything it defined.
  public var interactiveAfter: Bool
  /// `--lessons DIR`: a folder of lessons to use instead of the built-in ones.
  public var lessonsDirectory: String?
  /// `--no-color`: never colour output (as does a non-empty `NO_COLOR`).
  public var noColor: Bool

  public init(scriptPath: String? = nil, command: String? = nil, interactiveAfter: Bool = false,
              lessonsDirectory: String? = nil, noColor: Bool = false) {
    self.scriptPath = scriptPath
    self.command = command
    self.interactiveAfter = interactiveAfter
    self.lessonsDirectory = lessonsDirectory
    self.noColor = noColor
  }
}

/// The version printed by `--version` and in the welcome.
public let mnistShellVersion = "0.1.0"
