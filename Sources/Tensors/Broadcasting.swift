/// The shape two operands broadcast to, by NumPy's rules (align from the right; 1 stretches).
///
/// Throws `operands could not be broadcast together with shapes (2,3) (4,) `.
public func broadcastShapes(_ a: [Int], _ b: [Int]) throws -> [Int] {
  let r = max(a.count, b.count)
  var out = [Int](repeating: 1, count: r)
  for i in 0..<r {
    let da = i < r - a.count ? 1 : a[i - (r - a.count)]
    let db = i < r - b.count ? 1 : b[i - (r - b.count)]
    if da == db || db == 1 {
      out[i] = da
    } else if da == 1 {
      out[i] = db
    } else {
      throw ArrayError(
        "operands could not be broadcast together with shapes \(compactTuple(a)) \(compactTuple(b)) ")
    }
  }
  return out
}

/// NumPy's compact shape spelling in broadcast errors: `(2,3)`, `(4,)`.
func compactTuple(_ s: [Int]) -> String {
  s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ",") + ")"
}

/// Strides of an operand of shape `shape` read as if it had shape `out` (0 where it is stretched).
@usableFromInline
func broadcastStrides(_ shape: [Int], to out: [Int]) -> [Int] {
  let own = stridesOf(shape)
  let off = out.count - shape.count
  var s = [Int](repeating: 0, count: out.count)
  for i in 0..<shape.count where shape[i] != 1 || out[i + off] == 1 {
    s[i + off] = shape[i] == 1 ? 0 : own[i]
  }
  return s
}

/// Applies `f` element-wise over two operands broadcast to `out`.
@inlinable
func broadcastMap<A, B, R>(
  _ a: [A], _ aShape: [Int], _ b: [B], _ bShape: [Int], _ out: [Int], _ f: (A, B) -> R
) -> [R] {
  let n = out.reduce(1, *)
  if n == 0 { return [] }
  return a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      [R](unsafeUninitializedCapacity: n) { buf, initialized in
        let po = buf.baseAddress!
        if a.count == n && b.count == n {
          for i in 0..<n { (po + i).initialize(to: f(pa[i], pb[i])) }
        } else if a.count == 1 && b.count == n {
          let x = pa[0]
          for i in 0..<n { (po + i).initialize(to: f(x, pb[i])) }
        } else if b.count == 1 && a.count == n {
          let y = pb[0]
          for i in 0..<n { (po + i).initialize(to: f(pa[i], y)) }
        } else if a.count == n && n % b.count == 0 && Array(out.suffix(bShape.count)) == bShape {
          // Row broadcast: b repeats along the leading dimensions.
          let m = b.count
          var i = 0
          while i < n {
            for j in 0..<m { (po + i + j).initialize(to: f(pa[i + j], pb[j])) }
            i += m
          }
        } else {
          let sa = broadcastStrides(aShape, to: out)
          let sb = broadcastStrides(bShape, to: out)
          let r = out.count
          let inner = out[r - 1]
          let ia = sa[r - 1], ib = sb[r - 1]
          var idx = [Int](repeating: 0, count: r)
          var offA = 0, offB = 0, o = 0
          while o < n {
            var xa = offA, xb = offB
            for _ in 0..<inner {
              (po + o).initialize(to: f(pa[xa], pb[xb]))
              o += 1; xa += ia; xb += ib
            }
            // advance the outer index (dimensions 0..<r-1)
            var d = r - 2
            while d >= 0 {
              idx[d] += 1
              offA += sa[d]; offB += sb[d]
              if idx[d] < out[d] { break }
              offA -= sa[d] * out[d]; offB -= sb[d] * out[d]
              idx[d] = 0
              d -= 1
            }
          }
        }
        initialized = n
      }
    }
  }
}

/// Materialises `a` broadcast to `shape` (NumPy's `np.broadcast_to`, copied).
public func broadcast(_ a: NDArray, to shape: [Int]) throws -> NDArray {
  let s = try broadcastShapes(a.shape, shape)
  if s != shape {
    throw ArrayError(
      "operands could not be broadcast together with remapped shapes [original->remapped]: "
        + "\(compactTuple(a.shape)) and requested shape \(compactTuple(shape))")
  }
  if a.shape == shape { return a }
  try NDArray.checkShape(shape, dtype: a.dtype)
  switch a.storage {
  case .float32(let v):
    return NDArray(shape: shape, floats: broadcastMap(v, a.shape, [0 as UInt8], [], shape) { x, _ in x })
  case .int64(let v):
    return NDArray(shape: shape, int64s: broadcastMap(v, a.shape, [0 as UInt8], [], shape) { x, _ in x })
  case .bool(let v):
    return NDArray(shape: shape, bools: broadcastMap(v, a.shape, [0 as UInt8], [], shape) { x, _ in x })
  }
}

/// Sums `a` down to `shape`, undoing a broadcast (the gradient of broadcasting).
///
/// `shape` must broadcast to `a.shape`; leading axes are summed away and stretched size-1
/// axes are summed with keepDims.
public func sumToShape(_ a: NDArray, _ shape: [Int]) throws -> NDArray {
  if a.shape == shape { return a }
  let out = try broadcastShapes(shape, a.shape)
  if out != a.shape {
    throw ArrayError("cannot sum array of shape \(shapeTuple(a.shape)) to shape \(shapeTuple(shape))")
  }
  let lead = a.rank - shape.count
  var axes = Array(0..<lead)
  for i in 0..<shape.count where shape[i] == 1 && a.shape[lead + i] != 1 { axes.append(lead + i) }
  let summed = try reduce(.sum, a, axes: axes, keepDims: true)
  return try summed.reshaped(shape)
}
