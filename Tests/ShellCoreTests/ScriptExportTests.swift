import Foundation
import PyInterp
import ShellCore
import Testing

/// The repository's root folder (tests read the tutorial and the bundled MNIST files from it).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The tutorial's statements as a learner enters them: one entry per top-level statement
/// (a `for` with its body is one entry); comments dropped.
func tutorialEntries() throws -> [String] {
  let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/EndToEnd/tutorial.py"), encoding: .utf8)
  var entries: [String] = []
  for line in text.split(separator: "\n") where !line.hasPrefix("#") {
    if line.hasPrefix(" "), !entries.isEmpty { entries[entries.count - 1] += "\n" + line } else { entries.append(String(line)) }
  }
  return entries
}

@Suite struct ScriptExportTests {
  func export(_ entries: [StatementLog.Entry], failed: Int = 0) -> String {
    let py = Interpreter()
    return ScriptExport.script(from: entries, failedCount: failed, fileName: "tutorial_tf2.py") { try? py.parse($0) }
  }

  @Test func tutorialSessionBecomesATensorFlow2Script() throws {
    var entries = try tutorialEntries().map { StatementLog.Entry.statement($0, succeeded: true) }
    #expect(entries.count == 16)
    entries.insert(.command(":digit test 0"), at: 3)
    entries.insert(.statement("W.shape", succeeded: true), at: 6)
    entries.insert(.statement("y = tf.nn.sofmax(x)", succeeded: false), at: 7)
    let script = export(entries, failed: 1)
    #expect(script.contains("the 17 statements of the session that ran without error, in order (1 that raised an error are left out)"))
    #expect(script.contains("python3 tutorial_tf2.py"))
    #expect(script.contains("\nimport tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n"))
    #expect(!script.contains("import tensorflow as tf"))
    #expect(script.contains("\ninput_data = _input_data  # the stand-in above, for: from tensorflow.examples.tutorials.mnist import input_data\n"))
    #expect(script.contains("\nmnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)\n"))
    #expect(script.contains("\n# :digit test 0    (mnist-shell command)\n"))
    #expect(script.contains("\n_show(W.shape)\n"))
    #expect(script.contains("\ntf.global_variables_initializer().run()\n"))
    #expect(!script.contains("sofmax"))
    #expect(script.contains("\nfor _ in range(1000):\n  batch_xs, batch_ys = mnist.train.next_batch(100)\n  sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})\n"))
    #expect(script.hasSuffix("print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))\n"))
    // The stand-in comes before the statements that use it.
    let standIn = try #require(script.range(of: "_input_data = _types.SimpleNamespace"))
    let use = try #require(script.range(of: "input_data = _input_data  #"))
    #expect(standIn.upperBound < use.lowerBound)
    try expectCompiles(script)
  }

  @Test func importVariants() {
    let cases: [(String, String)] = [
      ("import tensorflow as tf  # the framework", "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()"),
      ("import tensorflow", "import tensorflow.compat.v1 as tensorflow\ntensorflow.disable_v2_behavior()"),
      ("def main(_):\n  import tensorflow as tflow\n  pass",
       "def main(_):\n  import tensorflow.compat.v1 as tflow\n  tflow.disable_v2_behavior()\n  pass"),
      ("from tensorflow.examples.tutorials.mnist import input_data as data",
       "data = _input_data  # the stand-in above, for: from tensorflow.examples.tutorials.mnist import input_data"),
      ("import tensorflow.examples.tutorials.mnist.input_data as input_data", "input_data = _input_data  # the stand-in above"),
      ("from tensorflow.examples.tutorials.mnist.input_data import read_data_sets, DataSet as DS",
       "read_data_sets = _input_data.read_data_sets; DS = _input_data.DataSet"),
      ("import numpy as np", "import numpy as np"),
      ("print('import tensorflow as tf')", "print('import tensorflow as tf')"),
    ]
    for (source, expected) in cases {
      let script = export([.statement(source, succeeded: true)])
      #expect(script.hasSuffix("\n" + expected + "\n"), "\(source)")
    }
    #expect(!export([.statement("import numpy as np", succeeded: true)]).contains("_read_data_sets"))
  }

  @Test func echoedExpressionsArePrintedLikeTheShell() throws {
    let script = export([
      .statement("x = 3", succeeded: true),
      .statement("x + 1  # four", succeeded: true),
      .statement("(x,\n x * 2)", succeeded: true),
      .statement("print(x)", succeeded: true),
    ])
    #expect(script.contains("\n_show(x + 1)\n_show((x,\n x * 2))\nprint(x)\n"))
    guard let python = python3() else {
      print("skipped: no python3 with NumPy")
      return
    }
    let folder = temporaryFolder()
    try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/echo.py"))
    let (status, out) = try runPython(python, arguments: [folder + "/echo.py"])
    #expect(status == 0, "\(out)")
    #expect(out == "4\n(3, 6)\n3\n")
  }

