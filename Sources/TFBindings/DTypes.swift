import PyInterp
import TFGraph
import Tensors

/// A TensorFlow dtype (`tf.float32`); several names share one storage type
/// (float64 is stored as float32, int32 as int64).
final class DTypeObject: PyObject {
  let name: String
  let storage: DType

  init(_ name: String, _ storage: DType) {
    self.name = name
    self.storage = storage
  }

  /// The storage type for a dtype name (`float32`, `float64`, `int32`, `int64`, `bool`, ...).
  static func storage(forName name: String) -> DType? {
    switch name {
    case "float32", "float64", "float16", "float", "double", "half": return .float32
    case "int32", "int64", "int16", "int8", "uint8", "int": return .int64
    case "bool": return .bool
    default: return nil
    }
  }

  static let names = ["float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool"]

  var pyTypeName: String { "DType" }
  var pyTypeModule: String? { "tensorflow.python.framework.dtypes" }
  func pyRepr() -> String { "tf.\(name)" }
  func pyStr() -> String { "<dtype: '\(name)'>" }
  var pyDoc: String? { "A TensorFlow element type." }

  func pyGetAttribute(_ attr: String) throws -> PyValue? {
    switch attr {
    case "name": return .str(name)
    case "is_floating": return .bool(storage == .float32)
    case "is_integer": return .bool(storage == .int64)
    case "is_bool": return .bool(storage == .bool)
    case "base_dtype": return .object(self)
    case "as_numpy_dtype": return .object(NumpyDTypeObject.forStorage(storage, isClass: true))
    default: return nil
    }
  }
  func pyDir() -> [String] { ["name", "is_floating", "is_integer", "is_bool", "base_dtype", "as_numpy_dtype"] }

  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    switch other {
    case .object(let o as DTypeObject): same = o.storage == storage
    case .object(let o as NumpyDTypeObject): same = o.storage == storage
    case .str(let s): same = DTypeObject.storage(forName: s) == storage
    default: return .bool(op == .ne)
    }
    return .bool(op == .eq ? same : !same)
  }
}

extension TFEnvironment {
  /// The dtype objects of the `tensorflow` module, by name.
  var tfDTypes: [String: DTypeObject] {
    if let d = cachedDTypes { return d }
    var d: [String: DTypeObject] = [:]
    for n in DTypeObject.names { d[n] = DTypeObject(n, DTypeObject.storage(forName: n)!) }
    cachedDTypes = d
    return d
  }

  /// The dtype object for a tensor's storage type (`tf.float32`, `tf.int64`, `tf.bool`).
  func dtypeObject(_ d: DType) -> PyValue { .object(tfDTypes[d.rawValue]!) }
}

/// TensorFlow's `TensorShape` (`x.shape`, `x.get_shape()`): prints `(?, 784)`.
final class TensorShapeObject: PyObject {
  let shape: TensorShape
  init(_ shape: TensorShape) { self.shape = shape }

