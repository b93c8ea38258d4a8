/// One line of a step's `check` block, parsed.
///
/// The language is documented in `Lessons/README.md`. Checks decide by meaning: they look
/// at the kinds, dtypes, shapes and graph dependencies of the session's values, never at
/// the text the learner typed.
package struct Check: Sendable, Equatable {
  /// What the check asks for.
  package var kind: Kind
  /// The line in the lesson file, for error messages.
  package var line: Int
  /// A failure message written by the lesson's author, replacing the generated one.
  package var message: String?

  /// The kinds of check the language has.
  package enum Kind: Sendable, Equatable {
    /// `module ROLE NAME`: a module whose full name is NAME or ends with `.NAME`.
    case module(role: String, name: String)
    /// `dataset ROLE [one_hot]`: a loaded data set.
    case dataset(role: String, oneHot: Bool)
    /// `placeholder ROLE [DTYPE] [SHAPE]`.
    case placeholder(role: String, dtype: String?, shape: [Int?]?)
    /// `variable ROLE [DTYPE] [SHAPE]`.
    case variable(role: String, dtype: String?, shape: [Int?]?)
    /// `tensor ROLE [DTYPE] [SHAPE] [constant] [uses ROLE...] [via OP... | OP...]`;
    /// `constant` asks that it depend on no placeholder or variable.
    case tensor(role: String, dtype: String?, shape: [Int?]?, constant: Bool, uses: [String], via: [[String]])
    /// `array ROLE [DTYPE] [SHAPE]`: a concrete array value.
    case array(role: String, dtype: String?, shape: [Int?]?)
    /// `operation ROLE minimizes ROLE`: a training operation for that loss.
    case operation(role: String, minimizes: String)
    /// `session ROLE`: a session exists.
    case session(role: String)
    /// `initialized ROLE...`: those variables have a value.
    case initialized([String])
    /// `trained ROLE...`: those variables are no longer all zeros.
    case trained([String])
    /// `value EXPR CMP NUMBER`: a Python expression (with `$role` substituted) compares true.
    case value(expression: String, comparison: Comparison, number: Double)
    /// `ran :COMMAND`: the learner ran that shell command during this step.
    case ran(command: String)
  }

  /// A comparison operator of a `value` check.
  package enum Comparison: String, Sendable, Equatable, CaseIterable {
    case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    case equal = "==", notEqual = "!="

    /// Whether `lhs CMP rhs` holds; `==` and `!=` allow a relative tolerance of 1e-3.
    package func holds(_ lhs: Double, _ rhs: Double) -> Bool {
      let close = abs(lhs - rhs) <= 1e-3 * max(1, abs(rhs))
      switch self {
      case .greater: return lhs > rhs
      case .greaterOrEqual: return lhs >= rhs
      case .less: return lhs < rhs
      case .lessOrEqual: return lhs <= rhs
      case .equal: return close
      case .notEqual: return !close
      }
    }

    /// How the expectation reads in a message ("above 0.9").
    package func phrase(_ number: Double) -> String {
      let n = formatNumber(number)
      switch self {
      case .greater: return "above \(n)"
      case .greaterOrEqual: return "at least \(n)"
      case .less: return "below \(n)"
      case .lessOrEqual: return "at most \(n)"
      case .equal: return "about \(n)"
      case .notEqual: return "anything but \(n)"
      }
    }
  }

  /// The roles this check binds (its own role), if any.
  package var boundRole: String? {
    switch kind {
    case .module(let role, _), .dataset(let role, _), .placeholder(let role, _, _),
      .variable(let role, _, _), .tensor(let role, _, _, _, _, _), .array(let role, _, _),
      .operation(let role, _), .session(let role):
      return role
    default: return nil
    }
  }

  /// Every role name the check mentions.
  package var mentionedRoles: [String] {
    var roles: [String] = boundRole.map { [$0] } ?? []
    switch kind {
    case .tensor(_, _, _, _, let uses, _): roles += uses
    case .operation(_, let loss): roles.append(loss)
    case .initialized(let names), .trained(let names): roles += names
    case .value(let expression, _, _): roles += Check.substitutedRoles(in: expression)
    default: break
    }
    return roles
  }

  /// The `$role` names used in a `value` expression.
  package static func substitutedRoles(in expression: String) -> [String] {
    var roles: [String] = []
    var chars = Array(expression)[...]
    while let dollar = chars.firstIndex(of: "$") {
      var end = dollar + 1
      while end < chars.endIndex, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" {
        end += 1
      }
      if end > dollar + 1 { roles.append(String(chars[(dollar + 1)..<end])) }
      chars = chars[end...]
    }
    return roles
  }
}

/// Formats a number briefly: integers without a fraction, others with up to 4 digits.
package func formatNumber(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  var text = String(format4: value)
  while text.hasSuffix("0") { text.removeLast() }
  return text
}

extension String {
  /// `value` with four digits after the point, without Foundation.
  fileprivate init(format4 value: Double) {
    let scaled = (abs(value) * 10_000).rounded()
    let whole = Int(scaled / 10_000)
    let frac = Int(scaled) - whole * 10_000
    var fracText = String(frac)
    while fracText.count < 4 { fracText = "0" + fracText }
    self = (value < 0 ? "-" : "") + "\(whole).\(fracText)"
  }
}

/// Formats a shape the way the lessons write it: `[None, 784]`, `[]`.
package func formatShape(_ shape: [Int?]?) -> String {
  guard let shape else { return "an unknown shape" }
  return "[" + shape.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + "]"
}