  @Test func inputDataStandInReadsTheRealFiles() throws {
    guard let python = python3() else {
      print("skipped: no python3 with NumPy")
      return
    }
    let folder = temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder + "/MNIST_data", withIntermediateDirectories: true)
    for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
      try FileManager.default.copyItem(atPath: repositoryRoot.path + "/Sources/MNISTData/Resources/mnist/" + name,
                                       toPath: folder + "/MNIST_data/" + name)
    }
    let check = ScriptExport.inputDataStandIn + """
      import numpy as np
      mnist = _input_data.read_data_sets("MNIST_data/", one_hot=True)
      print(mnist.train.images.shape, mnist.train.labels.shape, mnist.validation.images.shape, mnist.test.images.shape)
      print(mnist.train.images.dtype, mnist.train.images.min(), mnist.train.images.max(), mnist.train.labels.dtype)
      print(mnist.test.labels[:10].argmax(axis=1).tolist(), mnist.train.labels.sum(axis=0).astype(int).tolist())
      np.random.seed(1)
      for _ in range(551):
          xs, ys = mnist.train.next_batch(100)
      print(xs.shape, ys.shape, mnist.train.epochs_completed)
      plain = _input_data.read_data_sets("MNIST_data/", validation_size=0)
      print(plain.train.images.shape, plain.train.labels[:5].tolist(), plain.train.labels.dtype)
      try:
          _input_data.read_data_sets("elsewhere/")
      except FileNotFoundError as e:
          print('missing:', 'downloads nothing' in str(e))

      """
    try Data(check.utf8).write(to: URL(fileURLWithPath: folder + "/check.py"))
    let (status, out) = try runPython(python, arguments: ["check.py"], in: folder)
    #expect(status == 0, "\(out)")
    let lines = out.split(separator: "\n").filter { !$0.hasPrefix("Extracting") }.map(String.init)
    #expect(lines == [
      "(55000, 784) (55000, 10) (5000, 784) (10000, 784)",
      "float32 0.0 1.0 float64",
      "[7, 2, 1, 0, 4, 1, 4, 9, 5, 9] [5444, 6179, 5470, 5638, 5307, 4987, 5417, 5715, 5389, 5454]",
      "(100, 784) (100, 10) 1",
      "(60000, 784) [5, 0, 4, 1, 9] uint8",
      "missing: True",
    ])
    #expect(out.hasPrefix("Extracting MNIST_data/train-images-idx3-ubyte.gz\n"))
  }
}

// MARK: - Helpers

/// Checks that `script` compiles as Python (`python3 -m py_compile`), when python3 exists.
func expectCompiles(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  guard let python = python3(requireNumPy: false) else {
    print("skipped: python3 is not installed, the script was not compiled")
    return
  }
  let file = temporaryFolder() + "/exported.py"
  try Data(script.utf8).write(to: URL(fileURLWithPath: file))
  let (status, out) = try runPython(python, arguments: ["-m", "py_compile", file])
  #expect(status == 0, "\(out)", sourceLocation: sourceLocation)
}

/// A new, empty temporary folder.
func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "export-test-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The first `python3` on PATH (that can import NumPy, unless `requireNumPy` is false).
func python3(requireNumPy: Bool = true) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
  let candidates = path.split(separator: ":").map { $0 + "/python3" } + ["/usr/bin/python3"]
  return candidates.first { p in
    FileManager.default.isExecutableFile(atPath: p) && (!requireNumPy || (try? runPython(p, arguments: ["-c", "import numpy"]))?.0 == 0)
  }
}

/// Runs python with `arguments`; returns the exit status and the output (stdout + stderr).
/// Output goes through a file: `Pipe` reads in Foundation trap on EINTR.
func runPython(_ python: String, arguments: [String], in folder: String? = nil) throws -> (Int32, String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: python)
  p.arguments = arguments
  if let folder { p.currentDirectoryURL = URL(fileURLWithPath: folder) }
  let log = NSTemporaryDirectory() + "python-\(UUID().uuidString).log"
  _ = FileManager.default.createFile(atPath: log, contents: nil)
  defer { try? FileManager.default.removeItem(atPath: log) }
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
  p.standardOutput = handle
  p.standardError = handle
  try p.run()
  p.waitUntilExit()
  try? handle.close()
  return (p.terminationStatus, String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))
}
