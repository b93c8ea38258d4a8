import Foundation
import PyInterp
import TFBindings
import TFGraph
import Tensors
import Testing

/// The Swift-side API the shell uses, and interrupting a training loop.
@Suite(.serialized) struct EnvironmentTests {
  static let setup = """
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

    """

  @Test func interruptLeavesVariablesAtTheLastCompletedStep() throws {
    let h = Harness()
    try h.run(Self.setup)
    let session = try #require(h.env.defaultSession)
    let w = try #require(h.env.variable(of: h.py[global: "W"]!))
    var snapshot: NDArray?
    var steps = 0
    session.addTrainingObserver { _ in
      snapshot = try? session.value(of: w)
      steps += 1
    }
    let done = Flag()
    nonisolated(unsafe) let py = h.py
    let thread = Thread {
      Thread.sleep(forTimeInterval: 0.5)
      py.requestInterrupt()
      _ = done.isSet
    }
    thread.start()
    let e = h.error("""
      for i in range(1000000):
        batch_xs, batch_ys = mnist.train.next_batch(100)
        sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
      """)
    done.set()
    #expect(e?.type.name == "KeyboardInterrupt")
    #expect(steps > 0 && steps < 1_000_000)
    let now = try session.value(of: w)
    #expect(now.floats == snapshot?.floats)
    // The interrupt lands at a statement boundary: after iteration i's step (i + 1 steps
    // taken) or between its next_batch and its sess.run (i steps taken).
    let lastIndex = try h.repr("i")
    #expect(lastIndex == "\(steps - 1)" || lastIndex == "\(steps)")
    // The session still works.
    let acc = try #require(lastNumber(try h.run("""
      correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
      accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
      print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
      """)))
    #expect(acc > 0.5)
  }

  /// `:train` batches as the learner's last `next_batch` call did; a call that failed (a typo
  /// like `next_batch(-3)`) must not leave its size behind (`:train` went to batches of 1, and
  /// the naive loss to NaN).
  @Test func aFailedNextBatchKeepsTheLastBatchSize() throws {
    let h = Harness()
    try h.run("from tensorflow.examples.tutorials.mnist import input_data\nmnist = input_data.read_data_sets('MNIST_data/', one_hot=True)")
    #expect(h.env.lastBatchSize == nil)
    #expect(throws: (any Error).self) { try h.run("mnist.train.next_batch(-3)") }
    #expect(h.env.lastBatchSize == nil)
    try h.run("bx, by = mnist.train.next_batch(50)")
    #expect(h.env.lastBatchSize == 50)
    #expect(throws: (any Error).self) { try h.run("mnist.train.next_batch(10 ** 6)") }
    #expect(h.env.lastBatchSize == 50)
  }

  @Test func describeAndUnwrap() throws {
    let h = Harness()
    try h.run(Self.setup + "import numpy as np\nv = sess.run(b)\nn = 3\nloss = sess.run(cross_entropy, feed_dict={x: mnist.test.images[:10], y_: mnist.test.labels[:10]})")
    let g = { (n: String) in h.py[global: n]! }
    #expect(h.env.describe(g("x")) == ValueInfo(kind: .placeholder, dtype: "float32", shape: "(?, 784)", summary: "Placeholder 'Placeholder:0'"))
    let w = try #require(h.env.describe(g("W")))
    #expect(w.kind == .variable && w.shape == "(784, 10)" && w.initialized == true && w.dtype == "float32_ref")
    #expect(h.env.describe(g("y"))?.kind == .tensor)
    #expect(h.env.describe(g("train_step"))?.kind == .operation)
    #expect(h.env.describe(g("sess"))?.kind == .session)
    #expect(h.env.describe(g("mnist"))?.kind == .datasets)
    #expect(h.env.describe(g("v"))?.kind == .array)
    #expect(h.env.describe(g("v"))?.shape == "(10,)")
    #expect(h.env.describe(g("n"))?.summary == "3")
    #expect(h.env.describe(g("tf"))?.kind == .module)
    #expect(h.env.tensor(of: g("x"))?.name == "Placeholder:0")
    #expect(h.env.tensor(of: g("W"))?.name == "Variable/read:0")
    #expect(h.env.variable(of: g("W"))?.name == "Variable:0")
    #expect(h.env.operation(of: g("train_step"))?.type == "NoOp")
    #expect(h.env.ndarray(of: g("v"))?.shape == [10])
    #expect(h.env.ndarray(of: g("loss"))?.rank == 0)
    #expect(h.env.datasets?.train.numExamples == 55000)
    let wrapped = h.env.wrap(NDArray(shape: [2], floats: [1, 2]))
    #expect(PyRepr.repr(wrapped) == "array([1., 2.], dtype=float32)")
    // An uninitialized variable in a fresh session.
    try h.run("c = tf.Variable(1.0)")
    #expect(h.env.describe(g("c"))?.initialized == false)
  }

  @Test func trainingLogAndSessionsAndReset() throws {
    let h = Harness()
    try h.run(Self.setup + """
      for _ in range(20):
        batch_xs, batch_ys = mnist.train.next_batch(50)
        sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
      with tf.Session() as s2:
        s2.run(tf.global_variables_initializer())
        s2.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
      """)
    #expect(h.env.lastBatchSize == 50)
    #expect(h.env.sessions.count == 2)
    #expect(h.env.trainingLog.count == 2)
    let first = h.env.trainingLog[0]
    #expect(first.sessionID == 1 && first.steps == Array(1...20) && first.losses.count == 20)
    #expect(abs(first.losses[0] - 2.3025851) < 1e-4)
    #expect(first.losses.last! < first.losses.first!)
    #expect(h.env.trainingLog[1].sessionID == 2)
    #expect(h.env.sessionID(of: h.env.sessions[1]) == 2)
    // After the with block the InteractiveSession is the default again.
    #expect(h.env.defaultSession === h.env.sessions[0])
    let oldGraph = h.env.graph
    h.env.reset()
    #expect(h.env.graph !== oldGraph)
    #expect(h.env.sessions.isEmpty && h.env.trainingLog.isEmpty)
    #expect(h.env.defaultSession == nil)
    try h.run("x2 = tf.placeholder(tf.float32)")
    #expect(try h.repr("x2") == "Tensor(\"Placeholder:0\", shape=<unknown>, dtype=float32)")
  }

  @Test func feedingListsNamesAndScalars() throws {
    let h = Harness()
    try h.run("""
      import tensorflow as tf
      a = tf.placeholder(tf.float32, [None, 2], name='a')
      k = tf.placeholder(tf.float32)
      out = tf.reduce_sum(a, 1) * k
      sess = tf.Session()
      """)
    #expect(try h.repr("sess.run(out, feed_dict={a: [[1, 2], [3, 4]], k: 2})") == "array([ 6., 14.], dtype=float32)")
    #expect(try h.repr("sess.run(out, feed_dict={'a:0': [[1, 2]], 'Placeholder': 1.5})") == "array([4.5], dtype=float32)")
    #expect(try h.repr("sess.run(out, {a: sess.run(a, {a: [[1, 1]]}), k: 1})") == "array([2.], dtype=float32)")
  }
}

/// A flag shared with a helper thread.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
  func set() { lock.lock(); value = true; lock.unlock() }
}
