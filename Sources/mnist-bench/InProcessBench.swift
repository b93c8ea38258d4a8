import Foundation
import MNISTData
import PyInterp
import TFGraph
import Tensors

/// The phases measured inside this process: reading MNIST, training, one step, evaluation,
/// and a breakdown of where a step's time goes. Each is timed in wall and thread-CPU seconds.
struct InProcessResults {
  var read = Samples(), readCPU = Samples()
  var train1000 = Samples(), train1000CPU = Samples()
  var step = Samples(), stepCPU = Samples()
  var eval = Samples(), evalCPU = Samples()
  /// The first accuracy run of a session (builds its execution plan).
  var firstEval: Double?
  /// Test accuracy after each 1000-step training run.
  var accuracies: [Double] = []
  /// Wall and CPU seconds per call of each layer of a training step.
  var breakdown: [BreakdownItem] = []
  /// With --ops: mean wall seconds per run of each kernel of a training step / of the evaluation.
  var stepOps: [(name: String, seconds: Double)] = []
  var evalOps: [(name: String, seconds: Double)] = []
  var loopOps: [(name: String, seconds: Double)] = []
}

/// Runs `body` `runs` times with `session`'s kernel profile on; mean seconds per run of each kernel
/// (a fused kernel is listed under the name of the last op it stands for).
func profile(_ session: Session, runs: Int, _ body: () throws -> Void) throws -> [(name: String, seconds: Double)] {
  let prof = KernelProfile()
  session.profile = prof
  defer { session.profile = nil }
  for _ in 0..<runs { try body() }
  return prof.order.map { ($0, Double(prof.nanoseconds[$0] ?? 0) / 1e9 / Double(max(runs, 1))) }
}

/// One layer of a training step, timed per call.
struct BreakdownItem {
  var name: String
  var wall: Double
  var cpu: Double
}

enum InProcessBench {
  /// Reads the four .gz files in `dataDirectory` into arrays, `runs` times.
  static func readMNIST(dataDirectory: String, runs: Int, into r: inout InProcessResults) throws {
    for _ in 0..<runs {
      let t = try timedBoth { _ = try readDataSets(trainDir: dataDirectory, oneHot: true, log: { _ in }) }
      r.read.add(t.wall)
      r.readCPU.add(t.cpu)
    }
  }

  /// The tutorial's 1000 steps through the interpreter (fresh session each run), then the
  /// test evaluation timed `evalRuns` times on the last trained model.
  static func training(
    script: TutorialScript, workDirectory: String, runs: Int, evalRuns: Int, ops: Bool = false,
    into r: inout InProcessResults
  ) throws {
    let accuracyExpr = "sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})"
    for run in 0..<runs {
      let s = TutorialSession(workDirectory: workDirectory)
      try s.exec(script.setup)
      let t = try timedBoth { try s.exec(script.trainingLoop) }
      r.train1000.add(t.wall)
      r.train1000CPU.add(t.cpu)
      try s.exec(script.evaluationDefinitions)
      var value = 0.0
      let first = try timed { value = try s.number(accuracyExpr) }
      r.accuracies.append(value)
      if run == runs - 1 {
        r.firstEval = first
        if ops, let session = s.env.defaultSession {
          r.evalOps = try profile(session, runs: evalRuns) { _ = try s.eval(accuracyExpr) }
        }
        for _ in 0..<evalRuns {
          let e = try timedBoth { _ = try s.eval(accuracyExpr) }
          r.eval.add(e.wall)
          r.evalCPU.add(e.cpu)
        }
      }
    }
    // With --ops, one more loop in a fresh session with the kernel profile on (not among the
    // timed runs: the profile's clock reads slow it down).
    if ops {
      let s = TutorialSession(workDirectory: workDirectory)
      try s.exec(script.setup)
      guard let session = s.env.defaultSession else { throw SpawnError("the tutorial setup made no session") }
      var wall = 0.0
      let perRun = try profile(session, runs: 1) { wall = try timed { try s.exec(script.trainingLoop) } }
      r.loopOps = perRun.map { ($0.name, $0.seconds / 1000) } + [("(the whole 1000-step loop, per step)", wall / 1000)]
    }
  }

