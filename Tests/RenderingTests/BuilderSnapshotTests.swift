import Rendering
import Testing

@Suite struct BuilderSnapshotTests {
  let big = Size(width: 80, height: 24)

  @Test func digitHalfBlock() {
    let f = DigitView.frame(pixels: Fixtures.ring, maxSize: big)
    #expect(f.size == Size(width: 28, height: 14))
    assertSnapshot(f.colorText, named: "digit-halfblock-colors")
  }

  @Test func digitHalfBlockScalesUpWhenThereIsRoom() {
    let f = DigitView.frame(pixels: Fixtures.ring, maxSize: Size(width: 100, height: 40))
    #expect(f.size == Size(width: 56, height: 28))
    // Scaling by 2 repeats each cell twice in both directions.
    #expect(f[20, 10] == f[21, 10])
  }

  @Test func digitASCII() {
    assertSnapshot(DigitView.frame(pixels: Fixtures.ring, maxSize: big, style: .ascii).trimmedText, named: "digit-ascii")
    let full = DigitView.frame(pixels: Fixtures.ring, maxSize: Size(width: 60, height: 30), style: .ascii)
    #expect(full.size == Size(width: 56, height: 28))
  }

  @Test func heatmapGrid() {
    let f = HeatmapView.grid(images: Fixtures.weights, scale: 1, maxSize: big)
    assertSnapshot(f.trimmedText, named: "heatmap-grid")
    assertSnapshot(f.colorText, named: "heatmap-grid-colors")
    #expect(f.height <= 24 && f.width <= 80)
  }

  @Test func heatmapColoursFollowTheSign() {
    let f = HeatmapView.frame(values: Fixtures.ramp, scale: 1, maxSize: Size(width: 28, height: 14))
    #expect(f.size == Size(width: 28, height: 14))
    #expect(f[0, 0].fg == .diverging(-5))  // strongest negative: red
    #expect(f[27, 0].fg == .diverging(5))  // strongest positive: blue
    #expect(f[14, 0].fg == .diverging(0))  // zero: white
    #expect(TermColor.diverging(-5).xterm256 == 196 && TermColor.diverging(5).xterm256 == 21)
  }

  @Test func heatmapGridLayoutAdaptsToWidth() {
    let wide = HeatmapView.grid(images: Fixtures.weights, scale: 1, maxSize: Size(width: 160, height: 24))
    #expect(wide.height == 7 + 1 + 2)  // 10×1 tiles
    let narrow = HeatmapView.grid(images: Fixtures.weights, scale: 1, maxSize: Size(width: 40, height: 50))
    #expect(!narrow.isTooSmallMessage && narrow.width <= 40)
  }

  @Test func probabilityBars() {
    let f = ProbabilityBarsView.frame(probabilities: Fixtures.probs, trueLabel: 8, maxSize: Size(width: 60, height: 10))
    assertSnapshot(f.trimmedText, named: "probability-bars")
    #expect(f[0, 3].attributes.contains(.bold))
    #expect(f[2, 3].fg == .basic(.red))  // predicted 3 but the label is 8
    #expect(f[2, 8].fg == .basic(.yellow))
  }

  @Test func probabilityBarsNarrowDropsWords() {
    let f = ProbabilityBarsView.frame(probabilities: Fixtures.probs, trueLabel: 3, maxSize: Size(width: 24, height: 10))
    #expect(f.width <= 24)
    #expect(f.trimmedText.split(separator: "\n")[3].hasSuffix("◀"))
  }

  @Test func lineChart() {
    let f = LineChartView.frame(
      series: [
        ChartSeries(name: "loss", values: Fixtures.loss),
        ChartSeries(name: "accuracy", points: Fixtures.accuracy, color: .basic(.green), axis: .right),
      ], title: "Training", rightRange: 0...1, maxSize: Size(width: 60, height: 14))
    assertSnapshot(f.trimmedText, named: "line-chart")
  }

  @Test func lineChartWithoutDataSaysSo() {
    let f = LineChartView.frame(series: [ChartSeries(name: "loss", points: [])], maxSize: Size(width: 40, height: 10))
    #expect(f.plainText.contains("no data yet"))
  }

  @Test func niceTicks() {
    #expect(LineChartView.niceTicks(lo: 0, hi: 99, maxCount: 5).ticks == [0, 20, 40, 60, 80])
    #expect(LineChartView.niceTicks(lo: 0, hi: 1, maxCount: 5).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
  }

