extension Interpreter {
  /// `object.name`, with Python's AttributeError text and a "Did you mean" suggestion.
  public func getAttribute(_ object: PyValue, _ name: String) throws -> PyValue {
    switch object {
    case .module(let m):
      if let v = try m.attribute(name) { return v }
      if modules.isKnown(m.name + "." + name) { return .module(try loadModule(m.name + "." + name)) }
      throw attributeError("module '\(m.name)' has no attribute '\(name)'", name, dir(object))
    case .object(let o):
      if let v = try o.pyGetAttribute(name) { return v }
      if name == "__class__" { return .type(o.pyType) }
      if name == "__doc__" { return o.pyDoc.map { .str($0) } ?? .none }
      throw attributeError("'\(o.pyTypeName)' object has no attribute '\(name)'", name, o.pyDir())
    default:
      break
    }
    if let v = try builtinAttribute(object, name) { return v }
    if name == "__class__" { return .type(typeOf(object)) }
    throw attributeError("'\(object.typeName)' object has no attribute '\(name)'", name, dir(object))
  }

  func attributeError(_ message: String, _ name: String, _ candidates: [String]) -> PyException {
    var text = message
    if let s = Suggestions.closest(to: name, in: candidates) { text += ". Did you mean: '\(s)'?" }
    return PyException(.attributeError, text)
  }

  /// `object.name = value`.
  public func setAttribute(_ object: PyValue, _ name: String, _ value: PyValue) throws {
    switch object {
    case .module(let m):
      m.attributes[name] = value
    case .object(let o):
      if try o.pySetAttribute(name, value) { return }
      throw attributeError("'\(o.pyTypeName)' object has no attribute '\(name)'", name, o.pyDir())
    case .function:
      throw PyException.attributeError("setting attributes on functions is not supported in mnist-shell")
    default:
      if try builtinAttribute(object, name) != nil {
        throw PyException.attributeError("'\(object.typeName)' object attribute '\(name)' is read-only")
      }
      throw PyException.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
    }
  }

  /// The names `dir(value)` lists (sorted), used for completion too.
  public func dir(_ value: PyValue) -> [String] {
    var names: [String]
    switch value {
    case .module(let m): names = Array(m.attributes.keys) + ["__name__", "__doc__"]
    case .object(let o): names = o.pyDir()
    default: names = builtinMethodNames(value)
    }
    return Array(Set(names)).sorted()
  }

  func builtinAttribute(_ object: PyValue, _ name: String) throws -> PyValue? {
    switch (object, name) {
    case (.function(let f), "__name__"): return .str(f.name)
    case (.function(let f), "__doc__"): return f.definition.docstring.map { .str($0) } ?? PyValue.none
    case (.builtin(let f), "__name__"): return .str(f.name)
    case (.builtin(let f), "__doc__"): return f.doc.map { .str($0) } ?? PyValue.none
    case (.type(let t), "__name__"): return .str(t.name)
    case (.type(let t), "__doc__"): return t.doc.map { .str($0) } ?? PyValue.none
    case (.exception(let e), "args"): return .tuple(e.args)
    case (.range(let r), "start"): return .int(r.start)
    case (.range(let r), "stop"): return .int(r.stop)
    case (.range(let r), "step"): return .int(r.step)
    case (.slice(let s), "start"): return s.start
    case (.slice(let s), "stop"): return s.stop
    case (.slice(let s), "step"): return s.step
    case (.float(let d), "real"): return .float(d)
    case (.float, "imag"): return .float(0)
    case (.int(let i), "real"): return .int(i)
    case (.int, "imag"): return .int(0)
    default: break
    }
    guard let method = builtinMethod(object, name) else { return nil }
    return .builtin(method)
  }
}
