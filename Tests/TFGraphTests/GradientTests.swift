import Foundation
import TFGraph
import Tensors
import Testing
import _TestSupport

/// Checks forward values and gradients of one op against an independent Double reference.
///
/// The graph computes `loss = reduce_sum(f(inputs) * w)` with fixed weights `w`; its symbolic
/// gradient with respect to each input is compared with central differences of the reference.
func checkOp(_ shapes: [[Int]], _ values: [[Double]], sourceLocation: SourceLocation = #_sourceLocation,
             build: (Graph, [Tensor]) throws -> Tensor, reference: ([[Double]]) -> [Double]) throws {
  let g = Graph()
  let xs = shapes.map { g.placeholder(.float32, shape: TensorShape(known: $0)) }
  let y = try build(g, xs)
  let feeds = Dictionary(uniqueKeysWithValues: zip(xs, zip(shapes, values).map {
    NDArray(shape: $0.0, floats: $0.1.map(Float.init)) }))
  let s = Session(graph: g)
  let out = try s.run(y, feeds: feeds)
  let expected = reference(values)
  assertClose(out.doubles, expected, rtol: 1e-4, atol: 1e-5, "forward", sourceLocation: sourceLocation)
  let w = (0..<out.count).map { Double(($0 * 7) % 5) * 0.25 - 0.4 }
  let loss = try g.reduceSum(try g.mul(y, g.constant(NDArray(shape: out.shape, floats: w.map(Float.init)))))
  let grads = try g.gradients([loss], xs)
  for (i, grad) in grads.enumerated() {
    let gt = try #require(grad, "no gradient for input \(i)", sourceLocation: sourceLocation)
    let analytic = try s.run(gt, feeds: feeds).doubles
    let f: ([Double]) -> Double = { xi in
      var v = values
      v[i] = xi
      return zip(reference(v), w).reduce(0) { $0 + $1.0 * $1.1 }
    }
    assertGradient(f, at: values[i], analytic: analytic, h: 1e-6, rtol: 2e-3, atol: 2e-4,
                   "input \(i)", sourceLocation: sourceLocation)
  }
}

/// NumPy broadcasting of two flat arrays in Double (reference implementation for the tests).
func broadcastRef(_ a: [Double], _ sa: [Int], _ b: [Double], _ sb: [Int], _ f: (Double, Double) -> Double) -> [Double] {
  let n = max(sa.count, sb.count)
  let pa = [Int](repeating: 1, count: n - sa.count) + sa, pb = [Int](repeating: 1, count: n - sb.count) + sb
  let out = zip(pa, pb).map { max($0, $1) }
  var r: [Double] = []
  for flat in 0..<out.reduce(1, *) {
    var rem = flat, ia = 0, ib = 0, ma = 1, mb = 1
    for d in (0..<n).reversed() {
      let idx = rem % out[d]
      rem /= out[d]
      ia += (pa[d] == 1 ? 0 : idx) * ma
      ib += (pb[d] == 1 ? 0 : idx) * mb
      ma *= pa[d]
      mb *= pb[d]
    }
    r.append(f(a[ia], b[ib]))
  }
  return r
}

let x6 = [0.5, 1.2, 0.3, 2.0, 0.7, 1.5]
let y6 = [1.1, 0.4, 0.9, 0.6, 1.3, 0.8]

@Suite struct GradientTests {
  @Test(arguments: [("add", [2, 3], [3]), ("sub", [2, 3], [2, 1]), ("mul", [2, 3], [2, 3]), ("mul", [3], [2, 3]),
                    ("div", [2, 3], [3]), ("div", [2, 1], [2, 3]), ("add", [2, 3], [])])
  func binaryOps(_ name: String, _ sa: [Int], _ sb: [Int]) throws {
    let kind: BinaryKind = ["add": .add, "sub": .sub, "mul": .mul, "div": .div][name]!
    let f: (Double, Double) -> Double
    switch kind {
    case .add: f = { $0 + $1 }
    case .sub: f = { $0 - $1 }
    case .mul: f = { $0 * $1 }
    default: f = { $0 / $1 }
    }
    let a = Array(x6.prefix(sa.reduce(1, *))), b = Array(y6.prefix(sb.reduce(1, *)))
    try checkOp([sa, sb], [a, b], build: { g, t in try g.binary(kind, t[0], t[1]) },
                reference: { broadcastRef($0[0], sa, $0[1], sb, f) })
  }

  @Test(arguments: [UnaryKind.neg, .log, .exp, .square, .sqrt, .relu, .sigmoid, .tanh])
  func unaryOps(_ kind: UnaryKind) throws {
    let f: (Double) -> Double
    switch kind {
    case .neg: f = { -$0 }
    case .log: f = { Foundation.log($0) }
    case .exp: f = { Foundation.exp($0) }
    case .square: f = { $0 * $0 }
    case .sqrt: f = { $0.squareRoot() }
    case .relu: f = { max($0, 0) }
    case .sigmoid: f = { 1 / (1 + Foundation.exp(-$0)) }
    default: f = { Foundation.tanh($0) }
    }
    let v = kind == .relu || kind == .tanh || kind == .neg ? [0.5, -1.2, 0.3, -2.0, 0.7, 1.5] : x6
    try checkOp([[2, 3]], [v], build: { g, t in try g.unary(kind, t[0]) }, reference: { $0[0].map(f) })
  }

