import Rendering

/// Fixed data shared by the rendering tests.
enum Fixtures {
  /// A 28×28 "digit": a ring of ink, brighter at the bottom, nothing elsewhere.
  static let ring: [Float] = (0..<784).map { i in
    let r = Float(i / 28) - 13.5, c = Float(i % 28) - 13.5
    let d = (r * r + c * c).squareRoot()
    return d > 6 && d < 10 ? min(1, 0.5 + Float(i / 28) / 28) : 0
  }

  /// A 28×28 signed image: negative on the left, positive on the right.
  static let ramp: [Float] = (0..<784).map { i in Float(i % 28 - 14) / 14 }

  static let probs: [Float] = [0.01, 0.02, 0.05, 0.6, 0.02, 0.1, 0.0, 0.05, 0.15, 0.0]

  /// A loss curve falling from 2.6 towards 0.3 over 100 steps.
  static let loss: [Double] = (0..<100).map { 2.3 / (1 + Double($0) / 10) + 0.3 }
  /// Accuracy sampled every 10 steps.
  static let accuracy: [ChartPoint] = stride(from: 0, to: 100, by: 10).map { ChartPoint(x: Double($0), y: 0.5 + Double($0) / 250) }
  /// Ten weight images scaled 0, 1/9, …, 1 from `ramp`.
  static let weights: [[Float]] = (0..<10).map { k in ramp.map { $0 * Float(k) / 9 } }

  static let confusion: [[Int]] = (0..<10).map { r in (0..<10).map { c in r == c ? 90 + r : (c == (r + 1) % 10 ? 3 : 0) } }
}
