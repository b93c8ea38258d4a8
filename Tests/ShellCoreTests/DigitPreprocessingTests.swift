import ShellCore
import Testing

/// The MNIST-style preprocessing of drawings, on hand-made images, and the drawing canvas.
@Suite struct DigitPreprocessingTests {
  /// A filled rectangle of ink in a 28×28 image.
  func rectangle(top: Int, left: Int, height: Int, width: Int) -> [Float] {
    var p = [Float](repeating: 0, count: 784)
    for r in top..<(top + height) { for c in left..<(left + width) { p[r * 28 + c] = 1 } }
    return p
  }

  @Test func inkBoundsAndCentreOfMass() {
    let p = rectangle(top: 2, left: 3, height: 4, width: 6)
    let b = DigitPreprocessing.inkBounds(p, rows: 28, cols: 28)
    #expect(b?.top == 2 && b?.left == 3 && b?.bottom == 5 && b?.right == 8)
    let com = DigitPreprocessing.centerOfMass(p, rows: 28, cols: 28)
    #expect(com?.row == 3.5 && com?.col == 5.5)
    #expect(DigitPreprocessing.inkBounds([Float](repeating: 0, count: 784), rows: 28, cols: 28) == nil)
  }

  @Test func anOffCentreStrokeIsScaledAndCentred() throws {
    // A small blob in the top-left corner.
    let p = rectangle(top: 1, left: 2, height: 6, width: 5)
    let out = DigitPreprocessing.mnistStyle(p)
    #expect(out.count == 784)
    let b = try #require(DigitPreprocessing.inkBounds(out, rows: 28, cols: 28))
    #expect(b.bottom - b.top + 1 == 20)  // the longer side becomes 20 pixels
    #expect(abs(b.right - b.left + 1 - 17) <= 1)  // 5/6 of 20, rounded
    let com = try #require(DigitPreprocessing.centerOfMass(out, rows: 28, cols: 28))
    #expect(abs(com.row - 14) <= 0.5 && abs(com.col - 14) <= 0.5)
  }

  @Test func aTallThinOneKeepsItsAspect() throws {
    // A 1: 16 rows tall, 2 columns wide, near the right edge.
    let p = rectangle(top: 5, left: 22, height: 16, width: 2)
    let out = DigitPreprocessing.mnistStyle(p)
    let b = try #require(DigitPreprocessing.inkBounds(out, rows: 28, cols: 28, threshold: 0.05))
    #expect(b.bottom - b.top + 1 == 20)
    let width = b.right - b.left + 1
    #expect(width >= 2 && width <= 4, "a 2-pixel stroke scaled by 20/16 stays thin, got \(width)")
    let com = try #require(DigitPreprocessing.centerOfMass(out, rows: 28, cols: 28))
    #expect(abs(com.col - 14) <= 0.5)
    #expect(out.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func areaResamplingKeepsTheMeanIntensity() {
    let p: [Float] = (0..<(10 * 10)).map { Float($0 % 7) / 6 }
    let out = DigitPreprocessing.resizeArea(p, rows: 10, cols: 10, toRows: 5, toCols: 5)
    let meanIn = p.reduce(0, +) / 100, meanOut = out.reduce(0, +) / 25
    #expect(abs(meanIn - meanOut) < 1e-5)
    // Upscaling a single pixel fills the whole output.
    #expect(DigitPreprocessing.resizeArea([1], rows: 1, cols: 1, toRows: 3, toCols: 3) == [Float](repeating: 1, count: 9))
  }

  @Test func aBlankDrawingStaysBlank() {
    #expect(DigitPreprocessing.mnistStyle([Float](repeating: 0, count: 784)).allSatisfy { $0 == 0 })
  }

  @Test func theCanvasPaintsSoftStrokesAndUndoesThem() {
    var canvas = DrawCanvas()
    #expect(canvas.isBlank && canvas.cursor.row == 14 && canvas.cursor.col == 14)
    canvas.togglePen()
    for _ in 0..<5 { canvas.moveCursor(dRow: 1, dCol: 0) }
    #expect(canvas.pixels[14 * 28 + 14] == 1 && canvas.pixels[19 * 28 + 14] == 1)
    let edge = canvas.pixels[16 * 28 + 15]
    #expect(edge > 0 && edge < 1, "the brush is soft at its edge")
    canvas.togglePen()
    canvas.moveCursor(dRow: 0, dCol: -8)
    #expect(canvas.pixels[19 * 28 + 8] == 0, "a raised pen does not paint")
    canvas.mousePress(row: 3, col: 3)
    canvas.mouseDrag(row: 3, col: 10)
    canvas.mouseRelease()
    #expect(canvas.pixels[3 * 28 + 7] == 1)
    canvas.undo()
    #expect(canvas.pixels[3 * 28 + 7] == 0 && canvas.pixels[14 * 28 + 14] == 1)
    canvas.clear()
    #expect(canvas.isBlank)
    canvas.undo()
    #expect(!canvas.isBlank)
    canvas.changeBrush(by: 10)
    #expect(canvas.brush == 3)
  }
}
