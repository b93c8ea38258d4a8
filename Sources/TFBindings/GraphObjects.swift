import PyInterp
import TFGraph
import Tensors

/// A method object bound to `signature` (helper for attribute lookups).
func method(_ owner: String, _ signature: PySignature, doc: String? = nil,
            _ body: @escaping (PyBoundArguments) throws -> PyValue) -> PyValue {
  .builtin(PyBuiltinFunction(signature, owner: owner, doc: doc, body: body))
}

/// `tf.Tensor`: a symbolic value in the graph; prints as TensorFlow 1.x does.
final class TensorObject: PyObject {
  let tensor: Tensor
  unowned let env: TFEnvironment
  init(_ tensor: Tensor, env: TFEnvironment) {
    self.tensor = tensor
    self.env = env
  }

  var pyTypeName: String { "Tensor" }
  var pyTypeModule: String? { "tensorflow.python.framework.ops" }
  var pyDoc: String? { "A symbolic value computed by the graph; get its value with sess.run(t) or t.eval()." }
  func pyRepr() -> String { tensor.description }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let t = tensor, env = env
    switch name {
    case "__abs__":  // abs(t) builds tf.abs(t), as TensorFlow's Tensor.__abs__
      return method("Tensor", PySignature("__abs__", [])) { _ in try env.translate { env.wrap(try env.graph(for: [t]).unary(.abs, t)) } }
    case "name": return .str(t.name)
    case "shape": return .object(TensorShapeObject(t.shape))
    case "dtype": return env.dtypeObject(t.dtype)
    case "op": return env.wrap(t.op)
    case "graph": return t.graph.map { .object(GraphObject($0, env: env)) } ?? PyValue.none
    case "value_index": return .int(t.index)
    case "device": return .str("")
    case "get_shape":
      return method("Tensor", PySignature("get_shape", [])) { _ in .object(TensorShapeObject(t.shape)) }
    case "eval":
      return method("Tensor", PySignature("eval", [.optional("feed_dict"), .optional("session")]),
                    doc: "Runs the graph to compute this tensor in the default session.") { a in
        let s = try env.sessionForEval(a["session"], "eval")
        return try env.run(s, fetches: .object(self), feedDict: a["feed_dict"])
      }
    case "consumers":
      return method("Tensor", PySignature("consumers", [])) { _ in
        .newList((t.graph?.operations ?? []).filter { $0.inputs.contains(t) }.map { env.wrap($0) })
      }
    default: return nil
    }
  }
  func pyDir() -> [String] { ["name", "shape", "dtype", "op", "graph", "value_index", "device", "get_shape", "eval", "consumers"] }

  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    try env.graphOperator(op, .object(self), other, reflected: reflected)
  }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    try env.graphCompare(op, .object(self), other, reflected: reflected)
  }
  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? { try env.graphUnary(op, tensor) }
  func pyTruth() throws -> Bool {
    throw PyException.typeError("Using a `tf.Tensor` as a Python `bool` is not allowed. Use `if t is not None:` instead of `if t:` to test if a tensor is defined, and use TensorFlow ops such as tf.cond to execute subgraphs conditioned on the value of a tensor.")
  }
  func pyIterate() throws -> PyIterator? {
    throw PyException.typeError("'Tensor' object is not iterable.", hint: "get its value first: sess.run(t)")
  }
}

/// `tf.Variable`: prints `<tf.Variable 'Variable:0' shape=(784, 10) dtype=float32_ref>`.
final class VariableObject: PyObject {
  let variable: Variable
  unowned let env: TFEnvironment
  init(_ variable: Variable, env: TFEnvironment) {
    self.variable = variable
    self.env = env
  }

