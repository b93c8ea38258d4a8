import TFGraph

/// The `:graph` view as text: inputs, variables, the model's ops with their shapes, then the
/// gradient ops grouped by the op they differentiate, then the updates.
struct GraphListing {
  let ops: [TFGraph.Operation]
  let console: Console

  func render(title: String) -> String {
    var out = console.bold("Graph: \(title)") + " (\(ops.count) ops)\n"
    let inputs = ops.filter { $0.type == "Placeholder" }
    let variables = ops.filter { $0.type == "VariableV2" }
    let gradients = ops.filter { $0.name.hasPrefix("gradients/") || $0.name == "gradients" }
    let updates = ops.filter { $0.type.hasPrefix("Apply") || $0.minimizedLoss != nil || $0.name.hasPrefix("GradientDescent") || $0.name.hasPrefix("Adam") }
    let variableParts = ops.filter { op in variables.contains { op.name.hasPrefix($0.name + "/") } }
    let grouped = Set(inputs + variables + gradients + updates + variableParts)
    let model = ops.filter { !grouped.contains($0) }

    func line(_ op: TFGraph.Operation) -> String {
      let shape = op.outputs.first.map { "\($0.shape)" } ?? ""
      let inputs = op.inputs.map { $0.op.name }.joined(separator: ", ")
      var text = "  " + op.name.padding(toLength: 28, withPad: " ", startingAt: 0)
      text += console.cyan(op.type.padding(toLength: 22, withPad: " ", startingAt: 0))
      text += shape.padding(toLength: 12, withPad: " ", startingAt: 0)
      if !inputs.isEmpty { text += console.dim("← " + inputs) }
      return text + "\n"
    }
    func section(_ name: String, _ list: [TFGraph.Operation]) {
      guard !list.isEmpty else { return }
      out += console.bold(name) + "\n"
      for op in list { out += line(op) }
    }
    section("Inputs (placeholders, fed with feed_dict)", inputs)
    if !variables.isEmpty {
      out += console.bold("Variables (state kept by the session)") + "\n"
      for v in variables {
        let shape = v.outputs.first.map { "\($0.shape)" } ?? ""
        out += "  " + v.name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + console.cyan("VariableV2".padding(toLength: 22, withPad: " ", startingAt: 0)) + shape
          + console.dim("  (+ \(v.name)/Assign, \(v.name)/read)") + "\n"
      }
    }
    section("Model", model)
    if !gradients.isEmpty {
      out += console.bold("Gradients (\(gradients.count) ops that minimize() added under gradients/)") + "\n"
      var groups: [(String, [TFGraph.Operation])] = []
      for op in gradients {
        let parts = op.name.split(separator: "/")
        let key = parts.count > 2 ? String(parts[1]) : "(seed)"
        if let i = groups.firstIndex(where: { $0.0 == key }) { groups[i].1.append(op) } else { groups.append((key, [op])) }
      }
      for (key, list) in groups {
        let types = list.map(\.type)
        let shape = list.last?.outputs.first.map { "\($0.shape)" } ?? ""
        out += "  " + key.padding(toLength: 28, withPad: " ", startingAt: 0)
          + console.dim(types.joined(separator: ", ")) + (shape.isEmpty ? "" : "  → " + shape) + "\n"
      }
    }
    section("Updates (what running the training op does)", updates)
    return out
  }
}
