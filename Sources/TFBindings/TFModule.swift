import PyInterp
import TFGraph
import Tensors

extension TFEnvironment {
  /// Adds a function whose body runs with engine errors translated and inside the current name scope.
  func def(_ m: PyModule, _ name: String, _ params: [PySignature.Parameter], doc: String,
           _ body: @escaping (PyBoundArguments) throws -> PyValue) {
    m.define(PySignature(name, params), doc: doc) { [self] a in try self.translate { try body(a) } }
  }

  /// The `name=` argument, if given.
  func nameArg(_ a: PyBoundArguments, _ key: String = "name") throws -> String? {
    try a.optional(key).map { try $0.asString(what: "argument '\(key)'") }
  }

  /// A host class for `isinstance(x, tf.Tensor)`.
  static func hostClass(_ name: String, _ module: String, _ check: @escaping @Sendable (any PyObject) -> Bool) -> PyValue {
    .type(PyType(name: name, module: module, instanceCheck: { v in
      if case .object(let o) = v { return check(o) }
      return false
    }))
  }

  /// Builds the `tensorflow` module (`import tensorflow as tf`).
  func makeTensorFlowModule() -> PyModule {
    let tf = PyModule("tensorflow", doc: "TensorFlow 1.x's graph API, running on mnist-shell's Swift engine.")
    tf.attributes["__version__"] = .str("1.3.0")
    tf.attributes["VERSION"] = .str("1.3.0")
    for (name, d) in tfDTypes { tf.attributes[name] = .object(d) }
    tf.attributes["double"] = .object(tfDTypes["float64"]!)
    tf.attributes["Tensor"] = Self.hostClass("Tensor", "tensorflow.python.framework.ops") { $0 is TensorObject }
    tf.attributes["Operation"] = Self.hostClass("Operation", "tensorflow.python.framework.ops") { $0 is OperationObject }
    tf.attributes["DType"] = Self.hostClass("DType", "tensorflow.python.framework.dtypes") { $0 is DTypeObject }
    tf.attributes["TensorShape"] = Self.hostClass("TensorShape", "tensorflow.python.framework.tensor_shape") { $0 is TensorShapeObject }
    tf.attributes["newaxis"] = PyValue.none

    let errors = PyModule("tensorflow.errors", doc: "TensorFlow's run-time error classes.")
    for t in TFExceptionTypes.all { errors.attributes[t.name] = .type(t) }
    tf.attributes["errors"] = .module(errors)

    addGraphFunctions(tf)
    addMathFunctions(tf)
    let nn = PyModule("tensorflow.nn", doc: "Neural-network ops: activations, softmax, cross-entropy.")
    addNNFunctions(nn, tf)
    tf.attributes["nn"] = .module(nn)
    let losses = PyModule("tensorflow.losses", doc: "Loss functions that return a scalar mean loss.")
    addLossFunctions(losses)
    tf.attributes["losses"] = .module(losses)
    let train = PyModule("tensorflow.train", doc: "Optimizers that add training ops to the graph.")
    addTrainFunctions(train)
    tf.attributes["train"] = .module(train)
    addCheckpointing(tf)
    let app = PyModule("tensorflow.app", doc: "Program entry helpers.")
    app.define(PySignature("run", [.optional("main"), .optional("argv")]), doc: "Calls main(argv) and returns.") { a in
      guard let main = a.optional("main") else { throw PyException.valueError("tf.app.run needs main= here (there is no __main__.main lookup)") }
      guard let py = a.interpreter else { throw PyException(.runtimeError, "no interpreter") }
      _ = try py.call(main, PyArguments([a.optional("argv") ?? .newList([.str("")])], interpreter: py))
      return .none
    }
    tf.attributes["app"] = .module(app)
    return tf
  }

  // MARK: - Graph, variables, sessions

