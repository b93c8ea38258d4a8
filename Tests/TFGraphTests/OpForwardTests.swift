import Foundation
import TFGraph
import Tensors
import Testing
import _TestSupport

@Suite struct OpForwardTests {
  @Test func constantsZerosOnesFill() throws {
    let g = Graph()
    let s = Session(graph: g)
    assertArray(try s.run(try g.zeros([2, 2])), shape: [2, 2], [0, 0, 0, 0])
    assertArray(try s.run(try g.ones([3])), shape: [3], [1, 1, 1])
    assertArray(try s.run(try g.fill([2], value: 7)), shape: [2], [7, 7])
    let big = try s.run(try g.ones([50, 40]))
    #expect(big.shape == [50, 40] && big.floats.allSatisfy { $0 == 1 })
    #expect(g.operation(named: "ones_1")?.type == "Fill")
    #expect(try s.run(try g.zeros([2], dtype: .int64)).dtype == .int64)
  }

  @Test func argmaxEqualCastAccuracy() throws {
    let g = Graph()
    let y = g.constant(NDArray(shape: [3, 3], floats: [0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.0, 0.1, 0.9]))
    let labels = g.constant(NDArray(shape: [3, 3], floats: [0, 1, 0, 0, 0, 1, 0, 0, 1]))
    let pred = try g.argmax(y, axis: 1)
    let correct = try g.equal(pred, try g.argmax(labels, axis: 1))
    let acc = try g.reduceMean(try g.cast(correct, to: .float32))
    let s = Session(graph: g)
    let r = try s.run([.tensor(pred), .tensor(correct), .tensor(acc)], feeds: [:])
    #expect(r[0]!.int64s == [1, 0, 2])
    #expect(r[1]!.bools == [true, false, true])
    assertClose(r[2]!.floats, [2.0 / 3.0])
    #expect(try g.cast(acc, to: .float32) == acc, "casting to the same dtype returns the tensor itself")
  }

  @Test func softmaxReluSigmoidValues() throws {
    let g = Graph()
    let x = g.constant(NDArray(shape: [1, 3], floats: [1, 2, 3]))
    let s = Session(graph: g)
    assertArray(try s.run(try g.softmax(x)), shape: [1, 3], [0.09003057, 0.24472847, 0.66524096])
    assertArray(try s.run(try g.unary(.relu, try g.sub(x, g.constant(NDArray(scalar: Float(2)))))), shape: [1, 3], [0, 0, 1])
    assertArray(try s.run(try g.unary(.sigmoid, x)), shape: [1, 3], [0.7310586, 0.8807971, 0.95257413])
  }

  @Test func seededRandomOpsAreDeterministic() throws {
    func draw(_ seed: Int) throws -> ([Float], [Float]) {
      let g = Graph()
      let t = g.truncatedNormal([1000], stddev: 0.1, seed: seed)
      let s = Session(graph: g)
      return (try s.run(t).floats, try s.run(t).floats)
    }
    let (a1, a2) = try draw(1)
    let (b1, _) = try draw(1)
    #expect(a1 == b1, "same seed, same first draw")
    #expect(a1 != a2, "each run draws fresh values")
    #expect(a1.allSatisfy { abs($0) <= 0.2 }, "truncated at two standard deviations")
    let g = Graph()
    let n = try Session(graph: g).run(g.randomNormal([10000], mean: 1, stddev: 2, seed: 3)).floats
    let mean = n.reduce(0, +) / Float(n.count)
    #expect(abs(mean - 1) < 0.1)
  }

  @Test func adamTrainsAndCreatesSlots() throws {
    let g = Graph()
    let w = try g.variable(NDArray(shape: [2], floats: [3, -2]))
    let loss = try g.reduceSum(try g.unary(.square, w.value))
    let train = try AdamOptimizer(learningRate: 0.1).minimize(loss)
    #expect(train.name == "Adam" && train.minimizedLoss == loss)
    for n in ["beta1_power", "beta2_power", "Variable/Adam", "Variable/Adam_1", "Adam/update_Variable/ApplyAdam"] {
      #expect(g.operation(named: n) != nil, "missing \(n)")
    }
    let s = Session(graph: g)
    try s.run(g.globalVariablesInitializer())
    try s.run(train)
    // First Adam step moves each weight by about lr against the gradient's sign.
    assertArray(try s.value(of: w), shape: [2], [2.9, -1.9], rtol: 1e-4)
    for _ in 0..<200 { try s.run(train) }
    #expect(try s.run(loss).floats[0] < 0.05)
  }

  @Test func sparseLabelOutOfRangeIsInvalidArgument() throws {
    let g = Graph()
    let logits = g.constant(NDArray(shape: [2, 3], floats: [0, 0, 0, 0, 0, 0]))
    let loss = try g.sparseSoftmaxCrossEntropyWithLogits(labels: g.constant(NDArray(shape: [2], int64s: [1, 3])), logits: logits)
    #expect(throws: TFError(.invalidArgument, "Received a label value of 3 which is outside the valid range of [0, 3).  Label values: 1 3")) {
      try Session(graph: g).run(loss)
    }
  }

  @Test func hugeArrayIsResourceExhausted() throws {
    let g = Graph()
    let z = try g.zeros([100000, 100000])
    #expect(throws: TFError.self) { try Session(graph: g).run(z) }
    do { _ = try Session(graph: g).run(z) } catch let e as TFError { #expect(e.kind == .resourceExhausted) }
  }
}

@Suite struct FastMathTests {
  @Test func expAndLogAreWithinAFewUlpOfDouble() throws {
    let g = Graph()
    let xs = (0..<4001).map { Float(-87 + Double($0) * 175 / 4000) }
    let ls = (0..<4001).map { Float(Foundation.pow(10.0, -37 + Double($0) * 74 / 4000)) }
    let s = Session(graph: g)
    let e = try s.run(try g.unary(.exp, g.constant(NDArray(shape: [xs.count], floats: xs)))).floats
    let l = try s.run(try g.log(g.constant(NDArray(shape: [ls.count], floats: ls)))).floats
    for (x, y) in zip(xs, e) {
      let want = Foundation.exp(Double(x))
      #expect(abs(Double(y) - want) <= 4e-7 * want, "exp(\(x)) = \(y), want \(want)")
    }
    for (x, y) in zip(ls, l) {
      let want = Foundation.log(Double(x))
      #expect(abs(Double(y) - want) <= 4e-7 * max(abs(want), 1), "log(\(x)) = \(y), want \(want)")
    }
    let special = try s.run(try g.log(g.constant(NDArray(shape: [4], floats: [0, -1, .infinity, .nan])))).floats
    #expect(special[0] == -.infinity && special[1].isNaN && special[2] == .infinity && special[3].isNaN)
    let ex = try s.run(try g.unary(.exp, g.constant(NDArray(shape: [4], floats: [-.infinity, -200, 100, .nan])))).floats
    #expect(ex[0] == 0 && ex[1] == 0 && ex[2] == .infinity && ex[3].isNaN)
  }
}