  var pyTypeName: String { "Variable" }
  var pyTypeModule: String? { "tensorflow.python.ops.variables" }
  var pyDoc: String? { "A value kept by each session between runs; trained by optimizers." }
  func pyRepr() -> String { variable.description }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let v = variable, env = env
    switch name {
    case "__abs__":
      return method("Variable", PySignature("__abs__", [])) { _ in
        try env.translate { env.wrap(try env.graph(for: [v.value]).unary(.abs, v.value)) }
      }
    case "name": return .str(v.name)
    case "shape": return .object(TensorShapeObject(v.shape))
    case "dtype": return .object(DTypeObject(v.dtype.rawValue + "_ref", v.dtype))
    case "op": return env.wrap(v.op)
    case "graph": return v.op.graph.map { .object(GraphObject($0, env: env)) } ?? PyValue.none
    case "initializer": return env.wrap(v.initializer)
    case "initial_value": return env.wrap(v.initialValue)
    case "trainable": return .bool(v.trainable)
    case "get_shape":
      return method("Variable", PySignature("get_shape", [])) { _ in .object(TensorShapeObject(v.shape)) }
    case "value", "read_value":
      return method("Variable", PySignature(name, [])) { _ in env.wrap(v.value) }
    case "eval":
      return method("Variable", PySignature("eval", [.optional("session")]),
                    doc: "The variable's current value in the default session.") { a in
        let s = try env.sessionForEval(a["session"], "eval")
        return try env.run(s, fetches: .object(self), feedDict: .none)
      }
    case "assign", "assign_add", "assign_sub":
      return method("Variable", PySignature(name, [.required("value"), .optional("use_locking"), .optional("name")])) { a in
        try env.translate {
          let g = env.graph(for: [v.value])
          var value = try env.tensor(from: a["value"], dtype: v.dtype)
          if name == "assign_add" { value = try g.add(v.value, value) }
          if name == "assign_sub" { value = try g.sub(v.value, value) }
          return env.wrap(try g.assign(v, value, name: a.optional("name").map { try $0.asString() }))
        }
      }
    case "load":
      return method("Variable", PySignature("load", [.required("value"), .optional("session")])) { a in
        let s = try env.sessionForEval(a["session"], "eval")
        try env.translate { try s.session.setValue(try env.array(from: a["value"], dtype: v.dtype), for: v) }
        return .none
      }
    default: return nil
    }
  }
  func pyDir() -> [String] {
    ["name", "shape", "dtype", "op", "graph", "initializer", "initial_value", "trainable", "get_shape",
     "value", "read_value", "eval", "assign", "assign_add", "assign_sub", "load"]
  }

  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    try env.graphOperator(op, .object(self), other, reflected: reflected)
  }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    try env.graphCompare(op, .object(self), other, reflected: reflected)
  }
  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? { try env.graphUnary(op, variable.value) }
  func pyTruth() throws -> Bool {
    throw PyException.typeError("Using a `tf.Tensor` as a Python `bool` is not allowed. Use `if t is not None:` instead of `if t:` to test if a tensor is defined, and use TensorFlow ops such as tf.cond to execute subgraphs conditioned on the value of a tensor.")
  }
}

/// `tf.Operation`: repr `<tf.Operation 'init' type=NoOp>`, str is the NodeDef text.
final class OperationObject: PyObject {
  let op: Operation
  unowned let env: TFEnvironment
  init(_ op: Operation, env: TFEnvironment) {
    self.op = op
    self.env = env
  }

  var pyTypeName: String { "Operation" }
  var pyTypeModule: String? { "tensorflow.python.framework.ops" }
  var pyDoc: String? { "A graph node; run it with sess.run(op) or op.run()." }
  func pyRepr() -> String { "<tf.Operation '\(op.name)' type=\(op.type)>" }
  func pyStr() -> String { op.description }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let op = op, env = env
    switch name {
    case "name": return .str(op.name)
    case "type": return .str(op.type)
    case "inputs": return .newList(op.inputs.map { env.wrap($0) })
    case "outputs": return .newList(op.outputs.map { env.wrap($0) })
    case "control_inputs": return .newList(op.controlInputs.map { env.wrap($0) })
    case "graph": return op.graph.map { .object(GraphObject($0, env: env)) } ?? PyValue.none
    case "device": return .str("")
    case "node_def": return .str(op.description)
    case "values": return method("Operation", PySignature("values", [])) { _ in .tuple(op.outputs.map { env.wrap($0) }) }
    case "run":
      return method("Operation", PySignature("run", [.optional("feed_dict"), .optional("session")]),
                    doc: "Runs this operation in the default session.") { a in
        let s = try env.sessionForEval(a["session"], "run")
        return try env.run(s, fetches: .object(self), feedDict: a["feed_dict"])
      }
    default: return nil
    }
  }
  func pyDir() -> [String] { ["name", "type", "inputs", "outputs", "control_inputs", "graph", "device", "node_def", "values", "run"] }
}

