import Tensors

/// Something `Session.run` can fetch: a tensor (gives its value) or an operation (gives `nil`).
public enum Fetch: Hashable {
  case tensor(Tensor)
  case operation(Operation)
}

/// One training step, as reported to training observers.
public struct TrainingEvent {
  /// The session's training-step counter after this step (1 for the first step).
  public let step: Int
  /// The loss the step computed in its forward pass (before the update).
  public let loss: Float
  /// The optimizer's training op that ran.
  public let trainOp: Operation
}

/// A TensorFlow 1.x session: runs parts of a ``Graph``; variable values live here.
///
/// `run` compiles an execution plan per (fetches, fed tensors) and caches it: only the needed ops
/// in topological order, buffers reused across runs, values released as soon as no later op
/// needs them (so optimizer updates happen in place). Not thread-safe.
public final class Session {
  /// The graph this session runs.
  public let graph: Graph
  /// True after ``close()``.
  public private(set) var isClosed = false
  /// The number of training steps run so far (steps that executed an optimizer's op).
  public private(set) var trainingStep = 0

  var variableValues: [NDArray?] = []
  var rngs: [Int: RandomGenerator] = [:]
  private var plans: [PlanKey: ExecutionPlan] = [:]
  private var lastKey: PlanKey?
  private var lastPlan: ExecutionPlan?
  private var observers: [(id: Int, fn: (TrainingEvent) -> Void)] = []
  nonisolated(unsafe) private static var globalObservers: [(id: Int, fn: (Session, TrainingEvent) -> Void)] = []
  nonisolated(unsafe) private static var nextObserverID = 0

  /// Creates a session on `graph` (`tf.Session(graph=)`).
  public init(graph: Graph) { self.graph = graph }

  /// Closes the session and frees its variable values; later runs throw `RuntimeError`.
  public func close() {
    isClosed = true
    variableValues = []
    plans = [:]
    lastPlan = nil
    lastKey = nil
  }

  // MARK: Running

  /// Runs the graph (`sess.run(fetches, feed_dict)`): computes every fetch, feeding `feeds`.
  ///
  /// - Returns: one value per fetch, `nil` for operations.
  /// - Throws: `RuntimeError` on a closed session; `ValueError` for a feed of the wrong shape
  ///   (`Cannot feed value of shape (100, 10) for Tensor 'Placeholder:0', which has shape '(?, 784)'`)
  ///   or a tensor of another graph; `InvalidArgumentError` for a missing feed (`You must feed a
  ///   value for placeholder tensor 'Placeholder' with dtype float and shape [?,784]`) or
  ///   incompatible run-time shapes; `FailedPreconditionError` for an uninitialized variable
  ///   (`Attempting to use uninitialized value Variable`); `ResourceExhaustedError` for huge arrays.
  public func run(_ fetches: [Fetch], feeds: [Tensor: NDArray] = [:]) throws -> [NDArray?] {
    try run(fetches, feedList: feeds.map { ($0.key, $0.value) })
  }

  /// ``run(_:feeds:)`` with feeds as a list (avoids building a dictionary on hot paths).
  public func run(_ fetches: [Fetch], feedList: [(Tensor, NDArray)]) throws -> [NDArray?] {
    if isClosed { throw TFError(.runtimeError, "Attempted to use a closed Session.") }
    let sorted = feedList.count > 1 ? feedList.sorted { ($0.0.op.id, $0.0.index) < ($1.0.op.id, $1.0.index) } : feedList
    let key = PlanKey(fetches: fetches, feeds: sorted.map(\.0))
    let plan: ExecutionPlan
    if let lp = lastPlan, lastKey == key {
      plan = lp
    } else if let p = plans[key] {
      plan = p
      lastKey = key
      lastPlan = p
    } else {
      for f in fetches {
        let gid: Int
        switch f {
        case .tensor(let t): gid = t.op.graphID
        case .operation(let o): gid = o.graphID
        }
        if gid != graph.id {
          switch f {
          case .tensor(let t): throw TFError.value("Tensor \(t) is not an element of this graph.")
          case .operation(let o): throw TFError.value("Operation name: \"\(o.name)\"\nop: \"\(o.type)\"\n is not an element of this graph.")
          }
        }
      }
      for (t, _) in sorted where t.op.graphID != graph.id {
        throw TFError(.typeError, "Cannot interpret feed_dict key as Tensor: Tensor \(t) is not an element of this graph.")
      }
      plan = try ExecutionPlan(session: self, fetches: fetches, feeds: sorted.map(\.0))
      plans[key] = plan
      lastKey = key
      lastPlan = plan
    }
    if variableValues.count < graph.globalVariables.count {
      variableValues += [NDArray?](repeating: nil, count: graph.globalVariables.count - variableValues.count)
    }
    let result = try plan.execute(feeds: sorted.map(\.1))
    if !plan.trainOps.isEmpty { reportTraining(plan, losses: result.losses) }
    return result.values
  }

