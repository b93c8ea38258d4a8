import Rendering
import Testing

@Suite struct ANSIRendererTests {
  let digit = DigitView.frame(pixels: Fixtures.ring, maxSize: Size(width: 80, height: 24))

  @Test func plainModeHasNoEscapesAndShadesHalfBlocks() {
    let text = ANSIRenderer(mode: .plain).render(digit)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("▀"))
    #expect(text.contains("@"))
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 15)  // 14 rows + final newline
  }

  @Test func plainModeKeepsHeatmapSigns() {
    let f = HeatmapView.frame(values: Fixtures.ramp, scale: 1, maxSize: Size(width: 28, height: 14))
    let first = ANSIRenderer(mode: .plain).render(f).split(separator: "\n")[0]
    #expect(first.hasPrefix("===") && first.hasSuffix("###"))
  }

  @Test func color256UsesPaletteIndices() {
    let text = ANSIRenderer(mode: .color256).render(digit)
    #expect(text.contains("\u{1B}[0;38;5;16;48;5;16m▀"))
    #expect(text.contains("48;5;231m"))  // white ink
    #expect(text.hasSuffix("\u{1B}[0m\n"))
  }

  @Test func color8UsesBasicColours() {
    let text = ANSIRenderer(mode: .color8).render(digit)
    #expect(text.contains("\u{1B}[0;30;40m▀"))
    #expect(text.contains("47m"))
    #expect(!text.contains("38;5"))
  }

  @Test func asciiOnlyHasOnlyASCII() {
    let chart = LineChartView.frame(series: [ChartSeries(name: "loss", values: Fixtures.loss)], maxSize: Size(width: 40, height: 10))
    let bars = ProbabilityBarsView.frame(probabilities: Fixtures.probs, trueLabel: 8, maxSize: Size(width: 60, height: 10))
    for f in [chart, bars, ConfusionMatrixView.frame(matrix: Fixtures.confusion, maxSize: Size(width: 80, height: 24))] {
      let text = ANSIRenderer(mode: .plain, asciiOnly: true).render(f)
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(!text.contains("?"))
    }
  }

  @Test func trailingBlanksAreTrimmedAndStylesReset() {
    var f = Frame(width: 10, height: 2)
    f.put("hi", x: 0, y: 0, style: Style(fg: .basic(.red), attributes: .bold))
    #expect(ANSIRenderer(mode: .plain).render(f) == "hi\n\n")
    #expect(ANSIRenderer(mode: .color8).render(f) == "\u{1B}[0;1;31mhi\u{1B}[0m\n\n")
  }

  @Test func colorModeDetection() {
    #expect(ColorMode.detect(environment: ["TERM": "xterm-256color"], isTTY: true) == .color256)
    #expect(ColorMode.detect(environment: ["TERM": "xterm"], isTTY: true) == .color8)
    #expect(ColorMode.detect(environment: ["TERM": "xterm", "COLORTERM": "truecolor"], isTTY: true) == .color256)
    #expect(ColorMode.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], isTTY: true) == .plain)
    #expect(ColorMode.detect(environment: ["TERM": "dumb"], isTTY: true) == .plain)
    #expect(ColorMode.detect(environment: [:], isTTY: true) == .plain)
    #expect(ColorMode.detect(environment: ["TERM": "xterm-256color"], isTTY: false) == .plain)
    #expect(ColorMode.localeIsUTF8(environment: ["LANG": "en_US.UTF-8"]))
    #expect(!ColorMode.localeIsUTF8(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
    #expect(!ColorMode.localeIsUTF8(environment: [:]))
  }
}

@Suite struct LayoutTests {
  @Test func tooSmallSaysWhatItNeeds() {
    let sizes = [Size(width: 20, height: 8), Size(width: 10, height: 3)]
    for s in sizes {
      let frames = [
        DigitView.frame(pixels: Fixtures.ring, maxSize: s),
        HeatmapView.grid(images: Fixtures.weights, scale: 1, maxSize: s),
        ProbabilityBarsView.frame(probabilities: Fixtures.probs, maxSize: s),
        LineChartView.frame(series: [ChartSeries(name: "loss", values: Fixtures.loss)], maxSize: s),
        ConfusionMatrixView.frame(matrix: Fixtures.confusion, maxSize: s),
      ]
      for f in frames {
        #expect(f.size == s)
        #expect(f.isTooSmallMessage || s.width < 14)
      }
    }
    let msg = HeatmapView.grid(images: Fixtures.weights, scale: 1, maxSize: Size(width: 40, height: 12)).trimmedText
    #expect(msg.contains("74×18"))
  }

  @Test func zeroSizeDoesNotCrash() {
    let f = DigitView.frame(pixels: [], maxSize: Size(width: 0, height: 0))
    #expect(f.size == Size(width: 0, height: 0))
    #expect(ANSIRenderer(mode: .plain).render(f) == "")
  }

  @Test func wrapBreaksAtSpacesAndCutsLongWords() {
    #expect(TextLayout.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(TextLayout.truncate("hello world", width: 6) == "hello…")
  }

  @Test func wideGlyphsTakeTwoCells() {
    var f = Frame(width: 6, height: 1)
    #expect(f.put("日本x", x: 0, y: 0) == 5)
    #expect(f[1, 0].isContinuation && f[4, 0].glyph == "x")
    #expect(f.plainText == "日本x ")
  }

  @Test func numberFormats() {
    #expect(Format.fixed(0.5, decimals: 2) == "0.50")
    #expect(Format.fixed(-0.004, decimals: 2) == "0.00")
    #expect(Format.fixed(-3.25, decimals: 1) == "-3.3" || Format.fixed(-3.25, decimals: 1) == "-3.2")
    #expect(Format.number(0.4213) == "0.421")
    #expect(Format.number(25000) == "25k")
    #expect(Format.percent(0.9234) == "92.3%")
  }

  @Test func brailleBits() {
    var c = BrailleCanvas(width: 1, height: 1)
    c.set(x: 0, y: 0, color: .default)
    c.set(x: 1, y: 3, color: .default)
    #expect(c.glyph(x: 0, y: 0) == "\u{2881}")
    c.line(from: (0, 0), to: (0, 3), color: .default)
    #expect(c.glyph(x: 0, y: 0) == "\u{28C7}")
  }
}

@Suite struct ProgressLineTests {
  @Test func updatesInPlaceAndClears() {
    var p = ProgressLine(width: 20)
    #expect(p.update("step 1 loss 2.30") == "\rstep 1 loss 2.30")
    // A shorter text blanks the rest of the old one and steps back.
    #expect(p.update("step 2") == "\rstep 2" + String(repeating: " ", count: 10) + String(repeating: "\u{8}", count: 10))
    #expect(p.update(String(repeating: "x", count: 40)).count == 1 + 19)
    #expect(p.clear() == "\r" + String(repeating: " ", count: 19) + "\r")
    #expect(p.clear() == "")
    #expect(!p.update("abc").contains("\u{1B}"))
  }
}
