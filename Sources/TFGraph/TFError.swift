/// The Python exception classes TensorFlow 1.x raises, as the graph engine reports them.
public enum TFErrorKind: String, Sendable, Hashable {
  case valueError = "ValueError"
  case typeError = "TypeError"
  case runtimeError = "RuntimeError"
  case invalidArgument = "InvalidArgumentError"
  case failedPrecondition = "FailedPreconditionError"
  case resourceExhausted = "ResourceExhaustedError"
  case unimplemented = "UnimplementedError"
}

/// An error a learner can cause, carrying TensorFlow's exception class and its message verbatim.
///
/// `description` is `"<class>: <message>"`, the way Python prints an uncaught exception's last line.
public struct TFError: Error, CustomStringConvertible, Sendable, Equatable {
  /// Which TensorFlow/Python exception class this is.
  public var kind: TFErrorKind
  /// The message, worded exactly as TensorFlow 1.x words it.
  public var message: String

  /// Creates an error of the given class with a message.
  public init(_ kind: TFErrorKind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The Python class name, e.g. `"InvalidArgumentError"`.
  public var className: String { kind.rawValue }
  public var description: String { "\(kind.rawValue): \(message)" }

  static func value(_ m: String) -> TFError { TFError(.valueError, m) }
  static func type(_ m: String) -> TFError { TFError(.typeError, m) }
  static func invalid(_ m: String) -> TFError { TFError(.invalidArgument, m) }
}
