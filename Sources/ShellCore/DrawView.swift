import Rendering
import TermUI
import Tensors

/// `:draw`: a 28×28 canvas drawn with the mouse or the keyboard, with a side panel showing what
/// the model sees (the drawing prepared like an MNIST digit) and its ten probabilities, live.
package final class DrawView: ScreenView {
  package private(set) var canvas = DrawCanvas()
  /// Whether the side panel explains the prediction (per-pixel contributions) instead.
  package private(set) var explaining = false
  /// The drawing as the model sees it, once accepted with Enter.
  package private(set) var accepted: [Float]?
  private(set) var note = ""
  /// Makes predictions for one prepared [1, 784] image; nil when there is no trained model.
  let predict: (([Float]) -> [Float]?)?
  /// Why there are no predictions (shown in the side panel).
  let missingModel: String?
  /// W as ten 784-pixel images and b, for the explanation.
  let weights: (images: [[Float]], bias: [Float]?)?
  private var cachedInput: [Float]?
  private var cachedProbabilities: [Float]?
  /// Where the canvas was last drawn, for mapping mouse reports to pixels.
  private(set) var canvasLayout: CanvasView.Layout?
  let canvasOrigin = (x: 0, y: 1)

  init(predict: (([Float]) -> [Float]?)?, missingModel: String?, weights: (images: [[Float]], bias: [Float]?)?) {
    self.predict = predict
    self.missingModel = missingModel
    self.weights = weights
  }

  /// The current drawing, prepared as MNIST's digits were.
  package var modelInput: [Float] {
    if let cachedInput { return cachedInput }
    let x = DigitPreprocessing.mnistStyle(canvas.pixels)
    cachedInput = x
    return x
  }

  /// The model's probabilities for the current drawing (nil without a model or a drawing).
  package var probabilities: [Float]? {
    guard !canvas.isBlank, let predict else { return nil }
    if let cachedProbabilities { return cachedProbabilities }
    cachedProbabilities = predict(modelInput)
    return cachedProbabilities
  }

  private func changed() {
    cachedInput = nil
    cachedProbabilities = nil
  }

  package func handle(_ event: Event, size: Size) -> ViewStep {
    note = ""
    switch event {
    case .key(.up): canvas.moveCursor(dRow: -1, dCol: 0)
    case .key(.down): canvas.moveCursor(dRow: 1, dCol: 0)
    case .key(.left): canvas.moveCursor(dRow: 0, dCol: -1)
    case .key(.right): canvas.moveCursor(dRow: 0, dCol: 1)
    case .key(.character(" ")): canvas.togglePen()
    case .key(.character("+")), .key(.character("=")): canvas.changeBrush(by: 1)
    case .key(.character("-")), .key(.character("_")): canvas.changeBrush(by: -1)
    case .key(.character("c")): canvas.clear()
    case .key(.character("u")):
      if !canvas.canUndo { note = "nothing to undo" }
      canvas.undo()
    case .key(.character("w")): explaining.toggle()
    case .key(.enter):
      guard !canvas.isBlank else {
        note = "draw something first (Esc leaves)"
        return .redraw
      }
      accepted = modelInput
      return .closeAll
    case .key(.escape), .key(.character("q")): return .closeAll
    case .mouse(let m):
      guard m.button == 1 || m.kind == .release, let layout = canvasLayout else { return .keep }
      let pixel = layout.pixel(atX: m.x - canvasOrigin.x, y: m.y - canvasOrigin.y)
      switch m.kind {
      case .press:
        guard let p = pixel else { return .keep }
        canvas.mousePress(row: p.row, col: p.col)
      case .drag:
        guard let p = pixel else { return .keep }
        canvas.mouseDrag(row: p.row, col: p.col)
      case .release:
        if let p = pixel, m.button == 1 { canvas.mouseDrag(row: p.row, col: p.col) }
        canvas.mouseRelease()
      default: return .keep
      }
    default: return .keep
    }
    changed()
    return .redraw
  }

  package func frame(size: Size) -> Frame {
    let sideMin = 30
    let need = Size(width: CanvasView.Layout.minimumSize().width + 2 + sideMin, height: 17)
    guard size.contains(need) else { return .tooSmall("The drawing canvas", needs: need, available: size) }
    let sideWanted = min(50, size.width - 28 - 2)
    guard let layout = CanvasView.Layout(maxSize: Size(width: size.width - sideWanted - 2, height: size.height - 2))
    else { return .tooSmall("The drawing canvas", needs: need, available: size) }
    canvasLayout = layout
    var body = Frame(width: size.width, height: size.height - 1)
    body.put("draw a digit", x: 0, y: 0, style: .bold)
    body.put("  brush \(Format.number(Double(canvas.brush)))  pen \(canvas.penDown ? "down" : "up")", x: 12, y: 0, style: .dim)
    body.draw(CanvasView.frame(pixels: canvas.pixels, layout: layout, cursor: canvas.cursor, penDown: canvas.penDown),
              x: canvasOrigin.x, y: canvasOrigin.y)
    let sideX = layout.size.width + 2
    let side = sidePanel(Size(width: size.width - sideX, height: size.height - 2))
    body.draw(side, x: sideX, y: 1)
    var keys = "mouse or arrows+space draw  +/- brush  c clear  u undo  w why  Enter keep  Esc leave"
    if !note.isEmpty { keys = note }
    return ScreenParts.screen(body, status: ScreenParts.statusBar(keys, "", width: size.width), size: size)
  }

  /// Two parts one above the other when they fit, else side by side, else only the second.
  private func arrange(_ a: Frame, _ b: Frame, in size: Size) -> Frame {
    if a.height + 1 + b.height <= size.height && max(a.width, b.width) <= size.width { return .vstack([a, b], spacing: 1) }
    if a.width + 2 + b.width <= size.width && max(a.height, b.height) <= size.height { return .hstack([a, b], spacing: 2) }
    return b
  }

  private func titled(_ title: String, _ content: Frame) -> Frame {
    .vstack([Frame.text([title], style: .bold), content])
  }

  func sidePanel(_ size: Size) -> Frame {
    let seen = titled("what the model sees", DigitView.frame(pixels: modelInput, maxSize: Size(width: 28, height: 14)))
    if let missingModel {
      let advice = PanelView.frame(title: "no trained model yet", text: missingModel + "\nTo get one: :train (once the model and its training op exist), or :lesson 10 to replay the tutorial up to training.",
                                   maxSize: Size(width: min(size.width, 50), height: 10))
      return arrange(seen, advice, in: size)
    }
    guard let probabilities else {
      return arrange(seen, PanelView.frame(text: "Draw a digit: the model's answer appears here as you draw.",
                                           maxSize: Size(width: min(size.width, 40), height: 5)), in: size)
    }
    if explaining, let weights { return explanation(probabilities, weights, size) }
    let top = ScreenParts.argmax(probabilities)
    let bars = titled("the model says \(top) (\(Format.percent(Double(probabilities[top]))))",
                      ProbabilityBarsView.frame(probabilities: probabilities, maxSize: Size(width: min(size.width, 44), height: 10)))
    return arrange(seen, bars, in: size)
  }

  /// Per-pixel evidence W[p, c]·x[p] for the top class and the runner-up, on one scale.
  func explanation(_ probabilities: [Float], _ weights: (images: [[Float]], bias: [Float]?), _ size: Size) -> Frame {
    let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    let (first, second) = (order[0], order[1])
    let x = modelInput
    let maps = [first, second].map { c in zip(weights.images[c], x).map { $0 * $1 } }
    let scale = max(HeatmapView.symmetricScale(maps), 1e-6)
    func evidence(_ c: Int, _ map: [Float]) -> String {
      let total = map.reduce(0, +) + (weights.bias?[c] ?? 0)
      return "\(c): evidence \(Format.fixed(Double(total), decimals: 2))"
    }
    let tileSize = Size(width: min(28, max(14, (size.width - 2) / 2)), height: 15)
    let a = HeatmapView.frame(values: maps[0], scale: scale, title: evidence(first, maps[0]), maxSize: tileSize)
    let b = HeatmapView.frame(values: maps[1], scale: scale, title: evidence(second, maps[1]), maxSize: tileSize)
    let header = Frame.text(TextLayout.wrap("why \(first) and not \(second): each pixel's ink times its weight (blue for, red against)", width: size.width), style: .bold)
    var parts = [header, Frame.hstack([a, b], spacing: 2)]
    if size.height >= header.height + a.height + 2 { parts.append(HeatmapView.legend(scale: scale, width: min(size.width, 60))) }
    return .vstack(parts)
  }
}

