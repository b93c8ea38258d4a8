import Foundation
import PyInterp
import TFBindings
import TFGraph

extension LearnerSession {
  /// Adds `:save`, `:load` and `:export`, and starts recording statements for `:export`.
  func installBridgeCommands() {
    afterStatement.append { [statementLog] source, succeeded in
      statementLog.recordStatement(source, succeeded: succeeded)
    }
    commands.add(ShellCommand(
      name: "save", usage: ":save [FILE]", summary: "save the session's variables (default model.safetensors)",
      details: """
        Writes every variable of the current session (W, b, ...) to FILE in the safetensors format
        (a JSON header and raw little-endian tensors; NumPy, PyTorch and the safetensors package read it).
        FILE gets .safetensors added unless it ends in it. The same as:
          saver = tf.train.Saver(); saver.save(sess, "model.ckpt")
        Later, :load puts the values back, e.g. in a new shell, without training again.
        """,
      run: { [unowned self] args in
        try saveVariables(to: args.first ?? "model.safetensors")
        return .continue
      }))
    commands.add(ShellCommand(
      name: "load", usage: ":load [FILE]", summary: "put saved variables back into the session (default model.safetensors)",
      details: """
        Sets the variables of the current session from FILE (written by :save or saver.save), after
        checking that every name, shape and dtype matches; on any mismatch nothing changes.
        First build the same model (the statements up to train_step), then :load. If there is no
        session yet, :load creates a tf.InteractiveSession() for you (named sess if that name is free),
        so accuracy.eval(...), sess.run(...), :draw and :weights work at once, without training.
        """,
      run: { [unowned self] args in
        try loadVariables(from: args.first ?? "model.safetensors")
        return .continue
      }))
    commands.add(ShellCommand(
      name: "export", usage: ":export FILE.py", summary: "write the session as a Python script for real TensorFlow 2",
      details: """
        Writes the statements that ran without error, in order, as a Python program that runs
        unchanged with TensorFlow 2 (pip install tensorflow numpy) through tf.compat.v1. It brings
        its own small input_data (TensorFlow 2 no longer ships it) that reads the same MNIST_data
        folder; nothing is downloaded. Shell commands you typed become comments.
        """,
      run: { [unowned self] args in
        guard let file = args.first else { throw CommandError("name the script to write, e.g. :export mnist_softmax.py") }
        try exportScript(to: file)
        return .continue
      }))
  }

  /// A `CommandError` for a checkpoint problem, worded as TensorFlow would, with the hint.
  private func commandError(_ e: CheckpointError) -> CommandError {
    CommandError("\(e.kind.rawValue): \(e.message)" + (e.hint.map { "\nHint: \($0)" } ?? ""))
  }

  /// `W (784, 10)`: a variable's Python name (or its TensorFlow name) and shape.
  private func describe(_ name: String, _ shape: [Int], variables: [Variable]) -> String {
    let shown = variables.first { $0.op.name == name }.flatMap { tf.globalName(of: $0) } ?? name
    let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    return "\(shown) \(dims)"
  }

  /// `:save FILE`.
  func saveVariables(to file: String) throws {
    guard let session = tf.shellSession else {
      throw CommandError("there is no open session to save from\nHint: create one and initialize it: sess = tf.InteractiveSession(); tf.global_variables_initializer().run()")
    }
    do {
      let summary = try tf.saveCheckpoint(session, to: file)
      let vars = session.graph.globalVariables
      let list = summary.variables.map { describe($0.name, $0.shape, variables: vars) }.joined(separator: ", ")
      console.line("Saved \(summary.variables.count) variable\(summary.variables.count == 1 ? "" : "s") (\(list)) to \(summary.file)")
    } catch let e as CheckpointError {
      throw commandError(e)
    }
  }

  /// `:load FILE`.
  func loadVariables(from file: String) throws {
    var session = tf.shellSession
    var created: String?
    if session == nil {
      guard !tf.graph.globalVariables.isEmpty else {
        var message = "the model has no variables yet: first run the statements that build it (W = tf.Variable(...), b = ..., y = ...), then :load"
        if let contents = try? tf.readCheckpoint(file) {
          message += "\nHint: \(contents.file) holds " + contents.tensors.map {
            describe($0.name, $0.array.shape, variables: []) + " \($0.array.dtype.rawValue)"
          }.joined(separator: ", ")
        }
        throw CommandError(message)
      }
      let made = tf.makeInteractiveSession()
      session = made.session
      if interpreter[global: "sess"] == nil {
        interpreter[global: "sess"] = made.object
        created = "created sess = tf.InteractiveSession() for them"
      } else {
        created = "created a new tf.InteractiveSession() for them (the default session now; sess is unchanged)"
      }
    }
    guard let session else { return }
    do {
      let summary = try tf.restoreCheckpoint(session, from: file)
      let vars = session.graph.globalVariables
      let list = summary.variables.map { describe($0.name, $0.shape, variables: vars) }.joined(separator: ", ")
      console.line("Loaded \(summary.variables.count) variable\(summary.variables.count == 1 ? "" : "s") (\(list)) from \(summary.file)" + (created.map { "; " + $0 } ?? ""))
      if !summary.ignored.isEmpty {
        console.line(console.dim("Note: the file also holds \(summary.ignored.joined(separator: ", ")), which this model does not have (ignored)."))
      }
    } catch let e as CheckpointError {
      throw commandError(e)
    }
  }

  /// `:export FILE.py`.
  func exportScript(to file: String) throws {
    let entries = statementLog.successful
    let script = ScriptExport.script(from: entries, failedCount: statementLog.failedCount,
                                     fileName: (file as NSString).lastPathComponent) { [interpreter] source in
      try? interpreter.parse(source)
    }
    do {
      try AtomicFile.write(Data(script.utf8), to: URL(fileURLWithPath: tf.resolvedPath(file)))
    } catch {
      throw CommandError("could not write \(file): \(error.localizedDescription)")
    }
    let count = entries.filter { if case .statement = $0 { return true } else { return false } }.count
    console.line("Wrote \(count) statement\(count == 1 ? "" : "s") to \(file). Run it with TensorFlow 2: python3 \(file)")
    if !file.hasSuffix(".py") { console.line(console.dim("(Python scripts usually end in .py)")) }
  }
}
