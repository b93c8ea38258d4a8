import Foundation

/// The acceptance script's statements (the same code as Tests/EndToEnd/tutorial.py), split into
/// the parts the benchmark times separately.
struct TutorialScript {
  /// The whole program.
  let source: String
  /// Everything before the training loop (read MNIST, build the model, start a session).
  let setup: String
  /// The `for _ in range(1000):` statement with its body.
  let trainingLoop: String
  /// Everything after the loop (accuracy ops and the final print).
  let evaluation: String

  /// The statements mnist-shell must run, as a learner types them.
  static let builtIn = """
    from tensorflow.examples.tutorials.mnist import input_data
    mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
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
    for _ in range(1000):
      batch_xs, batch_ys = mnist.train.next_batch(100)
      sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
    correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))
    accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))

    """

  /// Splits `source` at its first top-level `for` statement.
  init?(_ source: String) {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let loopStart = lines.firstIndex(where: { $0.hasPrefix("for ") }) else { return nil }
    var loopEnd = loopStart + 1
    while loopEnd < lines.count, let first = lines[loopEnd].first, first == " " || first == "\t" { loopEnd += 1 }
    self.source = source
    setup = lines[..<loopStart].joined(separator: "\n") + "\n"
    trainingLoop = lines[loopStart..<loopEnd].joined(separator: "\n") + "\n"
    evaluation = lines[loopEnd...].joined(separator: "\n") + "\n"
  }

  /// The evaluation part without its final `print(...)` (so the accuracy op can be timed alone).
  var evaluationDefinitions: String {
    evaluation.split(separator: "\n").filter { !$0.hasPrefix("print(") }.joined(separator: "\n") + "\n"
  }
}
