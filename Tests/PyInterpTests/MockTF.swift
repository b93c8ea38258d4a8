import PyInterp

/// A tiny stand-in for a tensor: records the expression that built it.
final class MockTensor: PyObject {
  let expr: String
  let shape: [Int?]
  init(_ expr: String, shape: [Int?] = []) {
    self.expr = expr
    self.shape = shape
  }
  var pyTypeName: String { "Tensor" }
  var pyTypeModule: String? { "tensorflow.python.framework.ops" }
  func pyRepr() -> String { "<tf.Tensor '\(expr)'>" }
  func pyDir() -> [String] { ["shape", "name", "eval", "get_shape"] }
  func pyGetAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "name": return .str(expr)
    case "shape": return .tuple(shape.map { $0.map { .int($0) } ?? .none })
    case "eval":
      return .builtin(PyBuiltinFunction(PySignature("eval", [.optional("feed_dict"), .optional("session")])) { args in
        let feeds: Int
        if case .dict(let d) = args["feed_dict"] { feeds = d.count } else { feeds = 0 }
        return .str("eval(\(self.expr)) with \(feeds) feeds")
      })
    default: return nil
    }
  }
  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    let o: String
    switch other {
    case .object(let t as MockTensor): o = t.expr
    case .int(let i): o = String(i)
    case .float(let d): o = PyRepr.float(d)
    default: return nil
    }
    return .object(MockTensor(reflected ? "(\(o) \(op.rawValue) \(expr))" : "(\(expr) \(op.rawValue) \(o))", shape: shape))
  }
  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? {
    .object(MockTensor("(\(op.rawValue)\(expr))", shape: shape))
  }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    if op == .eq || op == .ne { return nil }
    return .object(MockTensor("(\(expr) \(op.rawValue) \(PyRepr.repr(other)))"))
  }
  func pyGetItem(_ key: PyValue) throws -> PyValue {
    .object(MockTensor("\(expr)[\(PyRepr.repr(key))]"))
  }
  func pyTruth() throws -> Bool {
    throw PyException(.typeError, "Using a `tf.Tensor` as a Python `bool` is not allowed.")
  }
}

/// A session that is a context manager and records runs.
final class MockSession: PyObject {
  var entered = 0
  var exited = 0
  var lastError: String?
  var pyTypeName: String { "Session" }
  var pyIsContextManager: Bool { true }
  var pyDoc: String? { "A session runs graph operations." }
  var pySignature: String? { "Session()" }
  func pyEnter() throws -> PyValue {
    entered += 1
    return .object(self)
  }
  func pyExit(_ error: PyException?) throws -> Bool {
    exited += 1
    lastError = error?.description
    return false
  }
  func pyDir() -> [String] { ["run", "close"] }
  func pyGetAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "run":
      return .builtin(PyBuiltinFunction(PySignature("run", [.required("fetches"), .optional("feed_dict")])) { args in
        guard case .object(_ as MockTensor) = args["fetches"] else {
          if case .list(let l) = args["fetches"] { return .newList(l.items.map { _ in .float(0.5) }) }
          throw PyException(.typeError, "Fetch argument \(PyRepr.repr(args["fetches"])) has invalid type \(args["fetches"].typeName)")
        }
        if case .dict(let d) = args["feed_dict"] {
          for (k, v) in d.items {
            guard case .object(let key as MockTensor) = k else { continue }
            if case .str = v {
              throw PyException(invalidArgument, "You must feed a value for placeholder tensor '\(key.expr)'",
                                hint: "feed_dict maps each placeholder to an array")
            }
          }
        }
        return .float(0.9192)
      })
    case "close": return .builtin(PyBuiltinFunction("close") { _ in .none })
    default: return nil
    }
  }
}

let invalidArgument = PyType.exceptionClass(
  "InvalidArgumentError", module: "tensorflow.python.framework.errors_impl", base: .exception)

/// Registers a mock `tensorflow` (and the MNIST `input_data` module) in `py`.
func installMockTF(_ py: Interpreter) {
  py.modules.register("tensorflow") {
    let tf = PyModule("tensorflow", doc: "A mock of TensorFlow for tests.")
    tf.attributes["float32"] = .str("float32")
    tf.define(PySignature("placeholder", [.required("dtype"), .optional("shape"), .optional("name")])) { a in
      var shape: [Int?] = []
      if let items = a["shape"].sequenceItems { shape = items.map { try? $0.asInt() } }
      return .object(MockTensor(try a.optional("name")?.asString() ?? "Placeholder", shape: shape))
    }
    tf.define(PySignature("Variable", [.required("initial_value"), .optional("name")])) { a in
      .object(MockTensor("Variable(\(PyRepr.repr(a["initial_value"])))"))
    }
    tf.define(PySignature("zeros", [.required("shape"), .optional("dtype", .str("float32"))])) { a in
      .object(MockTensor("zeros(\(PyRepr.repr(a["shape"])))"))
    }
    tf.define(PySignature("matmul", [.required("a"), .required("b")])) { a in
      .object(MockTensor("matmul(\(PyRepr.str(a["a"])), \(PyRepr.str(a["b"])))"))
    }
    tf.define(PySignature("reduce_mean", [.required("input_tensor"), .optional("axis"), .optional("reduction_indices")])) { a in
      .object(MockTensor("reduce_mean(\(PyRepr.str(a["input_tensor"])))"))
    }
    tf.attributes["Session"] = .builtin(PyBuiltinFunction("Session") { _ in .object(MockSession()) })
    tf.attributes["InteractiveSession"] = tf.attributes["Session"]
    let nn = PyModule("tensorflow.nn")
    nn.define(PySignature("softmax_cross_entropy_with_logits", [
      .optional("_sentinel"), .optional("labels"), .optional("logits"), .optional("dim", .int(-1)), .optional("name"),
    ])) { a in
      if a.isProvided("_sentinel") {
        throw PyException(.valueError, "Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)")
      }
      return .object(MockTensor("xent(\(PyRepr.str(a["labels"])), \(PyRepr.str(a["logits"])))"))
    }
    nn.define(PySignature("softmax", [.required("logits"), .optional("axis"), .optional("name")])) { a in
      .object(MockTensor("softmax(\(PyRepr.str(a["logits"])))"))
    }
    tf.attributes["nn"] = .module(nn)
    let errors = PyModule("tensorflow.errors")
    errors.attributes["InvalidArgumentError"] = .type(invalidArgument)
    tf.attributes["errors"] = .module(errors)
    return tf
  }
  py.modules.register("tensorflow.examples.tutorials.mnist") {
    let m = PyModule("tensorflow.examples.tutorials.mnist")
    let inputData = PyModule("tensorflow.examples.tutorials.mnist.input_data")
    inputData.define(PySignature("read_data_sets", [.required("train_dir"), .optional("one_hot", .false)])) { a in
      .str("datasets(\(try a.string("train_dir")), one_hot=\(try a.bool("one_hot")))")
    }
    m.attributes["input_data"] = .module(inputData)
    return m
  }
}
