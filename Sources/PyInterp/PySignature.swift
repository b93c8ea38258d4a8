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
    public static func keywordOnly(_ name: String, _ value: PyValue? = .none) -> Parameter {
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
  /// - Throws: `TypeError` with CPython's wording for unexpected, missing,
  ///   duplicate or too many arguments.
  public func bind(_ arguments: PyArguments) throws -> PyBoundArguments {
    var values: [String: PyValue] = [:]
    var provided: Set<String> = []
    let positionalParams = parameters.filter { $0.kind == .positionalOrKeyword }
    let varPositional = parameters.first { $0.kind == .varPositional }
    let varKeyword = parameters.first { $0.kind == .varKeyword }
    var extraKeywords: [(PyValue, PyValue)] = []

    let given = arguments.positional
    if given.count > positionalParams.count && varPositional == nil {
      let required = positionalParams.filter { $0.defaultValue == nil }.count
      let takes = required == positionalParams.count
        ? "\(positionalParams.count)" : "from \(required) to \(positionalParams.count)"
      let noun = positionalParams.count == 1 && required == positionalParams.count ? "argument" : "arguments"
      let was = given.count == 1 ? "was" : "were"
      throw PyException.typeError(
        "\(functionName)() takes \(takes) positional \(noun) but \(given.count) \(was) given")
    }
    for (i, value) in given.enumerated() where i < positionalParams.count {
      values[positionalParams[i].name] = value
      provided.insert(positionalParams[i].name)
    }
    if let varPositional {
      values[varPositional.name] = .tuple(Array(given.dropFirst(positionalParams.count)))
    }
    for (name, value) in arguments.keywords {
      if let p = parameters.first(where: { $0.name == name && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly) }) {
        if provided.contains(p.name) {
          throw PyException.typeError("\(functionName)() got multiple values for argument '\(name)'")
        }
        values[p.name] = value
        provided.insert(p.name)
      } else if varKeyword != nil {
        extraKeywords.append((.str(name), value))
      } else {
        throw PyException.typeError("\(functionName)() got an unexpected keyword argument '\(name)'")
      }
    }
    if let varKeyword { values[varKeyword.name] = .dict(try PyDict(extraKeywords)) }

    var missingPositional: [String] = []
    var missingKeyword: [String] = []
    for p in parameters where values[p.name] == nil {
      if let d = p.defaultValue {
        values[p.name] = d
      } else if p.kind == .positionalOrKeyword {
        missingPositional.append(p.name)
      } else if p.kind == .keywordOnly {
        missingKeyword.append(p.name)
      }
    }
    if !missingPositional.isEmpty {
      throw PyException.typeError(Self.missingMessage(functionName, missingPositional, "positional"))
    }
    if !missingKeyword.isEmpty {
      throw PyException.typeError(Self.missingMessage(functionName, missingKeyword, "keyword-only"))
    }
    return PyBoundArguments(functionName: functionName, values: values, provided: provided,
                            interpreter: arguments.interpreter)
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
public struct PyBoundArguments {
  /// The function name, for error messages from the converters.
  public let functionName: String
  /// Parameter name → value (defaults filled in; `*args` is a tuple, `**kwargs` a dict).
  public let values: [String: PyValue]
  /// The names the caller passed explicitly.
  public let provided: Set<String>
  /// The interpreter making the call, if any.
  public weak var interpreter: Interpreter?

  /// The value of parameter `name` (`.none` for unknown names).
  public subscript(_ name: String) -> PyValue { values[name] ?? .none }

  /// Whether the caller passed `name` explicitly.
  public func isProvided(_ name: String) -> Bool { provided.contains(name) }

  /// Parameter `name` as an Int (`TypeError` naming the parameter otherwise).
  public func int(_ name: String) throws -> Int { try self[name].asInt(what: "argument '\(name)'") }
  /// Parameter `name` as a Double.
  public func double(_ name: String) throws -> Double { try self[name].asDouble(what: "argument '\(name)'") }
  /// Parameter `name` as a String.
  public func string(_ name: String) throws -> String { try self[name].asString(what: "argument '\(name)'") }
  /// Parameter `name` as a Bool (Python truthiness of ints/bools/None).
  public func bool(_ name: String) throws -> Bool { try self[name].asBool(what: "argument '\(name)'") }
  /// Parameter `name`, or nil when it is `None`.
  public func optional(_ name: String) -> PyValue? { self[name].isNone ? nil : self[name] }
}
