import Foundation
import MNISTData

/// The whole tutorial as a fresh `mnist-shell tutorial.py` process, each in a new folder.
struct ProcessResults {
  var wall = Samples()
  var cpu = Samples()
  var peakRSS = Samples()
  var accuracies: [Double] = []
  /// Whether every run found MNIST_data/ filled (copied from the bundle: no download line).
  var filledFromBundle = true
  /// The lines of the last run's output (for the report when something fails).
  var lastOutput = ""
}

enum ProcessBench {
  /// Runs `shell tutorial.py` once in a fresh temp folder with no MNIST_data/, adding to `r`.
  static func tutorial(shell: String, script: String, dataOverride: String?, into r: inout ProcessResults) throws {
    do {
      let dir = try makeTempDirectory("mnist-bench-run")
      defer { try? FileManager.default.removeItem(atPath: dir) }
      try script.write(toFile: dir + "/tutorial.py", atomically: false, encoding: .utf8)
      var overrides: [String: String?] = ["MNIST_SHELL_HOME": dir + "/home", "TERM": "dumb"]
      if let dataOverride { overrides[BundledMNIST.environmentVariable] = dataOverride }
      let env = childEnvironment(overrides)
      let out = dir + "/out.txt"
      let (seconds, result) = try runChild(shell, ["tutorial.py"], environment: env, outputPath: out, directory: dir)
      let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      r.lastOutput = text
      guard result.exitedNormally, result.exitCode == 0 else {
        throw SpawnError("mnist-shell tutorial.py failed (status \(result.status)):\n\(text.suffix(1500))")
      }
      r.wall.add(seconds)
      r.cpu.add(result.cpuSeconds)
      r.peakRSS.add(result.peakRSSMiB)
      if let last = text.split(separator: "\n").last, let acc = Double(last.trimmingCharacters(in: .whitespaces)) {
        r.accuracies.append(acc)
      }
      let filled = BundledMNIST.holdsFiles(dir + "/MNIST_data")
      if !filled || text.contains("Successfully downloaded") { r.filledFromBundle = false }
    }
  }
}

/// The NumPy version of the tutorial (Benchmarks/numpy_tutorial.py), when python3 has NumPy.
struct NumpyResults {
  var python: String
  var version: String
  var wall = Samples()
  var cpu = Samples()
  var peakRSS = Samples()
  var phases: [String: Samples] = [:]
  var accuracy: Double?
}

enum NumpyBench {
  /// The real python3 executable (pyenv shims resolved) and NumPy's version, or nil.
  static func locatePython() -> (path: String, numpy: String)? {
    guard let py = findOnPath("python3") else { return nil }
    let dir = (try? makeTempDirectory("mnist-bench-py")) ?? NSTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/probe.txt"
    let code = "import sys, numpy; print(sys.executable); print(numpy.__version__)"
    guard let (_, result) = try? runChild(py, ["-c", code], environment: childEnvironment([:]), outputPath: out),
      result.exitedNormally, result.exitCode == 0,
      let text = try? String(contentsOfFile: out, encoding: .utf8)
    else { return nil }
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.count >= 2 else { return nil }
    return (FileManager.default.isExecutableFile(atPath: lines[0]) ? lines[0] : py, lines[1])
  }

  /// Runs `numpy_tutorial.py DATA` once, adding its wall time, peak RSS and phase timings to `r`.
  static func run(script: String, dataDirectory: String, into r: inout NumpyResults) throws {
    let dir = try makeTempDirectory("mnist-bench-numpy")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let env = childEnvironment([:])
    let python = r.python
    do {
      let out = dir + "/out.json"
      let (seconds, result) = try runChild(python, [script, dataDirectory], environment: env, outputPath: out)
      let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      guard result.exitedNormally, result.exitCode == 0,
        let line = text.split(separator: "\n").last,
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      else {
        throw SpawnError("numpy_tutorial.py failed (status \(result.status)):\n\(text.suffix(1500))")
      }
      r.wall.add(seconds)
      r.cpu.add(result.cpuSeconds)
      r.peakRSS.add(result.peakRSSMiB)
      for (key, value) in object {
        guard let v = (value as? NSNumber)?.doubleValue else { continue }
        if key == "accuracy" { r.accuracy = v } else { r.phases[key, default: Samples()].add(v) }
      }
    }
  }
}
