import Foundation
import PyInterp
import TFBindings

/// Runs fuzz cases against a live TensorFlow session and checks it survives each one.
///
/// The session is set up as a learner's would be after the tutorial's first half (data read, model
/// and training step built, variables initialised). After every case `keep_me` must still be 42;
/// every `probeEvery` cases a probe made only of names no case can touch (`zz_*`, bound at set-up)
/// opens a new session, trains one step and measures accuracy. A fresh session replaces the old one
/// every `sessionLength` cases so the graph (which keeps every op a case creates) stays small.
struct TFFuzzer {
  struct Report {
    var cases = 0, clean = 0, engineErrors = 0, otherErrors = 0, probes = 0
    var failures: [String] = []
  }

  var rng: FuzzRandom
  let probeEvery = 250
  let sessionLength = 5_000
  let workDir: String

  init(seed: UInt64) {
    rng = FuzzRandom(state: seed)
    workDir = NSTemporaryDirectory() + "tf-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: workDir, withIntermediateDirectories: true)
  }

  /// Seed statements: the tutorial's (with a 3-step loop) and others a learner types next to them.
  static let seeds: [String] = {
    let text = (try? String(contentsOfFile: tutorialPath, encoding: .utf8)) ?? ""
    var lines = text.split(separator: "\n").map(String.init)
      .filter { !$0.hasPrefix("#") && !$0.hasPrefix("for ") && !$0.hasPrefix("  ") && !$0.contains("read_data_sets") }
    lines += [
      "for _ in range(3):\n  batch_xs, batch_ys = mnist.train.next_batch(100)\n  sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})",
      "batch_xs, batch_ys = mnist.train.next_batch(100)", "print(batch_xs.shape, batch_ys[0])",
      "print(sess.run(cross_entropy, feed_dict={x: batch_xs, y_: batch_ys}))",
      "print(sess.run(y, feed_dict={x: mnist.test.images[:5]}))", "print(W.eval()[0, :3], b.eval())",
      "print(sess.run(tf.argmax(y, 1), feed_dict={x: mnist.validation.images[0:10]}))",
      "print(np.argmax(mnist.test.labels[:10], axis=1))", "z = tf.reshape(x, [-1, 28, 28, 1])",
      "h = tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=tf.matmul(x, W) + b)",
      "W2 = tf.Variable(tf.truncated_normal([784, 10], stddev=0.1))", "print(tf.shape(x), x.get_shape())",
      "c = tf.constant([[1.0, 2.0], [3.0, 4.0]])", "print(sess.run(tf.reduce_sum(c, axis=0)))",
      "print(accuracy.eval(feed_dict={x: mnist.test.images[:100], y_: mnist.test.labels[:100]}))",
      "a = np.zeros([2, 3]); print(a.shape, a.dtype, a.sum())", "print(mnist.train.num_examples, mnist.test.labels.shape)",
      "print(sess.run([W, b])[1])", "tf.global_variables_initializer().run()",
      "print(sess.run(accuracy, feed_dict={x: mnist.train.labels, y_: mnist.train.images}))",
    ]
    return lines
  }()

  /// The tutorial's model (EnvironmentTests.setup), then numpy, the accuracy and names the probe
  /// uses, bound once so that fuzz cases rebinding `tf`, `x` or `mnist` cannot break it.
  static let setup = EnvironmentTests.setup + """
    import numpy as np
    correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))
    accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    keep_me = 42
    zz_Session, zz_init, zz_train, zz_acc, zz_x, zz_y_ = tf.Session, tf.global_variables_initializer(), train_step, accuracy, x, y_
    zz_train_set, zz_images, zz_labels = mnist.train, mnist.test.images[:500], mnist.test.labels[:500]
    """

  static let probe = """
    zz_s = zz_Session()
    zz_s.run(zz_init)
    zz_xs, zz_ys = zz_train_set.next_batch(100)
    zz_s.run(zz_train, feed_dict={zz_x: zz_xs, zz_y_: zz_ys})
    zz_v = zz_s.run(zz_acc, feed_dict={zz_x: zz_images, zz_y_: zz_labels})
    zz_s.close()
    """

  /// A fresh interpreter with the modules, the set-up run, and an interrupt after 0.2 s of any case.
  func makeSession(output: @escaping (String) -> Void) throws -> Interpreter {
    let py = Interpreter()
    let env = TFEnvironment()
    env.workingDirectory = workDir
    env.install(into: py)
    py.output = output
    try py.exec(Self.setup, filename: "setup.py")
    py.progressInterval = 0.02
    py.progressHook = { [unowned py] elapsed in if elapsed > 0.2 { py.requestInterrupt() } }
    return py
  }

  mutating func nextCase(_ n: Int) -> String {
    if n % 3 == 0 {
      let count = Int.random(in: 1...12, using: &rng)
      let pool = TFMutator.vocabulary + TFMutator.names + TFMutator.numbers
      return (0..<count).map { _ in pool.randomElement(using: &rng)! }.joined(separator: Bool.random(using: &rng) ? " " : "")
    }
    // Re-reading the data is slow (about half a second); mutate that statement only now and then.
    if n % 500 == 1 { return TFMutator.mutate("mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)", &rng) }
    return TFMutator.mutate(Self.seeds.randomElement(using: &rng)!, &rng)
  }

  mutating func run(cases: Int) throws -> Report {
    var report = Report()
    let sink = OutputSink()
    var py = try makeSession(output: sink.append)
    defer { try? FileManager.default.removeItem(atPath: workDir) }
    for n in 0..<cases {
      if n > 0, n % sessionLength == 0 { py = try makeSession(output: sink.append) }
      let code = nextCase(n)
      sink.text = ""
      do {
        if Bool.random(using: &rng) { try py.exec(code) } else { try py.execInteractive(code) }
        report.clean += 1
      } catch let e as PyException {
        _ = py.formatTraceback(e)
        switch e.type.name {
        case "SyntaxError", "IndentationError", "NameError", "AttributeError", "KeyboardInterrupt": report.otherErrors += 1
        default: report.engineErrors += 1
        }
      } catch {
        report.failures.append("case \(n): a non-Python error \(error) from \(code.debugDescription)")
      }
      report.cases += 1
      if code.contains("keep_me") { try? py.exec("keep_me = 42") }
      guard case .int(42)? = try? py.eval("keep_me") else {
        report.failures.append("case \(n) lost the session's names: \(code.debugDescription)")
        try? py.exec("keep_me = 42")
        continue
      }
      if (n + 1) % probeEvery == 0 || n == cases - 1 {
        report.probes += 1
        do {
          try py.exec(Self.probe, filename: "probe.py")
          guard case .float(let acc) = try py.eval("float(zz_v)"), acc >= 0, acc <= 1 else {
            report.failures.append("probe after case \(n): accuracy is not a number in [0, 1]")
            continue
          }
        } catch {
          report.failures.append("probe after case \(n) failed: \(error)")
          py = try makeSession(output: sink.append)
        }
      }
    }
    return report
  }
}

/// Collects printed text (kept small: only the current case's output).
final class OutputSink: @unchecked Sendable {
  var text = ""
  func append(_ s: String) { if text.utf8.count < 100_000 { text += s } }
}
