import Foundation
import MNISTData

/// `mnist-bench`: measures mnist-shell on the tutorial's workload and prints the table of issue 9.
func runBenchmark(_ o: Options) throws -> BenchReport {
  let started = monotonicSeconds()
  let shell = try o.shellPath()
  let data = try o.dataDirectory()
  let scriptText = try o.script.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? TutorialScript.builtIn
  guard let script = TutorialScript(scriptText) else { throw SpawnError("the tutorial script has no top-level `for` loop") }

  var report = BenchReport(machine: Machine.detect(), quick: o.quick, loadBefore: Machine.currentLoadAverage())
  if report.machine.buildMode == "debug" { note("warning: this is a debug build; use swift build -c release") }

  // A work folder whose MNIST_data/ holds the data files, for the in-process sessions.
  let work = try makeTempDirectory("mnist-bench-work")
  defer { try? FileManager.default.removeItem(atPath: work) }
  try ensureFiles(in: work + "/MNIST_data", options: { var f = FetchOptions(); f.bundledDirectories = [data]; f.mirrors = []; return f }(), log: { _ in })

  if o.wants("kernels") { note("sgemm kernels…") }
  let kernelRuns = o.quick ? 3 : 7
  let kernel = !o.wants("kernels") ? [] : KernelBench.shapes.map { ($0, KernelBench.timePerCall($0, runs: kernelRuns, budget: o.quick ? 0.02 : 0.1)) }

  if o.wants("read") { note("reading MNIST (\(o.readRuns) runs)…") }
  var inproc = InProcessResults()
  if o.wants("read") { try InProcessBench.readMNIST(dataDirectory: data, runs: o.readRuns, into: &inproc) }

  if o.wants("train") { note("1000 training steps through the interpreter (\(o.trainRuns) runs) and the test evaluation (\(o.evalRuns) runs)…") }
  if o.wants("train") {
    try InProcessBench.training(script: script, workDirectory: work, runs: o.trainRuns, evalRuns: o.evalRuns, ops: o.ops, into: &inproc)
  }

  if o.wants("step") { note("steady step (\(o.stepRuns) × \(o.stepLoop) steps) and its breakdown…") }
  if o.wants("step") {
    try InProcessBench.steadyStep(script: script, workDirectory: work, steps: o.stepLoop, runs: o.stepRuns, ops: o.ops, into: &inproc)
  }

  if o.wants("startup") { note("startup to the first prompt (\(o.startupRuns) launches)…") }
  let startup = o.wants("startup") ? try StartupBench.run(shell: shell, runs: o.startupRuns) : (Samples(), Samples())

  if o.wants("dashboard") { note(":train \(o.dashboardSteps) with and without the live dashboard (\(o.dashboardRounds) rounds, interleaved)…") }
  let dashboard = !o.wants("dashboard") ? nil
    : try DashboardBench.run(shell: shell, workDirectory: work, setup: script.setup, steps: o.dashboardSteps, rounds: o.dashboardRounds)

  var numpy: NumpyResults?
  var numpyNote = "NumPy column empty: run without --no-numpy, with python3 and NumPy on PATH."
  if o.numpy && o.wants("process") {
    if let found = NumpyBench.locatePython(), o.numpyScriptPath() != nil {
      numpy = NumpyResults(python: found.path, version: found.numpy)
      numpyNote = "NumPy \(found.numpy) (\(found.path)) ran Benchmarks/numpy_tutorial.py on the same files, \(o.numpyRuns) fresh processes interleaved with mnist-shell's; its phases are timed inside Python, the whole process and RSS from outside."
    } else {
      numpyNote = "NumPy column empty: python3 with NumPy, or Benchmarks/numpy_tutorial.py, was not found."
    }
  }
  if o.wants("process") { note("the tutorial as fresh processes (\(o.processRuns) runs\(numpy != nil ? ", NumPy \(o.numpyRuns) runs" : ""))…") }
  var process = ProcessResults()
  for i in 0..<(o.wants("process") ? max(o.processRuns, numpy == nil ? 0 : o.numpyRuns) : 0) {
    if i < o.processRuns { try ProcessBench.tutorial(shell: shell, script: script.source, dataOverride: o.data, into: &process) }
    if var np = numpy, i < o.numpyRuns, let npScript = o.numpyScriptPath() {
      try NumpyBench.run(script: npScript, dataDirectory: data, into: &np)
      numpy = np
    }
  }

  // The table.
  func np(_ key: String) -> Double? { numpy?.phases[key]?.median }
  var rows: [Row] = []
  var r: Row
  r = Row("tutorial_process", "`mnist-shell tutorial.py`, whole process", .seconds, samples: process.wall)
  r.cpu = process.cpu.median; r.numpyCPU = numpy?.cpu.median
  r.target = 0.35; r.numpy = numpy?.wall.median; r.tensorflowAnchor = "4.33 s"; rows.append(r)
  r = Row("step", "one steady training step via sess.run", .microseconds, samples: inproc.step)
  r.cpu = inproc.stepCPU.median
  r.target = 60e-6; r.numpy = np("step"); r.tensorflowAnchor = "460 µs"; r.runs = "\(o.stepRuns)×\(o.stepLoop)"; rows.append(r)
  r = Row("train1000", "1000 training steps, next_batch included", .milliseconds, samples: inproc.train1000)
  r.cpu = inproc.train1000CPU.median
  r.target = 0.080; r.numpy = np("train1000"); r.tensorflowAnchor = "800 ms"; rows.append(r)
  r = Row("eval", "accuracy on the 10,000 test images", .milliseconds, samples: inproc.eval)
  r.cpu = inproc.evalCPU.median
  r.target = 0.005; r.numpy = np("eval"); r.tensorflowAnchor = "24 ms"; rows.append(r)
  r = Row("read", "reading MNIST (bundled .gz to arrays)", .milliseconds, samples: inproc.read)
  r.cpu = inproc.readCPU.median
  r.target = 0.150; r.numpy = np("read"); r.tensorflowAnchor = "590 ms"; rows.append(r)
  r = Row("peak_rss", "peak RSS of the tutorial process", .mebibytes, samples: process.peakRSS)
  r.target = 250; r.numpy = numpy?.peakRSS.median; r.tensorflowAnchor = "896 MiB"; rows.append(r)
  r = Row("startup", "startup to the first `>>> ` prompt (pty)", .milliseconds, samples: startup.0)
  r.cpu = startup.1.median
  r.target = 0.030; r.tensorflowAnchor = "2.86 s (import)"; rows.append(r)
  if let d = dashboard {
    let rates = "\(Int((d.dashboardRate.median ?? 0).rounded())) vs \(Int((d.plainRate.median ?? 0).rounded())) steps/s"
    r = Row("dashboard", "`:train \(o.dashboardSteps)`: live dashboard's slowdown (\(rates))", .percent, samples: d.slowdown)
    r.cpu = d.cpuSlowdown.median
    r.target = 0.10; rows.append(r)
  }
  var acc = Samples()
  acc.values = process.accuracies.isEmpty ? inproc.accuracies : process.accuracies
  r = Row("accuracy", "test accuracy after 1000 steps", .fraction, samples: acc)
  r.target = 0.91; r.higherIsBetter = true; r.numpy = numpy?.accuracy; r.tensorflowAnchor = "0.913–0.921"; rows.append(r)
  for (shape, t) in kernel {
    r = Row(shape.key, "\(shape.label): \(DisplayUnit.microseconds.format(t.wall))/call", .gflops, value: shape.flops / t.wall / 1e9)
    r.cpu = shape.flops / t.cpu / 1e9; r.samples = [t.wall]; r.runs = "\(kernelRuns)"; rows.append(r)
  }
  if kernel.count >= 2 {
    r = Row("sgemm_step_pair", "the step's two sgemm calls together", .microseconds, value: kernel[0].1.wall + kernel[1].1.wall)
    r.cpu = kernel[0].1.cpu + kernel[1].1.cpu
    r.tensorflowAnchor = "floor 42 µs (OpenBLAS)"; r.runs = "\(kernelRuns)"; rows.append(r)
  }
  report.rows = rows.filter { $0.value != nil }
  report.breakdown = inproc.breakdown
  report.stepOps = inproc.stepOps
  report.evalOps = inproc.evalOps
  report.loopOps = inproc.loopOps
  report.numpyNote = numpyNote

  report.notes.append("MNIST_data/ filled from the bundle in every fresh process run: \(process.filledFromBundle ? "yes" : "NO") (each run starts in an empty temporary folder).")
  report.notes.append("Accuracy of each process run: \(process.accuracies.map { String(format: "%.4f", $0) }.joined(separator: ", ")); in-process runs: \(inproc.accuracies.map { String(format: "%.4f", $0) }.joined(separator: ", ")).")
  if let first = inproc.firstEval {
    report.notes.append("The first accuracy run of a session (builds its plan) took \(DisplayUnit.milliseconds.format(first)); the row above is the steady median.")
  }
  if let d = dashboard {
    func us(_ s: Samples) -> String { DisplayUnit.microseconds.format(s.median) }
    report.notes.append("Dashboard (120×40 pty, TERM=xterm-256color, drained by mnist-bench; one shell, runs interleaved): "
      + "\(Int((d.dashboardRate.median ?? 0).rounded())) steps/s with it, \(Int((d.plainRate.median ?? 0).rounded())) without (`:train N --no-dashboard`); "
      + "CPU per step \(us(d.dashboardCPU)) vs \(us(d.plainCPU)); terminal output \(Int(((d.bytesPerSecond.median ?? 0) / 1024).rounded())) KiB/s; "
      + "slowdown per round: \(d.slowdown.values.map { DisplayUnit.percent.format($0) }.joined(separator: ", ")); the shell's note: \(d.lastNote).")
  }
  report.notes.append("Data: \(data); shell: \(shell).")
  report.loadAfter = Machine.currentLoadAverage()
  report.notes.append("mnist-bench itself took \(String(format: "%.1f", monotonicSeconds() - started)) s.")
  report.extra = [
    "accuracy_process": process.accuracies, "accuracy_in_process": inproc.accuracies,
    "mnist_data_filled_from_bundle": process.filledFromBundle,
    "first_eval_seconds": inproc.firstEval ?? NSNull(),
    "numpy": numpy.map { n -> [String: Any] in
      ["version": n.version, "python": n.python, "wall": n.wall.values, "peak_rss_mib": n.peakRSS.values,
       "phases": n.phases.mapValues(\.values), "accuracy": n.accuracy ?? NSNull()]
    } ?? NSNull(),
  ]
  return report
}

do {
  let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
  let report = try runBenchmark(options)
  print(options.json ? report.json() : textReport(report))
} catch {
  FileHandle.standardError.write(Data("mnist-bench: \(error)\n".utf8))
  exit(1)
}
