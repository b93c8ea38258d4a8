import LessonKit

/// What each statement of the lessons does to a ``FakeSession`` (keyed by its first line).
enum FakeTutorial {
  nonisolated(unsafe) static let effects: [String: (FakeSession) throws -> Void] = [
    "answer = 6 * 7": { $0.set("answer", .number(42)) },
    "from tensorflow.examples.tutorials.mnist import input_data": {
      $0.set("input_data", .module("tensorflow.examples.tutorials.mnist.input_data"))
    },
    "mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)": { s in
      s.set("mnist", .dataset(name: "mnist", train: 55000, validation: 5000, test: 10000, oneHot: true))
      s.numbers["mnist.train.images.shape[1]"] = 784
      s.numbers["mnist.train.labels.shape[1]"] = 10
    },
    "mnist.train.images.shape": { _ in },
    "mnist.train.labels[0]": { _ in },
    "total = 2.718 + 7.389 + 20.086": { $0.set("total", .number(30.193)) },
    "probs = [2.718 / total, 7.389 / total, 20.086 / total]": { s in
      s.set("probs", .other(typeName: "list"))
      s.numbers["sum(probs)"] = 1.0
    },
    "import tensorflow as tf": { $0.set("tf", .module("tensorflow")) },
    "x = tf.placeholder(tf.float32, [None, 784])": { $0.placeholder("x", [nil, 784]) },
    "W = tf.Variable(tf.zeros([784, 10]))": { $0.variable("W", [784, 10]) },
    "b = tf.Variable(tf.zeros([10]))": { $0.variable("b", [10]) },
    "y = tf.nn.softmax(tf.matmul(x, W) + b)": { s in
      let mm = s.tensor(nil, "MatMul", [nil, 10], [s.id("x"), s.id("W")])
      let add = s.tensor(nil, "Add", [nil, 10], [mm, s.id("b")])
      s.tensor("y", "Softmax", [nil, 10], [add])
    },
    "y_ = tf.placeholder(tf.float32, [None, 10])": { $0.placeholder("y_", [nil, 10]) },
    "cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))": { s in
      let log = s.tensor(nil, "Log", [nil, 10], [s.id("y")])
      let mul = s.tensor(nil, "Mul", [nil, 10], [s.id("y_"), log])
      let sum = s.tensor(nil, "Sum", [nil], [mul])
      let neg = s.tensor(nil, "Neg", [nil], [sum])
      s.tensor("cross_entropy", "Mean", [], [neg])
    },
    "train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)": { s in
      let op = s.node("NoOp", [s.id("cross_entropy")])
      s.set("train_step", .operation(id: op, type: "NoOp", minimizes: s.id("cross_entropy")))
    },
    "sess = tf.InteractiveSession()": { $0.set("sess", .session) },
    "tf.global_variables_initializer().run()": { $0.setVariables(initialized: true, magnitude: 0) },
    "sess.run(tf.nn.softmax([1.0, 2.0, 3.0]))": { _ in },
    "for _ in range(1000):": { s in
      guard s.values["sess"] != nil else { throw FakeError(description: "NameError: name 'sess' is not defined") }
      s.set("batch_xs", .array(dtype: "float32", shape: [100, 784]))
      s.set("batch_ys", .array(dtype: "float32", shape: [100, 10]))
      s.setVariables(initialized: true, magnitude: 123.4)
    },
    "correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))": { s in
      let a = s.tensor(nil, "ArgMax", [nil], [s.id("y")], dtype: "int64")
      let b = s.tensor(nil, "ArgMax", [nil], [s.id("y_")], dtype: "int64")
      s.tensor("correct_prediction", "Equal", [nil], [a, b], dtype: "bool")
    },
    "accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))": { s in
      let cast = s.tensor(nil, "Cast", [nil], [s.id("correct_prediction")])
      s.tensor("accuracy", "Mean", [], [cast])
    },
    "print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))": { _ in },
    "print(sess.run(tf.argmax(y, 1), feed_dict={x: drawn}))": { _ in },
    "bad = -tf.reduce_sum(tf.constant([[1., 0.]]) * tf.log(tf.constant([[1., 0.]])))": { s in
      let c1 = s.tensor(nil, "Const", [1, 2], [])
      let c2 = s.tensor(nil, "Const", [1, 2], [])
      let log = s.tensor(nil, "Log", [1, 2], [c2])
      let mul = s.tensor(nil, "Mul", [1, 2], [c1, log])
      let sum = s.tensor(nil, "Sum", [], [mul])
      s.tensor("bad", "Neg", [], [sum])
    },
    "sess.run(bad)": { _ in },
    "good = tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([[1., 0.]]), logits=tf.constant([[10., -10.]]))": { s in
      let c1 = s.tensor(nil, "Const", [1, 2], [])
      let c2 = s.tensor(nil, "Const", [1, 2], [])
      s.tensor("good", "SoftmaxCrossEntropyWithLogits", [1], [c1, c2])
    },
  ]

  /// Runs statements on `session` directly (test setup).
  static func run(_ session: FakeSession, _ statements: [String]) throws {
    for s in statements { try session.execute(s, quietly: true) }
  }

  /// The tutorial's statements up to (not including) the one that starts with `prefix`.
  static func statements(until prefix: String? = nil) -> [String] {
    var out: [String] = []
    for s in tutorial {
      if let prefix, s.hasPrefix(prefix) { break }
      out.append(s)
    }
    return out
  }

  static let tutorial = [
    "from tensorflow.examples.tutorials.mnist import input_data",
    "mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)",
    "import tensorflow as tf",
    "x = tf.placeholder(tf.float32, [None, 784])",
    "W = tf.Variable(tf.zeros([784, 10]))",
    "b = tf.Variable(tf.zeros([10]))",
    "y = tf.nn.softmax(tf.matmul(x, W) + b)",
    "y_ = tf.placeholder(tf.float32, [None, 10])",
    "cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))",
    "train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)",
    "sess = tf.InteractiveSession()",
    "tf.global_variables_initializer().run()",
    "for _ in range(1000):",
    "correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))",
    "accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))",
  ]
}