  /// One steady training step: a fixed batch fed `steps` times per timed run, in a fresh session;
  /// then the breakdown of that step into its layers.
  static func steadyStep(
    script: TutorialScript, workDirectory: String, steps: Int, runs: Int, ops: Bool = false,
    into r: inout InProcessResults
  ) throws {
    let s = TutorialSession(workDirectory: workDirectory)
    try s.exec(script.setup)
    try s.exec("batch_xs, batch_ys = mnist.train.next_batch(100)")
    let stepStatement = "sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})"
    _ = try s.perIteration(stepStatement, max(steps / 10, 10))  // builds the plan, warms caches
    for _ in 0..<runs {
      let t = try s.perIteration(stepStatement, steps)
      r.step.add(t.wall)
      r.stepCPU.add(t.cpu)
    }

    // Breakdown: the same work peeled layer by layer.
    let n = steps
    var items: [BreakdownItem] = []
    func add(_ name: String, _ body: () throws -> (wall: Double, cpu: Double)) rethrows {
      var w: [Double] = [], c: [Double] = []
      for _ in 0..<runs {
        let t = try body()
        w.append(t.wall)
        c.append(t.cpu)
      }
      items.append(BreakdownItem(name: name, wall: median(w) ?? .nan, cpu: median(c) ?? .nan))
    }
    func perCall(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
      let t = try timedBoth { for _ in 0..<n { try body() } }
      return (t.wall / Double(n), t.cpu / Double(n))
    }
    try add("interpreter: empty `for _ in range(n): pass` iteration") { try s.perIteration("pass", n) }
    try add("interpreter: `bx, by = mnist.train.next_batch(100)`") { try s.perIteration("bx, by = mnist.train.next_batch(100)", n) }
    items.append(BreakdownItem(name: "interpreter: `sess.run(train_step, feed_dict=…)`", wall: r.step.median ?? .nan, cpu: r.stepCPU.median ?? .nan))

    guard let train = s.env.datasets?.train, let session = s.env.defaultSession else {
      throw SpawnError("the tutorial setup made no data set or session")
    }
    try add("MNISTData: DataSet.nextBatch(100) from Swift") { try perCall { _ = try train.nextBatch(100) } }
    let batch = try train.nextBatch(100)
    guard case .oneHot(let labelRows, let classes) = batch.labels.values else { throw SpawnError("labels are not one-hot") }
    let xs = NDArray(shape: batch.imagesShape, floats: batch.images)
    let ys = NDArray(shape: [batch.count, classes], floats: labelRows)
    let x = try s.tensor("x"), y_ = try s.tensor("y_")
    let trainOp = try s.operation("train_step")
    let feeds = [(x, xs), (y_, ys)]
    try add("TFGraph: Session.run(train_step) from Swift") { try perCall { _ = try session.run([.operation(trainOp)], feedList: feeds) } }
    let loss = try s.tensor("cross_entropy")
    if ops {
      r.stepOps = try profile(session, runs: n) { _ = try session.run([.operation(trainOp)], feedList: feeds) }
    }
    try add("TFGraph: Session.run(cross_entropy), forward only") { try perCall { _ = try session.run([.tensor(loss)], feedList: feeds) } }
    let forward = KernelBench.shapes[0], grad = KernelBench.shapes[1]
    let f = KernelBench.timePerCall(forward, runs: runs), g = KernelBench.timePerCall(grad, runs: runs)
    items.append(BreakdownItem(name: "Tensors: the step's two sgemm calls", wall: f.wall + g.wall, cpu: f.cpu + g.cpu))
    r.breakdown = items
  }
}
