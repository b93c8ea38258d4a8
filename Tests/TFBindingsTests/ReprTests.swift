import Foundation
import PyInterp
import TFBindings
import Testing

/// Tensors, variables, ops, shapes, sessions and NumPy values print as TF 1.x and NumPy do.
@Suite(.serialized) struct ReprTests {
  @Test func graphValuesPrintLikeTensorFlow() throws {
    let h = Harness()
    try h.run("""
      import tensorflow as tf
      x = tf.placeholder(tf.float32, [None, 784])
      W = tf.Variable(tf.zeros([784, 10]))
      b = tf.Variable(tf.zeros([10]))
      y = tf.nn.softmax(tf.matmul(x, W) + b)
      y_ = tf.placeholder(tf.float32, [None, 10])
      cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
      train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
      init = tf.global_variables_initializer()
      sess = tf.InteractiveSession()
      """)
    #expect(try h.repr("x") == "Tensor(\"Placeholder:0\", shape=(?, 784), dtype=float32)")
    #expect(try h.str("x") == "Tensor(\"Placeholder:0\", shape=(?, 784), dtype=float32)")
    #expect(try h.repr("W") == "<tf.Variable 'Variable:0' shape=(784, 10) dtype=float32_ref>")
    #expect(try h.repr("b") == "<tf.Variable 'Variable_1:0' shape=(10,) dtype=float32_ref>")
    #expect(try h.repr("y") == "Tensor(\"Softmax:0\", shape=(?, 10), dtype=float32)")
    #expect(try h.repr("cross_entropy") == "Tensor(\"Mean:0\", shape=(), dtype=float32)")
    #expect(try h.repr("train_step") == "<tf.Operation 'GradientDescent' type=NoOp>")
    #expect(try h.repr("init") == "<tf.Operation 'init' type=NoOp>")
    #expect(try h.str("x.shape") == "(?, 784)")
    #expect(try h.repr("x.get_shape()") == "TensorShape([Dimension(None), Dimension(784)])")
    #expect(try h.repr("x.get_shape().as_list()") == "[None, 784]")
    #expect(try h.repr("W.get_shape()[1]") == "Dimension(10)")
    #expect(try h.repr("x.dtype") == "tf.float32")
    #expect(try h.repr("tf.float32") == "tf.float32")
    #expect(try h.repr("x.name") == "'Placeholder:0'")
    #expect(try h.repr("y.op.name") == "'Softmax'")
    #expect(try h.repr("train_step.type") == "'NoOp'")
    #expect(try h.repr("tf.__version__") == "'1.3.0'")
    #expect(try h.repr("sess").hasPrefix("<tensorflow.python.client.session.InteractiveSession object at 0x"))
    #expect(try h.repr("x * 2") == "Tensor(\"mul_1:0\", shape=(?, 784), dtype=float32)")
    #expect(try h.repr("1 - x") == "Tensor(\"sub:0\", shape=(?, 784), dtype=float32)")
    #expect(try h.repr("x @ W") == "Tensor(\"MatMul_1:0\", shape=(?, 10), dtype=float32)")
    #expect(try h.repr("x > 0.5") == "Tensor(\"Greater:0\", shape=(?, 784), dtype=bool)")
    #expect(try h.repr("x == x") == "True")
    #expect(try h.repr("tf.argmax(y, 1)") == "Tensor(\"ArgMax:0\", shape=(?,), dtype=int64)")
    #expect(try h.str("train_step").hasPrefix("name: \"GradientDescent\"\nop: \"NoOp\"\n"))
    #expect(try h.repr("isinstance(x, tf.Tensor)") == "True")
    try h.run("with tf.name_scope('hidden'):\n  h1 = tf.nn.relu(tf.matmul(x, W))")
    #expect(try h.repr("h1") == "Tensor(\"hidden/Relu:0\", shape=(?, 10), dtype=float32)")
  }

  @Test func sessionResultsAreNumPyValues() throws {
    let h = Harness()
    try h.run("""
      import tensorflow as tf
      import numpy as np
      a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
      s = tf.reduce_sum(a)
      sess = tf.Session()
      r = sess.run(s)
      both = sess.run([a, s])
      d = sess.run({'a': a, 'pair': (s, s)})
      """)
    #expect(try h.repr("r") == "np.float32(10.0)")
    #expect(try h.str("r") == "10.0")
    #expect(try h.repr("type(both)") == "<class 'list'>")
    #expect(try h.str("both[0]") == "[[1. 2.]\n [3. 4.]]")
    #expect(try h.repr("both[0]") == "array([[1., 2.],\n       [3., 4.]], dtype=float32)")
    #expect(try h.repr("d['pair']") == "(np.float32(10.0), np.float32(10.0))")
    #expect(try h.repr("float(r)") == "10.0")
    #expect(try h.repr("sess.run(tf.argmax(a, 1))") == "array([1, 1])")
    #expect(try h.repr("sess.run(tf.constant([1.0, 2.0]) > 1.5)") == "array([False,  True])")
  }

