import Foundation

extension Interpreter {
  /// Runs statements in order, stopping early on break/continue/return.
  func exec(_ body: [Stmt], _ frame: Frame) throws -> Flow {
    for stmt in body {
      let flow = try exec(stmt, frame)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  func exec(_ stmt: Stmt, _ frame: Frame) throws -> Flow {
    frame.currentSpan = stmt.span
    try tick()
    switch stmt.kind {
    case .expr(let e):
      let value = try eval(e, frame)
      if interactiveEcho && frame.locals == nil && !value.isNone {
        frame.globals.values["_"] = value
        write(try reprOf(value) + "\n")
      }
    case .assign(let targets, let valueExpr):
      let value = try eval(valueExpr, frame)
      for t in targets { try assign(t, value, frame) }
    case .augAssign(let target, let op, let valueExpr):
      try augmentedAssign(target, op, valueExpr, frame)
    case .annAssign(let target, _, let valueExpr):
      if let valueExpr { try assign(target, try eval(valueExpr, frame), frame) }
    case .import(let names):
      for (name, asName) in names { try importModule(name, asName: asName, frame, span: stmt.span) }
    case .importFrom(let module, let names):
      try importFrom(module, names, frame, span: stmt.span)
    case .functionDef(let def):
      let function = try makeFunction(def, frame)
      try store(def.name, .function(function), frame)
    case .return(let e):
      return .returnValue(try e.map { try eval($0, frame) } ?? .none)
    case .if(let test, let body, let orelse):
      if try truth(try eval(test, frame)) { return try exec(body, frame) }
      return try exec(orelse, frame)
    case .while(let test, let body, let orelse):
      while try truth(try eval(test, frame)) {
        try tick()
        switch try exec(body, frame) {
        case .breakLoop: return .normal
        case .returnValue(let v): return .returnValue(v)
        default: continue
        }
      }
      return try exec(orelse, frame)
    case .for(let target, let iterExpr, let body, let orelse):
      let iterator = try iterate(try eval(iterExpr, frame))
      while let item = try iterator.next() {
        try tick()
        try assign(target, item, frame)
        switch try exec(body, frame) {
        case .breakLoop: return .normal
        case .returnValue(let v): return .returnValue(v)
        default: continue
        }
      }
      return try exec(orelse, frame)
    case .break: return .breakLoop
    case .continue: return .continueLoop
    case .pass: break
    case .with(let items, let body):
      return try execWith(items[...], body, frame)
    case .global, .nonlocal:
      break
    case .del(let targets):
      for t in targets { try delete(t, frame) }
    case .assert(let test, let message):
      if !(try truth(try eval(test, frame))) {
        let text = try message.map { PyRepr.str(try eval($0, frame)) } ?? ""
        var e = PyException(.assertionError, text)
        e.span = stmt.span
        throw e
      }
    case .raise(let exc, _):
      try raise(exc, frame, span: stmt.span)
    case .try(let body, let handlers, let orelse, let final):
      return try execTry(body, handlers, orelse, final, frame)
    case .classDef:
      var e = PyException(.notImplementedError, "class definitions are not supported in mnist-shell",
                          hint: "define functions with 'def' instead")
      e.span = SourceSpan(line: stmt.span.line, column: stmt.span.column, endLine: stmt.span.line, endColumn: stmt.span.column + 5)
      throw e
    }
    return .normal
  }

  func execWith(_ items: ArraySlice<(Expr, Expr?)>, _ body: [Stmt], _ frame: Frame) throws -> Flow {
    guard let (ctxExpr, target) = items.first else { return try exec(body, frame) }
    let manager = try eval(ctxExpr, frame)
    guard case .object(let object) = manager, object.pyIsContextManager else {
      var e = PyException.typeError(
        "'\(manager.typeName)' object does not support the context manager protocol")
      e.span = ctxExpr.span
      throw e
    }
    let entered = try located(ctxExpr.span) { try object.pyEnter() }
    let flow: Flow
    do {
      if let target { try assign(target, entered, frame) }
      flow = try execWith(items.dropFirst(), body, frame)
    } catch let error as PyException {
      if try object.pyExit(error) { return .normal }
      throw error
    }
    _ = try located(ctxExpr.span) { try object.pyExit(nil) }
    return flow
  }

  func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ final: [Stmt], _ frame: Frame) throws -> Flow {
    var flow: Flow = .normal
    do {
      do {
        flow = try exec(body, frame)
      } catch var error as PyException {
        guard !handlers.isEmpty else { throw error }
        var handled = false
        for handler in handlers {
          if try matches(error, handler.type, frame) {
            if let name = handler.name { try store(name, .exception(error), frame) }
            handling.append(error)
            defer { handling.removeLast() }
            flow = try exec(handler.body, frame)
            handled = true
            break
          }
        }
        if !handled {
          error.span = error.span ?? frame.currentSpan
          throw error
        }
        if !final.isEmpty {
          let finalFlow = try exec(final, frame)
          if case .normal = finalFlow { return flow }
          return finalFlow
        }
        return flow
      }
      if case .normal = flow { flow = try exec(orelse, frame) }
    } catch {
      if !final.isEmpty {
        let finalFlow = try exec(final, frame)
        if case .normal = finalFlow { throw error }
        return finalFlow
      }
      throw error
    }
    if !final.isEmpty {
      let finalFlow = try exec(final, frame)
      if case .normal = finalFlow { return flow }
      return finalFlow
    }
    return flow
  }

  func matches(_ error: PyException, _ typeExpr: Expr?, _ frame: Frame) throws -> Bool {
    guard let typeExpr else { return true }
    let spec = try eval(typeExpr, frame)
    func check(_ v: PyValue) throws -> Bool {
      switch v {
      case .type(let t) where t.isExceptionClass: return error.type.isSubtype(of: t)
      case .tuple(let items): return try items.contains { try check($0) }
      default:
        throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed")
      }
    }
    return try check(spec)
  }

  func raise(_ excExpr: Expr?, _ frame: Frame, span: SourceSpan) throws -> Never {
    guard let excExpr else {
      if var last = handling.last {
        last.frames = []
        throw last
      }
      var e = PyException(.runtimeError, "No active exception to reraise")
      e.span = span
      throw e
    }
    let value = try eval(excExpr, frame)
    var error: PyException
    switch value {
    case .exception(let e): error = e
    case .type(let t) where t.isExceptionClass: error = PyException(t)
    default:
      error = PyException.typeError("exceptions must derive from BaseException")
    }
    error.frames = []
    error.span = span
    throw error
  }

  /// Runs `body`, attaching `span` to an error that has no location yet.
  @inline(__always)
  func located<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch var error as PyException {
      if error.span == nil { error.span = span }
      throw error
    }
  }

  /// Interrupt check and progress hook; called for each statement, iteration and call.
  @inline(__always)
  func tick() throws {
    try checkInterrupt()
    tickCount &+= 1
    if tickCount & 63 == 0, let hook = progressHook {
      let now = DispatchTime.now().uptimeNanoseconds
      if Double(now &- lastProgress) / 1e9 >= progressInterval {
        lastProgress = now
        hook(Double(now &- statementStart) / 1e9)
      }
    }
  }
}
