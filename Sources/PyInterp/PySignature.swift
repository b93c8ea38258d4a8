/// A declared Python signature that binds call arguments with CPython's rules and messages.
///
/// ```swift
/// let sig = PySignature("softmax_cross_entropy_with_logits", [
///   .optional("_sentinel"), .optional("labels"), .optional("logits"),
///   .optional("dim", .int(-1)), .optional("name"),
/// ])
/// let bound = try sig.bind(arguments)   // TypeError on bad calls
/// let logits = bound["logits"]
/// ```
public struct PySignature: CustomStringConvertible {
  /// How a parameter accepts arguments.
  public enum Kind: Sendable {
    /// Positional or keyword (the usual kind).
    case positionalOrKeyword
    /// Keyword only (after `*` or `*args`).
    case keywordOnly
    /// `*args`: collects extra positional arguments as a tuple.
    case varPositional
    /// `**kwargs`: collects extra keyword arguments as a dict.
    case varKeyword
  }

  /// One parameter.
  public struct Parameter {
    /// The parameter name.
    public var name: String
    /// The default value; nil means required.
    public var defaultValue: PyValue?
    /// How it accepts arguments.
    public var kind: Kind

    /// Creates a parameter.
    public init(_ name: String, default defaultValue: PyValue? = nil, kind: Kind = .positionalOrKeyword) {
      self.name = name
      self.defaultValue = defaultValue
      self.kind = kind
    }
    /// A required positional-or-keyword parameter.
    public static func required(_ name: String) -> Parameter { Parameter(name) }
    /// An optional parameter (default `None` unless given).
    public static func optional(_ name: String, _ value: PyValue = .none) -> Parameter {
      Parameter(name, default: value)
    }
    /// A keyword-only parameter (nil default = required).
    public static func keywordOnly(_ name: String, _ value: PyValue? = nil) -> Parameter {
      Parameter(name, default: value, kind: .keywordOnly)
    }
    /// `*name`.
    public static func varArgs(_ name: String = "args") -> Parameter { Parameter(name, kind: .varPositional) }
    /// `**name`.
    public static func varKeywords(_ name: String = "kwargs") -> Parameter { Parameter(name, kind: .varKeyword) }
  }

  /// The function name used in error messages (`softmax`).
  public var functionName: String
  /// The parameters in declaration order.
  public var parameters: [Parameter]

  /// Creates a signature.
  public init(_ functionName: String, _ parameters: [Parameter]) {
    self.functionName = functionName
    self.parameters = parameters
  }

  /// `name(a, b=None, *args, c=1, **kwargs)`.
  public var description: String {
    var parts: [String] = []
    var sawStar = false
    for p in parameters {
      switch p.kind {
      case .positionalOrKeyword:
        parts.append(p.defaultValue.map { "\(p.name)=\(PyRepr.repr($0))" } ?? p.name)
      case .keywordOnly:
        if !sawStar { parts.append("*"); sawStar = true }
        parts.append(p.defaultValue.map { "\(p.name)=\(PyRepr.repr($0))" } ?? p.name)
      case .varPositional:
        sawStar = true
        parts.append("*\(p.name)")
      case .varKeyword:
        parts.append("**\(p.name)")
      }
    }
    return "\(functionName)(\(parts.joined(separator: ", ")))"
  }

  /// Binds `arguments` to the parameters, filling defaults.
  ///
  /// This runs on every call of a native function, so it allocates only the slot array
  /// (no dictionaries, sets or filtered copies of the parameter list).
  /// - Throws: `TypeError` with CPython's wording for unexpected, missing,
  ///   duplicate or too many arguments.
  public func bind(_ arguments: PyArguments) throws -> PyBoundArguments {
    let params = parameters
    var slots = [PyValue?](repeating: nil, count: params.count)
    let given = arguments.positional
    var positionalCount = 0
    var varPositional = -1, varKeyword = -1
    for i in params.indices {
      switch params[i].kind {
      case .positionalOrKeyword:
        if positionalCount < given.count { slots[i] = given[positionalCount] }
        positionalCount += 1
      case .varPositional: if varPositional < 0 { varPositional = i }
      case .varKeyword: if varKeyword < 0 { varKeyword = i }
      case .keywordOnly: break
      }
    }
    if given.count > positionalCount && varPositional < 0 {
      throw tooManyPositional(given.count)
    }
    if varPositional >= 0 {
      slots[varPositional] = .tuple(given.count > positionalCount ? Array(given[positionalCount...]) : [])
    }
    var extraKeywords: [(PyValue, PyValue)] = []
    for (name, value) in arguments.keywords {
      var found = -1
      for i in params.indices where params[i].name == name {
        let kind = params[i].kind
        if kind == .positionalOrKeyword || kind == .keywordOnly {
          found = i
          break
        }
      }
      if found >= 0 {
        if slots[found] != nil {
          throw PyException.typeError("\(functionName)() got multiple values for argument '\(name)'")
        }
        slots[found] = value
      } else if varKeyword >= 0 {
        extraKeywords.append((.str(name), value))
      } else {
        throw PyException.typeError("\(functionName)() got an unexpected keyword argument '\(name)'")
      }
    }
    if varKeyword >= 0 { slots[varKeyword] = .dict(try PyDict(extraKeywords)) }

    var missingPositional: [String] = []
    var missingKeyword: [String] = []
    for i in params.indices where slots[i] == nil && params[i].defaultValue == nil {
      if params[i].kind == .positionalOrKeyword {
        missingPositional.append(params[i].name)
      } else if params[i].kind == .keywordOnly {
        missingKeyword.append(params[i].name)
      }
    }
    if !missingPositional.isEmpty {
      throw PyException.typeError(Self.missingMessage(functionName, missingPositional, "positional"))
    }
    if !missingKeyword.isEmpty {
      throw PyException.typeError(Self.missingMessage(functionName, missingKeyword, "keyword-only"))
    }
    return PyBoundArguments(functionName: functionName, parameters: params, slots: slots,
                            interpreter: arguments.interpreter)
  }

