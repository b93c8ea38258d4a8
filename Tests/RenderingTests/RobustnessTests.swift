import Rendering
import Testing

/// Builders get odd data and odd sizes from a learner's session and terminal; none may trap.
@Suite struct RobustnessTests {
  struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func float() -> Float {
      switch int(12) {
      case 0: return .nan
      case 1: return .infinity
      case 2: return -.infinity
      case 3: return 1e30
      case 4: return -1e-30
      default: return Float(int(2001)) / 1000 - 1
      }
    }
  }

  @Test func buildersNeverTrapAndStayInsideTheirSpace() {
    var r = LCG(state: 42)
    for _ in 0..<40 {
      let size = Size(width: r.int(200), height: r.int(70))
      let n = [0, 1, 10, 783, 784, 900][r.int(6)]
      let pixels = (0..<n).map { _ in r.float() }
      let images = (0..<r.int(12)).map { _ in (0..<[0, 784][r.int(2)]).map { _ in r.float() } }
      let points = (0..<r.int(300)).map { _ in ChartPoint(x: Double(r.float()), y: Double(r.float()) * [1, 1e300][r.int(2)]) }
      let matrix = (0..<r.int(12)).map { _ in (0..<r.int(12)).map { _ in r.int(5000) - 10 } }
      let frames: [Frame] = [
        DigitView.frame(pixels: pixels, maxSize: size, style: r.int(2) == 0 ? .ascii : .halfBlock),
        HeatmapView.frame(values: pixels, scale: r.float(), title: "w", maxSize: size),
        HeatmapView.grid(images: images, scale: HeatmapView.symmetricScale(images), maxSize: size, highlight: r.int(12)),
        ProbabilityBarsView.frame(probabilities: Array(pixels.prefix(r.int(12))), trueLabel: r.int(12) - 1, maxSize: size),
        LineChartView.frame(
          series: [ChartSeries(name: "loss", points: points), ChartSeries(name: "acc", points: points.reversed(), axis: .right)],
          title: "t", maxSize: size),
        ConfusionMatrixView.frame(matrix: matrix, selected: (r.int(10), r.int(10)), maxSize: size),
        PanelView.frame(title: "p", text: String(repeating: "word ", count: r.int(100)), maxSize: size),
        DigitCard.frame(pixels: pixels, caption: "c", probabilities: r.int(2) == 0 ? nil : Array(pixels.prefix(10)), maxSize: size),
      ]
      for (i, f) in frames.enumerated() {
        _ = i
        #expect(f.width <= size.width && f.height <= size.height, "builder \(i): \(f.size) in \(size)")
        _ = ANSIRenderer(mode: .color256).render(f)
        _ = ANSIRenderer(mode: .plain, asciiOnly: true).render(f)
      }
    }
  }
}
