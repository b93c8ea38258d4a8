import LessonKit

/// An error the fake session raises, worded like Python.
struct FakeError: Error, CustomStringConvertible {
  var description: String
}

/// A small in-memory stand-in for the learner's session: globals, a graph of nodes with
/// op types and inputs, and variables that can be initialized and trained.
final class FakeSession: LessonSession {
  struct Node {
    var op: String
    var inputs: [String]
  }

  var order: [String] = []
  var values: [String: SessionValue] = [:]
  var nodes: [String: Node] = [:]
  var numbers: [String: Double] = [:]
  var executed: [String] = []
  var resets = 0
  /// A statement (first line) that raises the first time it runs.
  var failOnce: String?
  private var counter = 0

  // MARK: LessonSession

  func globalNames() -> [String] { order }
  func inspect(_ name: String) -> SessionValue? { values[name] }

  func evaluate(_ pythonExpression: String) throws -> SessionValue {
    if let n = numbers[pythonExpression] { return .number(n) }
    if case .number(let n)? = values[pythonExpression] { return .number(n) }
    if pythonExpression.hasPrefix("sess.run(accuracy"), let acc = accuracyValue() { return .number(acc) }
    throw FakeError(description: "NameError: cannot evaluate '\(pythonExpression)'")
  }

  func execute(_ pythonSource: String, quietly: Bool) throws {
    executed.append(pythonSource)
    let key = pythonSource.split(separator: "\n").first.map(String.init) ?? ""
    if key == failOnce {
      failOnce = nil
      throw FakeError(description: "TypeError: something in the session got in the way")
    }
    guard let effect = FakeTutorial.effects[key] else {
      throw FakeError(description: "SyntaxError: the fake session doesn't know `\(key)`")
    }
    try effect(self)
  }

  func dependencies(of nodeID: String) -> GraphDependencies? {
    guard nodes[nodeID] != nil else { return nil }
    var deps = GraphDependencies(opTypes: [], placeholders: [], variables: [])
    var stack = [nodeID]
    var seen = Set<String>()
    while let id = stack.popLast() {
      guard seen.insert(id).inserted, let node = nodes[id] else { continue }
      deps.opTypes.insert(node.op)
      if node.op == "Placeholder" { deps.placeholders.insert(id) }
      if node.op == "VariableV2" { deps.variables.insert(id) }
      stack += node.inputs
    }
    return deps
  }

  func resetSession() {
    resets += 1
    order = []
    values = [:]
    nodes = [:]
    numbers = [:]
  }

  // MARK: Building state

  func set(_ name: String, _ value: SessionValue) {
    if values[name] == nil { order.append(name) }
    values[name] = value
  }

  func node(_ op: String, _ inputs: [String] = []) -> String {
    counter += 1
    let id = "\(op)_\(counter)"
    nodes[id] = Node(op: op, inputs: inputs)
    return id
  }

  /// The node id behind a global.
  func id(_ name: String) -> String { values[name]?.nodeIDForTests ?? "missing" }

  @discardableResult
  func placeholder(_ name: String, _ shape: [Int?]?, dtype: String = "float32") -> String {
    let id = node("Placeholder")
    set(name, .placeholder(id: id, dtype: dtype, shape: shape))
    return id
  }

  @discardableResult
  func variable(_ name: String, _ shape: [Int], dtype: String = "float32") -> String {
    let id = node("VariableV2")
    set(name, .variable(id: id, dtype: dtype, shape: shape, initialized: false, magnitude: nil))
    return id
  }

  @discardableResult
  func tensor(_ name: String?, _ op: String, _ shape: [Int?]?, _ inputs: [String],
              dtype: String = "float32") -> String {
    let id = node(op, inputs)
    if let name { set(name, .tensor(id: id, op: op, dtype: dtype, shape: shape)) }
    return id
  }

  /// Sets every variable's state.
  func setVariables(initialized: Bool, magnitude: Double?) {
    for (name, value) in values {
      if case .variable(let id, let dtype, let shape, _, _) = value {
        values[name] = .variable(id: id, dtype: dtype, shape: shape, initialized: initialized, magnitude: magnitude)
      }
    }
  }

  func accuracyValue() -> Double? {
    guard values["accuracy"] != nil, case .variable(_, _, _, true, let m)? = values["W"] else { return nil }
    return (m ?? 0) > 0 ? 0.9213 : 0.098
  }
}

extension SessionValue {
  var nodeIDForTests: String? {
    switch self {
    case .placeholder(let id, _, _), .variable(let id, _, _, _, _), .tensor(let id, _, _, _),
      .operation(let id, _, _):
      return id
    default: return nil
    }
  }
}
