import Foundation

/// How a row's value is shown. Times are stored in seconds, sizes in MiB.
enum DisplayUnit: String {
  case seconds = "s", milliseconds = "ms", microseconds = "µs", mebibytes = "MiB", gflops = "GFLOP/s", fraction = ""
  /// A ratio shown as a percentage (0.034 is "3.4 %").
  case percent = "%"

  var scale: Double {
    switch self {
    case .milliseconds: return 1e3
    case .microseconds: return 1e6
    default: return 1
    }
  }

  /// `value` (in base units) with three significant digits and the unit.
  func format(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    if self == .fraction { return String(format: "%.4f", value) }
    if self == .percent { return String(format: "%.1f %%", value * 100) }
    let v = value * scale
    let digits = v >= 100 ? 0 : v >= 10 ? 1 : 2
    return String(format: "%.\(digits)f", v) + (rawValue.isEmpty ? "" : " " + rawValue)
  }
}

/// One line of the results table.
struct Row {
  var key: String
  var label: String
  var unit: DisplayUnit
  var samples: [Double] = []
  var value: Double?
  var target: Double?
  var higherIsBetter = false
  var numpy: Double?
  /// The same figure in CPU seconds (thread CPU in-process, user+sys of a child process);
  /// for GFLOP/s rows, the rate per CPU second. Less disturbed by a busy machine than wall time.
  var cpu: Double?
  /// NumPy's whole-process CPU seconds (for the process row only).
  var numpyCPU: Double?
  /// TensorFlow's figure from the notes (not measured now), already formatted.
  var tensorflowAnchor: String?
  var runs: String = ""

  init(_ key: String, _ label: String, _ unit: DisplayUnit, samples: Samples? = nil, value: Double? = nil) {
    self.key = key
    self.label = label
    self.unit = unit
    self.samples = samples?.values ?? []
    self.value = value ?? samples?.median
    if let samples, !samples.values.isEmpty { runs = "\(samples.values.count)" }
  }

  /// Whether the target is met (nil when there is no target or no value).
  var met: Bool? {
    guard let value, let target, value.isFinite else { return nil }
    return higherIsBetter ? value >= target : value <= target
  }

  var targetText: String {
    guard let target else { return "" }
    return (higherIsBetter ? "≥ " : "≤ ") + unit.format(target)
  }
}

/// Renders rows as an aligned Markdown table.
func markdownTable(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
  var widths = header.map(\.count)
  for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
  func pad(_ s: String, _ i: Int) -> String {
    let fill = String(repeating: " ", count: widths[i] - s.count)
    return rightAligned.contains(i) ? fill + s : s + fill
  }
  var out = "| " + header.enumerated().map { pad($1, $0) }.joined(separator: " | ") + " |\n"
  out += "|" + widths.enumerated().map { i, w in
    rightAligned.contains(i) ? String(repeating: "-", count: w + 1) + ":" : String(repeating: "-", count: w + 2)
  }.joined(separator: "|") + "|\n"
  for r in rows { out += "| " + r.enumerated().map { pad($1, $0) }.joined(separator: " | ") + " |\n" }
  return out
}

/// The text report: machine, the results table, the breakdown, notes, then one summary line.
func textReport(_ report: BenchReport) -> String {
  let m = report.machine
  var out = "mnist-bench — \(m.cpuModel), \(m.logicalCores) cores, \(m.os); \(m.buildMode) build; kernels: \(m.kernelISA)\n"
  out += "load average before: \(report.loadBefore), after: \(report.loadAfter)\(report.quick ? "; --quick (few runs, indicative only)" : "")\n\n"
  let header = ["what (median)", "mnist-shell", "target", "", "CPU time", "NumPy (now)", "TensorFlow (anchor)", "runs"]
  let rows = report.rows.map { r in
    [r.label, r.unit.format(r.value), r.targetText, r.met.map { $0 ? "✓" : "✗" } ?? "",
     r.cpu == nil ? "" : r.unit.format(r.cpu) + (r.numpyCPU.map { " (NumPy \(r.unit.format($0)))" } ?? ""),
     r.numpy == nil ? "" : r.unit.format(r.numpy),
     r.tensorflowAnchor ?? "", r.runs]
  }
  out += markdownTable(header, rows, rightAligned: [1, 4, 5, 6])
  out += "\nWall-clock medians; ✓/✗ compare them with issue 9's targets. CPU time is what mnist-shell itself used\n"
  out += "(thread CPU in-process, user+sys of the child process), a steadier figure on a busy machine.\n"
  out += "TensorFlow figures are anchors from shared/notes/performance.md (not measured now);\n"
  out += report.numpyNote + "\n"
  if !report.breakdown.isEmpty {
    out += "\nWhere a training step's time goes (per call, median):\n\n"
    out += markdownTable(
      ["layer", "wall", "CPU"],
      report.breakdown.map { [$0.name, DisplayUnit.microseconds.format($0.wall), DisplayUnit.microseconds.format($0.cpu)] },
      rightAligned: [1, 2])
  }
  for (title, ops) in [("a training step (Session.run of train_step)", report.stepOps),
                       ("the test evaluation (sess.run(accuracy, ...))", report.evalOps),
                       ("the tutorial's 1000-step loop (last run; per step)", report.loopOps)] where !ops.isEmpty {
    out += "\nKernels of \(title), mean per run (--ops; the profile's own clock reads add ~0.1 µs each):\n\n"
    out += markdownTable(["kernel", "wall"], ops.map { [$0.name, DisplayUnit.microseconds.format($0.seconds)] }, rightAligned: [1])
  }
  for n in report.notes { out += "\n" + n }
  out += "\n\n" + report.summaryLine + "\n"
  return out
}

