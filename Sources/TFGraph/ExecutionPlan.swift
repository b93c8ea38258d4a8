import Dispatch
import Tensors

/// The mutable value slots of one plan while it runs.
final class RunState {
  var slots: [NDArray]
  unowned let session: Session
  init(count: Int, session: Session) {
    slots = [NDArray](repeating: emptyArray, count: count)
    self.session = session
  }
}

let emptyArray = NDArray(shape: [0], floats: [])

/// True for inputs that name a variable to update rather than a value to compute.
func isRefInput(_ op: Operation, _ i: Int) -> Bool {
  switch op.type {
  case "Assign", "ApplyGradientDescent": return i == 0
  case "ApplyAdam": return i <= 2
  default: return false
  }
}

/// A compiled, cached schedule for one (fetches, fed tensors) pair of a ``Session``.
final class ExecutionPlan {
  let state: RunState
  private let kernels: [Kernel]
  /// The scheduled ops' names, in execution order (for tests and tools).
  var scheduledOpNames: [String] { kernelGroups.flatMap { $0 } }
  /// The op names each kernel runs: one per kernel, or all the ops a fused kernel stands for.
  var kernelGroups: [[String]] {
    kernels.map {
      ($0 as? FusedSoftmaxCrossEntropyKernel)?.fusedOpNames ?? ($0 as? MatMulGradientDescentKernel)?.fusedOpNames
        ?? [$0.op.name]
    }
  }
  private let releases: [[Int]]
  private let feedSlots: [Int]
  private let feedTensors: [Tensor]
  private let fetchSlots: [Int?]
  let trainOps: [Operation]
  private let lossSlots: [Int]

  init(session: Session, fetches: [Fetch], feeds: [Tensor]) throws {
    let fed = Set(feeds)
    var needed = Set<Int>()
    var ops: [Operation] = []
    var stack: [Operation] = []
    func needTensor(_ t: Tensor) { if !fed.contains(t) { stack.append(t.op) } }
    for f in fetches {
      switch f {
      case .tensor(let t): needTensor(t)
      case .operation(let o): stack.append(o)
      }
    }
    var extraLosses: [Tensor] = []
    while true {
      while let op = stack.popLast() {
        if !needed.insert(op.id).inserted { continue }
        ops.append(op)
        for (i, t) in op.inputs.enumerated() where !isRefInput(op, i) { needTensor(t) }
        stack += op.controlInputs
        if let loss = op.minimizedLoss { extraLosses.append(loss) }
      }
      if extraLosses.isEmpty { break }
      for l in extraLosses { needTensor(l) }
      extraLosses = []
    }
    ops.sort { $0.id < $1.id }  // creation order is a topological order
    for op in ops where op.type == "Placeholder" {
      let shape = (op.attrs["shape"]).flatMap { if case .shape(let s) = $0 { return s } else { return nil } } ?? .unknown
      let dt = op.outputSpecs[0].dtype
      throw TFError.invalid("You must feed a value for placeholder tensor '\(op.name)' with dtype \(dt.tfShortName)" + (shape.dims == nil ? "" : " and shape \(shape.bracketed)"))
    }
    // Slots: fed tensors first, then every output of every scheduled op.
    var slotOf: [Tensor: Int] = [:]
    for t in feeds { slotOf[t] = slotOf.count }
    for op in ops { for t in op.outputs where slotOf[t] == nil { slotOf[t] = slotOf.count } }
    let fetchSlots = fetches.map { f -> Int? in if case .tensor(let t) = f { return slotOf[t] } else { return nil } }
    let trainOps = ops.filter { $0.minimizedLoss != nil }
    let lossSlots = trainOps.map { slotOf[$0.minimizedLoss!]! }
    let protected = Set(fetchSlots.compactMap { $0 } + lossSlots)
    // Kernels, with the loss-and-gradient ops of a softmax cross-entropy fused into one.
    let protectedTensors = Set(slotOf.compactMap { t, s in protected.contains(s) ? t : nil })
    let fusions = SoftmaxCrossEntropyFusion.find(in: ops, protected: protectedTensors)
    var fusionOf: [ObjectIdentifier: Int] = [:]
    for (i, f) in fusions.enumerated() { for op in f.ops { fusionOf[ObjectIdentifier(op)] = i } }
    var parts = [[Kernel]](repeating: [], count: fusions.count)
    // And a weight gradient's MatMul with the update that alone reads it, run where the update was.
    var updateOf: [ObjectIdentifier: MatMulGradientDescentFusion] = [:]
    var productOf: [ObjectIdentifier: Kernel] = [:]
    for f in MatMulGradientDescentFusion.find(in: ops, protected: protectedTensors) {
      updateOf[ObjectIdentifier(f.matmul)] = f
      updateOf[ObjectIdentifier(f.apply)] = f
    }
    var kernels: [Kernel] = []
    for op in ops {
      let ins = op.inputs.enumerated().map { i, t in isRefInput(op, i) ? -1 : slotOf[t]! }
      let outs = op.outputs.map { slotOf[$0]! }
      let kernel = try makeKernel(op, ins: ins, outs: outs, fresh: outs.map { protected.contains($0) })
      if let f = updateOf[ObjectIdentifier(op)] {
        if op === f.matmul {
          productOf[ObjectIdentifier(f.apply)] = kernel
        } else {
          kernels.append(MatMulGradientDescentKernel(f, matmul: productOf[ObjectIdentifier(op)]!, apply: kernel))
        }
        continue
      }
      guard let f = fusionOf[ObjectIdentifier(op)] else {
        kernels.append(kernel)
        continue
      }
      parts[f].append(kernel)
      if op === fusions[f].ops.last {
        kernels.append(FusedSoftmaxCrossEntropyKernel(fusions[f], parts: parts[f], slot: { slotOf[$0]! }, protected: protected))
      }
    }
    // Liveness: a value is released after the last kernel that reads it.
    var lastUse = [Int](repeating: -1, count: slotOf.count)
    for (k, kernel) in kernels.enumerated() {
      for s in kernel.ins where s >= 0 { lastUse[s] = k }
      for s in kernel.outs where lastUse[s] < k { lastUse[s] = k }
    }
    var releases = [[Int]](repeating: [], count: kernels.count)
    for (s, k) in lastUse.enumerated() where k >= 0 && !protected.contains(s) { releases[k].append(s) }
    self.state = RunState(count: slotOf.count, session: session)
    self.kernels = kernels
    self.releases = releases
    self.feedTensors = feeds
    self.feedSlots = feeds.map { slotOf[$0]! }
    self.fetchSlots = fetchSlots
    self.trainOps = trainOps
    self.lossSlots = lossSlots
  }

