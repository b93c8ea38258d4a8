import PyInterp
import TFGraph
import Tensors

/// `tf.Session` / `tf.InteractiveSession`.
final class SessionObject: PyObject {
  let session: Session
  /// The environment's number for this session (1 for the first).
  let id: Int
  let interactive: Bool
  unowned let env: TFEnvironment

  init(session: Session, id: Int, interactive: Bool, env: TFEnvironment) {
    self.session = session
    self.id = id
    self.interactive = interactive
    self.env = env
  }

  var pyTypeName: String { interactive ? "InteractiveSession" : "Session" }
  var pyTypeModule: String? { "tensorflow.python.client.session" }
  var pyDoc: String? { "Runs parts of the graph; variables keep their values in the session." }
  var pySignature: String? { "run(fetches, feed_dict=None)" }
  func pyRepr() -> String { "<tensorflow.python.client.session.\(pyTypeName) object at \(address(of: self))>" }

  /// Cached so that `sess.run(...)` in a loop does not rebuild the method each time.
  private lazy var runMethod: PyValue = {
    let sig = PySignature("run", [.required("fetches"), .optional("feed_dict"), .optional("options"), .optional("run_metadata")])
    return .builtin(PyBuiltinFunction(sig, owner: "Session", doc: "Computes the fetches (a tensor, an op, or a list/tuple/dict of them), feeding feed_dict.") { [unowned self] a in
      try self.env.run(self, fetches: a["fetches"], feedDict: a["feed_dict"])
    })
  }()

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "run": return runMethod
    case "close":
      return method("Session", PySignature("close", [])) { [unowned self] _ in
        self.close()
        return .none
      }
    case "graph": return .object(GraphObject(session.graph, env: env))
    case "as_default":
      return method("Session", PySignature("as_default", [])) { [unowned self] _ in
        .object(SessionDefaultContext(self))
      }
    case "_closed": return .bool(session.isClosed)
    default: return nil
    }
  }
  func pyDir() -> [String] { ["run", "close", "graph", "as_default"] }

  func close() {
    session.close()
    if env.interactiveSession === self { env.interactiveSession = nil }
  }

  var pyIsContextManager: Bool { true }
  func pyEnter() throws -> PyValue {
    env.sessionStack.append(self)
    return .object(self)
  }
  func pyExit(_ error: PyException?) throws -> Bool {
    if let i = env.sessionStack.lastIndex(where: { $0 === self }) { env.sessionStack.remove(at: i) }
    close()
    return false
  }
}

/// `with sess.as_default():` makes the session the default without closing it afterwards.
final class SessionDefaultContext: PyObject {
  let session: SessionObject
  init(_ session: SessionObject) { self.session = session }
  var pyTypeName: String { "_GeneratorContextManager" }
  var pyIsContextManager: Bool { true }
  func pyEnter() throws -> PyValue {
    session.env.sessionStack.append(session)
    return .object(session)
  }
  func pyExit(_ error: PyException?) throws -> Bool {
    if let i = session.env.sessionStack.lastIndex(where: { $0 === session }) { session.env.sessionStack.remove(at: i) }
    return false
  }
}

extension TFEnvironment {
  /// `sess.run(fetches, feed_dict)`: the result mirrors the structure of `fetches`
  /// (a value, a list, a tuple or a dict; `None` for operations).
  func run(_ s: SessionObject, fetches: PyValue, feedDict: PyValue) throws -> PyValue {
    let g = s.session.graph
    var feeds: [(Tensor, NDArray)] = []
    switch feedDict {
    case .none: break
    case .dict(let d):
      feeds.reserveCapacity(d.count)
      // Feed values are shared, not copied: an ndarray's storage goes to the engine as is
      // (copy-on-write protects the learner's array).
      try d.forEachItem { k, v in
        let t = try feedKey(k, g)
        feeds.append((t, try array(from: v, dtype: t.dtype, what: "feed value")))
      }
    default:
      throw PyException.typeError("feed_dict must be a dict, not '\(feedDict.typeName)'")
    }
    // Fast path: one tensor or op.
    if case .object = fetches, let leaf = try? fetch(fetches, g) {
      let r = try translate { try s.session.run([leaf], feedList: feeds) }
      return r[0].map { wrap($0) } ?? PyValue.none
    }
    var leaves: [Fetch] = []
    try collect(fetches, g, &leaves)
    let results = try translate { try s.session.run(leaves, feedList: feeds) }
    var i = 0
    return try rebuild(fetches, results, &i)
  }

  private func feedKey(_ k: PyValue, _ g: Graph) throws -> Tensor {
    switch k {
    case .object(let o as TensorObject): return o.tensor
    case .object(let o as VariableObject): return o.variable.ref
    case .str(let name):
      if let t = g.tensor(named: name.contains(":") ? name : name + ":0") { return t }
      throw PyException.typeError("Cannot interpret feed_dict key as Tensor: The name '\(name)' refers to a Tensor which does not exist. The operation, '\(name.split(separator: ":").first ?? "")', does not exist in the graph.")
    default:
      throw PyException.typeError("Cannot interpret feed_dict key as Tensor: Can not convert a \(k.typeName) into a Tensor.")
    }
  }

  private func fetch(_ v: PyValue, _ g: Graph) throws -> Fetch {
    switch v {
    case .object(let o as TensorObject): return .tensor(o.tensor)
    case .object(let o as VariableObject): return .tensor(o.variable.value)
    case .object(let o as OperationObject): return .operation(o.op)
    case .str(let name):
      if name.contains(":") {
        if let t = g.tensor(named: name) { return .tensor(t) }
      } else if let op = g.operation(named: name) {
        return .operation(op)
      }
      throw PyException.valueError("Fetch argument '\(name)' cannot be interpreted as a Tensor. (The name '\(name)' refers to \(name.contains(":") ? "a Tensor" : "an Operation") not in the graph.)")
    default:
      throw PyException.typeError("Fetch argument \(PyRepr.repr(v)) has invalid type \(typeDescription(v)), must be a string or Tensor. (Can not convert a \(v.typeName) into a Tensor or Operation.)")
    }
  }

  private func typeDescription(_ v: PyValue) -> String {
    if case .object(let o) = v { return "<class '\(o.pyTypeModule.map { $0 + "." } ?? "")\(o.pyTypeName)'>" }
    return "<class '\(v.typeName)'>"
  }

  private func collect(_ v: PyValue, _ g: Graph, _ out: inout [Fetch]) throws {
    switch v {
    case .list(let l): for x in l.items { try collect(x, g, &out) }
    case .tuple(let t): for x in t { try collect(x, g, &out) }
    case .dict(let d): for (_, x) in d.items { try collect(x, g, &out) }
    default: out.append(try fetch(v, g))
    }
  }

  private func rebuild(_ v: PyValue, _ results: [NDArray?], _ i: inout Int) throws -> PyValue {
    switch v {
    case .list(let l): return .newList(try l.items.map { try rebuild($0, results, &i) })
    case .tuple(let t): return .tuple(try t.map { try rebuild($0, results, &i) })
    case .dict(let d):
      let out = PyDict()
      for (k, x) in d.items { try out.set(k, try rebuild(x, results, &i)) }
      return .dict(out)
    default:
      defer { i += 1 }
      return results[i].map { wrap($0) } ?? PyValue.none
    }
  }
}
