import Foundation
import MNISTData

/// Command-line options of `mnist-bench`.
struct Options {
  var quick = false
  var json = false
  var shell: String?
  var data: String?
  var script: String?
  var numpyScript: String?
  var numpy = true
  /// The phases to run (nil: all): kernels, read, train, step, startup, dashboard, process.
  var only: Set<String>?
  /// Steps of each `:train` run in the dashboard phase.
  var dashboardSteps = 3000
  /// Print the time of every scheduled kernel of a training step and of the evaluation.
  var ops = false

  static let phases: Set<String> = ["kernels", "read", "train", "step", "startup", "dashboard", "process"]

  /// Whether `phase` is to be measured.
  func wants(_ phase: String) -> Bool { only?.contains(phase) ?? true }

  static let usage = """
    usage: mnist-bench [--quick] [--json] [--shell PATH] [--data DIR] [--script FILE]
                       [--numpy-script FILE] [--no-numpy] [--only PHASES] [--ops]

    Measures mnist-shell on the "MNIST for ML Beginners" workload (medians of several runs) and
    prints a table with the targets of issue 9, NumPy measured side by side when python3 has it,
    and TensorFlow's anchor figures from the notes. Progress goes to standard error.

      --quick          few runs (a smoke test; figures are indicative only)
      --json           print the results as JSON instead of the table
      --shell PATH     the mnist-shell binary (default: beside mnist-bench)
      --data DIR       the folder with the four MNIST .gz files (default: the bundled copy)
      --script FILE    the tutorial script (default: the built-in copy of its statements)
      --numpy-script FILE   Benchmarks/numpy_tutorial.py (default: found in the source tree)
      --no-numpy       skip the NumPy column
      --only PHASES    measure only these (comma-separated): kernels, read, train, step,
                       startup, dashboard, process (e.g. `--only step` for a profiler run)
      --dashboard-steps N   steps of each `:train` run in the dashboard phase (default 3000)
      --ops            also print the time of each kernel of a training step (step phase), of
                       the test evaluation and of the 1000-step loop (train phase), from the
                       session's kernel profile
    """

  /// Parses `arguments` (without argv[0]); throws a message for unknown or incomplete options.
  static func parse(_ arguments: [String]) throws -> Options {
    var o = Options()
    var i = 0
    func value(_ name: String) throws -> String {
      i += 1
      guard i < arguments.count else { throw SpawnError("\(name) needs a value\n\n\(usage)") }
      return arguments[i]
    }
    while i < arguments.count {
      let a = arguments[i]
      switch a {
      case "--quick": o.quick = true
      case "--json": o.json = true
      case "--shell": o.shell = try value(a)
      case "--data": o.data = try value(a)
      case "--script": o.script = try value(a)
      case "--numpy-script": o.numpyScript = try value(a)
      case "--no-numpy": o.numpy = false
      case "--ops": o.ops = true
      case "--dashboard-steps":
        guard let n = Int(try value(a)), n >= 100 else { throw SpawnError("--dashboard-steps needs a number of at least 100\n\n\(usage)") }
        o.dashboardSteps = n
      case "--only":
        let list = Set(try value(a).split(separator: ",").map { String($0) })
        if let bad = list.subtracting(phases).first { throw SpawnError("unknown phase \(bad) for --only\n\n\(usage)") }
        o.only = list
      case "-h", "--help":
        print(usage)
        exit(0)
      default: throw SpawnError("unknown option \(a)\n\n\(usage)")
      }
      i += 1
    }
    return o
  }

  /// The mnist-shell binary: `--shell`, else the one in mnist-bench's own build folder.
  func shellPath() throws -> String {
    if let shell { return shell }
    guard let dir = BundledMNIST.executableDirectory() else { throw SpawnError("cannot find mnist-bench's own folder; pass --shell") }
    let path = dir + "/mnist-shell"
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw SpawnError("no mnist-shell beside mnist-bench (\(path)); build it (swift build -c release) or pass --shell")
    }
    return path
  }

  /// The folder with the four .gz files: `--data`, else the bundled copy mnist-shell would use.
  func dataDirectory() throws -> String {
    if let data {
      guard BundledMNIST.holdsFiles(data) else { throw SpawnError("\(data) does not hold the four MNIST .gz files") }
      return data
    }
    guard let dir = BundledMNIST.locate().directory else { throw SpawnError("no bundled MNIST files found; pass --data") }
    return dir
  }

  /// `Benchmarks/numpy_tutorial.py`: `--numpy-script`, else beside the source tree or the current folder.
  func numpyScriptPath() -> String? {
    if let numpyScript { return numpyScript }
    let source = ((("\(#filePath)" as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent as NSString)
      .deletingLastPathComponent
    let candidates = [source + "/Benchmarks/numpy_tutorial.py", FileManager.default.currentDirectoryPath + "/Benchmarks/numpy_tutorial.py"]
    return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
  }

  /// Repetitions per measurement.
  var startupRuns: Int { quick ? 5 : 20 }
  var readRuns: Int { quick ? 2 : 5 }
  var trainRuns: Int { quick ? 1 : 5 }
  var stepLoop: Int { quick ? 300 : 2000 }
  var stepRuns: Int { quick ? 3 : 5 }
  var evalRuns: Int { quick ? 5 : 20 }
  var processRuns: Int { quick ? 2 : 5 }
  var numpyRuns: Int { quick ? 1 : 3 }
  var dashboardRounds: Int { quick ? 2 : 5 }
}
