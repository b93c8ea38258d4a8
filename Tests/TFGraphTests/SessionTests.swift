import TFGraph
import Tensors
import Testing
import _TestSupport

@Suite struct SessionTests {
  @Test func missingFeedNamesThePlaceholder() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    try s.run(t.initOp)
    #expect(throws: TFError(.invalidArgument, "You must feed a value for placeholder tensor 'Placeholder' with dtype float and shape [?,784]")) {
      try s.run(t.y)
    }
    let xs = NDArray.zeros([2, 784])
    #expect(throws: TFError(.invalidArgument, "You must feed a value for placeholder tensor 'Placeholder_1' with dtype float and shape [?,10]")) {
      try s.run(t.train, feeds: [t.x: xs])
    }
  }

  @Test func wrongFeedShapeIsValueError() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    try s.run(t.initOp)
    #expect(throws: TFError(.valueError, "Cannot feed value of shape (100, 10) for Tensor 'Placeholder:0', which has shape '(?, 784)'")) {
      try s.run(t.y, feeds: [t.x: NDArray.zeros([100, 10])])
    }
  }

  @Test func uninitializedVariable() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    #expect(throws: TFError(.failedPrecondition, "Attempting to use uninitialized value Variable")) {
      try s.run(t.y, feeds: [t.x: NDArray.zeros([1, 784])])
    }
    #expect(!s.isInitialized(t.W))
    try s.run(t.initOp)
    #expect(s.isInitialized(t.W))
    #expect(try s.value(of: t.b).shape == [10])
  }

  @Test func closedSessionRefusesToRun() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    s.close()
    #expect(s.isClosed)
    #expect(throws: TFError(.runtimeError, "Attempted to use a closed Session.")) { try s.run(t.initOp) }
  }

  @Test func trainingStepUpdatesVariablesAndNotifiesObservers() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    var events: [TrainingEvent] = []
    s.addTrainingObserver { events.append($0) }
    try s.run(t.initOp)
    var xs = [Float](repeating: 0, count: 2 * 784)
    xs[3] = 1
    xs[784 + 5] = 1
    var ys = [Float](repeating: 0, count: 20)
    ys[2] = 1
    ys[10 + 7] = 1
    let feeds = [t.x: NDArray(shape: [2, 784], floats: xs), t.yTrue: NDArray(shape: [2, 10], floats: ys)]
    let out = try s.run([.operation(t.train), .tensor(t.loss)], feeds: feeds)
    #expect(out[0] == nil)
    // Zero weights: uniform softmax, loss = log(10).
    assertClose([out[1]!.floats[0]], [2.302585], rtol: 1e-5)
    #expect(events.count == 1 && events[0].step == 1 && events[0].trainOp == t.train)
    assertClose([events[0].loss], [2.302585], rtol: 1e-5)
    // db = mean over rows of (softmax - y) = 0.1 - y/2; b -= 0.5 * db.
    var expectB = [Double](repeating: -0.05, count: 10)
    expectB[2] += 0.25
    expectB[7] += 0.25
    assertArray(try s.value(of: t.b), shape: [10], expectB)
    let w = try s.value(of: t.W).floats
    assertClose([w[3 * 10 + 2], w[3 * 10 + 0], w[5 * 10 + 7]], [0.225, -0.025, 0.225], rtol: 1e-5)
    try s.run(t.train, feeds: feeds)
    #expect(events.count == 2 && s.trainingStep == 2 && events[1].loss < events[0].loss)
  }

  @Test func naiveLossGivesNaNLikeTensorFlow() throws {
    // A confident wrong prediction: softmax underflows to exactly 0, log(0) = -inf, 0 * -inf = NaN.
    let g = Graph()
    let logits = g.constant(NDArray(shape: [1, 2], floats: [0, 200]))
    let y = try g.softmax(logits)
    let labels = g.constant(NDArray(shape: [1, 2], floats: [1, 0]))
    let loss = try g.neg(try g.reduceSum(try g.mul(labels, try g.log(y)), axes: [1]))
    let s = Session(graph: g)
    #expect(try s.run(loss).floats[0] == .infinity)
    let withZeroLabel = try g.reduceSum(try g.mul(g.constant(NDArray(shape: [1, 2], floats: [0, 1])), try g.log(y)))
    #expect(try s.run(withZeroLabel).floats[0].isNaN)
  }

  @Test func setValueAndFetchSeveral() throws {
    let g = Graph()
    let v = try g.variable(try g.zeros([2]))
    let double = try g.add(v.value, v.value)
    let s = Session(graph: g)
    try s.setValue(NDArray(shape: [2], floats: [1, 2]), for: v)
    let r = try s.run([.tensor(double), .tensor(v.value)], feeds: [:])
    assertArray(r[0]!, shape: [2], [2, 4])
    assertArray(r[1]!, shape: [2], [1, 2])
    #expect(throws: TFError.self) { try s.setValue(NDArray(shape: [3], floats: [1, 2, 3]), for: v) }
  }

  @Test func feedsAreConvertedToThePlaceholderDtype() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([2]))
    let s = Session(graph: g)
    let r = try s.run(try g.mul(x, x), feeds: [x: NDArray(shape: [2], int64s: [3, 4])])
    assertArray(r, shape: [2], [9, 16])
  }

  @Test func runtimeShapeMismatchIsInvalidArgument() throws {
    let g = Graph()
    let a = g.placeholder(.float32, shape: TensorShape([nil, 3]))
    let b = g.placeholder(.float32, shape: TensorShape([nil, 3]))
    let s = Session(graph: g)
    #expect(throws: TFError(.invalidArgument, "Incompatible shapes: [2,3] vs. [4,3]")) {
      try s.run(try g.add(a, b), feeds: [a: NDArray.zeros([2, 3]), b: NDArray.zeros([4, 3])])
    }
  }
}

@Suite struct PlanTests {
  @Test func trainingPlanSkipsThePlaceholderGradient() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    let ops = try s.scheduledOps([.operation(t.train)], fed: [t.x, t.yTrue])
    print(ops)
    #expect(ops.contains("gradients/MatMul_grad/MatMul_1"))
    #expect(!ops.contains("gradients/MatMul_grad/MatMul"), "no gradient for the placeholder x")
    #expect(!ops.contains("gradients/mul_grad/Mul"), "no gradient for the placeholder y_")
    #expect(!ops.contains("Variable/Assign") && !ops.contains("init"))
    #expect(ops.last == "GradientDescent")
  }
}
