import TFGraph
import Tensors
import Testing

/// The fused kernels (softmax cross-entropy; a weight gradient's product with its update)
/// against the ops they replace, bit for bit.
@Suite(.serialized) struct FusionTests {
  /// Runs `steps` training steps of a fresh tutorial graph (fetching the loss and the softmax
  /// too), with the fusion on or off; returns the fetched values of every step and the weights.
  static func train(
    fused: Bool, labelsFirst: Bool = true, batches: [(NDArray, NDArray)], fetchSoftmax: Bool = true
  ) throws -> (fetched: [[Float]], w: [Float], b: [Float], kernels: [[String]]) {
    SoftmaxCrossEntropyFusion.enabled = fused
    MatMulGradientDescentFusion.enabled = fused
    defer {
      SoftmaxCrossEntropyFusion.enabled = true
      MatMulGradientDescentFusion.enabled = true
    }
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([nil, 784]))
    let yTrue = g.placeholder(.float32, shape: TensorShape([nil, 10]))
    let W = try g.variable(g.truncatedNormal([784, 10], stddev: 0.1, seed: 3))
    let b = try g.variable(try g.zeros([10]))
    let y = try g.softmax(try g.add(try g.matmul(x, W.value), b.value))
    let logY = try g.log(y)
    let product = labelsFirst ? try g.mul(yTrue, logY) : try g.mul(logY, yTrue)
    let loss = try g.reduceMean(try g.neg(try g.reduceSum(product, axes: [1])))
    let train = try GradientDescentOptimizer(learningRate: 0.5).minimize(loss)
    let s = Session(graph: g)
    try s.run(g.globalVariablesInitializer())
    var fetches: [Fetch] = [.operation(train), .tensor(loss)]
    if fetchSoftmax { fetches.append(.tensor(y)) }
    let kernels = try s.scheduledKernels(fetches, fed: [x, yTrue])
    var fetched: [[Float]] = []
    for (bx, by) in batches {
      let r = try s.run(fetches, feedList: [(x, bx), (yTrue, by)])
      fetched.append(r.dropFirst().flatMap { $0!.floats })
    }
    return (fetched, try s.value(of: W).floats, try s.value(of: b).floats, kernels)
  }

  /// Deterministic batches: pixels in [0, 1], one-hot labels; `extreme` scales some pixels up so
  /// that softmax outputs underflow to 0 and the loss becomes NaN (0 · log 0), as in TensorFlow.
  static func batches(_ count: Int, rows: Int, extreme: Bool = false) -> [(NDArray, NDArray)] {
    var rng = SplitMix(state: 11)
    return (0..<count).map { k in
      let px = (0..<(rows * 784)).map { _ in Float(rng.next() % 256) / 255 * (extreme && k % 3 == 2 ? 400 : 1) }
      var hot = [Float](repeating: 0, count: rows * 10)
      for r in 0..<rows { hot[r * 10 + Int(rng.next() % 10)] = 1 }
      return (NDArray(shape: [rows, 784], floats: px), NDArray(shape: [rows, 10], floats: hot))
    }
  }

  static func same(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || $0.isNaN && $1.isNaN }
  }

  @Test func theTutorialLossIsFusedIntoOneKernel() throws {
    let r = try Self.train(fused: true, batches: [])
    let fused = r.kernels.filter { $0.count > 1 && $0.contains("Softmax") }
    #expect(fused.count == 1)
    let names = Set(fused.first ?? [])
    for op in ["Softmax", "Log", "mul", "Sum", "Neg", "Mean", "gradients/Fill", "gradients/Softmax_grad/mul_1",
               "gradients/Log_grad/Reciprocal", "gradients/mul_grad/Mul_1"] {
      #expect(names.contains(op), "\(op) is fused")
    }
    #expect(!names.contains("MatMul") && !names.contains("add") && !names.contains("gradients/MatMul_grad/MatMul_1"))
    // W's gradient and its update are the other fused kernel; b's gradient is a Sum.
    #expect(r.kernels.filter { $0.count > 1 && !$0.contains("Softmax") } == [
      ["gradients/MatMul_grad/MatMul_1", "GradientDescent/update_Variable/ApplyGradientDescent"]
    ])
    // Every op still runs, in or out of the fused kernel.
    let off = try Self.train(fused: false, batches: [])
    #expect(Set(r.kernels.flatMap { $0 }) == Set(off.kernels.flatMap { $0 }))
    #expect(off.kernels.allSatisfy { $0.count == 1 })
  }

  @Test(arguments: [true, false])
  func fusedStepsAreBitIdenticalToTheOps(labelsFirst: Bool) throws {
    let data = Self.batches(12, rows: 100) + Self.batches(3, rows: 1) + Self.batches(2, rows: 37)
    let on = try Self.train(fused: true, labelsFirst: labelsFirst, batches: data)
    let off = try Self.train(fused: false, labelsFirst: labelsFirst, batches: data)
    #expect(on.kernels.contains { $0.count > 1 })
    #expect(on.fetched.count == off.fetched.count)
    for (a, b) in zip(on.fetched, off.fetched) { #expect(Self.same(a, b)) }
    #expect(Self.same(on.w, off.w))
    #expect(Self.same(on.b, off.b))
    // The weights moved: the comparison is not of two untouched initial values.
    #expect(on.b.contains { $0 != 0 })
  }

  @Test func nanAndInfinityPropagateAsInTheOps() throws {
    let data = Self.batches(6, rows: 20, extreme: true)
    let on = try Self.train(fused: true, batches: data, fetchSoftmax: false)
    let off = try Self.train(fused: false, batches: data, fetchSoftmax: false)
    #expect(on.fetched.contains { $0.contains { $0.isNaN } }, "the extreme batches make the loss NaN")
    for (a, b) in zip(on.fetched, off.fetched) { #expect(Self.same(a, b)) }
    #expect(Self.same(on.w, off.w))
  }

  @Test func fetchingAnIntermediateKeepsTheOpsUnfused() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([nil, 3]))
    let yTrue = g.placeholder(.float32, shape: TensorShape([nil, 3]))
    let W = try g.variable(try g.zeros([3, 3]))
    let y = try g.softmax(try g.matmul(x, W.value))
    let logY = try g.log(y)
    let loss = try g.reduceMean(try g.neg(try g.reduceSum(try g.mul(yTrue, logY), axes: [1])))
    let train = try GradientDescentOptimizer(learningRate: 0.5).minimize(loss)
    let s = Session(graph: g)
    let plain = try s.scheduledKernels([.operation(train)], fed: [x, yTrue])
    #expect(plain.contains { $0.count > 1 })
    let withLog = try s.scheduledKernels([.operation(train), .tensor(logY)], fed: [x, yTrue])
    #expect(!withLog.contains { $0.contains("Log") && $0.count > 1 }, "log(y) is fetched, so it must be computed on its own")
  }

  @Test func wrongRuntimeShapesRaiseTheOpsErrors() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([nil, 4]))
    let yTrue = g.placeholder(.float32, shape: TensorShape([nil, nil]))
    let W = try g.variable(try g.zeros([4, 3]))
    let y = try g.softmax(try g.matmul(x, W.value))
    let loss = try g.reduceMean(try g.neg(try g.reduceSum(try g.mul(yTrue, try g.log(y)), axes: [1])))
    let train = try GradientDescentOptimizer(learningRate: 0.5).minimize(loss)
    let s = Session(graph: g)
    try s.run(g.globalVariablesInitializer())
    #expect(try s.scheduledKernels([.operation(train)], fed: [x, yTrue]).contains { $0.count > 1 })
    #expect(throws: TFError(.invalidArgument, "Incompatible shapes: [2,2] vs. [2,3]")) {
      _ = try s.run([.operation(train)], feedList: [(x, NDArray.zeros([2, 4])), (yTrue, NDArray.zeros([2, 2]))])
    }
  }
}