extension LearnerSession {
  func installDrawCommand() {
    commands.add(ShellCommand(
      name: "draw", usage: ":draw",
      summary: "full screen: draw a digit and watch the model read it",
      details: """
        Draw with the mouse (press and drag) or the keyboard: arrows move the cursor, space lifts or
        lowers the pen, + and - change the brush. c clears, u undoes a stroke, w explains the answer
        (which pixels pushed towards the top two classes). Enter keeps the drawing as `drawn`, a
        [1, 784] array prepared like an MNIST digit, so you can run sess.run(y, feed_dict={x: drawn}).
        Esc or q leaves without keeping it.
        """,
      run: { [unowned self] arguments in
        guard arguments.isEmpty else { throw CommandError(":draw takes no arguments") }
        try draw()
        return .continue
      }))
  }

  /// `:draw`.
  func draw() throws {
    guard interactive else {
      console.line(Self.needsTerminalNote)
      console.line("(without one, put 784 pixel values in [0, 1] into a [1, 784] array yourself: drawn = np.zeros((1, 784)))")
      return
    }
    let view = makeDrawView()
    try openFullScreen(view)
    acceptDrawing(view)
  }

  /// A canvas wired to the session's model (if there is one).
  package func makeDrawView() -> DrawView {
    let probe = self.probe
    var missing = probe.missingForPrediction
    if missing == nil, let w = try? probe.weightImages(), w.images.allSatisfy({ $0.allSatisfy { $0 == 0 } }) {
      missing = "The weights are all zero: the model has not been trained yet."
    }
    let predict: (([Float]) -> [Float]?)? = missing != nil ? nil : { pixels in
      try? probe.predict(NDArray(shape: [1, 784], floats: pixels)).floats
    }
    return DrawView(predict: predict, missingModel: missing, weights: missing == nil ? try? probe.weightImages() : nil)
  }

  /// After the canvas closed: an accepted drawing becomes `drawn` and is shown inline.
  package func acceptDrawing(_ view: DrawView) {
    guard let pixels = view.accepted else { return }
    interpreter[global: "drawn"] = tf.wrap(NDArray(shape: [1, 784], floats: pixels))
    var caption = "drawn: your digit as the model sees it"
    if let p = view.probabilities {
      let top = ScreenParts.argmax(p)
      caption += "  predicted \(top) (\(Format.percent(Double(p[top]))))"
    }
    views.show(DigitCard.frame(pixels: pixels, caption: caption, probabilities: view.probabilities,
                               maxSize: Size(width: min(views.width, 100), height: 16), style: views.imageStyle))
    console.line("It is in the session as `drawn`, a [1, 784] array: try sess.run(y, feed_dict={x: drawn})")
  }
}
