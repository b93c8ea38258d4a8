/// The one-screen welcome shown when the interactive shell starts.
enum Welcome {
  static func text(console: Console, session: LearnerSession) -> String {
    var lines: [String] = []
    lines.append(console.bold("mnist-shell \(mnistShellVersion)") + " · learn TensorFlow's \"MNIST for ML Beginners\" by typing it")
    lines.append("")
    lines.append("Type the tutorial's Python statements at the >>> prompt, for example:")
    lines.append("    " + console.cyan("from tensorflow.examples.tutorials.mnist import input_data"))
    lines.append("Shell commands start with ':'. Good first ones:")
    for (command, what) in session.welcomeCommands {
      lines.append("    " + console.cyan(command.padding(toLength: 12, withPad: " ", startingAt: 0)) + what)
    }
    lines.append(console.dim("Tab completes names, Up/Down recall history, Ctrl-C interrupts, Ctrl-D leaves."))
    if let note = session.welcomeNote { lines.append(note) }
    return lines.joined(separator: "\n") + "\n"
  }
}
