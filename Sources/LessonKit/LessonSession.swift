/// The learner's live Python session, as LessonKit sees it.
///
/// LessonKit never imports the interpreter or the graph engine: the shell implements this
/// protocol over them. Every method must be safe to call at any time; none may print.
/// "Globals" are the names bound at the top level of the learner's session.
public protocol LessonSession: AnyObject {
  /// The names bound in the session, in the order they were first defined (oldest first).
  func globalNames() -> [String]

  /// What the global `name` currently holds, or `nil` when the name is not bound.
  func inspect(_ name: String) -> SessionValue?

  /// Evaluates a Python expression in the learner's session and describes its value.
  ///
  /// Used by `value` checks (for example to compute the test accuracy). It must not print and
  /// should not leave new names behind.
  /// - Throws: any error the expression raises; its description is shown to the learner.
  func evaluate(_ pythonExpression: String) throws -> SessionValue

  /// Runs Python statements in the learner's session exactly as if the learner typed them.
  ///
  /// Used by `:run` (`quietly: false`: show their output as usual) and when replaying
  /// earlier lessons (`quietly: true`: the shell should not show what they print). The
  /// source may hold several statements and indented blocks, like a file.
  /// - Throws: the first error the statements raise.
  func execute(_ pythonSource: String, quietly: Bool) throws

  /// The part of the graph a node depends on, or `nil` when `nodeID` is unknown.
  ///
  /// - Parameter nodeID: the `id` of a placeholder, variable, tensor or operation as given
  ///   in a ``SessionValue``.
  /// - Returns: the op types of every node in its dependency closure (the node itself
  ///   included), and the ids of the placeholders and variables in that closure: the
  ///   same ids ``inspect(_:)`` reports for them (a variable read through an `Identity`
  ///   op still counts as the variable).
  func dependencies(of nodeID: String) -> GraphDependencies?

  /// Replaces the session by a fresh one with no names bound (used by `:reset lesson` and
  /// `:reset all`, before replaying earlier lessons).
  func resetSession()
}

/// The dependency closure of one graph node.
public struct GraphDependencies: Sendable, Equatable {
  /// TensorFlow op type names (`"MatMul"`, `"Add"`, `"Softmax"`, `"Log"`, ...) in the closure.
  public var opTypes: Set<String>
  /// Ids of the placeholders the node depends on.
  public var placeholders: Set<String>
  /// Ids of the variables the node depends on.
  public var variables: Set<String>

  /// Creates a dependency description.
  public init(opTypes: Set<String>, placeholders: Set<String>, variables: Set<String>) {
    self.opTypes = opTypes
    self.placeholders = placeholders
    self.variables = variables
  }
}

/// A description of one value in the learner's session, enough to check it by meaning.
///
/// Graph values carry an `id`: any string that names the node uniquely in the graph
/// (TensorFlow's node name, such as `"Placeholder_1"` or `"add:0"`, is the natural choice).
/// Dtypes are TensorFlow's names without the `tf.` prefix (`"float32"`, `"int64"`, `"bool"`).
/// Shapes use `nil` for an unknown dimension (`None`); a `nil` shape means the rank is unknown.
public enum SessionValue: Sendable, Equatable {
  /// A `tf.placeholder`.
  case placeholder(id: String, dtype: String, shape: [Int?]?)
  /// A `tf.Variable`. `magnitude` is the sum of the absolute values of its current value
  /// (`nil` when it has none yet); LessonKit only asks whether it is zero.
  case variable(id: String, dtype: String, shape: [Int]?, initialized: Bool, magnitude: Double?)
  /// Any other tensor in the graph; `op` is the type of the op that produces it.
  case tensor(id: String, op: String, dtype: String, shape: [Int?]?)
  /// A graph operation (no output value), such as the one `minimize` returns. `minimizes`
  /// is the id of the tensor it minimizes, when it is a training operation.
  case operation(id: String, type: String, minimizes: String?)
  /// A `tf.Session` or `tf.InteractiveSession`.
  case session
  /// A loaded data set such as `mnist`, with the sizes of its three splits.
  case dataset(name: String, train: Int, validation: Int, test: Int, oneHot: Bool)
  /// An imported module, by its full name (`"tensorflow"`,
  /// `"tensorflow.examples.tutorials.mnist.input_data"`).
  case module(String)
  /// A Python number or bool, or a one-element array.
  case number(Double)
  /// A NumPy-like array (for example what `sess.run` returns, or `drawn`).
  case array(dtype: String, shape: [Int])
  /// Anything else (a list, a string, a function...), by its Python type name.
  case other(typeName: String)
}

extension SessionValue {
  /// The kind of value, as a word a learner understands ("placeholder", "variable", ...).
  package var kindName: String {
    switch self {
    case .placeholder: return "placeholder"
    case .variable: return "variable"
    case .tensor: return "tensor"
    case .operation: return "operation"
    case .session: return "session"
    case .dataset: return "data set"
    case .module: return "module"
    case .number: return "number"
    case .array: return "array"
    case .other(let typeName): return typeName
    }
  }

  /// The graph node id, for graph values.
  package var nodeID: String? {
    switch self {
    case .placeholder(let id, _, _), .variable(let id, _, _, _, _), .tensor(let id, _, _, _),
      .operation(let id, _, _):
      return id
    default: return nil
    }
  }
}
