import Foundation
import PyInterp
import TFBindings
import Testing

/// Each learner error: TensorFlow's class and words, plus a hint where one helps.
@Suite(.serialized) struct ErrorTests {
  static let graph = """
    import tensorflow as tf
    x = tf.placeholder(tf.float32, [None, 784])
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    y = tf.nn.softmax(tf.matmul(x, W) + b)
    sess = tf.InteractiveSession()

    """

  @Test func matmulShapeMismatchExplainsTheDimensions() throws {
    let h = Harness()
    try h.run(Self.graph + "W2 = tf.Variable(tf.zeros([10, 10]))")
    let e = try #require(h.error("tf.matmul(x, W2)"))
    #expect(e.type.name == "ValueError")
    #expect(e.message == "Dimensions must be equal, but are 784 and 10 for 'MatMul_1' (op: 'MatMul') with input shapes: [?,784], [10,10].")
    let hint = try #require(e.hint)
    #expect(hint.contains("x has shape [?,784]"))
    #expect(hint.contains("W2 has shape [10,10]"))
    #expect(hint.contains("W2 needs shape [784, 10]"))
  }

  @Test func matmulWithATransposedWeightSaysSo() throws {
    let h = Harness()
    try h.run(Self.graph + "V = tf.Variable(tf.zeros([10, 784]))")
    let e = try #require(h.error("tf.matmul(x, V)"))
    let hint = try #require(e.hint)
    #expect(hint.contains("V has shape [10,784] (10 rows)"))
    #expect(hint.contains("tf.matmul(x, V, transpose_b=True) would fit"))
    #expect(!hint.contains("[784, 784]"))
  }

  @Test func weightsBeforeTheBatchAreExplainedAtTheBiasAdd() throws {
    let h = Harness()
    try h.run(Self.graph)
    // W [784,10] times x [None,784] matches 10 with None: a [784,784] product, and the error
    // only comes from adding b (as in TensorFlow).
    let e = try #require(h.error("tf.nn.softmax(tf.matmul(W, x) + b)"))
    #expect(e.type.name == "ValueError")
    #expect(e.message.hasPrefix("Dimensions must be equal, but are 784 and 10"))
    let hint = try #require(e.hint)
    #expect(hint.contains("tf.matmul(W, x) has shape [784,784]"))
    #expect(hint.contains("tf.matmul(x, W) has the shape you want"))
  }

  @Test func missingFeedNamesThePlaceholder() throws {
    let h = Harness()
    try h.run(Self.graph + "sess.run(tf.global_variables_initializer())")
    let e = try #require(h.error("sess.run(y)"))
    #expect(e.type.displayName == "tensorflow.python.framework.errors_impl.InvalidArgumentError")
    #expect(e.message == "You must feed a value for placeholder tensor 'Placeholder' with dtype float and shape [?,784]")
    #expect(e.hint?.contains("add x to feed_dict") == true)
    // tf.errors classes catch it.
    let out = try h.run("""
      try:
        sess.run(y)
      except tf.errors.InvalidArgumentError as err:
        print('caught')
      """)
    #expect(out == "caught\n")
  }

  @Test func wrongFeedShapeShowsBothShapes() throws {
    let h = Harness()
    try h.run(Self.graph + "import numpy as np\nsess.run(tf.global_variables_initializer())")
    let e = try #require(h.error("sess.run(y, feed_dict={x: np.zeros([100, 10])})"))
    #expect(e.type.name == "ValueError")
    #expect(e.message == "Cannot feed value of shape (100, 10) for Tensor 'Placeholder:0', which has shape '(?, 784)'")
    #expect(e.hint != nil)
  }

  @Test func uninitializedVariableSaysWhatToRun() throws {
    let h = Harness()
    try h.run(Self.graph)
    let e = try #require(h.error("sess.run(W)"))
    #expect(e.type.displayName == "tensorflow.python.framework.errors_impl.FailedPreconditionError")
    #expect(e.message == "Attempting to use uninitialized value Variable")
    #expect(e.hint?.contains("tf.global_variables_initializer()") == true)
  }

  @Test func positionalCrossEntropyArguments() throws {
    let h = Harness()
    try h.run(Self.graph + "y_ = tf.placeholder(tf.float32, [None, 10])")
    let e = try #require(h.error("tf.nn.softmax_cross_entropy_with_logits(y_, y)"))
    #expect(e.type.name == "ValueError")
    #expect(e.message == "Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)")
    #expect(h.error("tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y)") == nil)
  }

  @Test func misspeltNameSuggestsTheRightOne() throws {
    let h = Harness()
    try h.run("import tensorflow as tf")
    let e = try #require(h.error("tf.placeholdr(tf.float32)"))
    #expect(e.type.name == "AttributeError")
    #expect(e.message == "module 'tensorflow' has no attribute 'placeholdr'. Did you mean: 'placeholder'?")
    let e2 = try #require(h.error("tf.train.GradientDescentOptimiser(0.5)"))
    #expect(e2.message.hasSuffix("Did you mean: 'GradientDescentOptimizer'?"))
  }

  @Test func hugeArraysFailCleanly() throws {
    let h = Harness()
    try h.run("import tensorflow as tf\nimport numpy as np\nz = tf.zeros([100000, 100000])\nsess = tf.Session()")
    let e = try #require(h.error("sess.run(z)"))
    #expect(e.type.name == "ResourceExhaustedError")
    #expect(e.message.hasPrefix("OOM when allocating tensor with shape[100000,100000]"))
    let e2 = try #require(h.error("np.zeros([100000, 100000])"))
    #expect(e2.type.name == "ResourceExhaustedError")
  }

  @Test func hugeBatchFailsCleanly() throws {
    let h = Harness()
    try h.run("""
      from tensorflow.examples.tutorials.mnist import input_data
      mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
      """)
    let e = try #require(h.error("mnist.train.next_batch(10**9)"))
    #expect(e.type.name == "ValueError")
    #expect(e.message.contains("1000000000"))
    // The data set still works afterwards.
    #expect(try h.repr("mnist.train.next_batch(100)[0].shape") == "(100, 784)")
  }

  @Test func sessionMisuse() throws {
    let h = Harness()
    try h.run("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 2])\nsess = tf.Session()\nsess.close()")
    let e = try #require(h.error("sess.run(x, feed_dict={x: [[1, 2]]})"))
    #expect(e.type.name == "RuntimeError")
    #expect(e.message == "Attempted to use a closed Session.")
    let e2 = try #require(h.error("tf.Session().run(3)"))
    #expect(e2.type.name == "TypeError")
    #expect(e2.message.hasPrefix("Fetch argument 3 has invalid type <class 'int'>"))
    let e3 = try #require(h.error("x.eval()"))
    #expect(e3.message.hasPrefix("Cannot evaluate tensor using `eval()`: No default session is registered."))
  }
}
