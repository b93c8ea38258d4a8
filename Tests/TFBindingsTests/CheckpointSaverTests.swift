import Foundation
import PyInterp
import Testing
import TFBindings
import Tensors

/// The model of the tutorial at a small size (4 inputs, 3 classes), so tests train in milliseconds.
let smallModel = """
  import tensorflow as tf
  x = tf.placeholder(tf.float32, [None, 4])
  W = tf.Variable(tf.zeros([4, 3]))
  b = tf.Variable(tf.zeros([3]))
  y = tf.nn.softmax(tf.matmul(x, W) + b)
  y_ = tf.placeholder(tf.float32, [None, 3])
  cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
  train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
  xs = [[1.0, 0.0, 0.5, 0.2], [0.0, 1.0, 0.3, 0.9], [0.4, 0.4, 1.0, 0.0]]
  ys = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]

  """

let trainAndSave = smallModel + """
  sess = tf.InteractiveSession()
  tf.global_variables_initializer().run()
  for _ in range(20):
    sess.run(train_step, feed_dict={x: xs, y_: ys})
  saver = tf.train.Saver()
  path = saver.save(sess, "model.ckpt")
  p = sess.run(y, feed_dict={x: xs})

  """

@Suite struct CheckpointSaverTests {
  @Test func restoreIntoAFreshSessionGivesIdenticalPredictions() throws {
    let folder = temporaryFolder()
    let first = TFProgram(workingDirectory: folder)
    #expect(first.run(trainAndSave) == nil)
    #expect(first.py[global: "path"].map { PyRepr.repr($0) } == "'model.ckpt'")
    #expect(FileManager.default.fileExists(atPath: folder + "/model.ckpt.safetensors"))
    let before = try #require(first.env.ndarray(of: first.py[global: "p"] ?? .none))

    let second = TFProgram(workingDirectory: folder)
    let error = second.run(smallModel + """
      sess = tf.Session()
      saver = tf.train.Saver()
      saver.restore(sess, "model.ckpt")
      p = sess.run(y, feed_dict={x: xs})
      """)
    #expect(error == nil, "\(error.map { "\($0)" } ?? "")")
    let after = try #require(second.env.ndarray(of: second.py[global: "p"] ?? .none))
    #expect(after.shape == [3, 3])
    #expect("\(after.storage)" == "\(before.storage)")
    // The predictions differ from the untrained model's uniform 1/3.
    if case .float32(let v) = after.storage { #expect(abs(v[0] - 1.0 / 3) > 0.05) }
  }

  @Test func restoringNamesTheMismatchExactly() throws {
    let folder = temporaryFolder()
    let first = TFProgram(workingDirectory: folder)
    #expect(first.run(trainAndSave) == nil)
    let other = TFProgram(workingDirectory: folder)
    let e = try #require(other.run("""
      import tensorflow as tf
      W = tf.Variable(tf.zeros([3, 4]))
      b = tf.Variable(tf.zeros([3]))
      sess = tf.Session()
      tf.train.Saver().restore(sess, "model.ckpt")
      """))
    #expect(e.type.name == "InvalidArgumentError")
    #expect(e.message.contains("Variable: shape in checkpoint (4, 3) does not match the graph's (3, 4)"))
    #expect(!e.message.contains("Variable_1:"))
    #expect(e.hint?.contains("Variable (4, 3) float32, Variable_1 (3,) float32") == true)
    withExtendedLifetime(first) {}
  }

  @Test func missingAndExtraNames() throws {
    let folder = temporaryFolder()
    let first = TFProgram(workingDirectory: folder)
    #expect(first.run(trainAndSave) == nil)
    let bigger = TFProgram(workingDirectory: folder)
    let e = try #require(bigger.run(smallModel + """
      extra = tf.Variable(tf.zeros([2]))
      sess = tf.Session()
      tf.train.Saver().restore(sess, "model.ckpt")
      """))
    #expect(e.type.name == "NotFoundError")
    #expect(e.message.contains("Key Variable_2 not found in checkpoint"))

    let smaller = TFProgram(workingDirectory: folder)
    #expect(smaller.run(smallModel + """
      sess = tf.Session()
      tf.train.Saver(var_list=[W]).restore(sess, "model.ckpt")
      print(sess.run(W).shape)
      """) == nil)
    #expect(smaller.out == "Note: model.ckpt.safetensors also holds Variable_1, which this Saver does not restore.\n(4, 3)\n")
    withExtendedLifetime(first) {}
  }

  @Test func fileErrorsAreTensorFlowErrors() throws {
    let folder = temporaryFolder()
    let p = TFProgram(workingDirectory: folder)
    var e = try #require(p.run(smallModel + "sess = tf.Session()\nsaver = tf.train.Saver()\nsaver.restore(sess, 'nothing.ckpt')"))
    #expect(e.type.name == "NotFoundError")
    #expect(e.message == "Unsuccessful TensorSliceReader constructor: Failed to find any matching files for nothing.ckpt")

    e = try #require(p.run("saver.save(sess, 'model.ckpt')"))
    #expect(e.type.name == "FailedPreconditionError")
    #expect(e.message == "Attempting to use uninitialized value Variable, Variable_1")

    e = try #require(p.run("sess.run(tf.global_variables_initializer())\nsaver.save(sess, 'no/such/folder/model.ckpt')"))
    #expect(e.type.name == "ValueError")
    #expect(e.message.contains("Parent directory of no/such/folder/model.ckpt doesn't exist"))

    try Data("not a checkpoint".utf8).write(to: URL(fileURLWithPath: folder + "/junk.safetensors"))
    e = try #require(p.run("saver.restore(sess, 'junk.safetensors')"))
    #expect(e.type.name == "DataLossError")
    #expect(e.isInstance(of: TFExceptionTypes.opError))
    #expect(p.run("e = tf.errors.DataLossError") == nil)
  }

  @Test func globalStepAndMaxToKeep() throws {
    let folder = temporaryFolder()
    let p = TFProgram(workingDirectory: folder)
    #expect(p.run(smallModel + """
      sess = tf.Session()
      sess.run(tf.global_variables_initializer())
      saver = tf.train.Saver(max_to_keep=2)
      for step in range(4):
        print(saver.save(sess, 'model.ckpt', global_step=step))
      print(saver.last_checkpoints)
      """) == nil)
    #expect(p.out == "model.ckpt-0\nmodel.ckpt-1\nmodel.ckpt-2\nmodel.ckpt-3\n['model.ckpt-2', 'model.ckpt-3']\n")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["model.ckpt-2.safetensors", "model.ckpt-3.safetensors"])
  }

  @Test func writesAreAtomic() throws {
    let folder = temporaryFolder()
    let p = TFProgram(workingDirectory: folder)
    #expect(p.run(trainAndSave) == nil)
    // A failing save leaves the previous file untouched and no temporary files behind.
    let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/model.ckpt.safetensors"))
    #expect(p.run("saver.save(sess, 'model.ckpt/inner')") != nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/model.ckpt.safetensors")) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["model.ckpt.safetensors"])
  }
}

// MARK: - Helpers

/// A fresh interpreter with the TensorFlow modules, its output captured.
final class TFProgram {
  let py = Interpreter()
  let env: TFEnvironment
  var out = ""

  init(workingDirectory: String? = nil) {
    env = TFEnvironment()
    env.install(into: py)
    env.workingDirectory = workingDirectory
    py.output = { [unowned self] in self.out += $0 }
  }

  /// Runs `code`; returns the exception it raised, if any.
  @discardableResult
  func run(_ code: String) -> PyException? {
    do {
      try py.exec(code, filename: "<test>")
      return nil
    } catch let e as PyException {
      return e
    } catch {
      return PyException(.runtimeError, "Swift error: \(error)")
    }
  }
}

/// A new, empty temporary folder.
func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "ckpt-test-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The first `python3` on PATH that can import NumPy, if any.
func python3() -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
  let candidates = path.split(separator: ":").map { $0 + "/python3" } + ["/usr/bin/python3"]
  return candidates.first { p in
    FileManager.default.isExecutableFile(atPath: p) && (try? runPython(p, "import numpy"))?.0 == 0
  }
}

/// Runs `python -c script arguments...`; returns the exit status and the output (stdout + stderr).
/// Output goes through a file: `Pipe` reads in Foundation trap on EINTR.
func runPython(_ python: String, _ script: String, arguments: [String] = [], in folder: String? = nil) throws -> (Int32, String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: python)
  p.arguments = ["-c", script] + arguments
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
  let data = FileManager.default.contents(atPath: log) ?? Data()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
