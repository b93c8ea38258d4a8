import Foundation
import Tensors

@inline(__always)
private func loop(_ n: Int, _ a: UnsafePointer<Float>, _ aScalar: Bool, _ b: UnsafePointer<Float>, _ bScalar: Bool,
                  _ o: UnsafeMutablePointer<Float>, _ f: (Float, Float) -> Float) {
  if aScalar {
    let x = a[0]
    for i in 0..<n { o[i] = f(x, b[i]) }
  } else if bScalar {
    let y = b[0]
    for i in 0..<n { o[i] = f(a[i], y) }
  } else {
    for i in 0..<n { o[i] = f(a[i], b[i]) }
  }
}

/// `o = a ∘ b` on float32 buffers, either side possibly a broadcast scalar. False if `kind` has no fast path.
func floatBinary(_ kind: BinaryKind, _ n: Int, _ a: UnsafePointer<Float>, _ aS: Bool, _ b: UnsafePointer<Float>,
                 _ bS: Bool, _ o: UnsafeMutablePointer<Float>) {
  switch kind {
  case .add: loop(n, a, aS, b, bS, o) { $0 + $1 }
  case .sub: loop(n, a, aS, b, bS, o) { $0 - $1 }
  case .mul: loop(n, a, aS, b, bS, o) { $0 * $1 }
  case .div: loop(n, a, aS, b, bS, o) { $0 / $1 }
  case .maximum: loop(n, a, aS, b, bS, o) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
  case .minimum: loop(n, a, aS, b, bS, o) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
  default: preconditionFailure("floatBinary: \(kind)")
  }
}

/// `o[r, c] = big[r, c] ∘ row[c]` for `rows` rows of `cols`. Short rows (a bias add over 10
/// classes) go through a block of the row repeated, so each loop runs over a few hundred elements
/// instead of `cols`; every element is the same single operation either way.
private func rowBroadcast(_ k: BinaryKind, _ big: UnsafePointer<Float>, _ rows: Int, _ cols: Int,
                          _ row: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>) {
  let per = cols >= 64 ? 1 : 256 / Swift.max(cols, 1)  // rows per block
  if per == 1 || rows <= 1 {
    for r in 0..<rows { floatBinary(k, cols, big + r * cols, false, row, false, o + r * cols) }
    return
  }
  withUnsafeTemporaryAllocation(of: Float.self, capacity: per * cols) { block in
    let pat = block.baseAddress!
    for i in 0..<per { (pat + i * cols).update(from: row, count: cols) }
    var r = 0
    while r < rows {
      let n = Swift.min(per, rows - r)
      floatBinary(k, n * cols, big + r * cols, false, pat, false, o + r * cols)
      r += n
    }
  }
}

final class BinaryKernel: Kernel {
  let kind: BinaryKind
  private let fast: Bool
  init(_ op: Operation, kind: BinaryKind, ins: [Int], outs: [Int], fresh: [Bool]) {
    self.kind = kind
    fast = [.add, .sub, .mul, .div, .maximum, .minimum].contains(kind) && op.inputs[0].dtype == .float32
    super.init(op, ins: ins, outs: outs, fresh: fresh)
  }

  override func run(_ st: RunState) throws {
    let a = st.slots[ins[0]], b = st.slots[ins[1]]
    if fast, let r = try fastPath(a, b) {
      st.slots[outs[0]] = r
      return
    }
    if (kind == .equal || kind == .notEqual) && a.shape == b.shape, let r = sameShapeEquality(a, b, kind == .notEqual) {
      st.slots[outs[0]] = r
      return
    }
    do {
      st.slots[outs[0]] = try binary(BinaryOp(rawValue: kind.rawValue)!, a, b)
    } catch is ArrayError {
      throw incompatible(a.shape, b.shape)
    }
  }

  private func fastPath(_ a: NDArray, _ b: NDArray) throws -> NDArray? {
    let k = kind
    if a.shape == b.shape || b.count == 1 && a.rank >= b.rank || a.count == 1 && b.rank >= a.rank {
      let shape = a.count == 1 && b.count != 1 ? b.shape : (a.rank >= b.rank ? a.shape : b.shape)
      return a.withFloats { pa in b.withFloats { pb in
        buf.write(shape) { o, n in floatBinary(k, n, pa, a.count == 1 && n != 1, pb, b.count == 1 && n != 1, o) }
      } }
    }
    // [.., C] ∘ [C] (bias add) and [N, C] ∘ [N, 1] (per-row scale), both directions.
    if a.rank >= 1, b.rank >= 1 {
      let (big, small, swapped) = a.count >= b.count ? (a, b, false) : (b, a, true)
      if swapped && (k == .sub || k == .div) { return nil }
      let cols = big.shape.last!
      if small.rank <= big.rank && Array(big.shape.suffix(small.rank)) == small.shape && small.count == cols {
        let rows = big.count / Swift.max(cols, 1)
        return big.withFloats { pb in small.withFloats { ps in
          buf.write(big.shape) { o, _ in rowBroadcast(k, pb, rows, cols, ps, o) }
        } }
      }
      if big.rank == 2, small.rank == 2, small.shape == [big.shape[0], 1] {
        let rows = big.shape[0]
        return big.withFloats { pb in small.withFloats { ps in
          buf.write(big.shape) { o, _ in
            for r in 0..<rows { floatBinary(k, cols, pb + r * cols, false, ps + r, true, o + r * cols) }
          }
        } }
      }
    }
    return nil
  }
}