  /// Runs one tensor and returns its value (`sess.run(t)` / `t.eval()`).
  public func run(_ tensor: Tensor, feeds: [Tensor: NDArray] = [:]) throws -> NDArray {
    try run([.tensor(tensor)], feeds: feeds)[0]!
  }

  /// Runs one operation (`sess.run(op)` / `op.run()`).
  public func run(_ op: Operation, feeds: [Tensor: NDArray] = [:]) throws {
    _ = try run([.operation(op)], feeds: feeds)
  }

  /// The names of the ops a run of `fetches` with these fed tensors executes, in order.
  /// - Throws: what compiling the plan throws (e.g. a missing feed).
  public func scheduledOps(_ fetches: [Fetch], fed: [Tensor]) throws -> [String] {
    try ExecutionPlan(session: self, fetches: fetches, feeds: fed).scheduledOpNames
  }

  /// The kernels a run of `fetches` executes, each as the names of the ops it runs (several for
  /// a fused kernel). For tests and tools.
  package func scheduledKernels(_ fetches: [Fetch], fed: [Tensor]) throws -> [[String]] {
    try ExecutionPlan(session: self, fetches: fetches, feeds: fed).kernelGroups
  }

  /// When set, every run adds each kernel's wall time to it (for benchmarks and tools).
  public var profile: KernelProfile?

  // MARK: Variables

  /// Whether `v` has a value in this session.
  public func isInitialized(_ v: Variable) -> Bool { v.index < variableValues.count && variableValues[v.index] != nil }

  /// The current value of `v` in this session (a copy-on-write snapshot).
  /// - Throws: `FailedPreconditionError` when `v` is uninitialized.
  public func value(of v: Variable) throws -> NDArray {
    guard isInitialized(v), let a = variableValues[v.index] else {
      throw TFError(.failedPrecondition, "Attempting to use uninitialized value \(v.op.name)")
    }
    return a
  }

  /// Sets the value of `v` in this session (`v.load(value, sess)`).
  /// - Throws: `ValueError` when the dtype or shape does not match the variable.
  public func setValue(_ value: NDArray, for v: Variable) throws {
    if isClosed { throw TFError(.runtimeError, "Attempted to use a closed Session.") }
    guard v.op.graphID == graph.id else { throw TFError.value("\(v) is not an element of this graph.") }
    let a = value.dtype == v.dtype ? value : cast(value, to: v.dtype)
    guard v.shape.isCompatible(with: a.shape) else {
      throw TFError.value("Cannot feed value of shape \(shapeTuple(a.shape)) for Tensor '\(v.name)', which has shape '\(v.shape)'")
    }
    if variableValues.count <= v.index {
      variableValues += [NDArray?](repeating: nil, count: v.index + 1 - variableValues.count)
    }
    variableValues[v.index] = a
  }

  // MARK: Observers

  /// Registers `observer`, called after every run of this session that executes a training op.
  /// - Returns: a token for ``removeTrainingObserver(_:)``.
  @discardableResult
  public func addTrainingObserver(_ observer: @escaping (TrainingEvent) -> Void) -> Int {
    Session.nextObserverID += 1
    observers.append((Session.nextObserverID, observer))
    return Session.nextObserverID
  }

  /// Removes an observer added with ``addTrainingObserver(_:)``.
  public func removeTrainingObserver(_ token: Int) { observers.removeAll { $0.id == token } }

  /// Registers an observer for training steps of every session (the shell's curves use this).
  @discardableResult
  public static func addGlobalTrainingObserver(_ observer: @escaping (Session, TrainingEvent) -> Void) -> Int {
    nextObserverID += 1
    globalObservers.append((nextObserverID, observer))
    return nextObserverID
  }

  /// Removes an observer added with ``addGlobalTrainingObserver(_:)``.
  public static func removeGlobalTrainingObserver(_ token: Int) { globalObservers.removeAll { $0.id == token } }

  private func reportTraining(_ plan: ExecutionPlan, losses: [Float]) {
    for (op, loss) in zip(plan.trainOps, losses) {
      trainingStep += 1
      if observers.isEmpty && Session.globalObservers.isEmpty { continue }
      let e = TrainingEvent(step: trainingStep, loss: loss, trainOp: op)
      for o in observers { o.fn(e) }
      for o in Session.globalObservers { o.fn(self, e) }
    }
  }
}

/// The cache key of an execution plan: what is fetched and which tensors are fed.
struct PlanKey: Hashable {
  var fetches: [Fetch]
  var feeds: [Tensor]
}

/// Accumulated wall time per op name across runs (see ``Session/profile``).
public final class KernelProfile {
  /// Nanoseconds per op name.
  public private(set) var nanoseconds: [String: UInt64] = [:]
  /// Op names in first-run order.
  public private(set) var order: [String] = []
  public init() {}
  func add(_ name: String, _ ns: UInt64) {
    if nanoseconds[name] == nil { order.append(name) }
    nanoseconds[name, default: 0] += ns
  }
}
