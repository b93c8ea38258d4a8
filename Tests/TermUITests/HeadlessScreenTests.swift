import Rendering
import TermUI
import Testing

/// Curses is process-global, so every test that touches it lives in this one serialized suite.
@Suite(.serialized) struct HeadlessScreenTests {
  @Test func blitAndReadBackGlyphsColoursAndAttributes() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
            var f = Frame(width: 80, height: 24)
      f.put("héatmap ▀⣿ 日本", x: 2, y: 1, style: Style(fg: .basic(.red), attributes: .bold))
      f[0, 3] = Cell("▀", fg: .diverging(-5), bg: .diverging(5))
      f[1, 3] = Cell("▀", fg: .gray(0), bg: .gray(10), attributes: .reverse)
      screen.blit(f)
      #expect(screen.drawnRow(1).hasPrefix("  héatmap ▀⣿ 日本"))
      let c = screen.drawnCell(x: 2, y: 1)
      #expect(c.glyph == "h" && c.fg == 1 && c.attributes.contains(.bold))
      #expect(screen.drawnCell(x: 0, y: 3) == DrawnCell(glyph: "▀", fg: 196, bg: 21, attributes: []))
      #expect(screen.drawnCell(x: 1, y: 3) == DrawnCell(glyph: "▀", fg: 16, bg: 231, attributes: .reverse))
      #expect(screen.colorDepth == 256)
    }
  }

  @Test func onlyChangedCellsAreRedrawnAndSmallerFramesClearTheRest() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
            var f = Frame(width: 80, height: 24)
      f.put("first", x: 0, y: 0)
      screen.blit(f)
      f.put("X", x: 0, y: 0)
      screen.blit(f)
      #expect(screen.drawnRow(0).hasPrefix("Xirst"))
      screen.blit(Frame.text(["small"]))
      #expect(screen.drawnRow(0).hasPrefix("small "))
      #expect(screen.drawnRow(5).allSatisfy { $0 == " " })
    }
  }

  @Test func aDigitAndAHeatmapGridDrawWithTheirColours() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
            let pixels: [Float] = (0..<784).map { Float($0 % 28) / 27 }
      let digit = DigitView.frame(pixels: pixels, maxSize: screen.size)
      screen.blit(digit)
      #expect(screen.drawnCell(x: 0, y: 0).fg == 16)
      #expect(screen.drawnCell(x: 27, y: 0).fg == 231)
      let weights: [[Float]] = (0..<10).map { k in (0..<784).map { Float($0 % 28 - 14) * Float(k) } }
      let grid = HeatmapView.grid(images: weights, scale: HeatmapView.symmetricScale(weights), maxSize: screen.size)
      screen.blit(grid)
      #expect(screen.drawnRow(0).hasPrefix("0"))
      #expect(screen.drawnCell(x: 60, y: 9).fg == 196)  // class 9, left edge: strongly negative
    }
  }

  @Test func tooSmallScreenShowsTheMessage() throws {
    try FullScreen.withHeadless(rows: 8, cols: 20) { screen in
      defer { screen.resize(rows: 24, cols: 80) }
      screen.blit(HeatmapView.grid(images: [[0]], scale: 1, maxSize: screen.size))
      let text = (0..<8).map { screen.drawnRow($0) }.joined(separator: " ")
      #expect(text.contains("needs"))
    }
  }

  @Test func runDeliversKeysMouseAndCtrlC() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
      // "j", an arrow key, an SGR mouse press, drag and release, then Ctrl-C, each
      // sent after the previous event arrived, as a person would.
      var chunks = ["j", "\u{1B}OA", "\u{1B}[<0;11;6M", "\u{1B}[<32;13;6M", "\u{1B}[<0;13;6m", "\u{03}"]
      var events: [Event] = []
      try screen.run { event, size in
        events.append(event)
        if !chunks.isEmpty { screen.feedInput(Array(chunks.removeFirst().utf8)) }
        if event == .interrupt { return .quit }
        return .draw(Frame.text(["events: \(events.count)"]))
      }
      #expect(events.first == .start)
      #expect(events.contains(.key(.character("j"))))
      #expect(events.contains(.key(.up)))
      #expect(events.contains(.mouse(MouseEvent(kind: .press, button: 1, x: 10, y: 5))))
      #expect(events.contains(.mouse(MouseEvent(kind: .drag, button: 1, x: 12, y: 5))))
      #expect(events.contains(.mouse(MouseEvent(kind: .release, button: 1, x: 12, y: 5))))
      #expect(events.last == .interrupt)
    }
  }

  @Test func runRethrowsAndStillLeaves() throws {
    struct Boom: Error {}
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
      #expect(throws: Boom.self) {
        try screen.run { _, _ in throw Boom() }
      }
      // The screen still works afterwards.
      screen.feedInput([UInt8(ascii: "q")])
      var got: Event?
      try screen.run { e, _ in
        if e == .start { return .keep }
        got = e
        return .quit
      }
      #expect(got == .key(.character("q")))
    }
  }
}