/// `a == b` (or `!=`) element-wise on two int64 or two float32 arrays of one shape (tf.equal of
/// two argmax results); nil for other dtypes.
private func sameShapeEquality(_ a: NDArray, _ b: NDArray, _ negate: Bool) -> NDArray? {
  @inline(__always)
  func compare<T: Equatable>(_ x: [T], _ y: [T]) -> NDArray {
    let n = x.count
    let out = [Bool](unsafeUninitializedCapacity: n) { o, done in
      x.withUnsafeBufferPointer { px in
        y.withUnsafeBufferPointer { py in
          for i in 0..<n { o[i] = (px[i] == py[i]) != negate }
        }
      }
      done = n
    }
    return NDArray(shape: a.shape, bools: out)
  }
  switch (a.storage, b.storage) {
  case (.int64(let x), .int64(let y)): return compare(x, y)
  case (.float32(let x), .float32(let y)): return compare(x, y)
  default: return nil
  }
}

final class UnaryKernel: Kernel {
  let kind: UnaryKind
  init(_ op: Operation, kind: UnaryKind, ins: [Int], outs: [Int], fresh: [Bool]) {
    self.kind = kind
    super.init(op, ins: ins, outs: outs, fresh: fresh)
  }

  @inline(__always)
  private func map(_ x: NDArray, _ f: (Float) -> Float) -> NDArray {
    x.withFloats { p in buf.write(x.shape) { o, n in for i in 0..<n { o[i] = f(p[i]) } } }
  }

  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]]
    guard x.dtype == .float32 else {
      let name = kind.rawValue.prefix(1).lowercased() + kind.rawValue.dropFirst()
      st.slots[outs[0]] = try unary(UnaryOp(rawValue: name)!, x)
      return
    }
    let r: NDArray
    switch kind {
    case .neg: r = map(x) { -$0 }
    case .log: r = x.withFloats { p in buf.write(x.shape) { o, n in FastMath.log(n, p, o) } }
    case .exp: r = x.withFloats { p in buf.write(x.shape) { o, n in FastMath.exp(n, p, o) } }
    case .square: r = map(x) { $0 * $0 }
    case .sqrt: r = map(x) { $0.squareRoot() }
    case .rsqrt: r = map(x) { 1 / $0.squareRoot() }
    case .reciprocal: r = map(x) { 1 / $0 }
    case .abs: r = map(x) { Swift.abs($0) }
    case .relu: r = map(x) { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }
    case .sigmoid: r = map(x) { 1 / (1 + FastMath.exp(-$0)) }
    case .tanh: r = map(x) { Foundation.tanh($0) }
    case .sign, .logicalNot: r = try unary(kind == .sign ? .sign : .logicalNot, x)
    }
    st.slots[outs[0]] = r
  }
}

final class MatMulKernel: Kernel {
  private lazy var ta = op.attrBool("transpose_a")
  private lazy var tb = op.attrBool("transpose_b")
  override func run(_ st: RunState) throws {
    let a = st.slots[ins[0]], b = st.slots[ins[1]]
    guard a.rank == 2, b.rank == 2 else {
      throw TFError.invalid("In[0] and In[1] must be matrices, got shapes \(shapeList(a.shape)) and \(shapeList(b.shape))")
    }
    let m = ta ? a.shape[1] : a.shape[0], k = ta ? a.shape[0] : a.shape[1]
    let k2 = tb ? b.shape[1] : b.shape[0], n = tb ? b.shape[0] : b.shape[1]
    guard k == k2 else {
      throw TFError.invalid("Matrix size-incompatible: In[0]: \(shapeList(a.shape)), In[1]: \(shapeList(b.shape))")
    }
    try NDArray.checkShape([m, n])
    let (ta, tb) = (self.ta, self.tb)
    st.slots[outs[0]] = a.withFloats { pa in b.withFloats { pb in
      buf.write([m, n]) { o, _ in
        if k == 0 { o.update(repeating: 0, count: m * n); return }
        sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1, a: pa, lda: a.shape[1], b: pb, ldb: b.shape[1],
              beta: 0, c: o, ldc: n)
      }
    } }
  }
}

final class AddNKernel: Kernel {
  override func run(_ st: RunState) throws {
    let first = st.slots[ins[0]]
    for i in ins.dropFirst() where st.slots[i].shape != first.shape { throw incompatible(first.shape, st.slots[i].shape) }
    st.slots[outs[0]] = buf.write(first.shape) { o, n in
      first.withFloats { p in o.update(from: p, count: n) }
      for i in ins.dropFirst() { st.slots[i].withFloats { p in for j in 0..<n { o[j] += p[j] } } }
    }
  }
}
