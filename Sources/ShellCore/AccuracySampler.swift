import Foundation
import Tensors

/// One validation-accuracy measurement, taken while training.
struct AccuracySample {
  var sessionID: Int
  var step: Int
  var accuracy: Double
}

extension LearnerSession {
  /// Measures the validation accuracy when training has advanced since the last sample and
  /// at least `minimumInterval` seconds have passed, so `:plot` has a second curve. Called
  /// between statements and from the progress tick (never inside a Session.run).
  func sampleValidationAccuracy(force: Bool = false) {
    guard let run = tf.trainingLog.last, let step = run.steps.last else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    if let last = accuracySamples.last, last.sessionID == run.sessionID, last.step == step { return }
    guard force || Double(now &- lastAccuracySample) / 1e9 >= 0.5 else { return }
    guard let validation = tf.datasets?.validation, validation.numExamples > 0, probe.missingForPrediction == nil,
      let probabilities = try? probe.predict(NDArray(shape: [validation.numExamples, 784], floats: validation.images)),
      case .int64(let predicted)? = (try? argmax(probabilities, axis: 1))?.storage
    else { return }
    lastAccuracySample = now
    let truth = validation.classIds
    var correct = 0
    for i in truth.indices where Int64(truth[i]) == predicted[i] { correct += 1 }
    accuracySamples.append(AccuracySample(sessionID: run.sessionID, step: step, accuracy: Double(correct) / Double(truth.count)))
    if accuracySamples.count > 100_000 { accuracySamples.removeFirst(accuracySamples.count - 100_000) }
  }
}
