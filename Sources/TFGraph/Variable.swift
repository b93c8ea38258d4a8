import Tensors

/// A TensorFlow 1.x variable (`tf.Variable`): a `VariableV2` op whose value lives in each
/// ``Session``, an `Assign` initializer and an `Identity` read (`Variable/read`).
public final class Variable: Hashable, CustomStringConvertible {
  /// The `VariableV2` op (named `Variable`, `Variable_1`, ...).
  public let op: Operation
  /// The `<name>/Assign` op that sets the initial value.
  public let initializer: Operation
  /// The `<name>/read` tensor; use this as the input of other ops (what `tf.matmul(x, W)` reads).
  public let value: Tensor
  /// The initial value tensor.
  public let initialValue: Tensor
  /// Whether optimizers train it by default.
  public let trainable: Bool
  /// Index into a session's variable storage.
  let index: Int

  init(op: Operation, initializer: Operation, value: Tensor, initialValue: Tensor, trainable: Bool, index: Int) {
    self.op = op
    self.initializer = initializer
    self.value = value
    self.initialValue = initialValue
    self.trainable = trainable
    self.index = index
  }

  /// The reference tensor `Variable:0` (dtype `float32_ref`).
  public var ref: Tensor { op.output(0) }
  /// `"Variable:0"`.
  public var name: String { ref.name }
  public var shape: TensorShape { ref.shape }
  public var dtype: DType { ref.dtype }

  /// TensorFlow 1.x's repr: `<tf.Variable 'Variable:0' shape=(784, 10) dtype=float32_ref>`.
  public var description: String { "<tf.Variable '\(name)' shape=\(shape) dtype=\(dtype.rawValue)_ref>" }

  public static func == (a: Variable, b: Variable) -> Bool { a === b }
  public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

extension Graph {
  /// Creates a variable (`tf.Variable(initial_value, name=, trainable=)`).
  ///
  /// Adds `Variable` (VariableV2), `Variable/Assign` and `Variable/read` under TensorFlow's names.
  /// - Throws: `ValueError` when the initial value's shape is not fully known.
  public func variable(_ initialValue: Tensor, name: String? = nil, trainable: Bool = true) throws -> Variable {
    try check([initialValue])
    guard initialValue.shape.isFullyDefined else {
      throw TFError.value("initial_value must have a shape specified: \(initialValue)")
    }
    return withNameScope(name ?? "Variable") {
      let n = currentNameScope
      let index = globalVariables.count
      let spec = OutputSpec(initialValue.dtype, initialValue.shape, isRef: true)
      let v = addOp(name: n, type: "VariableV2",
                    attrs: ["dtype": .type(initialValue.dtype), "shape": .shape(initialValue.shape),
                            "container": .string(""), "shared_name": .string("")],
                    outputs: [spec])
      v.variableIndex = index
      let assign = addOp(name: uniqueName("Assign"), type: "Assign", inputs: [v.output(0), initialValue],
                         attrs: ["T": .type(initialValue.dtype), "use_locking": .bool(true), "validate_shape": .bool(true)],
                         outputs: [spec])
      let read = addOp(name: uniqueName("read"), type: "Identity", inputs: [v.output(0)],
                       attrs: ["T": .type(initialValue.dtype)],
                       outputs: [OutputSpec(initialValue.dtype, initialValue.shape)])
      let variable = Variable(op: v, initializer: assign, value: read.output(0), initialValue: initialValue,
                              trainable: trainable, index: index)
      globalVariables.append(variable)
      return variable
    }
  }

  /// Creates a variable from a concrete value (a `Const` named `<name>/initial_value`).
  public func variable(_ initialValue: NDArray, name: String? = nil, trainable: Bool = true) throws -> Variable {
    let scopeName = uniqueName(name ?? "Variable")
    let c = withNameScope(scopeName + "/") { constant(initialValue, name: "initial_value") }
    return try variable(c, name: scopeName + "/", trainable: trainable)
  }

  /// `tf.global_variables_initializer()` (and `initialize_all_variables`): a `NoOp` named `init`
  /// whose control inputs are every variable's initializer.
  public func globalVariablesInitializer(name: String = "init") -> Operation {
    addOp(name: uniqueName(name), type: "NoOp", control: globalVariables.map(\.initializer), outputs: [])
  }

  /// `tf.variables_initializer(vars)`.
  public func variablesInitializer(_ vars: [Variable], name: String = "init") -> Operation {
    addOp(name: uniqueName(name), type: "NoOp", control: vars.map(\.initializer), outputs: [])
  }

  /// `tf.group(*ops)`: a `NoOp` with the given control inputs.
  public func group(_ ops: [Operation], name: String? = nil) -> Operation {
    addOp(name: opName(name, default: "group_deps"), type: "NoOp", control: ops, outputs: [])
  }

  /// `tf.assign(v, value)`: op `Assign` (its output is the new value).
  public func assign(_ v: Variable, _ value: Tensor, name: String? = nil) throws -> Tensor {
    try check([value])
    if value.dtype != v.dtype {
      throw TFError.type("Input 'value' of 'Assign' Op has type \(value.dtype.rawValue) that does not match type \(v.dtype.rawValue)_ref of argument 'ref'.")
    }
    let n = opName(name, default: "Assign")
    if let vs = value.shape.dims, vs.count != v.shape.rank || zip(vs, v.shape.dims!).contains(where: { $0 != nil && $0 != $1 }) {
      throw TFError.value("Dimension 0 in both shapes must be equal, but are \(v.shape.dims?.first.flatMap { $0 } ?? 0) and \((vs.first ?? nil) ?? 0). Shapes are \(v.shape.bracketed) and \(value.shape.bracketed)" + ShapeRules.suffix(n, "Assign", [v.shape, value.shape]))
    }
    return addOp(name: n, type: "Assign", inputs: [v.ref, value],
                 attrs: ["T": .type(v.dtype), "use_locking": .bool(false), "validate_shape": .bool(true)],
                 outputs: [OutputSpec(v.dtype, v.shape, isRef: true)]).output(0)
  }
}
