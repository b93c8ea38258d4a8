/// Converts to `dtype`: float to int64 truncates toward zero (as TensorFlow's Cast), non-zero is true.
public func cast(_ a: NDArray, to dtype: DType) -> NDArray {
  if a.dtype == dtype { return a }
  switch dtype {
  case .float32: return NDArray(shape: a.shape, floats: a.floats)
  case .int64: return NDArray(shape: a.shape, int64s: a.int64s)
  case .bool: return NDArray(shape: a.shape, bools: a.bools)
  }
}

/// Permutes the axes (`perm` nil reverses them, as `np.transpose`).
public func transpose(_ a: NDArray, perm: [Int]?) throws -> NDArray {
  let r = a.rank
  let p = try perm.map { try $0.map { try normalizeAxis($0, rank: r) } } ?? Array((0..<r).reversed())
  if p.count != r || Set(p).count != r { throw ArrayError("axes don't match array") }
  if r < 2 || p == Array(0..<r) { return a }
  let outShape = p.map { a.shape[$0] }
  let inStrides = stridesOf(a.shape)
  let srcStrides = p.map { inStrides[$0] }  // stride in the input for each output axis
  func permute<T>(_ v: [T]) -> [T] {
    let n = v.count
    if n == 0 { return [] }
    if r == 2 {
      let rows = outShape[0], cols = outShape[1]
      return v.withUnsafeBufferPointer { src in
        [T](unsafeUninitializedCapacity: n) { buf, done in
          let blk = 32
          for i0 in stride(from: 0, to: rows, by: blk) {
            for j0 in stride(from: 0, to: cols, by: blk) {
              for i in i0..<Swift.min(i0 + blk, rows) {
                for j in j0..<Swift.min(j0 + blk, cols) {
                  (buf.baseAddress! + i * cols + j).initialize(to: src[j * rows + i])
                }
              }
            }
          }
          done = n
        }
      }
    }
    var out = [T]()
    out.reserveCapacity(n)
    var idx = [Int](repeating: 0, count: r)
    var off = 0
    for _ in 0..<n {
      out.append(v[off])
      var d = r - 1
      while d >= 0 {
        idx[d] += 1
        off += srcStrides[d]
        if idx[d] < outShape[d] { break }
        off -= srcStrides[d] * outShape[d]
        idx[d] = 0
        d -= 1
      }
    }
    return out
  }
  switch a.storage {
  case .float32(let v): return NDArray(shape: outShape, floats: permute(v))
  case .int64(let v): return NDArray(shape: outShape, int64s: permute(v))
  case .bool(let v): return NDArray(shape: outShape, bools: permute(v))
  }
}

/// One-hot float32 encoding: shape `indices.shape + [depth]`; out-of-range indices give a zero row
/// (as `tf.one_hot`). Indices must be int64 (float32 integral values are accepted too).
public func oneHot(indices: NDArray, depth: Int) throws -> NDArray {
  if depth < 0 { throw ArrayError("depth must be non-negative, got: \(depth)") }
  if indices.dtype == .bool { throw ArrayError("one_hot indices must be integers, got dtype bool") }
  let idx = indices.int64s
  let outShape = indices.shape + [depth]
  try NDArray.checkShape(outShape)
  var out = [Float](repeating: 0, count: idx.count * depth)
  for (i, k) in idx.enumerated() where k >= 0 && k < depth { out[i * depth + Int(k)] = 1 }
  return NDArray(shape: outShape, floats: out)
}

/// `a[i]` along the first axis (negative `i` counts from the end), as NumPy indexes.
public func index(_ a: NDArray, _ i: Int) throws -> NDArray {
  if a.rank == 0 { throw ArrayError("invalid index to scalar variable.") }
  let n = a.shape[0]
  let j = i < 0 ? i + n : i
  if j < 0 || j >= n { throw ArrayError("index \(i) is out of bounds for axis 0 with size \(n)") }
  let sub = Array(a.shape.dropFirst())
  let m = sub.reduce(1, *)
  return rows(a, Array(stride(from: j, to: j + 1, by: 1)), rowSize: m, shape: sub)
}

/// `a[start:stop:step]` along the first axis, with Python's slice rules (nil = default).
public func slice(_ a: NDArray, axis0 start: Int?, _ stop: Int?, _ step: Int?) throws -> NDArray {
  if a.rank == 0 { throw ArrayError("too many indices for array: array is 0-dimensional, but 1 were indexed") }
  let st = step ?? 1
  if st == 0 { throw ArrayError("slice step cannot be zero") }
  let n = a.shape[0]
  func clamp(_ v: Int?, _ dflt: Int, lo: Int, hi: Int) -> Int {
    guard var v else { return dflt }
    if v < 0 { v += n }
    return Swift.min(Swift.max(v, lo), hi)
  }
  let picks: [Int]
  if st > 0 {
    let s = clamp(start, 0, lo: 0, hi: n), e = clamp(stop, n, lo: 0, hi: n)
    picks = s < e ? Array(stride(from: s, to: e, by: st)) : []
  } else {
    let s = clamp(start, n - 1, lo: -1, hi: n - 1), e = clamp(stop, -1, lo: -1, hi: n - 1)
    picks = s > e ? Array(stride(from: s, to: e, by: st)) : []
  }
  let sub = Array(a.shape.dropFirst())
  return rows(a, picks, rowSize: sub.reduce(1, *), shape: [picks.count] + sub)
}

/// Gathers whole rows (along axis 0) of `a`.
func rows(_ a: NDArray, _ picks: [Int], rowSize m: Int, shape: [Int]) -> NDArray {
  func g<T>(_ v: [T]) -> [T] {
    if picks.count == 1 { return Array(v[picks[0] * m..<(picks[0] + 1) * m]) }
    var out = [T]()
    out.reserveCapacity(picks.count * m)
    for p in picks { out.append(contentsOf: v[p * m..<(p + 1) * m]) }
    return out
  }
  switch a.storage {
  case .float32(let v): return NDArray(shape: shape, floats: g(v))
  case .int64(let v): return NDArray(shape: shape, int64s: g(v))
  case .bool(let v): return NDArray(shape: shape, bools: g(v))
  }
}
