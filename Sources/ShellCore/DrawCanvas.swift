/// The drawing behind `:draw`: 28×28 grey pixels painted with a soft round brush, a keyboard
/// cursor with a pen that is up or down, and an undo stack of whole strokes.
package struct DrawCanvas {
  package let rows: Int
  package let cols: Int
  /// Intensities in [0, 1], row-major.
  package private(set) var pixels: [Float]
  /// The keyboard cursor (starts at the centre).
  package private(set) var cursor: (row: Int, col: Int)
  /// Whether the keyboard pen paints where the cursor goes.
  package private(set) var penDown = false
  /// The brush radius in pixels (0.5 to 3).
  package private(set) var brush: Float = 1.0
  /// The canvas before each stroke, for undo.
  private var undoStack: [[Float]] = []
  /// Where the current mouse stroke is (nil when no button is held).
  private var mouseAt: (row: Int, col: Int)?

  package init(rows: Int = 28, cols: Int = 28) {
    self.rows = rows
    self.cols = cols
    pixels = [Float](repeating: 0, count: rows * cols)
    cursor = (rows / 2, cols / 2)
  }

  /// Whether anything has been drawn.
  package var isBlank: Bool { !pixels.contains { $0 > 0 } }
  /// Whether there is a stroke to undo.
  package var canUndo: Bool { !undoStack.isEmpty }

  /// Paints one soft dot: full ink within `brush - 0.5` pixels of the centre, fading to none at `brush + 0.5`.
  package mutating func dab(row: Double, col: Double) {
    let reach = Double(brush) + 0.5
    let r0 = max(0, Int((row - reach).rounded(.down))), r1 = min(rows - 1, Int((row + reach).rounded(.up)))
    let c0 = max(0, Int((col - reach).rounded(.down))), c1 = min(cols - 1, Int((col + reach).rounded(.up)))
    guard r0 <= r1, c0 <= c1 else { return }
    for r in r0...r1 {
      for c in c0...c1 {
        let d = ((Double(r) - row) * (Double(r) - row) + (Double(c) - col) * (Double(c) - col)).squareRoot()
        let v = Float(min(1, max(0, reach - d)))
        if v > 0 { pixels[r * cols + c] = max(pixels[r * cols + c], v) }
      }
    }
  }

  /// Paints a line of dabs from one pixel to another (a quarter pixel apart).
  package mutating func line(from a: (row: Int, col: Int), to b: (row: Int, col: Int)) {
    let dr = Double(b.row - a.row), dc = Double(b.col - a.col)
    let n = max(1, Int((max(abs(dr), abs(dc)) * 4).rounded(.up)))
    for i in 0...n {
      let t = Double(i) / Double(n)
      dab(row: Double(a.row) + dr * t, col: Double(a.col) + dc * t)
    }
  }

  /// Starts a stroke: the canvas as it is now can be brought back with ``undo()``.
  package mutating func beginStroke() {
    undoStack.append(pixels)
    if undoStack.count > 200 { undoStack.removeFirst() }
  }

  /// Takes back the last stroke.
  package mutating func undo() {
    guard let last = undoStack.popLast() else { return }
    pixels = last
    mouseAt = nil
  }

  /// Wipes the canvas (undoable).
  package mutating func clear() {
    guard !isBlank else { return }
    beginStroke()
    pixels = [Float](repeating: 0, count: rows * cols)
  }

  // MARK: Keyboard

  /// Raises or lowers the pen; lowering it starts a stroke and paints under the cursor.
  package mutating func togglePen() {
    penDown.toggle()
    if penDown {
      beginStroke()
      dab(row: Double(cursor.row), col: Double(cursor.col))
    }
  }

  /// Moves the cursor (clamped to the canvas), painting the way when the pen is down.
  package mutating func moveCursor(dRow: Int, dCol: Int) {
    let next = (row: min(rows - 1, max(0, cursor.row + dRow)), col: min(cols - 1, max(0, cursor.col + dCol)))
    if penDown { line(from: cursor, to: next) }
    cursor = next
  }

  /// Makes the brush bigger (`+1`) or smaller (`-1`) by half a pixel.
  package mutating func changeBrush(by steps: Int) {
    brush = min(3, max(0.5, brush + 0.5 * Float(steps)))
  }

  // MARK: Mouse

  /// A button went down on a pixel: a new stroke starts there.
  package mutating func mousePress(row: Int, col: Int) {
    beginStroke()
    dab(row: Double(row), col: Double(col))
    mouseAt = (row, col)
    cursor = (row, col)
  }

  /// The mouse moved with the button held: paint from where it was.
  package mutating func mouseDrag(row: Int, col: Int) {
    if let from = mouseAt {
      line(from: from, to: (row, col))
    } else {
      mousePress(row: row, col: col)
    }
    mouseAt = (row, col)
    cursor = (row, col)
  }

  /// The button was let go: the stroke ends.
  package mutating func mouseRelease() { mouseAt = nil }
}
