import Tensors

/// The static description of one output of an operation.
public struct OutputSpec: Sendable, Hashable {
  public var dtype: DType
  public var shape: TensorShape
  /// True for reference outputs (a variable's own tensor, `dtype=float32_ref`).
  public var isRef: Bool
  public init(_ dtype: DType, _ shape: TensorShape, isRef: Bool = false) {
    self.dtype = dtype
    self.shape = shape
    self.isRef = isRef
  }
}

/// A node of a ``Graph`` (TensorFlow's `tf.Operation`): a named op of a type with inputs,
/// control inputs and attributes. Identity semantics; created only through ``Graph`` methods.
public final class Operation: Hashable, CustomStringConvertible {
  /// The unique name in its graph, e.g. `"MatMul"` or `"gradients/MatMul_grad/MatMul_1"`.
  public let name: String
  /// TensorFlow's op type, e.g. `"Placeholder"`, `"VariableV2"`, `"MatMul"`, `"Add"`, `"NoOp"`.
  public let type: String
  /// The data inputs, in order.
  public let inputs: [Tensor]
  /// Operations that must run before this one (`^name` inputs).
  public internal(set) var controlInputs: [Operation]
  /// The attributes, keyed by TensorFlow's attribute names.
  public let attrs: [String: AttrValue]
  /// The static dtype/shape of each output.
  public let outputSpecs: [OutputSpec]
  /// The creation order in the graph (0-based).
  public let id: Int
  /// The graph's identity number (see ``Graph/id``).
  public let graphID: Int
  /// The graph this op belongs to (weak; `nil` once the graph is gone).
  public private(set) weak var graph: Graph?
  /// For an optimizer's training op: the loss tensor it minimises.
  public internal(set) var minimizedLoss: Tensor?
  /// For a `VariableV2` op: its index in a session's variable storage.
  public internal(set) var variableIndex: Int?

  init(name: String, type: String, inputs: [Tensor], controlInputs: [Operation],
       attrs: [String: AttrValue], outputs: [OutputSpec], id: Int, graph: Graph) {
    self.name = name
    self.type = type
    self.inputs = inputs
    self.controlInputs = controlInputs
    self.attrs = attrs
    self.outputSpecs = outputs
    self.id = id
    self.graphID = graph.id
    self.graph = graph
  }

  /// The outputs as tensors.
  public var outputs: [Tensor] { outputSpecs.indices.map { Tensor(op: self, index: $0) } }
  /// Output `i` as a tensor.
  public func output(_ i: Int) -> Tensor { Tensor(op: self, index: i) }

  public static func == (a: Operation, b: Operation) -> Bool { a === b }
  public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }

  /// TensorFlow's `str(op)`: the NodeDef in protobuf text format (ends with a newline).
  public var description: String {
    var s = "name: \"\(name)\"\nop: \"\(type)\"\n"
    for t in inputs { s += "input: \"\(t.index == 0 ? t.op.name : t.name)\"\n" }
    for c in controlInputs { s += "input: \"^\(c.name)\"\n" }
    for key in attrs.keys.sorted() {
      s += "attr {\n  key: \"\(key)\"\n  value {\n" + attrs[key]!.protoText(indent: "    ") + "  }\n}\n"
    }
    return s
  }

  func attrInt(_ k: String) -> Int? { if case .int(let v)? = attrs[k] { return v }; return nil }
  func attrBool(_ k: String) -> Bool { if case .bool(let v)? = attrs[k] { return v }; return false }
  func attrFloat(_ k: String) -> Double? { if case .float(let v)? = attrs[k] { return v }; return nil }
  func attrInts(_ k: String) -> [Int]? { if case .ints(let v)? = attrs[k] { return v }; return nil }
  func attrType(_ k: String) -> DType? { if case .type(let v)? = attrs[k] { return v }; return nil }
  func attrTensor(_ k: String) -> NDArray? { if case .tensor(let v)? = attrs[k] { return v }; return nil }
}

/// A symbolic value: output `index` of an ``Operation`` (TensorFlow's `tf.Tensor`).
public struct Tensor: Hashable, CustomStringConvertible {
  /// The producing operation.
  public let op: Operation
  /// Which output of `op`.
  public let index: Int

  public init(op: Operation, index: Int) {
    self.op = op
    self.index = index
  }

  /// `"<op name>:<index>"`, e.g. `"Softmax:0"`.
  public var name: String { "\(op.name):\(index)" }
  public var dtype: DType { op.outputSpecs[index].dtype }
  /// The static shape (`get_shape()`).
  public var shape: TensorShape { op.outputSpecs[index].shape }
  /// True for a variable's reference tensor.
  public var isRef: Bool { op.outputSpecs[index].isRef }
  /// TensorFlow's dtype name: `float32`, `int64`, `bool`, with `_ref` for reference tensors.
  public var dtypeName: String { dtype.rawValue + (isRef ? "_ref" : "") }
  public var graph: Graph? { op.graph }

  /// TensorFlow 1.x's repr: `Tensor("Softmax:0", shape=(?, 10), dtype=float32)`.
  public var description: String { "Tensor(\"\(name)\", shape=\(shape), dtype=\(dtypeName))" }

  public static func == (a: Tensor, b: Tensor) -> Bool { a.op === b.op && a.index == b.index }
  public func hash(into h: inout Hasher) {
    h.combine(ObjectIdentifier(op))
    h.combine(index)
  }
}
