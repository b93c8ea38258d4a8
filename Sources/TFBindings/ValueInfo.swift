import Foundation
import PyInterp
import TFGraph
import Tensors

/// What the shell's `:vars` table shows about one Python value.
public struct ValueInfo: Sendable, Equatable {
  /// The kind of value.
  public enum Kind: String, Sendable {
    case placeholder, variable, tensor, operation, session, dataset, datasets, array, module, function, value
  }
  /// The kind of value.
  public var kind: Kind
  /// The element type (`float32`, `int64`, `bool`; `float32_ref` for variables), if any.
  public var dtype: String?
  /// The shape as TensorFlow/NumPy print it (`(?, 784)`, `(55000, 784)`), if any.
  public var shape: String?
  /// For variables: whether the default session has a value for it (nil when there is no session).
  public var initialized: Bool?
  /// A short one-line summary (the op type, a value, a session's state, ...).
  public var summary: String

  /// Creates a description.
  public init(kind: Kind, dtype: String? = nil, shape: String? = nil, initialized: Bool? = nil, summary: String) {
    self.kind = kind
    self.dtype = dtype
    self.shape = shape
    self.initialized = initialized
    self.summary = summary
  }
}

extension TFEnvironment {
  /// Describes a Python value for the shell's `:vars` table; nil for values it has nothing to say about.
  public func describe(_ value: PyValue) -> ValueInfo? {
    switch value {
    case .module(let m): return ValueInfo(kind: .module, summary: m.name)
    case .function(let f): return ValueInfo(kind: .function, summary: "def \(f.name)(...)")
    case .builtin(let f): return ValueInfo(kind: .function, summary: f.signatureText)
    case .int, .float, .bool, .str, .none:
      return ValueInfo(kind: .value, dtype: value.typeName, summary: clip(PyRepr.repr(value)))
    case .list, .tuple, .dict:
      return ValueInfo(kind: .value, dtype: value.typeName, summary: clip(PyRepr.repr(value)))
    case .object(let o):
      if let t = o as? TensorObject {
        let isPlaceholder = t.tensor.op.type == "Placeholder"
        return ValueInfo(kind: isPlaceholder ? .placeholder : .tensor, dtype: t.tensor.dtypeName,
                         shape: t.tensor.shape.description, summary: "\(t.tensor.op.type) '\(t.tensor.name)'")
      }
      if let v = o as? VariableObject {
        var initialized: Bool?
        var summary = "Variable '\(v.variable.name)'"
        if let s = defaultSession, !s.isClosed, s.graph === v.variable.op.graph {
          initialized = s.isInitialized(v.variable)
          if let a = try? s.value(of: v.variable) { summary += " = " + clip(oneLine(a)) }
        }
        return ValueInfo(kind: .variable, dtype: v.variable.dtype.rawValue + "_ref", shape: v.variable.shape.description,
                         initialized: initialized, summary: summary)
      }
      if let op = o as? OperationObject {
        return ValueInfo(kind: .operation, summary: "\(op.op.type) '\(op.op.name)'")
      }
      if let s = o as? SessionObject {
        let state = s.session.isClosed ? "closed" : "open"
        let def = registeredDefaultSession === s ? ", default" : ""
        return ValueInfo(kind: .session, summary: "\(s.pyTypeName) #\(s.id) (\(state)\(def), \(s.session.trainingStep) training steps)")
      }
      if let d = o as? DataSetsObject {
        return ValueInfo(kind: .datasets, summary: "train \(d.datasets.train.numExamples), validation \(d.datasets.validation.numExamples), test \(d.datasets.test.numExamples)")
      }
      if let d = o as? DataSetObject {
        return ValueInfo(kind: .dataset, dtype: "float32", shape: shapeTuple(d.dataset.imagesShape),
                         summary: "\(d.dataset.numExamples) examples, \(d.dataset.epochsCompleted) epochs completed")
      }
      if let a = o as? NDArrayObject {
        return ValueInfo(kind: .array, dtype: a.dtypeName, shape: shapeTuple(a.array.shape), summary: clip(oneLine(a.array)))
      }
      return ValueInfo(kind: .value, dtype: o.pyTypeName, summary: clip(o.pyRepr()))
    default:
      return nil
    }
  }

  private func oneLine(_ a: NDArray) -> String {
    a.numpyStr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  private func clip(_ s: String, _ n: Int = 60) -> String {
    let line = s.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if line.count <= n && !s.contains("\n") { return line }
    return String(line.prefix(n - 3)) + "..."
  }
}
