import Foundation
import PyInterp
import TFBindings
import TFGraph

extension LearnerSession {
  /// `:vars`, `:graph` and `:reset`: looking at the live session and starting afresh.
  func installSessionCommands() {
    commands.add(ShellCommand(
      name: "vars", usage: ":vars", summary: "the names you have defined: kind, dtype, shape, value",
      details: "Placeholders, variables (and whether the session has initialised them), tensors,\noperations, sessions, data sets, arrays and plain values.",
      run: { [unowned self] _ in
        console.write(varsTable())
        return .continue
      }))
    commands.add(ShellCommand(
      name: "graph", usage: ":graph [NAME]", summary: "the ops a tensor or training op depends on, with shapes",
      details: "NAME is a Python name (y, cross_entropy, train_step) or a graph node name (Softmax).\nWithout NAME: the training op if there is one, else the whole graph. The gradient\nand update ops that minimize() added are grouped by the op they differentiate.",
      run: { [unowned self] arguments in
        console.write(try graphListing(arguments.first))
        return .continue
      }))
    commands.add(ShellCommand(
      name: "reset", usage: ":reset [lesson|all]",
      summary: "start afresh: forget every name and the graph (asks first)",
      details: ":reset lesson restarts the current lesson; :reset all forgets lesson progress.",
      argumentWords: ["lesson", "all"],
      run: { [unowned self] arguments in
        if let which = arguments.first {
          guard which == "lesson" || which == "all" else { throw CommandError("expected 'lesson' or 'all', not '\(which)'") }
          showLessonOutput(lessons?.command(":reset \(which)"))
          if lessons == nil { throw CommandError("no lessons are loaded") }
          return .continue
        }
        let names = interpreter.globalNames.count
        if interactive, !confirm("Forget all \(names) names, the graph and its sessions? [y/N] ") {
          console.line("Nothing was reset.")
          return .continue
        }
        resetPythonSession()
        console.line("A fresh session: no names, an empty graph. (MNIST stays loaded; :help for commands.)")
        return .continue
      }))
  }

  /// The `:vars` table.
  func varsTable() -> String {
    let names = interpreter.globalNames
    guard !names.isEmpty else { return "Nothing defined yet. Try: import tensorflow as tf\n" }
    var rows: [[String]] = [["name", "kind", "dtype", "shape", "init", "value"]]
    for name in names {
      guard let value = interpreter[global: name], let info = tf.describe(value) else { continue }
      let initialized = info.initialized.map { $0 ? "yes" : "NO" } ?? ""
      rows.append([name, info.kind.rawValue, info.dtype ?? "", info.shape ?? "", initialized, info.summary])
    }
    let widths = (0..<5).map { c in rows.map { $0[c].count }.max() ?? 0 }
    let room = max(12, views.width - widths.reduce(0) { $0 + $1 + 2 })
    var out = ""
    for (i, row) in rows.enumerated() {
      var line = ""
      for c in 0..<5 { line += row[c].padding(toLength: widths[c] + 2, withPad: " ", startingAt: 0) }
      line += row[5].count > room ? String(row[5].prefix(room - 1)) + "…" : row[5]
      out += (i == 0 ? console.bold(line) : line) + "\n"
    }
    return out
  }

  /// The `:graph` listing for `name` (or the training op, or everything).
  func graphListing(_ name: String?) throws -> String {
    let graph = tf.graph
    guard !graph.operations.isEmpty else { return "The graph is empty. Make a placeholder first: x = tf.placeholder(tf.float32, [None, 784])\n" }
    var roots: [TFGraph.Operation] = []
    var title = "the whole graph"
    if let name {
      if let value = interpreter[global: name] {
        if let t = tf.tensor(of: value) { roots = [t.op] } else if let v = tf.variable(of: value) { roots = [v.op] }
        else if let op = tf.operation(of: value) { roots = [op] }
        else { throw CommandError("'\(name)' is not a tensor, variable or operation") }
        title = "what \(name) depends on"
      } else if let op = graph.operation(named: name) ?? graph.tensor(named: name)?.op {
        roots = [op]
        title = "what \(op.name) depends on"
      } else {
        throw CommandError("no name or graph node '\(name)'")
      }
    } else if let train = graph.operations.last(where: { $0.minimizedLoss != nil }) {
      roots = [train]
      title = "what the training op '\(train.name)' depends on"
    }
    let ops = roots.isEmpty ? graph.operations : closure(of: roots, in: graph)
    return GraphListing(ops: ops, console: console).render(title: title)
  }

  /// Every op `roots` depend on (inputs and control inputs), in graph order.
  private func closure(of roots: [TFGraph.Operation], in graph: Graph) -> [TFGraph.Operation] {
    var seen = Set<TFGraph.Operation>()
    var stack = roots
    while let op = stack.popLast() {
      guard seen.insert(op).inserted else { continue }
      stack += op.inputs.map(\.op) + op.controlInputs
    }
    return graph.operations.filter { seen.contains($0) }
  }

  /// Asks a yes/no question on the terminal.
  func confirm(_ question: String) -> Bool {
    guard let ask = confirmHook else { return true }
    return ask(question)
  }
}
