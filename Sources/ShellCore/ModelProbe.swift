import MNISTData
import PyInterp
import TFBindings
import TFGraph
import Tensors

/// Finds the tutorial's model in the learner's session by meaning, whatever the names:
/// the [784, 10] weights, the [10] bias, the image placeholder, the label placeholder, the
/// model's output and the training op. Views (:digit, :weights, :draw...) and :train use it.
struct ModelProbe {
  let tf: TFEnvironment
  let interpreter: Interpreter

  /// The weight variable of shape [784, 10] (the most recent one).
  var weights: Variable? {
    tf.graph.globalVariables.last { $0.shape.known == [784, 10] && $0.dtype == .float32 }
  }

  /// The bias variable of shape [10] (the most recent one).
  var bias: Variable? {
    tf.graph.globalVariables.last { $0.shape.known == [10] && $0.dtype == .float32 }
  }

  /// The open session to read values from: the default one, if it uses the current graph.
  var session: Session? {
    guard let s = tf.defaultSession, !s.isClosed, s.graph === tf.graph else { return nil }
    return s
  }

  private var placeholders: [TFGraph.Operation] { tf.graph.operations.filter { $0.type == "Placeholder" } }

  /// The image placeholder: float32 of shape [?, 784].
  var input: Tensor? {
    placeholders.last { op in op.outputs[0].dtype == .float32 && op.outputs[0].shape.dims?.last == 784 }?.outputs[0]
  }

  /// The label placeholder: float32 [?, 10] (one-hot) or an integer [?] (class ids).
  var labels: Tensor? {
    placeholders.last { op in
      let t = op.outputs[0]
      return (t.dtype == .float32 && t.shape.dims?.count == 2 && t.shape.dims?.last == 10)
        || (t.dtype == .int64 && t.shape.dims?.count == 1)
    }?.outputs[0]
  }

  /// The most recent training op (made by an optimizer's minimize).
  var trainOp: TFGraph.Operation? { tf.graph.operations.last { $0.minimizedLoss != nil } }

  /// The model's output: a [?, 10] tensor that depends on the input and the weights. A Softmax
  /// the learner named is preferred; otherwise logits, which `predict` turns into probabilities.
  var output: Tensor? {
    guard let x = input, let w = weights else { return nil }
    var candidates: [Tensor] = []
    for name in interpreter.globalNames {
      guard let value = interpreter[global: name], let t = tf.tensor(of: value) else { continue }
      guard t.dtype == .float32, t.shape.dims?.count == 2, t.shape.dims?.last == 10 else { continue }
      if depends(t, on: x.op) && depends(t, on: w.op) { candidates.append(t) }
    }
    return candidates.first { $0.op.type == "Softmax" } ?? candidates.last
  }

  private func depends(_ t: Tensor, on target: TFGraph.Operation) -> Bool {
    var seen = Set<TFGraph.Operation>()
    var stack = [t.op]
    while let op = stack.popLast() {
      if op === target { return true }
      guard seen.insert(op).inserted, !op.name.hasPrefix("gradients/") else { continue }
      stack += op.inputs.map(\.op)
    }
    return false
  }

  /// What is missing before predictions can be made, as advice for the learner; nil when ready.
  var missingForPrediction: String? {
    if weights == nil { return "There is no model yet: it needs a [784, 10] weight variable. Lessons 4 to 6 build one (:lesson 4)." }
    if session == nil { return "There is no open session to read the weights from. Try: sess = tf.InteractiveSession(); tf.global_variables_initializer().run()" }
    if let w = weights, let s = session, !s.isInitialized(w) { return "The weights are not initialised yet. Run: tf.global_variables_initializer().run()" }
    return nil
  }

  /// Class probabilities for `images` ([n, 784]), through the learner's own output tensor when
  /// there is one, else as softmax(images · W + b).
  func predict(_ images: NDArray) throws -> NDArray {
    guard let s = session else { throw CommandError(missingForPrediction ?? "no session") }
    if let y = output, let x = input {
      let out = try s.run(y, feeds: [x: images])
      return y.op.type == "Softmax" ? out : try softmax(out, axis: -1)
    }
    guard let w = weights else { throw CommandError(missingForPrediction ?? "no model") }
    var logits = try matmul(images, try s.value(of: w))
    if let b = bias, s.isInitialized(b) { logits = try binary(.add, logits, try s.value(of: b)) }
    return try softmax(logits, axis: -1)
  }

  /// The weights as ten 784-value images (column c of W is class c), and the bias.
  func weightImages() throws -> (images: [[Float]], bias: [Float]?) {
    guard let w = weights, let s = session else { throw CommandError(missingForPrediction ?? "no model") }
    let values = try s.value(of: w).floats
    var images = Array(repeating: [Float](repeating: 0, count: 784), count: 10)
    for p in 0..<784 { for c in 0..<10 { images[c][p] = values[p * 10 + c] } }
    var biasValues: [Float]?
    if let b = bias, s.isInitialized(b) { biasValues = try s.value(of: b).floats }
    return (images, biasValues)
  }

  /// The data set split called `name` (train, validation, test), if data is loaded.
  func split(_ name: String) -> DataSet? {
    guard let d = tf.datasets else { return nil }
    switch name {
    case "train": return d.train
    case "validation": return d.validation
    case "test": return d.test
    default: return nil
    }
  }
}
