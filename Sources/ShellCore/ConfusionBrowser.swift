import MNISTData
import Rendering
import TermUI

/// The full-screen confusion matrix: choose a cell (arrows and Enter, or a click) to see which
/// images the model put there, and browse them.
package final class ConfusionBrowser: ScreenView {
  let set: DataSet
  let setName: String
  let predictions: SetPredictions
  /// matrix[true][predicted] = count.
  let matrix: [[Int]]
  let labels: [Int]
  /// The chosen cell.
  package private(set) var selected: (trueLabel: Int, predicted: Int)
  /// Where the matrix is drawn on screen (for mouse hits).
  let matrixTop = 1

  init(set: DataSet, setName: String, predictions: SetPredictions) {
    self.set = set
    self.setName = setName
    self.predictions = predictions
    labels = set.classIds.map(Int.init)
    var m = Array(repeating: Array(repeating: 0, count: 10), count: 10)
    for (i, t) in labels.enumerated() { m[t][predictions.predicted[i]] += 1 }
    matrix = m
    // Start on the most common mistake.
    var best = (0, 0), most = -1
    for r in 0..<10 { for c in 0..<10 where r != c && m[r][c] > most { most = m[r][c]; best = (r, c) } }
    selected = (best.0, best.1)
  }

  /// The images in the chosen cell (indices into the set).
  package func images(trueLabel: Int, predicted: Int) -> [Int] {
    labels.indices.filter { labels[$0] == trueLabel && predictions.predicted[$0] == predicted }
  }

  func select(_ r: Int, _ c: Int) { selected = (min(9, max(0, r)), min(9, max(0, c))) }

  /// The browser for the chosen cell, or nil when it is empty.
  func openSelected() -> ViewStep {
    let found = images(trueLabel: selected.trueLabel, predicted: selected.predicted)
    guard !found.isEmpty else { return .redraw }
    let title = "\(setName): label \(selected.trueLabel), predicted \(selected.predicted): \(found.count) images (q back to the matrix)"
    return .push(BrowseView(set: set, setName: setName, indices: found, predictions: predictions, title: title))
  }

  package func handle(_ event: Event, size: Size) -> ViewStep {
    switch event {
    case .key(.up), .key(.character("k")): select(selected.trueLabel - 1, selected.predicted)
    case .key(.down), .key(.character("j")): select(selected.trueLabel + 1, selected.predicted)
    case .key(.left), .key(.character("h")): select(selected.trueLabel, selected.predicted - 1)
    case .key(.right), .key(.character("l")): select(selected.trueLabel, selected.predicted + 1)
    case .key(.enter), .key(.character(" ")): return openSelected()
    case .key(.character("q")), .key(.escape): return .close
    case .mouse(let m) where m.kind == .press:
      guard let hit = ConfusionMatrixView.Layout(matrix: matrix).cell(atX: m.x, y: m.y - matrixTop) else { return .keep }
      select(hit.trueLabel, hit.predicted)
      return openSelected()
    default: return .keep
    }
    return .redraw
  }

  package func frame(size: Size) -> Frame {
    let layout = ConfusionMatrixView.Layout(matrix: matrix)
    let need = Size(width: max(layout.size.width, 40), height: layout.size.height + 4)
    guard size.contains(need) else { return .tooSmall("The confusion matrix", needs: need, available: size) }
    var body = Frame(width: size.width, height: size.height - 1)
    body.put("confusion matrix on the \(setName) set (rows: true label, columns: predicted)", x: 0, y: 0, style: .bold)
    body.draw(ConfusionMatrixView.frame(matrix: matrix, selected: selected, maxSize: layout.size), x: 0, y: matrixTop)
    let found = images(trueLabel: selected.trueLabel, predicted: selected.predicted)
    var y = matrixTop + layout.size.height + 1
    let what = selected.trueLabel == selected.predicted ? "right" : "wrong"
    body.put("label \(selected.trueLabel), predicted \(selected.predicted) (\(what)): \(found.count) image\(found.count == 1 ? "" : "s")",
             x: 0, y: y, style: .bold)
    y += 1
    let list = found.prefix(400).map { "\(setName)[\($0)]" }.joined(separator: " ") + (found.count > 400 ? " …" : "")
    for line in TextLayout.wrap(list, width: size.width) where y < size.height - 1 {
      body.put(line, x: 0, y: y)
      y += 1
    }
    let status = ScreenParts.statusBar("arrows choose  Enter or click: browse these images  q quit", "", width: size.width)
    return ScreenParts.screen(body, status: status, size: size)
  }
}

extension LearnerSession {
  /// `:confusion --browse` (and `:browse --confusion`): the full-screen confusion matrix.
  /// Without a terminal, the inline matrix is printed instead.
  func showConfusionBrowser(_ setName: String) throws {
    let view = try makeConfusionBrowser(setName)
    if !(try openFullScreen(view)) { try showConfusion(setName) }
  }

  /// The full-screen confusion matrix for the test or validation set.
  package func makeConfusionBrowser(_ setName: String) throws -> ConfusionBrowser {
    guard tf.datasets != nil else {
      throw CommandError("no MNIST data is loaded yet. First run:\n  from tensorflow.examples.tutorials.mnist import input_data\n  mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)")
    }
    guard setName == "test" || setName == "validation", let set = probe.split(setName) else {
      throw CommandError("the confusion matrix is for the test or validation set")
    }
    if let missing = probe.missingForPrediction { throw CommandError(missing) }
    guard let predictions = probe.predictAll(set) else { throw CommandError("the model could not make predictions") }
    return ConfusionBrowser(set: set, setName: setName, predictions: predictions)
  }

  /// What `:confusion` should run: `--browse` opens the full-screen matrix, otherwise the inline one.
  /// (The `:confusion` command in ViewCommands.swift can call this.)
  func runConfusionCommand(_ arguments: [String]) throws {
    let browse = arguments.contains("--browse")
    let rest = arguments.filter { $0 != "--browse" }
    if browse { try showConfusionBrowser(rest.first ?? "test") } else { try showConfusion(rest.first ?? "test") }
  }
}
