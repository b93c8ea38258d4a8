import Foundation
import PyInterp
import TFBindings
import Testing

/// A fresh interpreter with the TensorFlow modules, capturing everything printed.
final class Harness {
  let py = Interpreter()
  let env = TFEnvironment()
  var printed = ""

  /// A folder shared by the tests for `MNIST_data/` (the bundled files are copied there once).
  static let workDir: String = {
    let dir = NSTemporaryDirectory() + "tfbindings-tests-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }()

  /// `seeded`: `read_data_sets` shuffles with a fixed seed when the program passes none, so
  /// accuracy checks give the same figure on every run (unseeded runs spread by about ±0.005).
  init(seeded: Bool = true) {
    env.workingDirectory = Harness.workDir
    if seeded { env.defaultDataSeed = 1 }
    env.install(into: py)
    py.output = { [unowned self] in self.printed += $0 }
  }

  /// Runs a program as a file (`__name__ == '__main__'`); returns what it printed.
  @discardableResult
  func run(_ source: String, filename: String = "test.py") throws -> String {
    let before = printed.count
    try py.exec(source, filename: filename)
    return String(printed.dropFirst(before))
  }

  /// Evaluates an expression and returns its repr.
  func repr(_ expr: String) throws -> String { PyRepr.repr(try py.eval(expr)) }

  /// Evaluates an expression and returns its str.
  func str(_ expr: String) throws -> String { PyRepr.str(try py.eval(expr)) }

  /// The exception a statement raises, if any.
  func error(_ source: String) -> PyException? {
    do {
      try py.exec(source)
      return nil
    } catch let e as PyException {
      return e
    } catch {
      return PyException(.runtimeError, "\(error)")
    }
  }
}

/// The last line of `output` parsed as a number (the printed accuracy).
func lastNumber(_ output: String) -> Double? {
  output.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
}

/// The acceptance script, found from this file's location.
let tutorialPath: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  // The repository keeps a copy of the acceptance script for its end-to-end tests.
  return url.appendingPathComponent("Tests/EndToEnd/tutorial.py").path
}()
