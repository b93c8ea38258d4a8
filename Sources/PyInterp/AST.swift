/// An expression node with its source span.
public struct Expr {
  /// What the expression is.
  public var kind: ExprKind
  /// Where it was written.
  public var span: SourceSpan
  /// Creates an expression node.
  public init(_ kind: ExprKind, _ span: SourceSpan) {
    self.kind = kind
    self.span = span
  }
}

/// A literal constant.
public enum PyConstant {
  case none, bool(Bool), int(Int), float(Double), str(String), ellipsis
}

/// The operators of a comparison chain (`<`, `in`, `is not`, ...).
public enum CompareOp: String {
  case lt = "<", le = "<=", eq = "==", ne = "!=", gt = ">", ge = ">="
  case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// Unary operators including `not`.
public enum UnaryOp: String {
  case neg = "-", pos = "+", invert = "~", not = "not"
}

/// One argument in a call.
public enum CallArgument {
  /// `f(x)`.
  case positional(Expr)
  /// `f(*xs)`.
  case star(Expr)
  /// `f(name=x)`.
  case keyword(String, Expr)
  /// `f(**kw)`.
  case doubleStar(Expr)
}

/// One `for ... in ... if ...` clause of a comprehension.
public struct Comprehension {
  /// The loop target.
  public var target: Expr
  /// The iterable.
  public var iterable: Expr
  /// The `if` filters.
  public var conditions: [Expr]
}

/// A piece of an f-string.
public enum FStringPart {
  /// Literal text.
  case literal(String)
  /// `{expr!conversion:spec}`; `spec` is itself an f-string's parts.
  case field(Expr, conversion: Character?, spec: [FStringPart])
}

/// The kinds of expression.
public indirect enum ExprKind {
  case name(String)
  case constant(PyConstant)
  case fstring([FStringPart])
  case unary(UnaryOp, Expr)
  case binary(PyBinaryOperator, Expr, Expr)
  /// `a and b and c` (`isAnd`) or `a or b`.
  case boolOp(isAnd: Bool, [Expr])
  /// `a < b <= c`.
  case compare(Expr, [(CompareOp, Expr)])
  /// `body if test else orelse`.
  case ifExp(test: Expr, body: Expr, orelse: Expr)
  case call(Expr, [CallArgument])
  /// `value.name`.
  case attribute(Expr, String)
  case `subscript`(Expr, Expr)
  /// `lower:upper:step` inside a subscript.
  case slice(Expr?, Expr?, Expr?)
  case tuple([Expr])
  case list([Expr])
  /// Key nil means `**mapping`.
  case dict([(Expr?, Expr)])
  case set([Expr])
  case listComp(Expr, [Comprehension])
  case setComp(Expr, [Comprehension])
  case dictComp(Expr, Expr, [Comprehension])
  /// A generator expression, evaluated eagerly here.
  case generator(Expr, [Comprehension])
  case lambda(FunctionDef)
  case starred(Expr)
}

/// A statement node with its source span.
public struct Stmt {
  /// What the statement is.
  public var kind: StmtKind
  /// Where it was written (first line to last line of its block).
  public var span: SourceSpan
  /// Creates a statement node.
  public init(_ kind: StmtKind, _ span: SourceSpan) {
    self.kind = kind
    self.span = span
  }
}

/// An `except` clause.
public struct ExceptHandler {
  /// The class (or tuple of classes) to match; nil catches everything.
  public var type: Expr?
  /// The `as` name.
  public var name: String?
  /// The handler body.
  public var body: [Stmt]
  /// The `except ...:` line's span.
  public var span: SourceSpan
}

/// The kinds of statement.
public indirect enum StmtKind {
  case expr(Expr)
  /// `a = b = value` has targets `[a, b]`.
  case assign([Expr], Expr)
  case augAssign(Expr, PyBinaryOperator, Expr)
  /// `x: int = 3` (annotation evaluated and ignored).
  case annAssign(Expr, Expr, Expr?)
  /// `import a.b as c, d`.
  case `import`([(name: String, asName: String?)])
  /// `from a.b import c as d, e`.
  case importFrom(String, [(name: String, asName: String?)])
  case functionDef(FunctionDef)
  case `return`(Expr?)
  case `if`(Expr, [Stmt], [Stmt])
  case `for`(Expr, Expr, [Stmt], [Stmt])
  case `while`(Expr, [Stmt], [Stmt])
  case `break`, `continue`, pass
  case with([(Expr, Expr?)], [Stmt])
  case global([String])
  case nonlocal([String])
  case del([Expr])
  case assert(Expr, Expr?)
  case raise(Expr?, Expr?)
  case `try`([Stmt], [ExceptHandler], [Stmt], [Stmt])
  /// `class` is parsed but not supported: running it raises a clear error.
  case classDef(String)
}

/// A `def` or `lambda`: parameters, body and the scope facts the evaluator needs.
public final class FunctionDef {
  /// One parameter with its default expression.
  public struct Param {
    /// The parameter name.
    public var name: String
    /// The default, evaluated when the `def` runs.
    public var defaultValue: Expr?
    /// How it accepts arguments.
    public var kind: PySignature.Kind
  }
  /// The function name (`<lambda>` for lambdas).
  public let name: String
  /// The parameters.
  public let params: [Param]
  /// The body (a lambda's is one `return` statement).
  public let body: [Stmt]
  /// The docstring, if the body starts with a string literal.
  public let docstring: String?
  /// Names assigned in the body (locals), excluding `global`/`nonlocal` ones.
  public let localNames: Set<String>
  /// Names declared `global`.
  public let globalNames: Set<String>
  /// Names declared `nonlocal`.
  public let nonlocalNames: Set<String>
  /// The `def` header's span.
  public let span: SourceSpan

  init(name: String, params: [Param], body: [Stmt], span: SourceSpan) {
    self.name = name
    self.params = params
    self.body = body
    self.span = span
    if case .expr(let e)? = body.first?.kind, case .constant(.str(let s)) = e.kind {
      docstring = s
    } else {
      docstring = nil
    }
    var scan = ScopeScan()
    for p in params { scan.assigned.insert(p.name) }
    scan.scan(body)
    globalNames = scan.globals
    nonlocalNames = scan.nonlocals
    localNames = scan.assigned.subtracting(scan.globals).subtracting(scan.nonlocals)
  }
}
