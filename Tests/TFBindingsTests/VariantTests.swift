import Foundation
import PyInterp
import TFBindings
import Testing

/// The program in the other shapes it was published in; each must reach 0.91.
@Suite(.serialized) struct VariantTests {
  static let header = """
    from tensorflow.examples.tutorials.mnist import input_data
    mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
    import tensorflow as tf
    x = tf.placeholder(tf.float32, [None, 784])
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    y_ = tf.placeholder(tf.float32, [None, 10])

    """

  func accuracy(_ source: String) throws -> Double {
    let h = Harness()
    let out = try h.run(source)
    return try #require(lastNumber(out), "output: \(out)")
  }

  @Test func logitsLossWithSessionAndBatchTuple() throws {
    let acc = try accuracy(Self.header + """
      y = tf.matmul(x, W) + b
      cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y))
      train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
      sess = tf.Session()
      sess.run(tf.global_variables_initializer())
      for i in range(1000):
        batch = mnist.train.next_batch(100)
        sess.run(train_step, feed_dict={x: batch[0], y_: batch[1]})
      correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
      accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
      print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
      """)
    #expect(acc >= 0.91)
  }

  @Test func sparseLabels() throws {
    let acc = try accuracy("""
      from tensorflow.examples.tutorials.mnist import input_data
      mnist = input_data.read_data_sets("MNIST_data/")
      import tensorflow as tf
      x = tf.placeholder(tf.float32, [None, 784])
      W = tf.Variable(tf.zeros([784, 10]))
      b = tf.Variable(tf.zeros([10]))
      y = tf.matmul(x, W) + b
      y_ = tf.placeholder(tf.int64, [None])
      cross_entropy = tf.losses.sparse_softmax_cross_entropy(labels=y_, logits=y)
      train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
      sess = tf.InteractiveSession()
      tf.global_variables_initializer().run()
      for _ in range(1000):
        batch_xs, batch_ys = mnist.train.next_batch(100)
        sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
      correct_prediction = tf.equal(tf.argmax(y, 1), y_)
      accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
      print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
      """)
    #expect(acc >= 0.91)
  }

  @Test func withBlockRunAndEval() throws {
    let h = Harness()
    let out = try h.run(Self.header + """
      y = tf.nn.softmax(tf.matmul(x, W) + b)
      cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
      train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
      correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
      accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
      with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(1000):
          batch = mnist.train.next_batch(100)
          train_step.run(feed_dict={x: batch[0], y_: batch[1]})
        print(accuracy.eval(feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
      """)
    let acc = try #require(lastNumber(out))
    #expect(acc >= 0.91)
    // The block closed the session and it is no longer the default.
    let e = h.error("accuracy.eval(feed_dict={x: mnist.test.images, y_: mnist.test.labels})")
    #expect(e?.type.name == "ValueError")
    #expect(e?.message.hasPrefix("Cannot evaluate tensor using `eval()`: No default session is registered.") == true)
  }

  @Test func wrappedInMain() throws {
    let acc = try accuracy("""
      import tensorflow as tf
      from tensorflow.examples.tutorials.mnist import input_data

      FLAGS = None

      def main(_):
        \"\"\"Trains softmax regression and prints the test accuracy.\"\"\"
        mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
        x = tf.placeholder(tf.float32, [None, 784])
        W = tf.Variable(tf.zeros([784, 10]))
        b = tf.Variable(tf.zeros([10]))
        y = tf.matmul(x, W) + b
        y_ = tf.placeholder(tf.float32, [None, 10])
        cross_entropy = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y))
        train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
        sess = tf.InteractiveSession()
        tf.global_variables_initializer().run()
        for _ in range(1000):
          batch_xs, batch_ys = mnist.train.next_batch(100)
          sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
        correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
        print(sess.run(accuracy, feed_dict={x: mnist.test.images,
                                            y_: mnist.test.labels}))

      if __name__ == '__main__':
        tf.app.run(main=main)
      """)
    #expect(acc >= 0.91)
  }
}
