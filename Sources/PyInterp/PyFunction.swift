/// A namespace of variables: module globals or one function call's locals.
final class Scope {
  var values: [String: PyValue]
  init(_ values: [String: PyValue] = [:]) { self.values = values }
}

/// A function defined in Python with `def` or `lambda`.
public final class PyFunction {
  /// The definition (parameters, body, scope facts).
  public let definition: FunctionDef
  /// Default values, evaluated when the `def` ran, by parameter name.
  let defaults: [String: PyValue]
  /// Enclosing function scopes, innermost first (for closures).
  let closure: [Scope]
  /// The module globals the function was defined in.
  let globals: Scope
  /// The file the function was defined in (for tracebacks).
  let filename: String
  /// The name prefix for nested functions (`outer.<locals>.`).
  let qualifiedPrefix: String

  /// The source text the function was defined in.
  let source: SourceText

  init(definition: FunctionDef, defaults: [String: PyValue], closure: [Scope], globals: Scope,
       filename: String, qualifiedPrefix: String, source: SourceText) {
    self.source = source
    self.definition = definition
    self.defaults = defaults
    self.closure = closure
    self.globals = globals
    self.filename = filename
    self.qualifiedPrefix = qualifiedPrefix
  }

  /// The function's name.
  public var name: String { definition.name }
  /// `outer.<locals>.inner` style name for `repr`.
  public var qualifiedName: String { qualifiedPrefix + definition.name }

  /// The signature for binding and `help()`.
  public var signature: PySignature {
    PySignature(definition.name, definition.params.map {
      PySignature.Parameter($0.name, default: defaults[$0.name], kind: $0.kind)
    })
  }
}