  @Test func confusionMatrix() {
    let f = ConfusionMatrixView.frame(matrix: Fixtures.confusion, selected: (1, 2), maxSize: big)
    assertSnapshot(f.trimmedText, named: "confusion")
    let layout = ConfusionMatrixView.Layout(matrix: Fixtures.confusion)
    // The "3" at true 1, predicted 2 is drawn in reverse video and hit-tests back to (1, 2).
    let x = layout.labelWidth + 2 * layout.cellWidth + layout.cellWidth - 1
    #expect(f[x, layout.firstRow + 1].glyph == "3")
    #expect(f[x, layout.firstRow + 1].attributes.contains(.reverse))
    #expect(layout.cell(atX: x, y: layout.firstRow + 1)! == (1, 2))
    #expect(layout.cell(atX: 0, y: 0) == nil)
  }

  @Test func panelAndStatusLine() {
    let p = PanelView.frame(title: "Help", text: "A panel with words that wrap around nicely.\n\nSecond paragraph.", width: 30, maxSize: big)
    assertSnapshot(p.trimmedText, named: "panel")
    let clipped = PanelView.frame(title: "Help", text: String(repeating: "word ", count: 100), width: 20, maxSize: Size(width: 20, height: 5))
    #expect(clipped.height == 5 && clipped.plainText.contains("…"))
    let s = PanelView.statusLine(left: "step 100", right: "q quit", width: 40)
    #expect(s.plainText == "step 100" + String(repeating: " ", count: 26) + "q quit")
    #expect(s[10, 0].attributes.contains(.reverse))
  }
}

@Suite struct CanvasAndCardTests {
  @Test func canvasLayoutPicksTheLargestScaleAndMapsCellsBack() throws {
    let big = try #require(CanvasView.Layout(maxSize: Size(width: 120, height: 60)))
    #expect(big.size == Size(width: 112, height: 56) && big.cellsPerPixelX == 4 && big.rowsPerPixel == 2)
    #expect(big.pixel(atX: 5, y: 3)! == (1, 1))
    let normal = try #require(CanvasView.Layout(maxSize: Size(width: 80, height: 30)))
    #expect(normal.size == Size(width: 56, height: 28))
    #expect(normal.pixel(atX: 55, y: 27)! == (27, 27))
    #expect(normal.pixel(atX: 56, y: 0) == nil)
    let half = try #require(CanvasView.Layout(maxSize: Size(width: 80, height: 24)))
    #expect(half.isHalfBlock && half.size == Size(width: 28, height: 14))
    #expect(half.pixel(atX: 3, y: 5)! == (10, 3))
    #expect(CanvasView.Layout(maxSize: Size(width: 20, height: 8)) == nil)
  }

  @Test func canvasDrawsPixelsAndCursor() throws {
    var pixels = [Float](repeating: 0, count: 784)
    pixels[14 * 28 + 14] = 1
    let layout = try #require(CanvasView.Layout(maxSize: Size(width: 80, height: 30)))
    let f = CanvasView.frame(pixels: pixels, layout: layout, cursor: (0, 0), penDown: true)
    #expect(f[28, 14].fg == .gray(10) && f[29, 14].bg == .gray(10))
    #expect(f[27, 14].fg == .gray(0))
    #expect(f[0, 0].glyph == "●" && f[0, 0].fg == .basic(.red))
    #expect(!ANSIRenderer(mode: .plain).render(f).contains("▀"))
  }

  @Test func digitCardPutsBarsBesideOrBelow() {
    let wide = DigitCard.frame(pixels: Fixtures.ring, caption: "test[0]  label 8", probabilities: Fixtures.probs, trueLabel: 8, maxSize: Size(width: 80, height: 24))
    assertSnapshot(wide.trimmedText, named: "digit-card")
    let narrow = DigitCard.frame(pixels: Fixtures.ring, caption: "test[0]", probabilities: Fixtures.probs, maxSize: Size(width: 40, height: 30))
    #expect(narrow.height == 1 + 14 + 10)
    let cramped = DigitCard.frame(pixels: Fixtures.ring, caption: "test[0]", probabilities: Fixtures.probs, maxSize: Size(width: 40, height: 18))
    #expect(cramped.trimmedText.contains("larger terminal"))
    #expect(TermColor.cube(red: 5, green: 0, blue: 0) == .indexed(196))
  }
}
