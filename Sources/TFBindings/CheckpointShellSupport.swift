import PyInterp
import TFGraph

extension TFEnvironment {
  /// The global Python name bound to `v` (`W` for the tutorial's weights), if any.
  public func globalName(of v: Variable) -> String? {
    guard let py = interpreter else { return nil }
    return py.globalNames.first { name in
      guard let value = py[global: name], let bound = variable(of: value) else { return false }
      return bound === v
    }
  }

  /// The session the shell's `:save` and `:load` use: the default session (innermost `with`,
  /// else the InteractiveSession), else the newest open session on the default graph.
  public var shellSession: Session? {
    if let s = registeredDefaultSession?.session, !s.isClosed { return s }
    return sessions.last { !$0.isClosed && $0.graph === graph }
  }

  /// Creates a `tf.InteractiveSession()` on the default graph (it becomes the default session)
  /// and returns it with its Python object, for the shell to bind to a name.
  public func makeInteractiveSession() -> (session: Session, object: PyValue) {
    let o = makeSession(interactive: true)
    return (o.session, .object(o))
  }
}