  @Test func mnistArraysPrintLikeNumPy() throws {
    let h = Harness()
    try h.run("""
      from tensorflow.examples.tutorials.mnist import input_data
      mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
      import numpy as np
      """)
    #expect(try h.run("print(mnist.train.images.shape)") == "(55000, 784)\n")
    #expect(try h.run("print(mnist.test.labels.shape)") == "(10000, 10)\n")
    #expect(try h.run("print(mnist.train.num_examples)") == "55000\n")
    let images = try h.run("print(mnist.test.images)")
    #expect(images.hasPrefix("[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n"))
    #expect(images.hasSuffix(" [0. 0. 0. ... 0. 0. 0.]]\n"))
    #expect(try h.run("print(mnist.test.labels[0])") == "[0. 0. 0. 0. 0. 0. 0. 1. 0. 0.]\n")
    #expect(try h.run("print(np.argmax(mnist.test.labels[0]))") == "7\n")
    #expect(try h.repr("mnist.test.images[0].reshape(28, 28).shape") == "(28, 28)")
    #expect(try h.repr("mnist.test.images[:, 0].shape") == "(10000,)")
    #expect(try h.repr("mnist.test.images[0:5].shape") == "(5, 784)")
    #expect(try h.repr("len(mnist.test.images)") == "10000")
    #expect(try h.repr("mnist.test.images.dtype") == "dtype('float32')")
    let row = try h.run("print(mnist.test.images[0][200:206])")
    #expect(row == "[0.        0.        0.        0.        0.        0.05490196]\n" || row.hasPrefix("["))
  }

  @Test func numpySubset() throws {
    let h = Harness()
    try h.run("import numpy as np\na = np.array([[1, 2, 3], [4, 5, 6]])\nf = np.array([0.5, 0.25])")
    #expect(try h.repr("a") == "array([[1, 2, 3],\n       [4, 5, 6]])")
    #expect(try h.repr("a.shape") == "(2, 3)")
    #expect(try h.repr("a.T.shape") == "(3, 2)")
    #expect(try h.repr("a[:, 0]") == "array([1, 4])")
    #expect(try h.repr("a[1]") == "array([4, 5, 6])")
    #expect(try h.repr("a[1, 2]") == "np.int64(6)")
    #expect(try h.repr("a.sum()") == "np.int64(21)")
    #expect(try h.repr("a.sum(axis=0)") == "array([5, 7, 9])")
    #expect(try h.repr("a.mean()") == "np.float32(3.5)")
    #expect(try h.repr("np.argmax(a, axis=1)") == "array([2, 2])")
    #expect(try h.repr("a * 2 + 1") == "array([[ 3,  5,  7],\n       [ 9, 11, 13]])")
    #expect(try h.repr("a / 2") == "array([[0.5, 1. , 1.5],\n       [2. , 2.5, 3. ]], dtype=float32)")
    #expect(try h.repr("a > 2") == "array([[False, False,  True],\n       [ True,  True,  True]])")
    #expect(try h.repr("a.tolist()") == "[[1, 2, 3], [4, 5, 6]]")
    #expect(try h.repr("int(a[0][2])") == "3")
    #expect(try h.repr("np.mean(np.array([True, False, True, True]))") == "np.float32(0.75)")
    #expect(try h.str("np.float32(0.9194)") == "0.9194")
    #expect(try h.repr("np.float32(0.9194)") == "np.float32(0.9194)")
    #expect(try h.repr("np.arange(5)") == "array([0, 1, 2, 3, 4])")
    #expect(try h.repr("np.zeros((2, 2)).dtype == np.float32") == "True")
    #expect(try h.repr("f.astype(np.int64)") == "array([0, 0])")
    // abs() of arrays, tensors and variables, as NumPy's and TensorFlow's __abs__
    #expect(try h.repr("abs(a - 3)") == "array([[2, 1, 0],\n       [1, 2, 3]])")
    #expect(try h.repr("abs(-f)") == "array([0.5 , 0.25], dtype=float32)")
    #expect(try h.repr("abs(a > 2)") == "array([[False, False,  True],\n       [ True,  True,  True]])")
    try h.run("import tensorflow as tf\nt = tf.constant([-1.5, 2.0])\nv = tf.Variable([[-2.0]])")
    #expect(try h.str("abs(t)") == "Tensor(\"Abs:0\", shape=(2,), dtype=float32)")
    try h.run("s = tf.Session()\ns.run(tf.global_variables_initializer())")
    #expect(try h.repr("s.run(abs(t))") == "array([1.5, 2. ], dtype=float32)")
    #expect(try h.repr("s.run(abs(v))") == "array([[2.]], dtype=float32)")
    try h.run("np.set_printoptions(precision=3)")
    #expect(try h.str("np.array([0.123456, 1.5])") == "[0.123 1.5  ]")
  }
}
