import PyInterp
import Testing

private func tfSession() -> Session {
  let s = Session()
  installMockTF(s.py)
  return s
}

@Suite struct HostObjectTests {
  @Test func importsResolveToHostModules() {
    let s = tfSession()
    #expect(s.run("""
      from tensorflow.examples.tutorials.mnist import input_data
      mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
      import tensorflow as tf
      print(mnist, tf, tf.nn)
      import tensorflow.nn
      print(tensorflow.nn.softmax)
      """) == "datasets(MNIST_data/, one_hot=true) <module 'tensorflow'> <module 'tensorflow.nn'>\n<function tensorflow.nn.softmax>\n")
  }

  @Test func operatorsDispatchBothOrders() {
    let s = tfSession()
    #expect(s.run("""
      import tensorflow as tf
      x = tf.placeholder(tf.float32, [None, 784], name='x')
      print(x + 1.0, 1.0 - x, -x, x @ x, 2 * x, x[:, 0], x[0], x < 3, x == x, x != 1)
      """) == "<tf.Tensor '(x + 1.0)'> <tf.Tensor '(1.0 - x)'> <tf.Tensor '(-x)'> <tf.Tensor '(x @ x)'> <tf.Tensor '(2 * x)'> <tf.Tensor 'x[(slice(None, None, None), 0)]'> <tf.Tensor 'x[0]'> <tf.Tensor '(x < 3)'> True True\n")
  }

  @Test func unsupportedOperandGivesPythonTypeError() {
    let s = tfSession()
    #expect(s.errorLine("import tensorflow as tf\nx = tf.placeholder(tf.float32)\nx + 'a'") ==
      "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'")
  }

  @Test func keywordArgumentsAreBoundWithPythonMessages() {
    let s = tfSession()
    #expect(s.errorLine("import tensorflow as tf\ntf.nn.softmax_cross_entropy_with_logits(x=1)") ==
      "TypeError: softmax_cross_entropy_with_logits() got an unexpected keyword argument 'x'")
    #expect(s.errorLine("import tensorflow as tf\ntf.matmul(1)") ==
      "TypeError: matmul() missing 1 required positional argument: 'b'")
    #expect(s.errorLine("import tensorflow as tf\ntf.matmul()") ==
      "TypeError: matmul() missing 2 required positional arguments: 'a' and 'b'")
    #expect(s.errorLine("import tensorflow as tf\ntf.matmul(1, 2, 3)") ==
      "TypeError: matmul() takes 2 positional arguments but 3 were given")
    #expect(s.errorLine("import tensorflow as tf\ntf.matmul(1, a=2)") ==
      "TypeError: matmul() got multiple values for argument 'a'")
    #expect(s.errorLine("import tensorflow as tf\ntf.nn.softmax_cross_entropy_with_logits(1, 2)") ==
      "ValueError: Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)")
    #expect(s.run("import tensorflow as tf\nprint(tf.nn.softmax_cross_entropy_with_logits(labels=1, logits=2))") ==
      "<tf.Tensor 'xent(1, 2)'>\n")
  }

  @Test func attributeErrorSuggestsFromDir() {
    let s = tfSession()
    #expect(s.run("import tensorflow as tf\nW = tf.Variabel(tf.zeros([784, 10]))", filename: "<stdin>") == """
      Traceback (most recent call last):
        File "<stdin>", line 2, in <module>
          W = tf.Variabel(tf.zeros([784, 10]))
              ^^^^^^^^^^^
      AttributeError: module 'tensorflow' has no attribute 'Variabel'. Did you mean: 'Variable'?

      """)
    #expect(s.errorLine("import tensorflow as tf\ntf.placeholder(tf.float32).shap") ==
      "AttributeError: 'Tensor' object has no attribute 'shap'. Did you mean: 'shape'?")
  }

  @Test func withStatementEntersAndExits() {
    let s = tfSession()
    #expect(s.run("""
      import tensorflow as tf
      x = tf.placeholder(tf.float32, name='x')
      with tf.Session() as sess:
        print(sess.run(x, feed_dict={x: [1, 2]}))
      print(sess.run(x))
      """) == "0.9192\n0.9192\n")
    guard case .object(let o)? = s.py[global: "sess"], let session = o as? MockSession else {
      Issue.record("sess is not a session")
      return
    }
    #expect(session.entered == 1 && session.exited == 1 && session.lastError == nil)
    _ = s.run("with sess:\n  1/0")
    #expect(session.lastError == "ZeroDivisionError: division by zero")
    #expect(s.errorLine("with 3: pass") == "TypeError: 'int' object does not support the context manager protocol")
  }

  @Test func hostExceptionsRenderQualifiedWithHint() {
    let s = tfSession()
    let text = s.run("""
      import tensorflow as tf
      x = tf.placeholder(tf.float32, name='x')
      sess = tf.Session()
      sess.run(x, feed_dict={x: 'oops'})
      """, filename: "<stdin>")
    #expect(text == """
      Traceback (most recent call last):
        File "<stdin>", line 4, in <module>
          sess.run(x, feed_dict={x: 'oops'})
      tensorflow.python.framework.errors_impl.InvalidArgumentError: You must feed a value for placeholder tensor 'x'
      Hint: feed_dict maps each placeholder to an array

      """)
    #expect(s.run("""
      try:
        sess.run(x, feed_dict={x: 'oops'})
      except tf.errors.InvalidArgumentError as e:
        print('caught:', e)
      """) == "caught: You must feed a value for placeholder tensor 'x'\n")
  }

  @Test func tensorsAreDictKeysByIdentity() {
    let s = tfSession()
    #expect(s.run("""
      import tensorflow as tf
      a = tf.placeholder(tf.float32, name='a')
      b = tf.placeholder(tf.float32, name='a')
      d = {a: 1, b: 2}
      print(len(d), d[a], d[b], a in d)
      """) == "2 1 2 True\n")
  }

  @Test func truthinessHookCanRaise() {
    let s = tfSession()
    #expect(s.errorLine("import tensorflow as tf\nif tf.placeholder(tf.float32): pass") ==
      "TypeError: Using a `tf.Tensor` as a Python `bool` is not allowed.")
  }

  @Test func dirAndHelpUseHostMetadata() {
    let s = tfSession()
    #expect(s.run("import tensorflow as tf\nprint(dir(tf.placeholder(tf.float32)))") == "['eval', 'get_shape', 'name', 'shape']\n")
    #expect(s.run("import tensorflow as tf\nhelp(tf.Session())") == "Help on Session object:\n\nSession()\n    A session runs graph operations.\n\nAttributes: close, run\n")
    #expect(s.run("import tensorflow as tf\nhelp(tf.matmul)") == "Help on function matmul in module tensorflow:\n\nmatmul(a, b)\n    \n")
  }

  @Test func unknownModuleIsModuleNotFound() {
    let s = tfSession()
    let e = s.error("import torch")
    #expect(e?.description == "ModuleNotFoundError: No module named 'torch'")
    #expect(s.errorLine("from tensorflow import Variabel") ==
      "ImportError: cannot import name 'Variabel' from 'tensorflow'. Did you mean: 'Variable'?")
    #expect(s.error("import os")?.hint?.contains("without file, network or process access") == true)
  }

  @Test func methodsOnHostObjectsTakeKeywords() {
    let s = tfSession()
    #expect(s.run("import tensorflow as tf\nx = tf.placeholder(tf.float32, name='x')\nprint(x.eval(feed_dict={x: 1}))") ==
      "eval(x) with 1 feeds\n")
  }
}
