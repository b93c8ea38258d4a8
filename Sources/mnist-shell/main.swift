import ArgumentParser
import Foundation
import ShellCore

/// The `mnist-shell` command: parses the command line, then hands over to ``Shell``.
struct MNISTShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mnist-shell",
    abstract: "A terminal learning shell for TensorFlow's \"MNIST for ML Beginners\".",
    discussion: """
      With no arguments and a terminal, starts the interactive shell: type the tutorial's \
      Python statements at the >>> prompt, and shell commands that start with ':' \
      (:help lists them). With FILE, runs it like `python FILE`; when standard input is not \
      a terminal, reads statements from it with no prompt.

      Files: history and lesson progress in $XDG_STATE_HOME/mnist-shell \
      (~/.local/state/mnist-shell); MNIST_SHELL_HOME overrides all of the shell's folders. \
      NO_COLOR disables colour; TERM=dumb gives plain output.
      """,
    version: mnistShellVersion)

  @Argument(help: ArgumentHelp("A Python file to run.", valueName: "FILE"))
  var file: String?

  @Option(name: .customShort("c"), help: ArgumentHelp("Run CODE (statements separated by newlines or ';').", valueName: "CODE"))
  var command: String?

  @Flag(name: .customShort("i"), help: "After FILE or -c, stay at the prompt with everything it defined.")
  var interactive = false

  @Option(name: .customLong("lessons"), help: ArgumentHelp("Use the lessons in DIR instead of the built-in ones.", valueName: "DIR"))
  var lessons: String?

  @Flag(name: .customLong("no-color"), help: "Never use colour (also: NO_COLOR=1).")
  var noColor = false

  func run() throws {
    let options = ShellOptions(
      scriptPath: file, command: command, interactiveAfter: interactive,
      lessonsDirectory: lessons, noColor: noColor)
    let status = Shell.main(options)
    if status != 0 { throw ExitCode(status) }
  }
}

/// The common command lines (none, or just a FILE) start the shell directly: ArgumentParser's
/// reflection-based parsing costs a few milliseconds of startup, and these need none of it.
/// Anything else (options, `--help`, mistakes) goes through ArgumentParser as before.
let arguments = CommandLine.arguments.dropFirst()
if arguments.isEmpty || (arguments.count == 1 && !(arguments.first ?? "-").hasPrefix("-")) {
  let status = Shell.main(ShellOptions(scriptPath: arguments.first))
  exit(status)
}
MNISTShellCommand.main()
