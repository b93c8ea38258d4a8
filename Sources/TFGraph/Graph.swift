import Tensors

nonisolated(unsafe) private var nextGraphID = 0

/// A TensorFlow 1.x computation graph: operations with unique names, name scopes, variables.
///
/// Ops are added by the builder methods in the `Graph+*.swift` files (`placeholder`, `matmul`,
/// `softmax`, ...). Each builder infers static shapes and throws ``TFError`` (`ValueError` /
/// `TypeError`) with TensorFlow's wording when the inputs do not fit. Names follow TensorFlow's
/// rules: the default name is the op's Python-level name (`MatMul`, `add`, `Softmax`, ...), a
/// name already in use gets `_1`, `_2`, ... appended, and ``withNameScope(_:_:)`` prefixes names.
public final class Graph {
  /// A process-unique identity number (tensors remember it to detect cross-graph use).
  public let id: Int
  /// Every operation, in creation order.
  public private(set) var operations: [Operation] = []
  /// Variables created in this graph (`tf.global_variables()`), in creation order.
  public internal(set) var globalVariables: [Variable] = []
  /// Variables to train by default (`tf.trainable_variables()`).
  public var trainableVariables: [Variable] { globalVariables.filter(\.trainable) }
  /// The graph-level random seed (`tf.set_random_seed`), combined with op seeds.
  public var seed: Int?

  private var namesInUse: [String: Int] = [:]
  private var byName: [String: Operation] = [:]
  /// The current name scope without trailing slash ("" at the root).
  public private(set) var currentNameScope = ""
  var controlDependencies: [Operation] = []

  /// Creates an empty graph.
  public init() {
    nextGraphID += 1
    id = nextGraphID
  }

  /// The operation with the given name, if any.
  public func operation(named name: String) -> Operation? { byName[name] }

  /// The tensor named like `"Softmax:0"`, if any.
  public func tensor(named name: String) -> Tensor? {
    guard let colon = name.lastIndex(of: ":"), let i = Int(name[name.index(after: colon)...]),
      let op = byName[String(name[..<colon])], i < op.outputSpecs.count
    else { return nil }
    return op.output(i)
  }

  /// TensorFlow's `Graph.unique_name`: prefixes the current scope and appends `_N` if taken.
  ///
  /// Names are compared case-insensitively, as in TensorFlow. The returned name is marked used.
  public func uniqueName(_ name: String) -> String {
    var name = currentNameScope.isEmpty ? name : currentNameScope + "/" + name
    let key = name.lowercased()
    var i = namesInUse[key, default: 0]
    namesInUse[key] = i + 1
    if i > 0 {
      let base = name
      while namesInUse[name.lowercased()] != nil {
        name = "\(base)_\(i)"
        i += 1
      }
      namesInUse[name.lowercased()] = 1
    }
    return name
  }

  /// Runs `body` inside the name scope `name` (TensorFlow's `tf.name_scope`).
  ///
  /// The scope name is made unique (`gradients`, then `gradients_1`); a name ending in `/` is
  /// used as is (re-entering an existing scope); an empty name resets to the root scope.
  /// - Returns: what `body` returns.
  public func withNameScope<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
    let saved = currentNameScope
    defer { currentNameScope = saved }
    if name.isEmpty {
      currentNameScope = ""
    } else if name.hasSuffix("/") {
      currentNameScope = String(name.dropLast())
    } else {
      currentNameScope = uniqueName(name)
    }
    return try body()
  }

  /// Runs `body` so that every op it creates gets `ops` as control inputs (`tf.control_dependencies`).
  public func withControlDependencies<R>(_ ops: [Operation], _ body: () throws -> R) rethrows -> R {
    let saved = controlDependencies
    defer { controlDependencies = saved }
    controlDependencies += ops
    return try body()
  }

  /// The final name for a new op: `name` if given (uniquified), else the default name.
  /// A name ending in `/` is taken literally without the slash (TensorFlow's scope-name convention).
  func opName(_ name: String?, default def: String) -> String {
    let n = name ?? def
    if n.hasSuffix("/") { return String(n.dropLast()) }
    return uniqueName(n)
  }

  /// Adds an operation with an already-final name. Inputs must belong to this graph.
  @discardableResult
  func addOp(name: String, type: String, inputs: [Tensor] = [], control: [Operation] = [],
             attrs: [String: AttrValue] = [:], outputs: [OutputSpec]) -> Operation {
    let op = Operation(
      name: name, type: type, inputs: inputs, controlInputs: controlDependencies + control,
      attrs: attrs, outputs: outputs, id: operations.count, graph: self)
    operations.append(op)
    byName[name] = op
    return op
  }

  /// Throws TensorFlow's error when a tensor from another graph is used here.
  func check(_ tensors: [Tensor]) throws {
    for t in tensors where t.op.graphID != id {
      throw TFError.value("Tensor(\"\(t.name)\", shape=\(t.shape), dtype=\(t.dtypeName)) must be from the same graph as the other inputs.")
    }
  }
}
