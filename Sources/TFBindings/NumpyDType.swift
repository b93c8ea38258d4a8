import PyInterp
import Tensors

/// A NumPy dtype: `np.float32` (the scalar class, callable) or `a.dtype` (`dtype('float32')`).
final class NumpyDTypeObject: PyObject {
  let name: String
  let storage: DType
  /// True for `np.float32` (the class); false for `a.dtype`.
  let isClass: Bool

  init(_ name: String, _ storage: DType, isClass: Bool) {
    self.name = name
    self.storage = storage
    self.isClass = isClass
  }

  /// The dtype for an array's storage.
  static func forStorage(_ d: DType, isClass: Bool = false) -> NumpyDTypeObject {
    NumpyDTypeObject(d == .bool ? "bool" : d.rawValue, d, isClass: isClass)
  }

  var pyTypeName: String { isClass ? "type" : "dtype[\(name)]" }
  var pyTypeModule: String? { isClass ? nil : "numpy" }
  func pyRepr() -> String { isClass ? "<class 'numpy.\(name == "bool" ? "bool" : name)'>" : "dtype('\(name)')" }
  func pyStr() -> String { isClass ? pyRepr() : name }

  func pyGetAttribute(_ attr: String) throws -> PyValue? {
    switch attr {
    case "name": return .str(name)
    case "kind": return .str(storage == .float32 ? "f" : storage == .int64 ? "i" : "b")
    case "itemsize": return .int(storage == .bool ? 1 : name.hasSuffix("32") ? 4 : 8)
    case "type": return .object(NumpyDTypeObject(name, storage, isClass: true))
    default: return nil
    }
  }
  func pyDir() -> [String] { ["name", "kind", "itemsize", "type"] }

  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    switch other {
    case .object(let o as NumpyDTypeObject): same = o.storage == storage
    case .object(let o as DTypeObject): same = o.storage == storage
    case .str(let s): same = DTypeObject.storage(forName: s) == storage
    default: return .bool(op == .ne)
    }
    return .bool(op == .eq ? same : !same)
  }

  var pyIsCallable: Bool { isClass }
  func pyCall(_ arguments: PyArguments) throws -> PyValue {
    guard let env else { throw PyException(.runtimeError, "numpy is not installed") }
    let v = arguments.positional.first ?? .int(0)
    return env.wrap(try env.array(from: v, dtype: storage))
  }

  /// The environment used by dtype calls (`np.float32(0.5)`); set for the numpy module's classes.
  weak var env: TFEnvironment?
}

/// NumPy's print options (`np.set_printoptions`).
public struct PrintOptions: Sendable, Equatable {
  /// Digits after the point for floats (default 8).
  public var precision = 8
  /// Arrays with more elements than this are summarized with `...` (default 1000).
  public var threshold = 1000
  /// Items shown at each end of a summarized axis (default 3).
  public var edgeitems = 3
  /// Characters per line (default 75).
  public var linewidth = 75
  /// Never use scientific notation for small numbers (default false).
  public var suppress = false
  /// NumPy's defaults.
  public init() {}
  /// Whether these are NumPy's defaults.
  public var isDefault: Bool { self == PrintOptions() }
}
