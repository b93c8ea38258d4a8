import Foundation
import MNISTData
import PyInterp
import Rendering
import TFGraph
import Tensors

extension LearnerSession {
  var probe: ModelProbe { ModelProbe(tf: tf, interpreter: interpreter) }
  var views: ViewContext { ViewContext(console: console) }

  /// The inline views: :digit, :weights, :plot, :confusion, :step.
  func installViewCommands() {
    commands.add(ShellCommand(
      name: "digit", usage: ":digit [train|validation|test] INDEX",
      summary: "draw one image with its label (and the model's probabilities)",
      details: "The set defaults to test. Once a model is trained, the ten probabilities are shown as bars.",
      argumentWords: ["train", "validation", "test"],
      run: { [unowned self] arguments in
        try showDigit(arguments)
        return .continue
      }))
    commands.add(ShellCommand(
      name: "weights", usage: ":weights [CLASS]",
      summary: "the learned weights as heatmaps: blue is evidence for, red against",
      details: "Reads the session's [784, 10] weight variable, whatever you named it.\nWith CLASS (0-9), that one enlarged with its bias.",
      argumentWords: (0..<10).map(String.init),
      run: { [unowned self] arguments in
        try showWeights(arguments)
        return .continue
      }))
    commands.add(ShellCommand(
      name: "plot", usage: ":plot", summary: "the loss per training step and the validation accuracy",
      details: "Every step run through an optimizer's op is recorded, from :train or your own loop.",
      run: { [unowned self] _ in
        try showPlot()
        return .continue
      }))
    commands.add(ShellCommand(
      name: "confusion", usage: ":confusion [test|validation] [--browse]",
      summary: "the 10×10 confusion matrix, with per-class accuracy",
      details: "With --browse (on a terminal): a full-screen matrix; choose a cell with the arrows\nand Enter, or click it, to see those images.",
      argumentWords: ["test", "validation", "--browse"],
      run: { [unowned self] arguments in
        try runConfusionCommand(arguments)
        return .continue
      }))
  }

  private func needData() throws -> Datasets {
    guard let d = tf.datasets else {
      throw CommandError("no MNIST data is loaded yet. First run:\n  from tensorflow.examples.tutorials.mnist import input_data\n  mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)")
    }
    return d
  }

  func showDigit(_ arguments: [String]) throws {
    _ = try needData()
    var setName = "test"
    var indexText: String?
    for a in arguments {
      if ["train", "validation", "test"].contains(a) { setName = a } else if indexText == nil { indexText = a }
      else { throw CommandError("unexpected '\(a)'") }
    }
    guard let indexText, let index = Int(indexText) else { throw CommandError("which image? give an INDEX, e.g. :digit test 0") }
    guard let set = probe.split(setName) else { throw CommandError("no set '\(setName)'") }
    guard index >= 0, index < set.numExamples, let pixels = set.image(at: index), let label = set.classId(at: index) else {
      throw CommandError("\(setName) has images 0 to \(set.numExamples - 1); \(index) is out of range")
    }
    var probabilities: [Float]?
    var caption = "\(setName)[\(index)]  label \(label)"
    if probe.missingForPrediction == nil, let p = try? probe.predict(NDArray(shape: [1, 784], floats: pixels)) {
      probabilities = p.floats
      let predicted = p.floats.indices.max { p.floats[$0] < p.floats[$1] } ?? 0
      caption += "  predicted \(predicted)" + (predicted == Int(label) ? " ✓" : " ✗")
    }
    let frame = DigitCard.frame(pixels: pixels, caption: caption, probabilities: probabilities, trueLabel: Int(label),
                                maxSize: Size(width: min(views.width, 100), height: 16), style: views.imageStyle)
    views.show(frame)
    if probabilities == nil, let missing = probe.missingForPrediction, tf.graph.operations.contains(where: { $0.type == "VariableV2" }) {
      console.line(console.dim("(no prediction: \(missing))"))
    }
  }

  func showWeights(_ arguments: [String]) throws {
    if let missing = probe.missingForPrediction { throw CommandError(missing) }
    let (images, bias) = try probe.weightImages()
    let scale = HeatmapView.symmetricScale(images)
    if let classText = arguments.first {
      guard let c = Int(classText), (0..<10).contains(c) else { throw CommandError("CLASS is a digit from 0 to 9") }
      var title = "class \(c): evidence for (blue) and against (red)"
      if let bias { title += String(format: "  bias %+.3f", bias[c]) }
      let frame = Frame.vstack([
        HeatmapView.frame(values: images[c], scale: scale, title: title, maxSize: Size(width: min(views.width, 84), height: 29)),
        HeatmapView.legend(scale: scale, width: min(views.width, 84)),
      ])
      views.show(frame)
      return
    }
    let titles = (0..<10).map { c in bias.map { String(format: "%d b%+.2f", c, $0[c]) } ?? "\(c)" }
    views.show(HeatmapView.grid(images: images, titles: titles, scale: scale, maxSize: Size(width: views.width, height: 40)))
  }

  func showPlot() throws {
    guard let run = tf.trainingLog.last, !run.steps.isEmpty else {
      throw CommandError("no training steps recorded yet: run the training loop, or :train")
    }
    var series = [ChartSeries(name: "loss", points: zip(run.steps, run.losses).map { ChartPoint(x: Double($0), y: Double($1)) }, color: .basic(.cyan))]
    let samples = accuracySamples.filter { $0.sessionID == run.sessionID }
    if !samples.isEmpty {
      series.append(ChartSeries(name: "validation accuracy", points: samples.map { ChartPoint(x: Double($0.step), y: $0.accuracy) },
                                color: .basic(.green), axis: .right))
    }
    let width = min(views.width, 120)
    views.show(LineChartView.frame(series: series, title: "training (\(run.steps.count) steps)", xLabel: "step",
                                   rightRange: samples.isEmpty ? nil : 0...1, maxSize: Size(width: width, height: 20)))
  }

  func showConfusion(_ setName: String) throws {
    _ = try needData()
    guard setName == "test" || setName == "validation", let set = probe.split(setName) else {
      throw CommandError("the confusion matrix is for the test or validation set")
    }
    if let missing = probe.missingForPrediction { throw CommandError(missing) }
    let probabilities = try probe.predict(NDArray(shape: [set.numExamples, 784], floats: set.images))
    let predicted = try argmax(probabilities, axis: 1)
    guard case .int64(let p) = predicted.storage else { return }
    var matrix = Array(repeating: Array(repeating: 0, count: 10), count: 10)
    for (i, truth) in set.classIds.enumerated() { matrix[Int(truth)][Int(p[i])] += 1 }
    views.show(ConfusionMatrixView.frame(matrix: matrix, maxSize: Size(width: views.width, height: 30)))
  }
}
