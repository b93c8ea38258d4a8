extension Interpreter {
  /// Calls any callable value with `args`.
  public func call(_ callee: PyValue, _ args: PyArguments) throws -> PyValue {
    var args = args
    if args.interpreter == nil { args.interpreter = self }
    switch callee {
    case .function(let f):
      return try callFunction(f, args)
    case .builtin(let f):
      return try hostCall { try f.call(args) }
    case .type(let t):
      if let constructor = t.constructor { return try hostCall { try constructor(args) } }
      if t.isExceptionClass {
        if let bad = args.keywords.first {
          throw PyException.typeError("\(t.name)() takes no keyword arguments: '\(bad.name)'")
        }
        var e = PyException(t, args.positional.count == 1 ? strOf(args.positional[0]) : "")
        if args.positional.count > 1 { e.message = PyRepr.repr(.tuple(args.positional)) }
        e.args = args.positional
        return .exception(e)
      }
      throw PyException.typeError("cannot create '\(t.displayName)' instances")
    case .object(let o):
      guard o.pyIsCallable else { throw PyException.typeError("'\(o.pyTypeName)' object is not callable") }
      return try hostCall { try o.pyCall(args) }
    default:
      var message = "'\(callee.typeName)' object is not callable"
      if case .module(let m) = callee { message = "'module' object is not callable" + (m.name.isEmpty ? "" : "") }
      throw PyException.typeError(message)
    }
  }

  /// Runs host code, turning foreign Swift errors into `RuntimeError`s.
  @inline(__always)
  func hostCall(_ body: () throws -> PyValue) throws -> PyValue {
    do {
      return try body()
    } catch let error as PyException {
      throw error
    } catch {
      throw PyException(.runtimeError, String(describing: error))
    }
  }

  func callFunction(_ function: PyFunction, _ args: PyArguments) throws -> PyValue {
    callDepth += 1
    defer { callDepth -= 1 }
    if callDepth > recursionLimit || !stackGuard.hasRoom {
      throw PyException(.recursionError, "maximum recursion depth exceeded")
    }
    try tick()
    let def = function.definition
    let bound = try function.signature.bind(args)
    let frame = Frame(name: def.name, filename: function.filename, globals: function.globals,
                      locals: Scope(bound.values), localNames: def.localNames,
                      globalNames: def.globalNames, nonlocalNames: def.nonlocalNames,
                      closure: function.closure, qualifiedPrefix: function.qualifiedPrefix,
                      source: function.source)
    frame.currentSpan = def.span
    do {
      if case .returnValue(let v) = try exec(def.body, frame) { return v }
      return .none
    } catch var error as PyException {
      error.frames.insert(frame.source.traceFrame(frame.filename, def.name, error.span ?? frame.currentSpan), at: 0)
      error.span = nil
      throw error
    }
  }
}