/// `tf.Graph` (minimal): operations, lookups by name, `as_default()`.
final class GraphObject: PyObject {
  let graph: Graph
  unowned let env: TFEnvironment
  init(_ graph: Graph, env: TFEnvironment) {
    self.graph = graph
    self.env = env
  }

  var pyTypeName: String { "Graph" }
  var pyTypeModule: String? { "tensorflow.python.framework.ops" }
  func pyRepr() -> String { "<tensorflow.python.framework.ops.Graph object at \(address(of: graph))>" }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let g = graph, env = env
    switch name {
    case "get_operations":
      return method("Graph", PySignature("get_operations", [])) { _ in .newList(g.operations.map { env.wrap($0) }) }
    case "get_operation_by_name":
      return method("Graph", PySignature("get_operation_by_name", [.required("name")])) { a in
        let n = try a.string("name")
        guard let op = g.operation(named: n) else {
          throw PyException(.keyError, "\"The name '\(n)' refers to an Operation not in the graph.\"")
        }
        return env.wrap(op)
      }
    case "get_tensor_by_name":
      return method("Graph", PySignature("get_tensor_by_name", [.required("name")])) { a in
        let n = try a.string("name")
        guard let t = g.tensor(named: n) else {
          throw PyException(.keyError, "\"The name '\(n)' refers to a Tensor which does not exist.\"")
        }
        return env.wrap(t)
      }
    case "as_default":
      return method("Graph", PySignature("as_default", [])) { _ in .object(GraphContext(g, env: env)) }
    case "finalize": return method("Graph", PySignature("finalize", [])) { _ in .none }
    case "seed": return g.seed.map { .int($0) } ?? PyValue.none
    default: return nil
    }
  }
  func pyDir() -> [String] { ["get_operations", "get_operation_by_name", "get_tensor_by_name", "as_default", "finalize", "seed"] }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    guard op == .eq || op == .ne, case .object(let o as GraphObject) = other else { return nil }
    return .bool((o.graph === graph) == (op == .eq))
  }
}

/// `with g.as_default():` makes `g` the default graph for the block.
final class GraphContext: PyObject {
  let graph: Graph
  unowned let env: TFEnvironment
  init(_ graph: Graph, env: TFEnvironment) {
    self.graph = graph
    self.env = env
  }
  var pyTypeName: String { "_GeneratorContextManager" }
  var pyIsContextManager: Bool { true }
  func pyEnter() throws -> PyValue {
    env.graphStack.append(env.graph)
    env.setGraph(graph)
    return .object(GraphObject(graph, env: env))
  }
  func pyExit(_ error: PyException?) throws -> Bool {
    if let g = env.graphStack.popLast() { env.setGraph(g) }
    return false
  }
}

/// `with tf.name_scope('hidden'):` prefixes the names of ops made in the block.
final class NameScopeContext: PyObject {
  let name: String
  unowned let env: TFEnvironment
  var saved: [String] = []
  init(_ name: String, env: TFEnvironment) {
    self.name = name
    self.env = env
  }
  var pyTypeName: String { "name_scope" }
  var pyIsContextManager: Bool { true }
  func pyEnter() throws -> PyValue {
    let scope = env.enterNameScope(name)
    return .str(scope.isEmpty ? "" : scope + "/")
  }
  func pyExit(_ error: PyException?) throws -> Bool {
    env.exitNameScope()
    return false
  }
}
