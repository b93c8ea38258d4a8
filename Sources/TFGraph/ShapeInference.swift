/// Static shape rules shared by the op builders, with TensorFlow's error texts.
enum ShapeRules {
  /// `" for 'add' (op: 'Add') with input shapes: [?,10], [5]."`
  static func suffix(_ name: String, _ type: String, _ shapes: [TensorShape]) -> String {
    " for '\(name)' (op: '\(type)') with input shapes: " + shapes.map(\.bracketed).joined(separator: ", ") + "."
  }

  /// NumPy/TensorFlow broadcasting of two static shapes.
  static func broadcast(_ a: TensorShape, _ b: TensorShape, name: String, type: String) throws -> TensorShape {
    guard let x = a.dims, let y = b.dims else { return .unknown }
    let n = max(x.count, y.count)
    var out = [Int?](repeating: nil, count: n)
    for i in 0..<n {
      let dx: Int?? = i < x.count ? x[x.count - 1 - i] : .some(1)
      let dy: Int?? = i < y.count ? y[y.count - 1 - i] : .some(1)
      let p = dx!, q = dy!
      var r: Int?
      switch (p, q) {
      case let (u?, v?):
        if u == v { r = u } else if u == 1 { r = v } else if v == 1 { r = u } else {
          throw TFError.value("Dimensions must be equal, but are \(u) and \(v)" + suffix(name, type, [a, b]))
        }
      case (nil, let v?): r = v > 1 ? v : nil
      case (let u?, nil): r = u > 1 ? u : nil
      case (nil, nil): r = nil
      }
      out[n - 1 - i] = r
    }
    return TensorShape(out)
  }

  static func requireRank(_ s: TensorShape, _ rank: Int, name: String, type: String, all: [TensorShape]) throws {
    if let r = s.rank, r != rank {
      throw TFError.value("Shape must be rank \(rank) but is rank \(r)" + suffix(name, type, all))
    }
  }

  static func requireEqual(_ a: Int?, _ b: Int?, name: String, type: String, all: [TensorShape]) throws {
    if let a, let b, a != b {
      throw TFError.value("Dimensions must be equal, but are \(a) and \(b)" + suffix(name, type, all))
    }
  }

  /// Normalises reduction axes against a known rank; nil rank passes them through.
  static func normalizeAxes(_ axes: [Int], rank: Int?, name: String, type: String,
                            shapes: [TensorShape]) throws -> [Int] {
    guard let rank else { return axes }
    return try axes.map { ax in
      guard ax >= -rank && ax < rank else {
        throw TFError.value("Invalid reduction dimension \(ax) for input with \(rank) dimensions." + suffix(name, type, shapes).dropLast() + " and with computed input tensors: input[1] = <\(axes.map(String.init).joined(separator: " "))>.")
      }
      return ax < 0 ? ax + rank : ax
    }
  }

  /// The result of reducing `s` over `axes` (nil: all).
  static func reduced(_ s: TensorShape, axes: [Int]?, keepDims: Bool) -> TensorShape {
    guard let dims = s.dims else { return .unknown }
    guard let axes else { return TensorShape(keepDims ? dims.map { _ in 1 } : []) }
    var out: [Int?] = []
    for (i, d) in dims.enumerated() {
      if axes.contains(i) { if keepDims { out.append(1) } } else { out.append(d) }
    }
    return TensorShape(out)
  }
}
