import TFGraph
import Tensors

/// The tutorial's graph built through the Swift API, as the bindings build it.
struct TutorialGraph {
  enum Loss { case naive, logits, sparse }
  let g = Graph()
  let x: Tensor, yTrue: Tensor, W: Variable, b: Variable, logits: Tensor, y: Tensor
  let loss: Tensor, train: Operation, accuracy: Tensor, initOp: Operation

  init(loss kind: Loss = .naive, learningRate: Double = 0.5) throws {
    x = g.placeholder(.float32, shape: TensorShape([nil, 784]))
    W = try g.variable(try g.zeros([784, 10]))
    b = try g.variable(try g.zeros([10]))
    logits = try g.add(try g.matmul(x, W.value), b.value)
    y = try g.softmax(logits)
    switch kind {
    case .naive:
      yTrue = g.placeholder(.float32, shape: TensorShape([nil, 10]))
      let s = try g.reduceSum(try g.mul(yTrue, try g.log(y)), axes: [1])
      loss = try g.reduceMean(try g.neg(s))
    case .logits:
      yTrue = g.placeholder(.float32, shape: TensorShape([nil, 10]))
      loss = try g.reduceMean(try g.softmaxCrossEntropyWithLogits(labels: yTrue, logits: logits))
    case .sparse:
      yTrue = g.placeholder(.int64, shape: TensorShape([nil]))
      loss = try g.sparseSoftmaxCrossEntropyLoss(labels: yTrue, logits: logits)
    }
    train = try GradientDescentOptimizer(learningRate: learningRate).minimize(loss)
    initOp = g.globalVariablesInitializer()
    let predicted = try g.argmax(y, axis: 1)
    let correct = try g.equal(predicted, kind == .sparse ? yTrue : try g.argmax(yTrue, axis: 1))
    accuracy = try g.reduceMean(try g.cast(correct, to: .float32))
  }
}
