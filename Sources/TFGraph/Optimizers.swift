import Tensors

/// A TensorFlow 1.x optimizer (`tf.train.*Optimizer`).
public protocol Optimizer {
  /// Adds the gradient ops (`gradients/...`) and the update ops, and returns the training op.
  ///
  /// The returned op records the loss it minimises (``Operation/minimizedLoss``), so a
  /// ``Session`` can report each step to training observers.
  /// - Parameters:
  ///   - loss: a float tensor (its sum is minimised when not scalar).
  ///   - varList: the variables to train; `nil` means the graph's trainable variables.
  /// - Throws: `ValueError` (`No variables to optimize.`, `No gradients provided for any variable...`).
  func minimize(_ loss: Tensor, varList: [Variable]?, name: String?) throws -> Operation
}

extension Optimizer {
  /// `minimize(loss)` with all trainable variables.
  public func minimize(_ loss: Tensor) throws -> Operation { try minimize(loss, varList: nil, name: nil) }

  func gradientsAndVariables(_ loss: Tensor, _ varList: [Variable]?) throws -> (Graph, [(Tensor, Variable)]) {
    guard let graph = loss.graph else { throw TFError.value("The loss tensor's graph no longer exists.") }
    let vars = varList ?? graph.trainableVariables
    if vars.isEmpty { throw TFError.value("No variables to optimize.") }
    if loss.dtype != .float32 {
      throw TFError.value("Invalid type tf.\(loss.dtype.rawValue) for \(loss.op.name), expected: [tf.float32, tf.float64, tf.float16].")
    }
    let grads = try graph.gradients([loss], vars.map(\.ref))
    let pairs = zip(grads, vars).compactMap { g, v in g.map { ($0, v) } }
    if pairs.isEmpty {
      let names = vars.map { "\"\($0.description)\"" }.joined(separator: ", ")
      throw TFError.value("No gradients provided for any variable, check your graph for ops that do not support gradients, between variables [\(names)] and loss \(loss).")
    }
    return (graph, pairs)
  }
}

/// `tf.train.GradientDescentOptimizer(learning_rate)`: `var -= learning_rate * grad`.
public struct GradientDescentOptimizer: Optimizer {
  public var learningRate: Double
  public init(learningRate: Double) { self.learningRate = learningRate }

  /// Returns the `NoOp` `GradientDescent` grouping `GradientDescent/update_<var>/ApplyGradientDescent`.
  public func minimize(_ loss: Tensor, varList: [Variable]?, name: String? = nil) throws -> Operation {
    let (g, pairs) = try gradientsAndVariables(loss, varList)
    return g.withNameScope(name ?? "GradientDescent") {
      let scope = g.currentNameScope
      let lr = g.scalarConstant(learningRate, .float32, name: "learning_rate")
      let updates = pairs.map { grad, v in
        g.withNameScope("update_" + v.op.name) {
          g.addOp(name: g.uniqueName("ApplyGradientDescent"), type: "ApplyGradientDescent",
                  inputs: [v.ref, lr, grad], attrs: ["T": .type(.float32), "use_locking": .bool(false)],
                  outputs: [OutputSpec(.float32, v.shape, isRef: true)])
        }
      }
      let train = g.addOp(name: scope, type: "NoOp", control: updates, outputs: [])
      train.minimizedLoss = loss
      return train
    }
  }
}

/// `tf.train.AdamOptimizer(learning_rate, beta1, beta2, epsilon)` with TensorFlow's slots
/// (`<var>/Adam`, `<var>/Adam_1`) and `beta1_power`/`beta2_power` variables.
///
/// Create it (call `minimize`) before `globalVariablesInitializer()`, as in TensorFlow, so its
/// variables are initialised.
public struct AdamOptimizer: Optimizer {
  public var learningRate, beta1, beta2, epsilon: Double
  public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// Returns the `NoOp` `Adam` grouping `Adam/update_<var>/ApplyAdam` and the beta-power updates.
  public func minimize(_ loss: Tensor, varList: [Variable]?, name: String? = nil) throws -> Operation {
    let (g, pairs) = try gradientsAndVariables(loss, varList)
    let b1p = try g.withNameScope("") { try g.variable(NDArray(shape: [], floats: [Float(beta1)]), name: "beta1_power", trainable: false) }
    let b2p = try g.withNameScope("") { try g.variable(NDArray(shape: [], floats: [Float(beta2)]), name: "beta2_power", trainable: false) }
    var slots: [(Variable, Variable)] = []
    for (_, v) in pairs {
      func slot(_ n: String) throws -> Variable {
        try g.withNameScope("") {
          let scope = g.uniqueName(v.op.name + "/" + n)
          let z = try g.withNameScope(scope + "/") { try g.zeros(v.shape.known ?? [], name: "Initializer/zeros") }
          return try g.variable(z, name: scope + "/", trainable: false)
        }
      }
      slots.append((try slot("Adam"), try slot("Adam_1")))
    }
    return try g.withNameScope(name ?? "Adam") {
      let scope = g.currentNameScope
      let lr = g.scalarConstant(learningRate, .float32, name: "learning_rate")
      let c1 = g.scalarConstant(beta1, .float32, name: "beta1")
      let c2 = g.scalarConstant(beta2, .float32, name: "beta2")
      let eps = g.scalarConstant(epsilon, .float32, name: "epsilon")
      var updates: [Operation] = []
      for ((grad, v), (m, s)) in zip(pairs, slots) {
        updates.append(g.withNameScope("update_" + v.op.name) {
          g.addOp(name: g.uniqueName("ApplyAdam"), type: "ApplyAdam",
                  inputs: [v.ref, m.ref, s.ref, b1p.value, b2p.value, lr, c1, c2, eps, grad],
                  attrs: ["T": .type(.float32), "use_locking": .bool(false), "use_nesterov": .bool(false)],
                  outputs: [OutputSpec(.float32, v.shape, isRef: true)])
        })
      }
      let finish = try g.withControlDependencies(updates) { () -> [Operation] in
        let a1 = try g.assign(b1p, try g.mul(b1p.value, c1))
        let a2 = try g.assign(b2p, try g.mul(b2p.value, c2))
        return [a1.op, a2.op]
      }
      let train = g.addOp(name: scope, type: "NoOp", control: updates + finish, outputs: [])
      train.minimizedLoss = loss
      return train
    }
  }
}
