import MNISTData
import Rendering
import TermUI
import Tensors

/// The model's answers for a whole data set: ten probabilities per image and the predicted class.
struct SetPredictions {
  package var probabilities: [Float]
  var predicted: [Int]

  func probabilities(at i: Int) -> [Float] { Array(probabilities[(i * 10)..<(i * 10 + 10)]) }
}

extension ModelProbe {
  /// Predictions for every image of `set` (in chunks, to keep memory small); nil without a model.
  func predictAll(_ set: DataSet) -> SetPredictions? {
    guard missingForPrediction == nil else { return nil }
    let images = set.images
    var probabilities: [Float] = []
    probabilities.reserveCapacity(set.numExamples * 10)
    var start = 0
    while start < set.numExamples {
      let end = min(set.numExamples, start + 10_000)
      let chunk = NDArray(shape: [end - start, 784], floats: Array(images[(start * 784)..<(end * 784)]))
      guard let p = try? predict(chunk), p.floats.count == (end - start) * 10 else { return nil }
      probabilities += p.floats
      start = end
    }
    let predicted = (0..<set.numExamples).map { i in ScreenParts.argmax(Array(probabilities[(i * 10)..<(i * 10 + 10)])) }
    return SetPredictions(probabilities: probabilities, predicted: predicted)
  }
}

/// `:browse`: one image at a time, with its label, the model's prediction and probabilities.
package final class BrowseView: ScreenView {
  let set: DataSet
  let setName: String
  /// The images to step through (indices into the set).
  let indices: [Int]
  let predictions: SetPredictions?
  let title: String
  /// Position in `indices`.
  package private(set) var position = 0
  /// A short message for the status bar (cleared by the next key).
  private(set) var note = ""

  init(set: DataSet, setName: String, indices: [Int], predictions: SetPredictions?, title: String) {
    self.set = set
    self.setName = setName
    self.indices = indices
    self.predictions = predictions
    self.title = title
  }

  /// The image shown now (an index into the set).
  package var currentIndex: Int { indices[position] }

  func isMistake(_ index: Int) -> Bool {
    guard let predictions, let label = set.classId(at: index) else { return false }
    return predictions.predicted[index] != Int(label)
  }

  func move(by delta: Int) {
    position = min(indices.count - 1, max(0, position + delta))
  }

  /// Moves to the next image the model gets wrong (wrapping around); false when there is none.
  func nextMistake() -> Bool {
    guard predictions != nil else { return false }
    for k in 1...indices.count {
      let p = (position + k) % indices.count
      if isMistake(indices[p]) {
        position = p
        return true
      }
    }
    return false
  }

  package func handle(_ event: Event, size: Size) -> ViewStep {
    note = ""
    switch event {
    case .key(.right), .key(.down), .key(.character("j")), .key(.character("l")), .key(.character("n")):
      move(by: 1)
    case .key(.left), .key(.up), .key(.character("k")), .key(.character("h")), .key(.character("p")):
      move(by: -1)
    case .mouse(let m) where m.kind == .scrollDown: move(by: 1)
    case .mouse(let m) where m.kind == .scrollUp: move(by: -1)
    case .key(.pageDown): move(by: 100)
    case .key(.pageUp): move(by: -100)
    case .key(.home), .key(.character("g")): position = 0
    case .key(.end), .key(.character("G")): position = indices.count - 1
    case .key(.character("m")):
      if predictions == nil {
        note = "no model yet: :train first"
      } else if !nextMistake() {
        note = "no mistakes here"
      }
    case .key(.character("q")), .key(.escape): return .close
    default: return .keep
    }
    return .redraw
  }

  package func frame(size: Size) -> Frame {
    let need = Size(width: 40, height: 18)
    guard size.contains(need) else { return .tooSmall("The browser", needs: need, available: size) }
    let index = currentIndex
    let pixels = set.image(at: index) ?? []
    let label = set.classId(at: index).map(Int.init)
    var caption = "\(setName)[\(index)]  label \(label.map(String.init) ?? "?")"
    var probabilities: [Float]?
    if let predictions {
      let p = predictions.probabilities(at: index)
      probabilities = p
      let predicted = predictions.predicted[index]
      caption += "  predicted \(predicted)" + (predicted == label ? " ✓" : " ✗ mistake")
    }
    var body = Frame(width: size.width, height: size.height - 1)
    body.put(TextLayout.truncate(title, width: size.width), x: 0, y: 0, style: .dim)
    body.draw(ScreenParts.digit(pixels: pixels, caption: caption, probabilities: probabilities, trueLabel: label,
                                maxSize: Size(width: size.width, height: size.height - 3)), x: 0, y: 1)
    if predictions == nil {
      body.put("(no predictions: train a model with :train, or :lesson 10)", x: 0, y: size.height - 2, style: .dim)
    }
    var keys = "←/→ j/k move  PgUp/PgDn ±100"
    if predictions != nil { keys += "  m next mistake" }
    keys += "  q back"
    let right = (note.isEmpty ? "" : note + "  ") + "\(position + 1) of \(indices.count)"
    return ScreenParts.screen(body, status: ScreenParts.statusBar(keys, right, width: size.width), size: size)
  }
}

