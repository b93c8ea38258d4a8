import Foundation
import PyInterp

extension LearnerSession {
  /// The commands every session has: help, quit, vars, reset (the views add theirs).
  func installBuiltinCommands() {
    commands.add(ShellCommand(
      name: "help", aliases: ["h", "?"], usage: ":help [COMMAND]",
      summary: "list the shell commands, or explain one",
      details: "Python's help(obj) explains the tf, input_data and numpy functions too, e.g. help(tf.matmul).",
      run: { [unowned self] args in
        if let name = args.first {
          let bare = name.hasPrefix(":") ? String(name.dropFirst()) : name
          guard let command = commands.find(bare) else { throw CommandError("unknown command ':\(bare)'") }
          console.line(console.bold(command.usage))
          console.line("  " + command.summary)
          if !command.details.isEmpty {
            for line in command.details.split(separator: "\n", omittingEmptySubsequences: false) {
              console.line("  " + line)
            }
          }
          if !command.aliases.isEmpty {
            console.line(console.dim("  also: " + command.aliases.map { ":" + $0 }.joined(separator: ", ")))
          }
          return .continue
        }
        console.line(console.bold("Shell commands") + " (type Python statements as in the tutorial; these start with ':')")
        let width = commands.commands.map(\.usage.count).max() ?? 10
        for command in commands.commands {
          console.line("  " + command.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary)
        }
        console.line(console.dim("  :help COMMAND explains one; help(tf.matmul) explains an API function; Tab completes."))
        return .continue
      }))
    commands.add(ShellCommand(
      name: "quit", aliases: ["q", "exit"], usage: ":quit", summary: "leave the shell (also Ctrl-D or exit())",
      run: { _ in .quit }))
  }
}
