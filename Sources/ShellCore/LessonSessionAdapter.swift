import LessonKit
import PyInterp
import TFBindings
import TFGraph
import Tensors

/// Shows the learner's live session to LessonKit: names, what they hold, and the graph they
/// depend on, so lesson checks can decide by meaning rather than by text.
final class LessonSessionAdapter: LessonSession {
  unowned let owner: LearnerSession
  /// Global names in the order they were first defined.
  private var order: [String] = []

  init(owner: LearnerSession) { self.owner = owner }

  private var interpreter: Interpreter { owner.interpreter }
  private var tf: TFEnvironment { owner.tf }

  func globalNames() -> [String] {
    let current = Set(interpreter.globalNames)
    order.removeAll { !current.contains($0) }
    let known = Set(order)
    order += interpreter.globalNames.filter { !known.contains($0) }
    return order
  }

  func inspect(_ name: String) -> SessionValue? {
    guard let value = interpreter[global: name] else { return nil }
    return describe(value)
  }

  func evaluate(_ pythonExpression: String) throws -> SessionValue {
    describe(try interpreter.eval(pythonExpression, filename: "<lesson check>"))
  }

  func execute(_ pythonSource: String, quietly: Bool) throws {
    let saved = interpreter.output
    if quietly { interpreter.output = { _ in } }
    defer { interpreter.output = saved }
    try interpreter.exec(pythonSource, filename: "<lesson>")
  }

  func dependencies(of nodeID: String) -> GraphDependencies? {
    let graph = tf.graph
    var start: [Operation] = []
    if nodeID.contains(":"), let t = graph.tensor(named: nodeID) {
      start = [t.op]
    } else if let op = graph.operation(named: nodeID) {
      start = [op]
    } else {
      return nil
    }
    var seen = Set<Operation>()
    var types = Set<String>(), placeholders = Set<String>(), variables = Set<String>()
    while let op = start.popLast() {
      guard seen.insert(op).inserted else { continue }
      types.insert(op.type)
      if op.type == "Placeholder" { placeholders.insert(op.name) }
      if op.type == "VariableV2" { variables.insert(op.name) }
      start += op.inputs.map(\.op)
    }
    return GraphDependencies(opTypes: types, placeholders: placeholders, variables: variables)
  }

  func resetSession() {
    owner.resetPythonSession()
    order = []
  }

  /// What a Python value is, in LessonKit's terms.
  func describe(_ value: PyValue) -> SessionValue {
    switch value {
    case .int(let i): return .number(Double(i))
    case .float(let d): return .number(d)
    case .bool(let b): return .number(b ? 1 : 0)
    case .module(let m): return .module(m.name)
    default: break
    }
    if let v = tf.variable(of: value) {
      let session = tf.defaultSession
      let initialized = session.map { $0.isInitialized(v) } ?? false
      var magnitude: Double?
      if initialized, let s = session, let array = try? s.value(of: v) {
        magnitude = array.floats.reduce(0.0) { $0 + Double(abs($1)) }
      }
      return .variable(id: v.op.name, dtype: v.dtype.rawValue, shape: v.shape.known,
                       initialized: initialized, magnitude: magnitude)
    }
    if let t = tf.tensor(of: value) {
      if t.op.type == "Placeholder" {
        return .placeholder(id: t.op.name, dtype: t.dtype.rawValue, shape: t.shape.dims)
      }
      if t.op.type == "VariableV2" {
        return .variable(id: t.op.name, dtype: t.dtype.rawValue, shape: t.shape.known, initialized: false, magnitude: nil)
      }
      return .tensor(id: t.name, op: t.op.type, dtype: t.dtype.rawValue, shape: t.shape.dims)
    }
    if let op = tf.operation(of: value) {
      return .operation(id: op.name, type: op.type, minimizes: op.minimizedLoss?.name)
    }
    if tf.session(of: value) != nil { return .session }
    if let array = tf.ndarray(of: value) {
      if array.count == 1, let d = array.scalarDouble { return .number(d) }
      return .array(dtype: array.dtype.rawValue, shape: array.shape)
    }
    if case .object(let object) = value, object.pyTypeName == "Datasets" {
      func count(_ split: String) -> Int {
        guard case .object(let set)? = try? object.pyGetAttribute(split),
          case .int(let n)? = try? set.pyGetAttribute("num_examples")
        else { return 0 }
        return n
      }
      var oneHot = false
      if case .object(let train)? = try? object.pyGetAttribute("train"),
        let labels = try? train.pyGetAttribute("labels"), let array = tf.ndarray(of: labels) {
        oneHot = array.rank == 2
      }
      return .dataset(name: "mnist", train: count("train"), validation: count("validation"),
                      test: count("test"), oneHot: oneHot)
    }
    return .other(typeName: typeName(value))
  }

  private func typeName(_ value: PyValue) -> String {
    switch value {
    case .none: return "NoneType"
    case .str: return "str"
    case .list: return "list"
    case .tuple: return "tuple"
    case .dict: return "dict"
    case .function, .builtin: return "function"
    case .object(let o): return o.pyTypeName
    default: return "object"
    }
  }
}
