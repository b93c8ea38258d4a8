import Foundation
import MNISTData
import PyInterp
import TFBindings
import TFGraph
import Tensors

/// A fresh interpreter with the TensorFlow modules installed, as a learner's session starts.
final class TutorialSession {
  let py = Interpreter()
  let env = TFEnvironment(output: { _ in })
  private let printed = TextBox()

  /// A session whose relative paths (`MNIST_data/`) resolve inside `workDirectory`.
  init(workDirectory: String) {
    let box = printed
    py.output = { box.text += $0 }
    env.install(into: py)
    env.workingDirectory = workDirectory
  }

  /// Everything Python code printed so far.
  var output: String { printed.text }

  /// Runs statements (mode "exec"); a Python error becomes a Swift error with its traceback.
  func exec(_ source: String) throws {
    do {
      try py.exec(source, filename: "<bench>")
    } catch let e as PyException {
      throw SpawnError("Python error in benchmark code:\n\(Interpreter.formatTraceback(e))")
    }
  }

  /// Evaluates an expression.
  func eval(_ source: String) throws -> PyValue {
    do {
      return try py.eval(source, filename: "<bench>")
    } catch let e as PyException {
      throw SpawnError("Python error in benchmark code:\n\(Interpreter.formatTraceback(e))")
    }
  }

  /// Evaluates `float(expression)`.
  func number(_ expression: String) throws -> Double {
    try eval("float(\(expression))").asDouble()
  }

  /// Runs `statement` in a `for _ in range(n):` loop and returns the wall and CPU seconds per iteration.
  func perIteration(_ statement: String, _ n: Int) throws -> (wall: Double, cpu: Double) {
    let loop = "for _ in range(\(n)):\n  \(statement)\n"
    let t = try timedBoth { try exec(loop) }
    return (t.wall / Double(n), t.cpu / Double(n))
  }

  /// The graph tensor a Python name refers to (via its `.name`).
  func tensor(_ pythonName: String) throws -> Tensor {
    let name = try eval("\(pythonName).name").asString()
    guard let t = env.graph.tensor(named: name) else { throw SpawnError("no tensor named \(name)") }
    return t
  }

  /// The graph operation a Python name refers to (via its `.name`).
  func operation(_ pythonName: String) throws -> TFGraph.Operation {
    let name = try eval("\(pythonName).name").asString()
    guard let op = env.graph.operation(named: name) else { throw SpawnError("no operation named \(name)") }
    return op
  }
}

/// Mutable text shared with an escaping closure.
final class TextBox {
  var text = ""
}
