import PyInterp
import TFGraph
import Tensors

extension TFEnvironment {
  func addNNFunctions(_ nn: PyModule, _ tf: PyModule) {
    for (fname, log) in [("softmax", false), ("log_softmax", true)] {
      def(nn, fname, [.required("logits"), .optional("dim", .int(-1)), .optional("name"), .optional("axis")],
          doc: "\(log ? "log(softmax)" : "exp(x) / sum(exp(x))") along the last axis: each row becomes \(log ? "log-" : "")probabilities.") { [self] a in
        let x = try tensor(from: a["logits"])
        return wrap(try graph(for: [x]).softmax(x, log: log, name: try nameArg(a)))
      }
    }
    for (fname, kind) in [("relu", UnaryKind.relu), ("sigmoid", .sigmoid), ("tanh", .tanh)] {
      def(nn, fname, [.required("features"), .optional("name")], doc: "Element-wise \(fname) activation.") { [self] a in
        let x = try tensor(from: a["features"])
        return wrap(try graph(for: [x]).unary(kind, x, name: try nameArg(a)))
      }
    }
    for fname in ["softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_v2"] {
      def(nn, fname, [.optional("_sentinel"), .optional("labels"), .optional("logits"), .optional("dim", .int(-1)), .optional("name")],
          doc: "The cross-entropy between one-hot labels and softmax(logits), per example. Call it with labels= and logits=.") { [self] a in
        try namedOnly(a, fname)
        let logits = try tensor(from: a["logits"])
        let labels = try tensor(from: a["labels"], dtype: logits.dtype)
        return wrap(try graph(for: [logits]).softmaxCrossEntropyWithLogits(labels: labels, logits: logits, name: try nameArg(a)))
      }
    }
    def(nn, "sparse_softmax_cross_entropy_with_logits", [.optional("_sentinel"), .optional("labels"), .optional("logits"), .optional("name")],
        doc: "The cross-entropy between class-id labels and softmax(logits), per example. Call it with labels= and logits=.") { [self] a in
      try namedOnly(a, "sparse_softmax_cross_entropy_with_logits")
      let logits = try tensor(from: a["logits"])
      let labels = try tensor(from: a["labels"], dtype: .int64)
      return wrap(try graph(for: [logits]).sparseSoftmaxCrossEntropyWithLogits(labels: labels, logits: logits, name: try nameArg(a)))
    }
    tf.attributes["sigmoid"] = nn.attributes["sigmoid"]
    tf.attributes["tanh"] = nn.attributes["tanh"]
  }

  /// TF 1.x's guard against positional arguments to the cross-entropy functions.
  private func namedOnly(_ a: PyBoundArguments, _ name: String) throws {
    if a.isProvided("_sentinel") {
      throw PyException.valueError("Only call `\(name)` with named arguments (labels=..., logits=..., ...)",
                                   hint: "write tf.nn.\(name)(labels=y_, logits=y)")
    }
    if a["labels"].isNone || a["logits"].isNone {
      throw PyException.valueError("Both labels and logits must be provided.")
    }
  }

  func addLossFunctions(_ losses: PyModule) {
    def(losses, "sparse_softmax_cross_entropy", [.required("labels"), .required("logits"), .optional("weights", .float(1)),
                                                 .optional("scope"), .optional("loss_collection"), .optional("reduction")],
        doc: "The mean cross-entropy between class-id labels and softmax(logits).") { [self] a in
      let logits = try tensor(from: a["logits"])
      let labels = try tensor(from: a["labels"], dtype: .int64)
      return wrap(try graph(for: [logits]).sparseSoftmaxCrossEntropyLoss(labels: labels, logits: logits, name: try nameArg(a, "scope")))
    }
    def(losses, "softmax_cross_entropy", [.required("onehot_labels"), .required("logits"), .optional("weights", .float(1)),
                                          .optional("label_smoothing", .int(0)), .optional("scope"), .optional("loss_collection"),
                                          .optional("reduction")],
        doc: "The mean cross-entropy between one-hot labels and softmax(logits).") { [self] a in
      let logits = try tensor(from: a["logits"])
      let labels = try tensor(from: a["onehot_labels"], dtype: logits.dtype)
      let g = graph(for: [logits])
      return try g.withNameScope(try nameArg(a, "scope") ?? "softmax_cross_entropy_loss") {
        let per = try g.softmaxCrossEntropyWithLogits(labels: labels, logits: logits, name: "xentropy")
        return wrap(try g.reduce(.mean, per, name: "value"))
      }
    }
  }
}

