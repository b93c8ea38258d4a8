import CKernels

/// Reductions along axes.
public enum ReduceOp: String, Sendable, CaseIterable {
  case sum, mean, max, min, prod, any, all
}

/// Normalised, sorted, de-duplicated axes (nil = all axes); NumPy's errors for bad ones.
public func normalizeAxes(_ axes: [Int]?, rank: Int) throws -> [Int] {
  guard let axes else { return Array(0..<rank) }
  var seen = Set<Int>()
  for a in axes {
    let n = try normalizeAxis(a, rank: rank)
    if !seen.insert(n).inserted { throw ArrayError("duplicate value in 'axis'") }
  }
  return seen.sorted()
}

/// Reduces `a` along `axes` (nil = all; negative axes count from the end).
///
/// sum/mean/max/min/prod need float32 or int64 (int64 mean truncates, as TensorFlow does);
/// any/all need bool. With `keepDims` the reduced axes stay with length 1.
public func reduce(_ op: ReduceOp, _ a: NDArray, axes: [Int]?, keepDims: Bool) throws -> NDArray {
  let ax = try normalizeAxes(axes, rank: a.rank)
  let isLogical = op == .any || op == .all
  if isLogical != (a.dtype == .bool) {
    throw ArrayError(
      isLogical
        ? "Value for attr 'T' of \(a.dtype.rawValue) is not in the list of allowed values for 'reduce_\(op.rawValue)': bool"
        : "Value for attr 'T' of bool is not in the list of allowed values for 'reduce_\(op.rawValue)': float, int64")
  }
  var outShape: [Int] = []
  for (i, d) in a.shape.enumerated() {
    if ax.contains(i) { if keepDims { outShape.append(1) } } else { outShape.append(d) }
  }
  if ax.isEmpty { return try a.reshaped(outShape) }
  // Reduce one contiguous block of axes at a time, from the last block to the first.
  var cur = a
  var curShape = a.shape
  var blocks: [(Int, Int)] = []  // (first axis, count)
  for x in ax {
    if let last = blocks.last, last.0 + last.1 == x { blocks[blocks.count - 1].1 += 1 } else { blocks.append((x, 1)) }
  }
  var reducedCount = 1
  for (first, len) in blocks.reversed() {
    let outer = curShape[..<first].reduce(1, *)
    let r = curShape[first..<(first + len)].reduce(1, *)
    let inner = curShape[(first + len)...].reduce(1, *)
    reducedCount *= r
    cur = reduceBlock(op == .mean ? .sum : op, cur, outer: outer, r: r, inner: inner)
    curShape.replaceSubrange(first..<(first + len), with: [1])
  }
  if op == .mean {
    switch cur.storage {
    case .float32(let v):
      let n = Float(reducedCount)
      cur = NDArray(shape: [v.count], floats: v.map { $0 / n })
    case .int64(let v):
      let n = Int64(reducedCount)
      cur = NDArray(shape: [v.count], int64s: n == 0 ? v : v.map { $0 / n })
    case .bool: break
    }
  }
  return try cur.reshaped(outShape)
}

/// Reduces the middle axis of `a` viewed as [outer, r, inner]; the result is flat [outer*inner].
func reduceBlock(_ op: ReduceOp, _ a: NDArray, outer: Int, r: Int, inner: Int) -> NDArray {
  switch a.storage {
  case .float32(let v):
    switch op {
    case .sum, .mean:
      return NDArray(shape: [outer * inner], floats: blockReduce(v, outer, r, inner, Double(0), { $0 + Double($1) }).map { Float($0) })
    case .prod:
      return NDArray(shape: [outer * inner], floats: blockReduce(v, outer, r, inner, Double(1), { $0 * Double($1) }).map { Float($0) })
    case .max:
      return NDArray(shape: [outer * inner], floats: blockReduce(v, outer, r, inner, -Float.infinity, { ($1 > $0 || $1.isNaN || $0.isNaN) ? ($0.isNaN ? $0 : $1) : $0 }))
    case .min:
      return NDArray(shape: [outer * inner], floats: blockReduce(v, outer, r, inner, Float.infinity, { ($1 < $0 || $1.isNaN || $0.isNaN) ? ($0.isNaN ? $0 : $1) : $0 }))
    case .any, .all: return a
    }
  case .int64(let v):
    switch op {
    case .sum, .mean: return NDArray(shape: [outer * inner], int64s: blockReduce(v, outer, r, inner, Int64(0), { $0 &+ $1 }))
    case .prod: return NDArray(shape: [outer * inner], int64s: blockReduce(v, outer, r, inner, Int64(1), { $0 &* $1 }))
    case .max: return NDArray(shape: [outer * inner], int64s: blockReduce(v, outer, r, inner, Int64.min, { Swift.max($0, $1) }))
    case .min: return NDArray(shape: [outer * inner], int64s: blockReduce(v, outer, r, inner, Int64.max, { Swift.min($0, $1) }))
    case .any, .all: return a
    }
  case .bool(let v):
    if op == .any { return NDArray(shape: [outer * inner], bools: blockReduce(v, outer, r, inner, false, { $0 || $1 })) }
    return NDArray(shape: [outer * inner], bools: blockReduce(v, outer, r, inner, true, { $0 && $1 }))
  }
}