  @Test(arguments: [false, true])
  func softmaxAndLogSoftmax(_ log: Bool) throws {
    try checkOp([[2, 3]], [x6], build: { g, t in try g.softmax(t[0], log: log) }, reference: { v in
      (0..<2).flatMap { r -> [Double] in
        let row = Array(v[0][r * 3..<r * 3 + 3]), m = row.max()!
        let s = row.reduce(0) { $0 + Foundation.exp($1 - m) }
        return row.map { log ? $0 - m - Foundation.log(s) : Foundation.exp($0 - m) / s }
      }
    })
  }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func matmul(_ ta: Bool, _ tb: Bool) throws {
    let sa = ta ? [3, 2] : [2, 3], sb = tb ? [4, 3] : [3, 4]
    let b12 = (0..<12).map { Double($0 % 5) * 0.3 - 0.5 }
    try checkOp([sa, sb], [x6, b12], build: { g, t in try g.matmul(t[0], t[1], transposeA: ta, transposeB: tb) },
                reference: { v in
      var out: [Double] = []
      for i in 0..<2 { for j in 0..<4 {
        var s = 0.0
        for k in 0..<3 { s += v[0][ta ? k * 2 + i : i * 3 + k] * v[1][tb ? j * 3 + k : k * 4 + j] }
        out.append(s)
      } }
      return out
    })
  }

  @Test(arguments: [([0], false), ([1], false), ([1], true), ([-1], false), (nil, false), ([0, 1], true)] as [([Int]?, Bool)])
  func reductions(_ axes: [Int]?, _ keep: Bool) throws {
    for mean in [false, true] {
      try checkOp([[2, 3]], [x6], build: { g, t in
        mean ? try g.reduceMean(t[0], axes: axes, keepDims: keep) : try g.reduceSum(t[0], axes: axes, keepDims: keep)
      }, reference: { v in
        let m = v[0]
        let ax = Set((axes ?? [0, 1]).map { $0 < 0 ? $0 + 2 : $0 })
        if ax == [0, 1] { return [m.reduce(0, +) / (mean ? 6 : 1)] }
        if ax == [0] { return (0..<3).map { (m[$0] + m[3 + $0]) / (mean ? 2 : 1) } }
        return (0..<2).map { r in m[r * 3..<r * 3 + 3].reduce(0, +) / (mean ? 3 : 1) }
      })
    }
  }

  @Test func softmaxCrossEntropyWithLogits() throws {
    let labels = [0.0, 1, 0, 0.2, 0.3, 0.5]
    try checkOp([[2, 3]], [x6], build: { g, t in
      try g.softmaxCrossEntropyWithLogits(labels: g.constant(NDArray(shape: [2, 3], floats: labels.map(Float.init))), logits: t[0])
    }, reference: { v in
      (0..<2).map { r in
        let row = Array(v[0][r * 3..<r * 3 + 3])
        let lse = Foundation.log(row.reduce(0) { $0 + Foundation.exp($1) })
        return (0..<3).reduce(0) { $0 + labels[r * 3 + $1] * (lse - row[$1]) }
      }
    })
  }

  @Test func sparseCrossEntropyAndLoss() throws {
    let labels: [Int64] = [2, 0]
    let ref: ([[Double]]) -> [Double] = { v in
      (0..<2).map { r in
        let row = Array(v[0][r * 3..<r * 3 + 3])
        return Foundation.log(row.reduce(0) { $0 + Foundation.exp($1) }) - row[Int(labels[r])]
      }
    }
    try checkOp([[2, 3]], [x6], build: { g, t in
      try g.sparseSoftmaxCrossEntropyWithLogits(labels: g.constant(NDArray(shape: [2], int64s: labels)), logits: t[0])
    }, reference: ref)
    try checkOp([[2, 3]], [x6], build: { g, t in
      try g.sparseSoftmaxCrossEntropyLoss(labels: g.constant(NDArray(shape: [2], int64s: labels)), logits: t[0])
    }, reference: { v in [ref(v).reduce(0, +) / 2] })
  }

  @Test func reshapeIdentityExpandDimsAndReuse() throws {
    try checkOp([[2, 3]], [x6], build: { g, t in try g.reshape(try g.identity(t[0]), [3, -1]) }, reference: { $0[0] })
    try checkOp([[2, 3]], [x6], build: { g, t in try g.expandDims(t[0], 1) }, reference: { $0[0] })
    // x used twice: the partial gradients are summed (AddN).
    try checkOp([[2, 3]], [x6], build: { g, t in try g.add(try g.mul(t[0], t[0]), try g.exp(t[0])) },
                reference: { $0[0].map { $0 * $0 + Foundation.exp($0) } })
  }

  @Test func noGradientThroughArgMaxAndUnrelatedInputs() throws {
    let g = Graph()
    let x = g.placeholder(.float32, shape: TensorShape([2]))
    let other = g.placeholder(.float32, shape: TensorShape([2]))
    let y = try g.reduceSum(try g.cast(try g.argmax(try g.expandDims(x, 0), axis: 1), to: .float32))
    let grads = try g.gradients([y, try g.reduceSum(x)], [x, other])
    #expect(grads[0] != nil && grads[1] == nil)
    #expect(g.operation(named: "gradients/Shape") != nil && g.operation(named: "gradients/Fill") != nil)
  }
}

extension Graph {
  func exp(_ x: Tensor) throws -> Tensor { try unary(.exp, x) }
}
