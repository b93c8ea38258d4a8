import Foundation
import MNISTData
import PyInterp
import TFGraph
import Tensors

/// The phases measured inside this process: reading MNIST, training, one step, evaluation,
/// and a breakdown of where a step's time goes.
struct InProcessResults {
  var read = Samples()
  var train1000 = Samples()
  var step = Samples()
  var eval = Samples()
  /// The first accuracy run of a session (builds its execution plan).
  var firstEval: Double?
  /// Test accuracy after each 1000-step training run.
  var accuracies: [Double] = []
  /// Seconds per iteration of each breakdown item, keyed by name.
  var breakdown: [(name: String, seconds: Double)] = []
}

enum InProcessBench {
  /// Reads the four .gz files in `dataDirectory` into arrays, `runs` times.
  static func readMNIST(dataDirectory: String, runs: Int) throws -> Samples {
    var samples = Samples()
    for _ in 0..<runs {
      samples.add(try timed { _ = try readDataSets(trainDir: dataDirectory, oneHot: true, log: { _ in }) })
    }
    return samples
  }

  /// The tutorial's 1000 steps through the interpreter (fresh session each run), then the
  /// test evaluation timed `evalRuns` times on the last trained model.
  static func training(
    script: TutorialScript, workDirectory: String, runs: Int, evalRuns: Int, into r: inout InProcessResults
  ) throws {
    let accuracyExpr = "sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})"
    for run in 0..<runs {
      let s = TutorialSession(workDirectory: workDirectory)
      try s.exec(script.setup)
      r.train1000.add(try timed { try s.exec(script.trainingLoop) })
      try s.exec(script.evaluationDefinitions)
      var value = 0.0
      let first = try timed { value = try s.number(accuracyExpr) }
      r.accuracies.append(value)
      if run == runs - 1 {
        r.firstEval = first
        for _ in 0..<evalRuns {
          r.eval.add(try timed { _ = try s.eval(accuracyExpr) })
        }
      }
    }
  }

  /// One steady training step: a fixed batch fed `steps` times per timed run, in a fresh session;
  /// then the breakdown of that step into its layers.
  static func steadyStep(
    script: TutorialScript, workDirectory: String, steps: Int, runs: Int, into r: inout InProcessResults
  ) throws {
    let s = TutorialSession(workDirectory: workDirectory)
    try s.exec(script.setup)
    try s.exec("batch_xs, batch_ys = mnist.train.next_batch(100)")
    let stepStatement = "sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})"
    _ = try s.perIteration(stepStatement, max(steps / 10, 10))  // builds the plan, warms caches
    for _ in 0..<runs { r.step.add(try s.perIteration(stepStatement, steps)) }

    // Breakdown: the same work peeled layer by layer.
    var items: [(String, Double)] = []
    let n = steps
    items.append(("interpreter: empty `for` iteration", try medianOf(runs) { try s.perIteration("pass", n) }))
    items.append(("interpreter: `next_batch(100)` statement", try medianOf(runs) { try s.perIteration("bx, by = mnist.train.next_batch(100)", n) }))
    items.append(("interpreter: `sess.run(train_step, …)` statement", r.step.median ?? .nan))

    guard let train = s.env.datasets?.train, let session = s.env.defaultSession else {
      throw SpawnError("the tutorial setup made no data set or session")
    }
    items.append(("MNISTData: DataSet.nextBatch(100)", try medianOf(runs) {
      try timed { for _ in 0..<n { _ = try train.nextBatch(100) } } / Double(n)
    }))
    let batch = try train.nextBatch(100)
    guard case .oneHot(let labelRows, let classes) = batch.labels.values else { throw SpawnError("labels are not one-hot") }
    let xs = NDArray(shape: batch.imagesShape, floats: batch.images)
    let ys = NDArray(shape: [batch.count, classes], floats: labelRows)
    let x = try s.tensor("x"), y_ = try s.tensor("y_")
    let trainOp = try s.operation("train_step")
    let feeds = [(x, xs), (y_, ys)]
    items.append(("TFGraph: Session.run(train_step) from Swift", try medianOf(runs) {
      try timed { for _ in 0..<n { _ = try session.run([.operation(trainOp)], feedList: feeds) } } / Double(n)
    }))
    let loss = try s.tensor("cross_entropy")
    items.append(("TFGraph: Session.run(cross_entropy), forward only", try medianOf(runs) {
      try timed { for _ in 0..<n { _ = try session.run([.tensor(loss)], feedList: feeds) } } / Double(n)
    }))
    let twoMatmuls = KernelBench.stepMatmuls(iterations: n, runs: runs)
    items.append(("Tensors: the step's two sgemm calls", twoMatmuls))
    r.breakdown = items.map { (name: $0.0, seconds: $0.1) }
  }

  static func medianOf(_ runs: Int, _ body: () throws -> Double) rethrows -> Double {
    var values: [Double] = []
    for _ in 0..<runs { values.append(try body()) }
    return median(values) ?? .nan
  }
}