/// Everything one benchmark run produced.
struct BenchReport {
  var machine: Machine
  var quick: Bool
  var loadBefore: String
  var loadAfter = ""
  var rows: [Row] = []
  var breakdown: [BreakdownItem] = []
  var stepOps: [(name: String, seconds: Double)] = []
  var evalOps: [(name: String, seconds: Double)] = []
  var loopOps: [(name: String, seconds: Double)] = []
  var numpyNote = ""
  var notes: [String] = []
  var extra: [String: Any] = [:]

  var summaryLine: String {
    let judged = rows.filter { $0.met != nil }
    let met = judged.filter { $0.met == true }
    func value(_ key: String) -> String {
      guard let r = rows.first(where: { $0.key == key }) else { return "—" }
      return r.unit.format(r.value)
    }
    func numpy(_ key: String) -> String {
      guard let r = rows.first(where: { $0.key == key }), r.numpy != nil else { return "" }
      return " (NumPy \(r.unit.format(r.numpy)))"
    }
    let missed = judged.filter { $0.met == false }.map(\.key)
    return "mnist-bench: \(met.count)/\(judged.count) targets met"
      + (missed.isEmpty ? "" : " (missed: \(missed.joined(separator: ", ")))")
      + "; tutorial process \(value("tutorial_process"))\(numpy("tutorial_process")), step \(value("step"))\(numpy("step")),"
      + " 1000 steps \(value("train1000")), accuracy \(value("accuracy")); \(machine.buildMode), \(machine.kernelISA), \(machine.logicalCores) cores"
  }

  /// The machine-readable form (`--json`).
  func json() -> String {
    var rowsJSON: [[String: Any]] = []
    for r in rows {
      var o: [String: Any] = ["key": r.key, "label": r.label, "unit": r.unit == .fraction ? "fraction" : baseUnit(r.unit), "samples": r.samples]
      if let v = r.value, v.isFinite { o["median"] = v }
      if let t = r.target { o["target"] = t; o["target_is_minimum"] = r.higherIsBetter }
      if let met = r.met { o["met"] = met }
      if let n = r.numpy { o["numpy"] = n }
      if let c = r.cpu, c.isFinite { o["cpu"] = c }
      if let c = r.numpyCPU { o["numpy_cpu"] = c }
      if let a = r.tensorflowAnchor { o["tensorflow_anchor"] = a }
      rowsJSON.append(o)
    }
    var root: [String: Any] = [
      "machine": [
        "cpu": machine.cpuModel, "cores": machine.logicalCores, "os": machine.os, "build": machine.buildMode,
        "kernel_isa": machine.kernelISA, "load_before": loadBefore, "load_after": loadAfter,
      ],
      "quick": quick, "rows": rowsJSON,
      "breakdown_seconds": breakdown.map { ["layer": $0.name, "wall": $0.wall, "cpu": $0.cpu] },
      "summary": summaryLine,
    ]
    for (k, v) in extra { root[k] = v }
    let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  private func baseUnit(_ u: DisplayUnit) -> String {
    switch u {
    case .seconds, .milliseconds, .microseconds: return "seconds"
    case .mebibytes: return "MiB"
    case .gflops: return "GFLOP/s"
    case .fraction, .percent: return "fraction"
    }
  }
}
