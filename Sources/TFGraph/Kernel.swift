import Tensors

/// One scheduled op of an ``ExecutionPlan``: reads input slots, writes output slots.
class Kernel {
  let op: Operation
  let ins: [Int]
  let outs: [Int]
  /// Per output: hand out a fresh buffer each run (the value is fetched and outlives the run).
  let fresh: [Bool]
  /// Reused output buffers for outputs 0 and 1 (stored, not lazy, so writes happen in place).
  var buf: FloatBuffer
  var buf1: FloatBuffer
  init(_ op: Operation, ins: [Int], outs: [Int], fresh: [Bool]) {
    buf = FloatBuffer(fresh: fresh.first ?? true)
    buf1 = FloatBuffer(fresh: fresh.count > 1 ? fresh[1] : true)
    self.op = op
    self.ins = ins
    self.outs = outs
    self.fresh = fresh
  }
  func run(_ st: RunState) throws { fatalError("Kernel.run not overridden for \(op.type)") }
  /// The name this kernel's time is recorded under in a ``KernelProfile``.
  var profileName: String { op.name }
}

/// A float32 output buffer reused across runs when its size is unchanged.
struct FloatBuffer {
  var data: [Float] = []
  var shape: [Int] = []
  let fresh: Bool
  init(fresh: Bool) { self.fresh = fresh }

  /// Lets `body` fill `count(shape)` floats and returns them as an array sharing the buffer.
  @inline(__always)
  mutating func write(_ shape: [Int], _ body: (UnsafeMutablePointer<Float>, Int) throws -> Void) rethrows -> NDArray {
    if self.shape != shape { self.shape = shape }
    var n = 1
    for d in shape { n &*= d }
    if fresh || data.count != n {
      data = [Float](unsafeUninitializedCapacity: n) { _, c in c = n }
    }
    if n > 0 { try data.withUnsafeMutableBufferPointer { try body($0.baseAddress!, n) } }
    return NDArray(shape: self.shape, floats: data)
  }
}

extension NDArray {
  /// Calls `body` with the float32 elements (the array must be float32).
  @inline(__always)
  func withFloats<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
    guard case .float32(let v) = storage else { preconditionFailure("withFloats on \(dtype) array") }
    return try v.withUnsafeBufferPointer { try body($0.baseAddress ?? UnsafePointer(bitPattern: 16)!) }
  }

  /// Mutates the float32 elements in place (no copy when this array is the only owner).
  mutating func mutateFloats(_ body: (UnsafeMutablePointer<Float>, Int) -> Void) {
    guard case .float32(var v) = storage else { return }
    let shape = self.shape
    self = emptyArray
    let n = v.count
    if n > 0 { v.withUnsafeMutableBufferPointer { body($0.baseAddress!, n) } }
    self = NDArray(shape: shape, floats: v)
  }

  /// The same elements under another shape (no copy); the caller checks the count.
  func sameData(shape: [Int]) -> NDArray {
    switch storage {
    case .float32(let v): return NDArray(shape: shape, floats: v)
    case .int64(let v): return NDArray(shape: shape, int64s: v)
    case .bool(let v): return NDArray(shape: shape, bools: v)
    }
  }
}

/// Throws TensorFlow's run-time error for arrays that should have matched.
func incompatible(_ a: [Int], _ b: [Int]) -> TFError {
  TFError.invalid("Incompatible shapes: \(shapeList(a)) vs. \(shapeList(b))")
}

/// Creates the kernel that executes `op`.
func makeKernel(_ op: Operation, ins: [Int], outs: [Int], fresh: [Bool]) throws -> Kernel {
  let k = (op, ins, outs, fresh)
  switch op.type {
  case "Const": return ConstKernel(k.0, ins: ins, outs: outs, fresh: fresh)
  case "Identity", "StopGradient", "Snapshot": return IdentityKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "NoOp": return NoOpKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "VariableV2": return VariableKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Assign": return AssignKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "ApplyGradientDescent": return ApplyGradientDescentKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "ApplyAdam": return ApplyAdamKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "RandomStandardNormal", "TruncatedNormal": return RandomKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "MatMul": return MatMulKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Shape": return ShapeKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Fill": return FillKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Reshape", "ExpandDims": return ReshapeKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Cast": return CastKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "ArgMax", "ArgMin": return ArgMaxKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "AddN": return AddNKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Sum", "Mean", "Max", "Min", "Prod", "Any", "All": return ReduceKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "BroadcastTo": return BroadcastGradKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "SumToShape": return SumToShapeKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "Softmax", "LogSoftmax": return SoftmaxKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "SoftmaxGrad", "LogSoftmaxGrad", "ReluGrad", "SigmoidGrad", "TanhGrad":
    return ActivationGradKernel(op, ins: ins, outs: outs, fresh: fresh)
  case "SoftmaxCrossEntropyWithLogits", "SparseSoftmaxCrossEntropyWithLogits":
    return CrossEntropyKernel(op, ins: ins, outs: outs, fresh: fresh)
  default:
    if let kind = BinaryKind.allCases.first(where: { $0.opType == op.type }) {
      return BinaryKernel(op, kind: kind, ins: ins, outs: outs, fresh: fresh)
    }
    if let kind = UnaryKind(rawValue: op.type) {
      return UnaryKernel(op, kind: kind, ins: ins, outs: outs, fresh: fresh)
    }
    throw TFError(.unimplemented, "No kernel for op '\(op.name)' of type \(op.type)")
  }
}