extension HeadlessScreenTests {
  /// A dashboard-like frame: ten heatmaps and a chart, redrawn as values change.
  func dashboard(step: Int, size: Size) -> Frame {
    let weights: [[Float]] = (0..<10).map { k in (0..<784).map { Float(($0 + step) % 28 - 14) * Float(k + 1) } }
    let loss = (0..<step).map { 2.3 / (1 + Double($0) / 30) }
    var f = Frame(size: size)
    let top = HeatmapView.grid(images: weights, scale: HeatmapView.symmetricScale(weights), maxSize: Size(width: size.width, height: size.height / 2))
    f.draw(top, x: 0, y: 0)
    let chart = LineChartView.frame(series: [ChartSeries(name: "loss", values: loss)], maxSize: Size(width: size.width, height: size.height - top.height - 1))
    f.draw(chart, x: 0, y: top.height)
    f.draw(PanelView.statusLine(left: "step \(step)", width: size.width), x: 0, y: size.height - 1)
    return f
  }

  @Test func resizingBetweenTinyAndHugeKeepsDrawing() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
      defer { screen.resize(rows: 24, cols: 80) }
      for (rows, cols) in [(8, 20), (100, 300), (1, 1), (50, 160)] {
        screen.resize(rows: rows, cols: cols)
        screen.blit(dashboard(step: 10, size: screen.size))
        #expect(screen.size == Size(width: cols, height: rows))
      }
      #expect(screen.drawnRow(49).hasPrefix("step 10"))
    }
  }

  @Test func redrawingADashboardIsCheap() throws {
    try FullScreen.withHeadless(rows: 50, cols: 160) { screen in
      defer { screen.resize(rows: 24, cols: 80) }
      let clock = ContinuousClock()
      var build = Duration.zero, draw = Duration.zero
      for step in 1...40 {
        var f = Frame(width: 0, height: 0)
        build += clock.measure { f = dashboard(step: step, size: screen.size) }
        draw += clock.measure { screen.blit(f) }
      }
      print("dashboard 160×50: build \(build / 40), blit \(draw / 40) per frame")
      #expect(draw / 40 < .milliseconds(100))
    }
  }
}

extension HeadlessScreenTests {
  @Test func eightColourTerminalsGetBasicColours() throws {
    try FullScreen.withHeadless(term: "xterm") { screen in
      #expect(screen.colorDepth == 8)
      var f = Frame(width: 4, height: 1)
      f[0, 0] = Cell("▀", fg: .diverging(-5), bg: .diverging(5))
      f[1, 0] = Cell("▀", fg: .gray(2), bg: .gray(9))
      screen.blit(f)
      #expect(screen.drawnCell(x: 0, y: 0) == DrawnCell(glyph: "▀", fg: 1, bg: 4, attributes: []))
      #expect(screen.drawnCell(x: 1, y: 0) == DrawnCell(glyph: "▀", fg: 0, bg: 7, attributes: []))
    }
  }

  @Test func monochromeTerminalsGetShading() throws {
    try FullScreen.withHeadless(term: "vt100") { screen in
      #expect(screen.colorDepth == 0)
      let f = DigitView.frame(pixels: (0..<784).map { Float($0 % 28) / 27 }, maxSize: Size(width: 28, height: 14))
      screen.blit(f)
      #expect(screen.drawnRow(0).hasPrefix("  ..."))
      #expect(screen.drawnRow(0).contains("@"))
    }
  }
}

extension HeadlessScreenTests {
  @Test func runningOutOfColourPairsReallocatesThem() throws {
    try FullScreen.withHeadless(rows: 24, cols: 80) { screen in
      // Three frames of 121 distinct pairs each: more than 255 in total.
      for ramp in 0..<3 {
        var f = Frame(width: 80, height: 24)
        for i in 0..<121 {
          let fg: TermColor = ramp == 0 ? .gray(i / 11) : ramp == 1 ? .diverging(i / 11 - 5) : .indexed(UInt8(100 + i / 11))
          let bg: TermColor = ramp == 0 ? .gray(i % 11) : ramp == 1 ? .diverging(i % 11 - 5) : .indexed(UInt8(100 + i % 11))
          f[i % 80, i / 80] = Cell("▀", fg: fg, bg: bg)
        }
        screen.blit(f)
        let last = screen.drawnCell(x: 120 % 80, y: 1)
        #expect(last.fg == f[40, 1].fg.xterm256 && last.bg == f[40, 1].bg.xterm256)
        #expect(screen.drawnCell(x: 0, y: 0).fg == f[0, 0].fg.xterm256)
      }
    }
  }
}
