import PyInterp

/// A permissive stand-in for any TensorFlow/NumPy object: every attribute,
/// call, operator and subscript gives another stub, so any statement of the
/// tutorial runs. Used by the tutorial and fuzz tests.
final class StubObject: PyObject {
  let label: String
  init(_ label: String) { self.label = label }
  var pyTypeName: String { "Stub" }
  func pyRepr() -> String { "<stub \(label.prefix(40))>" }
  func pyDir() -> [String] { ["run", "eval", "minimize", "next_batch", "images", "labels", "train", "test"] }
  func pyGetAttribute(_ name: String) throws -> PyValue? {
    if name.hasPrefix("missing") { return nil }
    return .object(StubObject(label + "." + name))
  }
  func pySetAttribute(_ name: String, _ value: PyValue) throws -> Bool { true }
  var pyIsCallable: Bool { true }
  func pyCall(_ arguments: PyArguments) throws -> PyValue {
    if arguments.positional.count > 20 { throw PyException.typeError("stub called with too many arguments") }
    return .object(StubObject(label + "()"))
  }
  func pyBinary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    .object(StubObject("(\(label) \(op.rawValue) x)"))
  }
  func pyUnary(_ op: PyUnaryOperator) throws -> PyValue? { .object(StubObject(op.rawValue + label)) }
  func pyCompare(_ op: PyCompareOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    op == .eq || op == .ne ? nil : .object(StubObject(label + op.rawValue))
  }
  func pyGetItem(_ key: PyValue) throws -> PyValue { .object(StubObject(label + "[]")) }
  func pySetItem(_ key: PyValue, _ value: PyValue) throws {}
  func pyIterate() throws -> PyIterator? {
    .over([.object(StubObject(label + "[0]")), .object(StubObject(label + "[1]"))])
  }
  func pyLength() throws -> Int? { 2 }
  var pyIsContextManager: Bool { true }
  func pyEnter() throws -> PyValue { .object(self) }
  func pyNumber() -> PyValue? { label.hasSuffix("run()") ? .float(0.9192) : nil }
  func pyFormat(_ spec: String) throws -> String? { "stub" }
}

/// Registers stub `tensorflow`, `numpy` and the MNIST `input_data` module.
func installStubModules(_ py: Interpreter) {
  for name in ["tensorflow", "numpy", "tensorflow.examples.tutorials.mnist"] {
    py.modules.register(name) {
      let module = PyModule(name)
      module.dynamicAttribute = { attribute in
        attribute.hasPrefix("missing") ? nil : .object(StubObject(name + "." + attribute))
      }
      return module
    }
  }
}