/// `tf.train.GradientDescentOptimizer(0.5)` / `tf.train.AdamOptimizer(1e-4)`.
final class OptimizerObject: PyObject {
  let optimizer: any Optimizer
  let name: String
  let typeName: String
  unowned let env: TFEnvironment
  init(_ optimizer: any Optimizer, name: String, typeName: String, env: TFEnvironment) {
    self.optimizer = optimizer
    self.name = name
    self.typeName = typeName
    self.env = env
  }
  var pyTypeName: String { typeName }
  var pyTypeModule: String? { "tensorflow.python.training" }
  func pyRepr() -> String { "<tensorflow.python.training.\(typeName) object at \(address(of: self))>" }
  var pyDoc: String? { "An optimizer: minimize(loss) returns the training op to run each step." }

  func pyGetAttribute(_ attr: String) throws -> PyValue? {
    switch attr {
    case "minimize":
      return method(typeName, PySignature("minimize", [.required("loss"), .optional("global_step"), .optional("var_list"),
                                                        .optional("gate_gradients", .int(1)), .optional("aggregation_method"),
                                                        .optional("colocate_gradients_with_ops", .false), .optional("name"),
                                                        .optional("grad_loss")]),
                    doc: "Adds gradient and update ops; returns the op that does one training step.") { [self] a in
        try env.translate {
          guard let loss = env.tensor(of: a["loss"]) else {
            throw PyException.typeError("minimize() needs a loss tensor, not '\(a["loss"].typeName)'")
          }
          let vars = try a.optional("var_list").map { list in
            try (list.sequenceItems ?? []).map { v -> Variable in
              guard let x = env.variable(of: v) else { throw PyException.typeError("var_list must hold variables") }
              return x
            }
          }
          let n = try env.nameArg(a) ?? name
          return env.wrap(try optimizer.minimize(loss, varList: vars, name: n))
        }
      }
    case "get_name": return method(typeName, PySignature("get_name", [])) { [name] _ in .str(name) }
    default: return nil
    }
  }
  func pyDir() -> [String] { ["minimize", "get_name"] }
}

extension TFEnvironment {
  func addTrainFunctions(_ train: PyModule) {
    def(train, "GradientDescentOptimizer", [.required("learning_rate"), .optional("use_locking", .false), .optional("name", .str("GradientDescent"))],
        doc: "Gradient descent: each step moves every variable by -learning_rate × its gradient.") { [self] a in
      .object(OptimizerObject(GradientDescentOptimizer(learningRate: try a.double("learning_rate")),
                              name: try a.string("name"), typeName: "GradientDescentOptimizer", env: self))
    }
    def(train, "AdamOptimizer", [.optional("learning_rate", .float(0.001)), .optional("beta1", .float(0.9)), .optional("beta2", .float(0.999)),
                                 .optional("epsilon", .float(1e-8)), .optional("use_locking", .false), .optional("name", .str("Adam"))],
        doc: "The Adam optimizer (adaptive per-weight step sizes).") { [self] a in
      let opt = AdamOptimizer(learningRate: try a.double("learning_rate"), beta1: try a.double("beta1"),
                              beta2: try a.double("beta2"), epsilon: try a.double("epsilon"))
      return .object(OptimizerObject(opt, name: try a.string("name"), typeName: "AdamOptimizer", env: self))
    }
  }
}
