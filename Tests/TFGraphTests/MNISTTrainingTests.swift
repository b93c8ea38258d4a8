import TFGraph
import Tensors
import Testing

/// End to end on the real MNIST files: the tutorial's 1000 steps of 100 at learning rate 0.5.
/// Run with `swift test -c release --filter MNISTTrainingTests`.
@Suite(.serialized) struct MNISTTrainingTests {
  struct Data {
    let train: NDArray, trainLabels: [Int], test: NDArray, testLabels: [Int]
  }
  nonisolated(unsafe) static var cached: Data?

  static func data() throws -> Data {
    if let cached { return cached }
    let d = Data(train: try MNISTFiles.images("train-images-idx3-ubyte.gz"),
                 trainLabels: try MNISTFiles.labels("train-labels-idx1-ubyte.gz"),
                 test: try MNISTFiles.images("t10k-images-idx3-ubyte.gz"),
                 testLabels: try MNISTFiles.labels("t10k-labels-idx1-ubyte.gz"))
    cached = d
    return d
  }

  /// Trains the tutorial graph and returns the test accuracy (the tutorial uses the first 55,000 images).
  static func trainAndEvaluate(_ kind: TutorialGraph.Loss) throws -> (accuracy: Float, losses: [Float]) {
    let d = try data()
    let t = try TutorialGraph(loss: kind)
    let s = Session(graph: t.g)
    var losses: [Float] = []
    s.addTrainingObserver { losses.append($0.loss) }
    try s.run(t.initOp)
    var batcher = Batcher(images: d.train, labels: d.trainLabels, count: 55000, seed: 42)
    for _ in 0..<1000 {
      let (x, l) = batcher.next(100)
      let labels = kind == .sparse ? NDArray(shape: [100], int64s: l.map(Int64.init)) : MNISTFiles.oneHot(l)
      try s.run(t.train, feeds: [t.x: x, t.yTrue: labels])
    }
    let testLabels = kind == .sparse
      ? NDArray(shape: [10000], int64s: d.testLabels.map(Int64.init)) : MNISTFiles.oneHot(d.testLabels)
    let acc = try s.run(t.accuracy, feeds: [t.x: d.test, t.yTrue: testLabels])
    return (acc.floats[0], losses)
  }

  @Test(arguments: [TutorialGraph.Loss.naive, .logits, .sparse])
  func tutorialReachesTutorialAccuracy(_ kind: TutorialGraph.Loss) throws {
    let (acc, losses) = try Self.trainAndEvaluate(kind)
    print("MNIST \(kind): test accuracy \(acc), first loss \(losses.first ?? .nan), last \(losses.last ?? .nan)")
    #expect(acc >= 0.91)
    #expect(losses.count == 1000)
    assertFirstLossIsLog10(losses)
  }

  private func assertFirstLossIsLog10(_ losses: [Float]) {
    #expect(abs((losses.first ?? 0) - 2.3025851) < 1e-4, "zero weights give a uniform softmax")
  }
}
