import TFGraph
import Tensors
import Testing

@Suite struct ShapeInferenceTests {
  @Test func matmulInnerDimensionsMustMatch() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([nil, 784]))
    let w = try g.variable(try g.zeros([10, 10]))
    #expect(throws: TFError(.valueError, "Dimensions must be equal, but are 784 and 10 for 'MatMul' (op: 'MatMul') with input shapes: [?,784], [10,10].")) {
      try g.matmul(x, w.value)
    }
    #expect(throws: TFError(.valueError, "Shape must be rank 2 but is rank 1 for 'MatMul_1' (op: 'MatMul') with input shapes: [?,784], [10].")) {
      try g.matmul(x, try g.zeros([10]))
    }
    let ok = try g.matmul(x, try g.zeros([10, 784]), transposeB: true)
    #expect(ok.shape == TensorShape([nil, 10]))
  }

  @Test func broadcastingErrorsAndShapes() throws {
    let g = Graph()
    let a = g.placeholder(.float32, shape: TensorShape([nil, 10]))
    #expect(throws: TFError(.valueError, "Dimensions must be equal, but are 10 and 5 for 'add' (op: 'Add') with input shapes: [?,10], [5].")) {
      try g.add(a, try g.zeros([5]))
    }
    #expect(try g.add(a, try g.zeros([10])).shape.description == "(?, 10)")
    #expect(try g.mul(a, try g.zeros([3, 1, 1])).shape.description == "(3, ?, 10)")
    #expect(try g.div(g.placeholder(.float32), a).shape == .unknown)
    #expect(throws: TFError(.typeError, "Input 'y' of 'Sub' Op has type int64 that does not match type float32 of argument 'x'.")) {
      try g.sub(a, g.placeholder(.int64))
    }
  }

  @Test func reductionShapesAndErrors() throws {
    let g = Graph()
    let a = g.placeholder(.float32, shape: TensorShape([nil, 10]))
    #expect(try g.reduceSum(a, axes: [1]).shape.description == "(?,)")
    #expect(try g.reduceSum(a, axes: [1], keepDims: true).shape.description == "(?, 1)")
    #expect(try g.reduceMean(a).shape.description == "()")
    #expect(try g.argmax(a, axis: 1).dtype == .int64)
    #expect(throws: TFError.self) { try g.reduceSum(a, axes: [2]) }
    #expect(throws: TFError.self) { try g.argmax(a, axis: 2) }
  }

  @Test func crossEntropyShapeChecks() throws {
    let g = Graph()
    let logits = g.placeholder(.float32, shape: TensorShape([nil, 10]))
    #expect(throws: TFError(.valueError, "Dimensions must be equal, but are 10 and 5 for 'SoftmaxCrossEntropyWithLogits' (op: 'SoftmaxCrossEntropyWithLogits') with input shapes: [?,10], [?,5].")) {
      try g.softmaxCrossEntropyWithLogits(labels: g.placeholder(.float32, shape: TensorShape([nil, 5])), logits: logits)
    }
    let loss = try g.softmaxCrossEntropyWithLogits(labels: g.placeholder(.float32, shape: TensorShape([nil, 10])), logits: logits)
    #expect(loss.description == #"Tensor("SoftmaxCrossEntropyWithLogits_1:0", shape=(?,), dtype=float32)"#)
    #expect(throws: TFError(.valueError, "Shape mismatch: The shape of labels (received (5, 2)) should equal the shape of logits except for the last dimension (received (?, 10)).")) {
      try g.sparseSoftmaxCrossEntropyWithLogits(labels: g.placeholder(.int64, shape: TensorShape([5, 2])), logits: logits)
    }
    let mean = try g.sparseSoftmaxCrossEntropyLoss(labels: g.placeholder(.int64, shape: TensorShape([nil])), logits: logits)
    #expect(mean.name == "sparse_softmax_cross_entropy_loss/value:0" && mean.shape == .scalar)
  }

  @Test func reshapeAndVariables() throws {
    let g = Graph()
    let c = g.constant(NDArray(shape: [2, 6], floats: Array(repeating: 1, count: 12)))
    #expect(try g.reshape(c, [3, -1]).shape.description == "(3, 4)")
    #expect(throws: TFError.self) { try g.reshape(c, [5]) }
    #expect(throws: TFError(.valueError, #"initial_value must have a shape specified: Tensor("Placeholder:0", shape=(?,), dtype=float32)"#)) {
      try g.variable(g.placeholder(.float32, shape: TensorShape([nil])))
    }
  }

  @Test func optimizerErrors() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([2]))
    #expect(throws: TFError(.valueError, "No variables to optimize.")) {
      try GradientDescentOptimizer(learningRate: 0.1).minimize(try g.reduceSum(x))
    }
    let v = try g.variable(try g.zeros([2]))
    _ = v
    #expect(throws: TFError.self) { try GradientDescentOptimizer(learningRate: 0.1).minimize(try g.reduceSum(x)) }
  }

  @Test func crossGraphUseIsRejected() throws {
    let g1 = Graph(), g2 = Graph()
    let a = g1.placeholder(.float32)
    #expect(throws: TFError.self) { try g2.neg(a) }
    #expect(throws: TFError.self) { try Session(graph: g2).run(a) }
  }
}