extension LearnerSession {
  func installBrowseCommand() {
    commands.add(ShellCommand(
      name: "browse", usage: ":browse [train|validation|test] [--mistakes] [--label D] [--confusion]",
      summary: "full screen: step through the images with the model's predictions",
      details: """
        Arrows or j/k move, PgUp/PgDn jump 100, m jumps to the next mistake, q or Esc leaves.
        --mistakes shows only the images the model gets wrong, --label D only those labelled D.
        --confusion opens the confusion matrix instead (also :confusion --browse): choose a cell
        with the arrows and Enter, or click it, to browse those images.
        """,
      argumentWords: ["train", "validation", "test", "--mistakes", "--label", "--confusion"],
      run: { [unowned self] arguments in
        try browse(arguments)
        return .continue
      }))
  }

  /// `:browse` with its arguments.
  func browse(_ arguments: [String]) throws {
    var setName = "test", mistakes = false, label: Int?, confusion = false
    var rest = arguments[...]
    while let a = rest.popFirst() {
      switch a {
      case "train", "validation", "test": setName = a
      case "--mistakes": mistakes = true
      case "--confusion": confusion = true
      case "--label":
        guard let d = rest.popFirst().flatMap({ Int($0) }), (0..<10).contains(d) else {
          throw CommandError("--label needs a digit from 0 to 9")
        }
        label = d
      default: throw CommandError("unexpected '\(a)'")
      }
    }
    if confusion { return try showConfusionBrowser(setName) }
    let view = try makeBrowseView(setName: setName, mistakes: mistakes, label: label)
    if !(try openFullScreen(view)) {
      try showDigit([setName, String(view.currentIndex)])
    }
  }

  /// The browser for `:browse SET [--mistakes] [--label D]`.
  package func makeBrowseView(setName: String, mistakes: Bool = false, label: Int? = nil) throws -> BrowseView {
    guard tf.datasets != nil, let set = probe.split(setName) else {
      throw CommandError("no MNIST data is loaded yet. First run:\n  from tensorflow.examples.tutorials.mnist import input_data\n  mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)")
    }
    let predictions = probe.predictAll(set)
    if mistakes && predictions == nil {
      throw CommandError(probe.missingForPrediction ?? "--mistakes needs a trained model")
    }
    var indices = Array(0..<set.numExamples)
    var title = "\(setName): \(set.numExamples) images"
    if let label {
      indices = indices.filter { set.classId(at: $0) == UInt8(label) }
      title += ", labelled \(label)"
    }
    if mistakes, let predictions {
      indices = indices.filter { predictions.predicted[$0] != Int(set.classId(at: $0) ?? 0) }
      title += ", mistakes only"
    }
    guard !indices.isEmpty else { throw CommandError("no images match (\(title))") }
    title += " (\(indices.count) shown)"
    return BrowseView(set: set, setName: setName, indices: indices, predictions: predictions, title: title)
  }
}