  /// Runs the plan once; `feeds` are in the order of the plan's fed tensors.
  func execute(feeds: [NDArray]) throws -> (values: [NDArray?], losses: [Float]) {
    let st = state
    defer { for i in st.slots.indices { st.slots[i] = emptyArray } }
    for i in feeds.indices {
      st.slots[feedSlots[i]] = try checkedFeed(feeds[i], for: feedTensors[i])
    }
    do {
      if let prof = st.session.profile {
        for k in kernels.indices {
          let t0 = DispatchTime.now().uptimeNanoseconds
          try kernels[k].run(st)
          for s in releases[k] { st.slots[s] = emptyArray }
          prof.add(kernels[k].profileName, DispatchTime.now().uptimeNanoseconds - t0)
        }
      } else {
        for k in kernels.indices {
          try kernels[k].run(st)
          for s in releases[k] { st.slots[s] = emptyArray }
        }
      }
    } catch let e as ArrayError {
      throw TFError(e.message.hasPrefix("OOM") ? .resourceExhausted : .invalidArgument, e.message)
    }
    let values = fetchSlots.map { s in s.map { st.slots[$0] } }
    let losses = lossSlots.map { s -> Float in
      if case .float32(let v) = st.slots[s].storage, v.count == 1 { return v[0] }
      let a = st.slots[s]
      return a.dtype == .float32 ? a.floats.reduce(0, +) : .nan
    }
    return (values, losses)
  }

  private func checkedFeed(_ a: NDArray, for t: Tensor) throws -> NDArray {
    guard t.shape.isCompatible(with: a.shape) else {
      throw TFError.value("Cannot feed value of shape \(shapeTuple(a.shape)) for Tensor '\(t.name)', which has shape '\(t.shape)'")
    }
    if a.dtype == t.dtype { return a }
    if t.dtype == .bool && a.dtype != .bool {
      throw TFError.type("Cannot feed a value of dtype \(a.dtype.rawValue) for Tensor '\(t.name)' of dtype bool")
    }
    return cast(a, to: t.dtype)
  }
}
