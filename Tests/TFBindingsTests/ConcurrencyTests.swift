import Dispatch
import Foundation
import PyInterp
import TFBindings
import Testing

/// Sessions in one process share nothing that changes results: the seeded tutorial gives the same
/// weights and accuracy, bit for bit, alone and while other sessions train on other threads
/// (as the test runner does with its suites).
@Suite(.serialized) struct ConcurrencyTests {
  /// The acceptance script, seeded, with 300 steps (enough to tell runs apart, quick), and a line
  /// that prints the trained weights' sums exactly.
  static let seededTutorial: String = {
    let text = (try? String(contentsOfFile: tutorialPath, encoding: .utf8)) ?? ""
    return text
      .replacingOccurrences(of: "one_hot=True)", with: "one_hot=True, seed=7)")
      .replacingOccurrences(of: "range(1000)", with: "range(300)")
      + "print(repr(float(sess.run(tf.reduce_sum(W * W)))), repr(float(sess.run(tf.reduce_sum(b)))))\n"
  }()

  /// Runs the seeded tutorial in a fresh session; returns what it printed.
  static func run() -> String {
    let h = Harness()
    do { return try h.run(seededTutorial) } catch { return "error: \(error)" }
  }

  @Test func seededTrainingIsTheSameAloneAndAlongsideOthers() {
    #expect(Self.seededTutorial.contains("seed=7") && Self.seededTutorial.contains("range(300)"))
    let alone = Self.run()
    #expect(alone.contains("\n0.9"), "\(alone)")
    let results = ResultBox(count: 3)
    DispatchQueue.concurrentPerform(iterations: 3) { i in results.set(i, Self.run()) }
    for (i, r) in results.values.enumerated() {
      #expect(r == alone, "thread \(i) differs:\n\(r)\nalone:\n\(alone)")
    }
  }
}

/// Collects one string per thread.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [String]
  init(count: Int) { storage = Array(repeating: "", count: count) }
  func set(_ i: Int, _ value: String) {
    lock.lock()
    storage[i] = value
    lock.unlock()
  }
  var values: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
