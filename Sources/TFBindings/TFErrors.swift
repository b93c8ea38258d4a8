import MNISTData
import PyInterp
import TFGraph
import Tensors

/// TensorFlow's exception classes as Python sees them (`tf.errors.InvalidArgumentError`, ...).
public enum TFExceptionTypes {
  /// The module TensorFlow 1.x defines its run-time errors in.
  public static let module = "tensorflow.python.framework.errors_impl"
  /// `tf.errors.OpError`, the base of every run-time error.
  public static let opError = PyType.exceptionClass("OpError", module: module, base: .exception)
  /// `tf.errors.InvalidArgumentError` (missing feed, bad run-time shapes).
  public static let invalidArgument = PyType.exceptionClass("InvalidArgumentError", module: module, base: opError)
  /// `tf.errors.FailedPreconditionError` (uninitialized variable).
  public static let failedPrecondition = PyType.exceptionClass("FailedPreconditionError", module: module, base: opError)
  /// `tf.errors.ResourceExhaustedError` (out of memory).
  public static let resourceExhausted = PyType.exceptionClass("ResourceExhaustedError", module: module, base: opError)
  /// `tf.errors.UnimplementedError`.
  public static let unimplemented = PyType.exceptionClass("UnimplementedError", module: module, base: opError)
  /// `tf.errors.NotFoundError` (unknown tensor names).
  public static let notFound = PyType.exceptionClass("NotFoundError", module: module, base: opError)

  /// Every class, by name, for the `tf.errors` module.
  static let all: [PyType] = [opError, invalidArgument, failedPrecondition, resourceExhausted, unimplemented, notFound]
}

extension TFEnvironment {
  /// Runs `body`, turning engine errors into Python exceptions with TensorFlow's class names.
  /// Graph building inside also happens in the current `tf.name_scope`.
  func translate<R>(_ body: () throws -> R) throws -> R {
    do {
      if let scope = nameScopes.last {
        return try graph.withNameScope(scope + "/") { try body() }
      }
      return try body()
    } catch let e as PyException {
      throw e
    } catch let e as TFError {
      throw pyException(e)
    } catch let e as ArrayError {
      throw pyException(e)
    } catch let e as MNISTDataError {
      throw pyException(e)
    }
  }

  /// The Python exception for an engine error, with a learner hint where one helps.
  func pyException(_ e: TFError) -> PyException {
    let type: PyType
    switch e.kind {
    case .valueError: type = .valueError
    case .typeError: type = .typeError
    case .runtimeError: type = .runtimeError
    case .invalidArgument: type = TFExceptionTypes.invalidArgument
    case .failedPrecondition: type = TFExceptionTypes.failedPrecondition
    case .resourceExhausted: type = TFExceptionTypes.resourceExhausted
    case .unimplemented: type = TFExceptionTypes.unimplemented
    }
    return PyException(type, e.message, hint: hint(for: e))
  }

  func pyException(_ e: ArrayError) -> PyException {
    if e.message.hasPrefix("OOM") {
      return PyException(TFExceptionTypes.resourceExhausted, e.message,
                         hint: "that array would not fit in memory; use a smaller shape")
    }
    if e.message.contains("out of bounds") || e.message.hasPrefix("too many indices") {
      return PyException(.indexError, e.message)
    }
    return PyException(.valueError, e.message)
  }

  func pyException(_ e: MNISTDataError) -> PyException {
    let type: PyType
    switch e.pythonType {
    case "ValueError": type = .valueError
    case "AssertionError": type = .assertionError
    default: type = PyType.exceptionClass(e.pythonType, base: .exception)
    }
    return PyException(type, e.message)
  }

  /// A short learner hint for the common engine errors.
  func hint(for e: TFError) -> String? {
    let m = e.message
    if m.hasPrefix("You must feed a value for placeholder tensor '") {
      let opName = m.dropFirst("You must feed a value for placeholder tensor '".count).prefix { $0 != "'" }
      let name = pythonName(forOp: String(opName)) ?? "the placeholder '\(opName)'"
      return "add \(name) to feed_dict, e.g. feed_dict={\(pythonName(forOp: String(opName)) ?? "x"): ...}"
    }
    if m.hasPrefix("Attempting to use uninitialized value") {
      return "run sess.run(tf.global_variables_initializer()) after creating the variables and before using them"
    }
    if m.hasPrefix("Cannot feed value of shape") {
      return "the fed value's shape must match the placeholder's shape (? accepts any size)"
    }
    if m.hasPrefix("Attempted to use a closed Session") {
      return "the session was closed (a `with tf.Session() as sess:` block closes it at its end); create a new one"
    }
    return nil
  }

  /// The global Python name bound to the tensor/variable whose op is `opName`, if any.
  func pythonName(forOp opName: String) -> String? {
    guard let py = interpreter else { return nil }
    for name in py.globalNames {
      guard case .object(let o)? = py[global: name] else { continue }
      if let t = o as? TensorObject, t.tensor.op.name == opName { return name }
      if let v = o as? VariableObject, v.variable.op.name == opName || v.variable.value.op.name == opName { return name }
    }
    return nil
  }
}