  var pyTypeName: String { "TensorShape" }
  var pyTypeModule: String? { "tensorflow.python.framework.tensor_shape" }
  func pyStr() -> String { shape.description }
  func pyRepr() -> String {
    guard let dims = shape.dims else { return "TensorShape(None)" }
    return "TensorShape([" + dims.map { "Dimension(\($0.map(String.init) ?? "None"))" }.joined(separator: ", ") + "])"
  }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "ndims": return shape.rank.map { .int($0) } ?? PyValue.none
    case "dims": return shape.dims.map { .newList($0.map { .object(DimensionObject($0)) }) } ?? PyValue.none
    case "as_list":
      return .builtin(PyBuiltinFunction("as_list", owner: "TensorShape") { [shape] _ in
        guard let dims = shape.dims else { throw PyException.valueError("as_list() is not defined on an unknown TensorShape.") }
        return .newList(dims.map { $0.map { .int($0) } ?? PyValue.none })
      })
    case "num_elements":
      return .builtin(PyBuiltinFunction("num_elements", owner: "TensorShape") { [shape] _ in
        shape.numElements.map { .int($0) } ?? PyValue.none
      })
    case "is_fully_defined":
      return .builtin(PyBuiltinFunction("is_fully_defined", owner: "TensorShape") { [shape] _ in .bool(shape.isFullyDefined) })
    default: return nil
    }
  }
  func pyDir() -> [String] { ["ndims", "dims", "as_list", "num_elements", "is_fully_defined"] }

  func pyLength() throws -> Int? {
    guard let r = shape.rank else { throw PyException.valueError("Cannot take the length of Shape with unknown rank.") }
    return r
  }
  func pyGetItem(_ key: PyValue) throws -> PyValue {
    guard let dims = shape.dims else { return .object(DimensionObject(nil)) }
    if case .slice = key {
      let items = try sliceIndices(key, count: dims.count)
      return .object(TensorShapeObject(TensorShape(items.map { dims[$0] })))
    }
    var i = try key.asInt(what: "TensorShape index")
    if i < 0 { i += dims.count }
    guard i >= 0, i < dims.count else { throw PyException.indexError("list index out of range") }
    return .object(DimensionObject(dims[i]))
  }
  func pyIterate() throws -> PyIterator? {
    guard let dims = shape.dims else { throw PyException.valueError("Cannot iterate over a shape with unknown rank.") }
    return .over(dims.map { .object(DimensionObject($0)) })
  }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    if case .object(let o as TensorShapeObject) = other { same = o.shape == shape }
    else if let items = other.sequenceItems, let dims = shape.dims, items.count == dims.count {
      same = zip(items, dims).allSatisfy { item, d in
        if item.isNone { return d == nil }
        return (try? item.asInt()) == d
      }
    }
    return .bool(op == .eq ? same : !same)
  }
}

/// TensorFlow 1.x's `Dimension`: `Dimension(784)`, prints `784` (or `?`).
final class DimensionObject: PyObject {
  let value: Int?
  init(_ value: Int?) { self.value = value }
  var pyTypeName: String { "Dimension" }
  var pyTypeModule: String? { "tensorflow.python.framework.tensor_shape" }
  func pyRepr() -> String { "Dimension(\(value.map(String.init) ?? "None"))" }
  func pyStr() -> String { value.map(String.init) ?? "?" }
  func pyNumber() -> PyValue? { value.map { .int($0) } }
  func pyGetAttribute(_ name: String) throws -> PyValue? {
    name == "value" ? (value.map { .int($0) } ?? PyValue.none) : nil
  }
  func pyDir() -> [String] { ["value"] }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    let o: Int?
    if case .object(let d as DimensionObject) = other { o = d.value } else if other.isNone { o = nil } else { o = try? other.asInt() }
    switch op {
    case .eq: return .bool(value != nil && o != nil && value == o)
    case .ne: return .bool(!(value != nil && o != nil && value == o))
    default: return nil
    }
  }
  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    guard let v = value, let o = try? other.asInt() else { return nil }
    switch op {
    case .add: return .int(v + o)
    case .mul: return .int(v * o)
    case .sub: return .int(reflected ? o - v : v - o)
    default: return nil
    }
  }
}

/// Python slice semantics: the indices `key` (a slice) selects from `count` items.
func sliceIndices(_ key: PyValue, count n: Int) throws -> [Int] {
  guard case .slice(let s) = key else { return [] }
  func opt(_ v: PyValue) throws -> Int? { v.isNone ? nil : try v.asInt(what: "slice indices") }
  let step = try opt(s.step) ?? 1
  if step == 0 { throw PyException.valueError("slice step cannot be zero") }
  func clamp(_ v: Int?, _ dflt: Int, lo: Int, hi: Int) -> Int {
    guard var v else { return dflt }
    if v < 0 { v += n }
    return Swift.min(Swift.max(v, lo), hi)
  }
  if step > 0 {
    let a = clamp(try opt(s.start), 0, lo: 0, hi: n), b = clamp(try opt(s.stop), n, lo: 0, hi: n)
    return a < b ? Array(stride(from: a, to: b, by: step)) : []
  }
  let a = clamp(try opt(s.start), n - 1, lo: -1, hi: n - 1), b = clamp(try opt(s.stop), -1, lo: -1, hi: n - 1)
  return a > b ? Array(stride(from: a, to: b, by: step)) : []
}
