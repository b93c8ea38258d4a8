/// An error from reading or fetching MNIST data, worded like the Python/TensorFlow error it stands for.
///
/// `pythonType` is the exception class a TensorFlow user would have seen (`ValueError`, `OSError`,
/// `EOFError`, ...); `message` names the file and the problem. The bindings raise it as that type.
public struct MNISTDataError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, for code that wants to branch on it.
  public enum Kind: String, Sendable {
    case notGzip, corruptGzip, truncated, badMagic, countMismatch, checksumMismatch
    case fileNotFound, io, download, invalidArgument
  }

  public let kind: Kind
  /// The Python exception class name: `ValueError`, `OSError`, `EOFError`, `IOError`.
  public let pythonType: String
  /// The message, without the exception class name.
  public let message: String

  public init(_ kind: Kind, _ pythonType: String, _ message: String) {
    self.kind = kind
    self.pythonType = pythonType
    self.message = message
  }

  /// `ValueError: message`, as Python prints it.
  public var description: String { "\(pythonType): \(message)" }
}
