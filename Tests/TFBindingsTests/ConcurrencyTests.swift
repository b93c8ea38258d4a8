import Dispatch
import Foundation
import PyInterp
import TFBindings
import Testing

/// Sessions in one process share nothing that changes results: the seeded tutorial gives the same
/// weights and accuracy, bit for bit, alone and while other sessions train on other threads
/// (as the test runner does with its suites).
@Suite(.serialized) struct ConcurrencyTests {
  static let seededTutorial = """
    from tensorflow.examples.tutorials.mnist import input_data
    mnist = input_data.read_data_sets("MNIST_data/", one_hot=True, seed=7)
    import tensorflow as tf
    x = tf.placeholder(tf.float32, [None, 784])
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    y = tf.nn.softmax(tf.matmul(x, W) + b)
    y_ = tf.placeholder(tf.float32, [None, 10])
    cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
    train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
    sess = tf.InteractiveSession()
    tf.global_variables_initializer().run()
    for _ in range(300):
      batch_xs, batch_ys = mnist.train.next_batch(100)
      sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
    correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))
    accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
    print(repr(float(sess.run(tf.reduce_sum(W * W)))), repr(float(sess.run(tf.reduce_sum(b)))))
    """

  /// Runs the seeded tutorial in a fresh session; returns what it printed.
  static func run() -> String {
    let h = Harness()
    do { return try h.run(seededTutorial) } catch { return "error: \(error)" }
  }

  @Test func seededTrainingIsTheSameAloneAndAlongsideOthers() {
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
