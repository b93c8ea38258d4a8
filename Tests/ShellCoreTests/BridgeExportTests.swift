import Foundation
import PyInterp
import ShellCore
import Testing

/// The tutorial's model at a small size, entry by entry as a learner types it.
let smallModelEntries = [
  "import tensorflow as tf",
  "x = tf.placeholder(tf.float32, [None, 4])",
  "W = tf.Variable(tf.zeros([4, 3]))",
  "b = tf.Variable(tf.zeros([3]))",
  "y = tf.nn.softmax(tf.matmul(x, W) + b)",
  "y_ = tf.placeholder(tf.float32, [None, 3])",
  "cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))",
  "train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)",
  "xs = [[1.0, 0.0, 0.5, 0.2], [0.0, 1.0, 0.3, 0.9], [0.4, 0.4, 1.0, 0.0]]",
  "ys = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]",
]

/// A learner session whose files go to `folder`.
func makeSession(in folder: String) -> LearnerSession {
  let s = LearnerSession(console: Console(colorEnabled: false, isTerminal: false),
                         paths: ShellPaths(environment: ["MNIST_SHELL_HOME": folder + "/.home"]), interactive: false)
  s.tf.workingDirectory = folder
  return s
}

/// The global `name` as `str()` shows it.
func global(_ s: LearnerSession, _ name: String) -> String? {
  s.interpreter[global: name].map { PyRepr.str($0) }
}

@Suite(.serialized) struct BridgeExportTests {
  @Test func saveThenLoadInAFreshShellGivesIdenticalPredictions() throws {
    let folder = temporaryFolder()
    let first = makeSession(in: folder)
    for e in smallModelEntries { first.runInteractive(e) }
    first.runInteractive("sess = tf.InteractiveSession()")
    first.runInteractive("tf.global_variables_initializer().run()")
    first.runInteractive("for _ in range(20):\n  sess.run(train_step, feed_dict={x: xs, y_: ys})\n")
    first.runInteractive("p = str(sess.run(y, feed_dict={x: xs}).tolist())")
    first.runCommand(":save")
    #expect(FileManager.default.fileExists(atPath: folder + "/model.safetensors"))
    let trained = try #require(global(first, "p"))
    #expect(!trained.contains("0.3333"))

    // A fresh shell: build the same model, :load, and predict without training (no session yet).
    let second = makeSession(in: folder)
    for e in smallModelEntries { second.runInteractive(e) }
    second.runCommand(":load")
    second.runInteractive("p = str(sess.run(y, feed_dict={x: xs}).tolist())")
    #expect(global(second, "p") == trained)
    second.runInteractive("q = str(y.eval(feed_dict={x: xs}).tolist())")
    #expect(global(second, "q") == trained)
  }

  @Test func loadChangesNothingOnAMismatch() throws {
    let folder = temporaryFolder()
    let first = makeSession(in: folder)
    for e in smallModelEntries { first.runInteractive(e) }
    first.runInteractive("sess = tf.InteractiveSession()")
    first.runInteractive("tf.global_variables_initializer().run()")
    first.runCommand(":save trained.safetensors")
    #expect(FileManager.default.fileExists(atPath: folder + "/trained.safetensors"))

    let other = makeSession(in: folder)
    other.runInteractive("import tensorflow as tf")
    other.runInteractive("W = tf.Variable(tf.ones([3, 4]))")
    other.runInteractive("b = tf.Variable(tf.ones([3]))")
    other.runInteractive("sess = tf.InteractiveSession()")
    other.runInteractive("tf.global_variables_initializer().run()")
    other.runCommand(":load trained")
    other.runInteractive("total = float(sess.run(tf.reduce_sum(W)) + sess.run(tf.reduce_sum(b)))")
    #expect(global(other, "total") == "15.0")  // still the ones: nothing was restored

    // Without variables there is nothing to load into, and no session is made.
    let empty = makeSession(in: folder)
    empty.runCommand(":load trained")
    #expect(empty.interpreter[global: "sess"] == nil)
  }

  @Test func exportWritesTheSessionAsAScript() throws {
    let folder = temporaryFolder()
    let s = makeSession(in: folder)
    for e in smallModelEntries { s.runInteractive(e) }
    s.runInteractive("sess = tf.InteractiveSession()")
    s.runInteractive("tf.global_variables_initializer().run()")
    s.runInteractive("sess.run(tf.reduce_sum(W)")  // a syntax error: left out
    s.runInteractive("W.shape")
    s.runCommand(":help save")
    s.runCommand(":export session.py")
    let script = try String(contentsOfFile: folder + "/session.py", encoding: .utf8)
    #expect(script.contains("the 13 statements of the session that ran without error, in order (1 that raised an error are left out)"))
    #expect(script.contains("\nimport tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nx = tf.placeholder(tf.float32, [None, 4])\n"))
    #expect(script.contains("\n_show(W.shape)\n# :help save    (mnist-shell command)\n"))
    #expect(!script.contains("tf.reduce_sum(W)"))
    #expect(!script.contains(":export"))
    #expect(!script.contains("_read_data_sets"))  // no input_data in this session, so no stand-in
    try expectCompiles(script)

    s.runCommand(":export")  // no file name: an error, nothing written
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".py") } == ["session.py"])
  }

  @Test func commandsAreListedInHelp() {
    let s = makeSession(in: temporaryFolder())
    for name in ["save", "load", "export"] {
      #expect(s.commands.find(name) != nil)
    }
    #expect(s.commands.find("load")?.details.contains("InteractiveSession") == true)
  }
}