  func addGraphFunctions(_ tf: PyModule) {
    def(tf, "placeholder", [.required("dtype"), .optional("shape"), .optional("name")],
        doc: "A value you feed when running the graph: tf.placeholder(tf.float32, [None, 784]).") { [self] a in
      guard let dt = try dtype(from: a["dtype"]) else { throw PyException.typeError("placeholder() needs a dtype, e.g. tf.float32") }
      let shape = try self.shape(from: a["shape"], allowUnknown: true)
      return wrap(graph.placeholder(dt, shape: shape, name: try nameArg(a)))
    }
    def(tf, "Variable", [.optional("initial_value"), .optional("trainable", .true), .optional("collections"),
                         .optional("validate_shape", .true), .optional("caching_device"), .optional("name"),
                         .optional("variable_def"), .optional("dtype"), .optional("expected_shape"), .optional("import_scope")],
        doc: "A value kept by the session between runs and trained by optimizers: tf.Variable(tf.zeros([784, 10])).") { [self] a in
      guard let initial = a.optional("initial_value") else { throw PyException.valueError("initial_value must be specified.") }
      let dt = try dtype(from: a["dtype"])
      let trainable = try a.bool("trainable")
      let name = try nameArg(a)
      if var t = tensor(of: initial) {
        if let dt, dt != t.dtype { t = try graph.cast(t, to: dt) }
        return wrap(try graph.variable(t, name: name, trainable: trainable))
      }
      return wrap(try graph.variable(try array(from: initial, dtype: dt), name: name, trainable: trainable))
    }
    def(tf, "constant", [.required("value"), .optional("dtype"), .optional("shape"), .optional("name", .str("Const")), .optional("verify_shape", .false)],
        doc: "A tensor with a fixed value: tf.constant([1.0, 2.0]).") { [self] a in
      var arr = try array(from: a["value"], dtype: try dtype(from: a["dtype"]))
      if let s = a.optional("shape") {
        let dims = try knownShape(from: s)
        if arr.count == 1 && dims.reduce(1, *) != 1 {
          try NDArray.checkShape(dims, dtype: arr.dtype)
          arr = NDArray.filled(dims, value: arr.scalarDouble!, dtype: arr.dtype)
        } else {
          arr = try arr.reshaped(dims)
        }
      }
      return wrap(graph.constant(arr, name: try nameArg(a)))
    }
    for (fname, value) in [("zeros", 0.0), ("ones", 1.0)] {
      def(tf, fname, [.required("shape"), .optional("dtype"), .optional("name")],
          doc: "A tensor of the given shape filled with \(Int(value))s: tf.\(fname)([784, 10]).") { [self] a in
        let dims = try knownShape(from: a["shape"])
        let dt = try dtype(from: a["dtype"]) ?? .float32
        let t = value == 0 ? try graph.zeros(dims, dtype: dt, name: try nameArg(a)) : try graph.ones(dims, dtype: dt, name: try nameArg(a))
        return wrap(t)
      }
      def(tf, fname + "_like", [.required("tensor"), .optional("dtype"), .optional("name"), .optional("optimize", .true)],
          doc: "A tensor like the given one, filled with \(Int(value))s.") { [self] a in
        let t = try tensor(from: a["tensor"])
        let dt = try dtype(from: a["dtype"]) ?? t.dtype
        if let dims = t.shape.known {
          return wrap(value == 0 ? try graph.zeros(dims, dtype: dt, name: try nameArg(a)) : try graph.ones(dims, dtype: dt, name: try nameArg(a)))
        }
        let zero = try graph.mul(t, graph.constant(NDArray.filled([], value: 0, dtype: t.dtype)))
        let filled = value == 0 ? zero : try graph.add(zero, graph.constant(NDArray.filled([], value: 1, dtype: t.dtype)))
        return wrap(try graph.cast(filled, to: dt))
      }
    }
    def(tf, "fill", [.required("dims"), .required("value"), .optional("name")],
        doc: "A tensor of shape dims filled with value.") { [self] a in
      let dims = try knownShape(from: a["dims"])
      let v = try array(from: a["value"])
      guard let d = v.scalarDouble else { throw PyException.valueError("fill value must be a scalar") }
      return wrap(try graph.fill(dims, value: d, dtype: v.dtype, name: try nameArg(a)))
    }
    def(tf, "global_variables_initializer", [], doc: "An op that sets every variable to its initial value; run it once per session.") { [self] _ in
      wrap(graph.globalVariablesInitializer())
    }
    def(tf, "initialize_all_variables", [], doc: "The old name of tf.global_variables_initializer().") { [self] _ in
      wrap(graph.globalVariablesInitializer())
    }
    def(tf, "variables_initializer", [.required("var_list"), .optional("name", .str("init"))],
        doc: "An op that initializes the given variables.") { [self] a in
      let vars = try (a["var_list"].sequenceItems ?? []).map { v -> Variable in
        guard let x = variable(of: v) else { throw PyException.typeError("var_list must hold variables, not '\(v.typeName)'") }
        return x
      }
      return wrap(graph.variablesInitializer(vars, name: try nameArg(a) ?? "init"))
    }
    def(tf, "global_variables", [], doc: "Every variable of the default graph.") { [self] _ in
      .newList(graph.globalVariables.map { wrap($0) })
    }
    def(tf, "trainable_variables", [], doc: "The variables optimizers train by default.") { [self] _ in
      .newList(graph.trainableVariables.map { wrap($0) })
    }
    def(tf, "assign", [.required("ref"), .required("value"), .optional("validate_shape"), .optional("use_locking"), .optional("name")],
        doc: "An op that sets a variable to value.") { [self] a in
      guard let v = variable(of: a["ref"]) else { throw PyException.typeError("assign() needs a tf.Variable as ref") }
      return wrap(try graph.assign(v, try tensor(from: a["value"], dtype: v.dtype), name: try nameArg(a)))
    }
    def(tf, "group", [.varArgs("inputs"), .keywordOnly("name", PyValue.none)], doc: "An op that runs all the given ops.") { [self] a in
      let ops = try (a["inputs"].sequenceItems ?? []).flatMap { v -> [Operation] in
        if let items = v.sequenceItems { return items.compactMap { operation(of: $0) ?? tensor(of: $0)?.op } }
        guard let op = operation(of: v) ?? tensor(of: v)?.op else { throw PyException.typeError("group() takes ops or tensors") }
        return [op]
      }
      return wrap(graph.group(ops, name: try nameArg(a)))
    }
    def(tf, "Session", [.optional("target", .str("")), .optional("graph"), .optional("config")],
        doc: "Runs the graph: sess.run(fetches, feed_dict={...}). Use `with tf.Session() as sess:` to close it automatically.") { [self] a in
      .object(makeSession(interactive: false, graph: try graphArg(a["graph"])))
    }
    def(tf, "InteractiveSession", [.optional("target", .str("")), .optional("graph"), .optional("config")],
        doc: "A session that becomes the default, so t.eval() and op.run() work.") { [self] a in
      .object(makeSession(interactive: true, graph: try graphArg(a["graph"])))
    }
    def(tf, "get_default_session", [], doc: "The default session, or None.") { [self] _ in
      registeredDefaultSession.map { .object($0) } ?? PyValue.none
    }
    def(tf, "get_default_graph", [], doc: "The graph new ops are added to.") { [self] _ in
      .object(GraphObject(graph, env: self))
    }
    def(tf, "reset_default_graph", [], doc: "Starts a new, empty default graph.") { [self] _ in
      resetDefaultGraph()
      return .none
    }
    def(tf, "Graph", [], doc: "A new, empty graph (use it with `with g.as_default():`).") { [self] _ in
      .object(GraphObject(Graph(), env: self))
    }
    def(tf, "name_scope", [.required("name"), .optional("default_name"), .optional("values")],
        doc: "A context manager prefixing the names of ops created inside it.") { [self] a in
      let n = a["name"].isNone ? (try a.optional("default_name")?.asString() ?? "") : try a.string("name")
      return .object(NameScopeContext(n, env: self))
    }
    def(tf, "set_random_seed", [.required("seed")], doc: "Sets the graph-level random seed.") { [self] a in
      graph.seed = a["seed"].isNone ? nil : try a.int("seed")
      return .none
    }
    def(tf, "convert_to_tensor", [.required("value"), .optional("dtype"), .optional("name")],
        doc: "The value as a tensor (constants for Python and NumPy values).") { [self] a in
      wrap(try tensor(from: a["value"], dtype: try dtype(from: a["dtype"]), name: try nameArg(a)))
    }
  }

  private func graphArg(_ v: PyValue) throws -> Graph? {
    if v.isNone { return nil }
    guard case .object(let o as GraphObject) = v else { throw PyException.typeError("graph must be a tf.Graph") }
    return o.graph
  }
}