@inlinable
func blockReduce<T, Acc>(_ v: [T], _ outer: Int, _ r: Int, _ inner: Int, _ initial: Acc, _ f: (Acc, T) -> Acc) -> [Acc] {
  var out = [Acc](repeating: initial, count: outer * inner)
  v.withUnsafeBufferPointer { p in
    out.withUnsafeMutableBufferPointer { o in
      for i in 0..<outer {
        let base = i * r * inner
        if inner == 1 {
          var acc = initial
          for j in 0..<r { acc = f(acc, p[base + j]) }
          o[i] = acc
        } else {
          for j in 0..<r {
            let row = base + j * inner
            for k in 0..<inner { o[i * inner + k] = f(o[i * inner + k], p[row + k]) }
          }
        }
      }
    }
  }
  return out
}

/// Index of the largest element along `axis` (first one on ties; NaN counts as largest), as int64.
public func argmax(_ a: NDArray, axis: Int) throws -> NDArray {
  try argExtreme(a, axis: axis, name: "argmax") { x, best in x > best }
}

/// Index of the smallest element along `axis` (first one on ties; NaN counts as smallest), as int64.
public func argmin(_ a: NDArray, axis: Int) throws -> NDArray {
  try argExtreme(a, axis: axis, name: "argmin") { x, best in x < best }
}

func argExtreme(_ a: NDArray, axis: Int, name: String, _ better: (Double, Double) -> Bool) throws -> NDArray {
  if a.rank == 0 { throw ArrayError("\(name): axis \(axis) is out of bounds for array of dimension 0") }
  let ax = try normalizeAxis(axis, rank: a.rank)
  let r = a.shape[ax]
  if r == 0 { throw ArrayError("attempt to get \(name) of an empty sequence") }
  let outer = a.shape[..<ax].reduce(1, *)
  let inner = a.shape[(ax + 1)...].reduce(1, *)
  var outShape = a.shape
  outShape.remove(at: ax)
  if inner == 1, case .float32(let v) = a.storage {
    // rows of floats (argmax(y, 1) over the test set): the vectorised C kernel, same semantics
    let out = [Int64](unsafeUninitializedCapacity: outer) { o, done in
      v.withUnsafeBufferPointer { p in
        if let base = p.baseAddress, let ob = o.baseAddress, outer > 0 {
          ck_argmax_rows(base, ob, outer, r, name == "argmax" ? 0 : 1)
        }
      }
      done = outer
    }
    return NDArray(shape: outShape, int64s: out)
  }
  var out = [Int64](repeating: 0, count: outer * inner)
  func scan<T>(_ v: [T], _ toD: (T) -> Double) {
    for i in 0..<outer {
      for k in 0..<inner {
        let base = i * r * inner + k
        var best = toD(v[base]), bi = 0
        if !best.isNaN {
          for j in 1..<max(r, 1) {
            let x = toD(v[base + j * inner])
            if x.isNaN { bi = j; break }
            if better(x, best) { best = x; bi = j }
          }
        }
        out[i * inner + k] = Int64(bi)
      }
    }
  }
  switch a.storage {
  case .float32(let v): scan(v) { Double($0) }
  case .int64(let v): scan(v) { Double($0) }
  case .bool(let v): scan(v) { $0 ? 1 : 0 }
  }
  return NDArray(shape: outShape, int64s: out)
}

/// Row argmax (or argmin) of a `rows`×`cols` float buffer with an explicit C kernel ("generic",
/// "avx2", "avx512"), the one behind ``argmax(_:axis:)`` over the last axis; nil when this CPU
/// cannot run it. For tests.
package func argmaxRowsKernel(isa: String, _ x: [Float], rows: Int, cols: Int, argmin: Bool = false) -> [Int64]? {
  precondition(rows * cols == x.count && cols >= 1)
  var out = [Int64](repeating: -1, count: rows)
  let ok = isa.withCString { name in
    x.withUnsafeBufferPointer { p in
      out.withUnsafeMutableBufferPointer { o in
        rows == 0 ? 1 : ck_argmax_rows_isa(name, p.baseAddress!, o.baseAddress!, rows, cols, argmin ? 1 : 0)
      }
    }
  }
  return ok != 0 ? out : nil
}

/// The scalar definition of ``argmax(_:axis:)`` over the last axis (first largest, or first NaN),
/// which the kernels are tested against.
package func argmaxRowsReference(_ x: [Float], rows: Int, cols: Int, argmin: Bool = false) -> [Int64] {
  (0..<rows).map { r in
    var best = Double(x[r * cols]), bi = 0
    if best.isNaN { return 0 }
    for j in 1..<Swift.max(cols, 1) {
      let v = Double(x[r * cols + j])
      if v.isNaN { return Int64(j) }
      if argmin ? v < best : v > best { best = v; bi = j }
    }
    return Int64(bi)
  }
}
