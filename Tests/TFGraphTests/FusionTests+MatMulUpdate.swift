import TFGraph
import Tensors
import Testing

/// When a weight gradient's product and its update run as one kernel, and when they must not.
/// (fusedStepsAreBitIdenticalToTheOps compares training steps with and without it, bit for bit.)
/// In FusionTests' suite, whose tests run one at a time: they switch the fusions off and on.
extension FusionTests {
  static let product = "gradients/MatMul_grad/MatMul_1"
  static let update = "GradientDescent/update_Variable/ApplyGradientDescent"

  @Test func fetchingTheGradientKeepsItsProductApart() throws {
    let t = try TutorialGraph()
    let s = Session(graph: t.g)
    let plain = try s.scheduledKernels([.operation(t.train)], fed: [t.x, t.yTrue])
    #expect(plain.contains([Self.product, Self.update]))
    let gradient = try #require(t.g.operation(named: Self.product)).output(0)
    let fetched = try s.scheduledKernels([.operation(t.train), .tensor(gradient)], fed: [t.x, t.yTrue])
    #expect(fetched.contains([Self.product]) && fetched.contains([Self.update]))
    // And the fetched gradient is the one the update used: W moved by exactly -0.5 times it.
    try s.run(t.g.globalVariablesInitializer())
    let w0 = try s.value(of: t.W).floats
    let batch = FusionTests.batches(1, rows: 30)[0]
    let r = try s.run([.operation(t.train), .tensor(gradient)], feedList: [(t.x, batch.0), (t.yTrue, batch.1)])
    var expected = w0
    subtractScaled(&expected, r[1]!.floats, alpha: 0.5, count: expected.count)
    #expect(try s.value(of: t.W).floats.map(\.bitPattern) == expected.map(\.bitPattern))
  }

  @Test func anUninitialisedVariableRaisesWhatTheOpsRaise() throws {
    let t = try TutorialGraph()
    let batch = FusionTests.batches(1, rows: 5)[0]
    func error() -> TFError? {  // a new session each time: a session keeps its plans
      let s = Session(graph: t.g)
      do { _ = try s.run([.operation(t.train)], feedList: [(t.x, batch.0), (t.yTrue, batch.1)]) } catch let e as TFError {
        return e
      } catch { return nil }
      return nil
    }
    let fused = error()
    MatMulGradientDescentFusion.enabled = false
    let unfused = error()
    MatMulGradientDescentFusion.enabled = true
    #expect(fused != nil && fused == unfused)
    #expect(fused?.kind == .failedPrecondition)
  }
}