final class ConstKernel: Kernel {
  override func run(_ st: RunState) throws { st.slots[outs[0]] = op.attrTensor("value") ?? emptyArray }
}

final class IdentityKernel: Kernel {
  override func run(_ st: RunState) throws { st.slots[outs[0]] = st.slots[ins[0]] }
}

final class NoOpKernel: Kernel {
  override func run(_ st: RunState) throws {}
}

final class ShapeKernel: Kernel {
  private var cached = NDArray(shape: [0], int64s: [])
  override func run(_ st: RunState) throws {
    let s = st.slots[ins[0]].shape
    if cached.count != s.count || !zip(cached.int64s, s).allSatisfy({ Int($0) == $1 }) {
      cached = NDArray(shape: [s.count], int64s: s.map { Int64($0) })
    }
    st.slots[outs[0]] = cached
  }
}

final class FillKernel: Kernel {
  override func run(_ st: RunState) throws {
    let dims = st.slots[ins[0]].int64s.map { Int($0) }
    let v = st.slots[ins[1]]
    try NDArray.checkShape(dims, dtype: v.dtype)
    if case .float32(let f) = v.storage, f.count == 1 {
      let x = f[0]
      st.slots[outs[0]] = buf.write(dims) { p, n in p.update(repeating: x, count: n) }
    } else {
      st.slots[outs[0]] = NDArray.filled(dims, value: v.scalarDouble ?? 0, dtype: v.dtype)
    }
  }
}

final class ReshapeKernel: Kernel {
  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]]
    let spec = st.slots[ins[1]].int64s.map { Int($0) }
    var shape: [Int]
    if op.type == "ExpandDims" {
      let r = x.rank + 1
      let d = spec.first ?? 0
      guard d >= -r && d < r else { throw TFError.invalid("Tried to expand dim index \(d) for tensor with \(x.rank) dimensions.") }
      shape = x.shape
      shape.insert(1, at: d < 0 ? d + r : d)
    } else {
      shape = spec
      let known = shape.filter { $0 >= 0 }.reduce(1, *)
      if let i = shape.firstIndex(of: -1), known > 0, x.count % known == 0 { shape[i] = x.count / known }
      if shape.reduce(1, *) != x.count || shape.contains(where: { $0 < 0 }) {
        throw TFError.invalid("Input to reshape is a tensor with \(x.count) values, but the requested shape has \(known)")
      }
    }
    st.slots[outs[0]] = x.sameData(shape: shape)
  }
}

final class CastKernel: Kernel {
  private lazy var dst = op.attrType("DstT") ?? .float32
  override func run(_ st: RunState) throws {
    let x = st.slots[ins[0]]
    if dst == .float32, case .bool(let v) = x.storage {  // tf.cast(correct_prediction, tf.float32)
      st.slots[outs[0]] = v.withUnsafeBufferPointer { p in buf.write(x.shape) { o, n in for i in 0..<n { o[i] = p[i] ? 1 : 0 } } }
      return
    }
    st.slots[outs[0]] = cast(x, to: dst)
  }
}

final class ArgMaxKernel: Kernel {
  override func run(_ st: RunState) throws {
    let axis = Int(st.slots[ins[1]].scalarDouble ?? 0)
    let x = st.slots[ins[0]]
    st.slots[outs[0]] = op.type == "ArgMax" ? try argmax(x, axis: axis) : try argmin(x, axis: axis)
  }
}

final class RandomKernel: Kernel {
  override func run(_ st: RunState) throws {
    let s = st.session
    if s.rngs[op.id] == nil {
      var seed: UInt64
      if op.attrBool("seeded") {
        seed = UInt64(truncatingIfNeeded: (op.attrInt("seed") ?? 0) &* 1_000_003 &+ (op.attrInt("seed2") ?? 0))
      } else {
        var g = SystemRandomNumberGenerator()
        seed = g.next()
      }
      s.rngs[op.id] = RandomGenerator(seed: seed)
    }
    let shape = op.attrInts("shape") ?? []
    try NDArray.checkShape(shape)
    let mean = Float(op.attrFloat("mean") ?? 0), sd = Float(op.attrFloat("stddev") ?? 1)
    st.slots[outs[0]] = op.type == "TruncatedNormal"
      ? truncatedNormal(shape, mean: mean, stddev: sd, rng: &s.rngs[op.id]!)
      : randomNormal(shape, mean: mean, stddev: sd, rng: &s.rngs[op.id]!)
  }
}
