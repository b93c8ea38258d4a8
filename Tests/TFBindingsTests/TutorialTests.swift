import Foundation
import PyInterp
import TFBindings
import Testing

/// The tutorial and its published variants, end to end on the real data.
@Suite(.serialized) struct TutorialTests {
  @Test func tutorialFileReachesAccuracy() throws {
    let source = try String(contentsOfFile: tutorialPath, encoding: .utf8)
    let h = Harness()
    let out = try h.run(source, filename: "tutorial.py")
    #expect(out.hasPrefix("Extracting MNIST_data/train-images-idx3-ubyte.gz\n"))
    let acc = try #require(lastNumber(out))
    #expect(acc >= 0.91 && acc <= 0.95, "accuracy \(acc)")
    #expect(h.env.trainingLog.count == 1)
    #expect(h.env.trainingLog.first?.losses.count == 1000)
    #expect(h.env.lastBatchSize == 100)
  }
}