  /// `f() takes 2 positional arguments but 3 were given` (CPython's wording).
  private func tooManyPositional(_ count: Int) -> PyException {
    var total = 0, required = 0
    for p in parameters where p.kind == .positionalOrKeyword {
      total += 1
      if p.defaultValue == nil { required += 1 }
    }
    let takes = required == total ? "\(total)" : "from \(required) to \(total)"
    let noun = total == 1 && required == total ? "argument" : "arguments"
    let was = count == 1 ? "was" : "were"
    return PyException.typeError("\(functionName)() takes \(takes) positional \(noun) but \(count) \(was) given")
  }

  static func missingMessage(_ function: String, _ names: [String], _ kind: String) -> String {
    let quoted = names.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
    }
    let noun = names.count == 1 ? "argument" : "arguments"
    return "\(function)() missing \(names.count) required \(kind) \(noun): \(list)"
  }
}

/// Arguments bound to a `PySignature`: every parameter has a value (given or default).
///
/// Values sit in one slot per parameter, in declaration order; lookups by name scan the
/// (short) parameter list, which is cheaper than building a dictionary on every call.
public struct PyBoundArguments {
  /// The function name, for error messages from the converters.
  public let functionName: String
  /// The signature's parameters (shared with the signature, not copied).
  let parameters: [PySignature.Parameter]
  /// The value the caller gave for each parameter (nil: not given, the default applies);
  /// `*args` / `**kwargs` slots always hold their tuple / dict.
  let slots: [PyValue?]
  /// The interpreter making the call, if any.
  public var interpreter: Interpreter?

  /// Parameter name → value (defaults filled in; `*args` is a tuple, `**kwargs` a dict).
  public var values: [String: PyValue] {
    var result: [String: PyValue] = [:]
    result.reserveCapacity(parameters.count)
    for i in parameters.indices { result[parameters[i].name] = value(at: i) }
    return result
  }

  /// The names the caller passed explicitly.
  public var provided: Set<String> {
    Set(parameters.indices.filter { isProvided(at: $0) }.map { parameters[$0].name })
  }

  @inline(__always)
  private func index(of name: String) -> Int? {
    for i in parameters.indices where parameters[i].name == name { return i }
    return nil
  }

  @inline(__always)
  private func value(at i: Int) -> PyValue { slots[i] ?? parameters[i].defaultValue ?? .none }

  private func isProvided(at i: Int) -> Bool {
    let kind = parameters[i].kind
    return slots[i] != nil && (kind == .positionalOrKeyword || kind == .keywordOnly)
  }

  /// The value of parameter `name` (`.none` for unknown names).
  public subscript(_ name: String) -> PyValue {
    guard let i = index(of: name) else { return .none }
    return value(at: i)
  }

  /// Whether the caller passed `name` explicitly.
  public func isProvided(_ name: String) -> Bool {
    guard let i = index(of: name) else { return false }
    return isProvided(at: i)
  }

  /// Parameter `name` as an Int (`TypeError` naming the parameter otherwise).
  public func int(_ name: String) throws -> Int {
    let v = self[name]
    if case .int(let i) = v { return i }
    return try v.asInt(what: "argument '\(name)'")
  }
  /// Parameter `name` as a Double.
  public func double(_ name: String) throws -> Double {
    let v = self[name]
    if case .float(let d) = v { return d }
    return try v.asDouble(what: "argument '\(name)'")
  }
  /// Parameter `name` as a String.
  public func string(_ name: String) throws -> String {
    let v = self[name]
    if case .str(let s) = v { return s }
    return try v.asString(what: "argument '\(name)'")
  }
  /// Parameter `name` as a Bool (Python truthiness of ints/bools/None).
  public func bool(_ name: String) throws -> Bool {
    let v = self[name]
    if case .bool(let b) = v { return b }
    return try v.asBool(what: "argument '\(name)'")
  }
  /// Parameter `name`, or nil when it is `None`.
  public func optional(_ name: String) -> PyValue? {
    let v = self[name]
    return v.isNone ? nil : v
  }
}
