import TFGraph

/// The training steps one session ran through one optimizer op.
public struct TrainingRun: Sendable {
  /// The session's id (see ``TFEnvironment/sessionID(of:)``), 1 for the first session.
  public let sessionID: Int
  /// The training op's name (`GradientDescent`, `Adam`).
  public let trainOpName: String
  /// The session's step counter for each recorded step (1 for the first step).
  public internal(set) var steps: [Int]
  /// The loss each step computed (before its update), parallel to ``steps``.
  public internal(set) var losses: [Float]
}

extension TFEnvironment {
  /// Appends one training event (called by the session's observer).
  func record(sessionID: Int, _ event: TrainingEvent) {
    guard recordedSteps < maxRecordedSteps else { return }
    recordedSteps += 1
    if let i = trainingLog.indices.last, trainingLog[i].sessionID == sessionID,
      trainingLog[i].trainOpName == event.trainOp.name
    {
      trainingLog[i].steps.append(event.step)
      trainingLog[i].losses.append(event.loss)
    } else {
      trainingLog.append(TrainingRun(sessionID: sessionID, trainOpName: event.trainOp.name,
                                     steps: [event.step], losses: [event.loss]))
    }
  }

  /// Forgets the recorded training steps.
  public func clearTrainingLog() {
    trainingLog = []
    recordedSteps = 0
  }
}
