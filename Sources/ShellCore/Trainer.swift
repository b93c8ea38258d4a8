import Foundation
import MNISTData
import TFGraph
import Tensors

/// Runs the session's own training op on batches from `mnist.train.next_batch`, the way the
/// learner's loop does: each step goes through `Session.run`, so it is recorded in the training log.
package final class Trainer {
  let session: Session
  let trainOp: TFGraph.Operation
  let input: Tensor
  let labels: Tensor
  let data: DataSet
  let batchSize: Int

  /// Finds what training needs in the session, or throws advice on what to do first.
  init(probe: ModelProbe) throws {
    guard let datasets = probe.tf.datasets else {
      throw CommandError("no MNIST data is loaded yet. First run:\n  from tensorflow.examples.tutorials.mnist import input_data\n  mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)")
    }
    guard probe.weights != nil else { throw CommandError(probe.missingForPrediction ?? "there is no model yet") }
    guard let op = probe.trainOp else {
      throw CommandError("there is no training op yet: make one with an optimizer, e.g.\n  train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)\n(lesson 8 shows how: :lesson 8)")
    }
    guard let s = probe.session else { throw CommandError(probe.missingForPrediction ?? "there is no open session") }
    if let missing = probe.missingForPrediction { throw CommandError(missing) }
    guard let x = probe.input else { throw CommandError("there is no image placeholder of shape [None, 784]") }
    guard let y = probe.labels else { throw CommandError("there is no label placeholder (float32 [None, 10] or int64 [None])") }
    session = s
    trainOp = op
    input = x
    labels = y
    data = datasets.train
    batchSize = min(datasets.train.numExamples, max(1, probe.tf.lastBatchSize ?? 100))
  }

  /// The loss the training op minimises.
  var loss: Tensor? { trainOp.minimizedLoss }

  /// The next batch as feeds for the image and label placeholders.
  package func nextFeeds() throws -> [(Tensor, NDArray)] {
    let batch = try data.nextBatch(batchSize)
    let n = batch.count
    let images = NDArray(shape: [n, 784], floats: batch.images)
    let labelArray: NDArray
    if labels.dtype == .float32 {
      switch batch.labels.values {
      case .oneHot(let rows, let classes) where classes == 10: labelArray = NDArray(shape: [n, 10], floats: rows)
      default:
        var rows = [Float](repeating: 0, count: n * 10)
        for (i, id) in batch.labels.classIds.enumerated() where id < 10 { rows[i * 10 + Int(id)] = 1 }
        labelArray = NDArray(shape: [n, 10], floats: rows)
      }
    } else {
      labelArray = NDArray(shape: [n], int64s: batch.labels.classIds.map(Int64.init))
    }
    return [(input, images), (labels, labelArray)]
  }

  /// Runs one training step on `feeds` (the next batch when nil).
  package func step(_ feeds: [(Tensor, NDArray)]? = nil) throws {
    _ = try session.run([.operation(trainOp)], feedList: try feeds ?? nextFeeds())
  }

  /// The loss on `feeds` without training.
  package func lossValue(_ feeds: [(Tensor, NDArray)]) throws -> Float? {
    guard let loss else { return nil }
    return try session.run([.tensor(loss)], feedList: feeds)[0]?.floats.first
  }

  /// Runs steps until `count` are done, `deadline` (uptime nanoseconds) passes or `stop` says so;
  /// returns how many ran.
  package func run(steps count: Int, until deadline: UInt64 = .max, stop: () -> Bool = { false }) throws -> Int {
    var done = 0
    while done < count {
      try step()
      done += 1
      if DispatchTime.now().uptimeNanoseconds >= deadline || stop() { break }
    }
    return done
  }
}
