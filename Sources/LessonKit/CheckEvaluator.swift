/// Decides checks against a ``LessonSession``, binding roles to the learner's names.
///
/// A role (`x`, `W`, `loss`) is bound to the first global that satisfies the check that
/// declares it: a global with the role's own name is tried first, then the global the role
/// was bound to before, then the others, newest first. Later checks use the bound name.
package struct CheckEvaluator {
  /// The outcome of one check.
  package enum Outcome: Equatable {
    case pass
    case fail(String)
  }

  let session: LessonSession
  /// Role name → the global name it is bound to (shared with the engine, updated on a pass).
  package let roles: RoleBindings
  package var bindings: [String: String] { roles.map }
  /// Shell commands run during the current step (first word, with the colon).
  package var commandsRun: Set<String>
  /// Names the learner just assigned: looked at first when explaining a failure.
  package var focus: [String]

  /// Creates an evaluator over `session`.
  package init(session: LessonSession, roles: RoleBindings = RoleBindings(),
               commandsRun: Set<String> = [], focus: [String] = []) {
    self.session = session
    self.roles = roles
    self.commandsRun = commandsRun
    self.focus = focus
  }

  /// Evaluates `check`, binding its role when it passes.
  package func evaluate(_ check: Check) -> Outcome {
    let outcome = decide(check.kind)
    if case .fail = outcome, let custom = check.message { return .fail(custom) }
    return outcome
  }

  /// Evaluates a check from an earlier step only to bind its role (no messages, nothing slow).
  package func bind(_ check: Check) {
    switch check.kind {
    case .value, .ran, .initialized, .trained: return
    default: _ = decide(check.kind)
    }
  }

  /// The global name a role stands for now.
  package func name(of role: String) -> String { bindings[role] ?? role }

  // MARK: - Deciding

  private func decide(_ kind: Check.Kind) -> Outcome {
    switch kind {
    case .module(let role, let wanted):
      return find(role: role, kind: "module", describe: "`\(wanted)` isn't imported yet.") { name, value in
        guard case .module(let full) = value else { return nil }
        return full == wanted || full.hasSuffix("." + wanted) ? "" : "`\(name)` is the module `\(full)`, not `\(wanted)`."
      }
    case .dataset(let role, let oneHot):
      return find(role: role, kind: "data set", describe: "No data set is loaded yet.") { name, value in
        guard case .dataset(_, _, _, _, let isOneHot) = value else { return nil }
        return !oneHot || isOneHot ? ""
          : "`\(name)` was loaded without `one_hot=True`: its labels are digits, not one-hot vectors."
      }
    case .placeholder(let role, let dtype, let shape):
      return find(role: role, kind: "placeholder", describe: "There is no \(noun(dtype, "placeholder", shape)) yet.") { name, value in
        guard case .placeholder(_, let d, let s) = value else { return nil }
        return mismatch(name, "placeholder", d, s, dtype, shape) ?? ""
      }
    case .variable(let role, let dtype, let shape):
      return find(role: role, kind: "variable", describe: "There is no \(noun(dtype, "variable", shape)) yet.") { name, value in
        guard case .variable(_, let d, let s, _, _) = value else { return nil }
        return mismatch(name, "variable", d, s.map { $0.map(Optional.some) }, dtype, shape) ?? ""
      }
    case .array(let role, let dtype, let shape):
      return find(role: role, kind: "array", describe: "There is no \(noun(dtype, "array", shape)) yet.") { name, value in
        guard case .array(let d, let s) = value else { return nil }
        return mismatch(name, "array", d, s.map(Optional.some), dtype, shape) ?? ""
      }
    case .tensor(let role, let dtype, let shape, let constant, let uses, let via):
      return find(role: role, kind: "tensor", describe: "There is no \(noun(dtype, "tensor", shape)) \(usesPhrase(uses))yet.") { name, value in
        guard case .tensor(let id, _, let d, let s) = value else { return nil }
        if let problem = mismatch(name, "tensor", d, s, dtype, shape) { return problem }
        return tensorProblem(name: name, id: id, constant: constant, uses: uses, via: via) ?? ""
      }
    case .operation(let role, let lossRole):
      let lossName = name(of: lossRole)
      guard let lossID = session.inspect(lossName)?.nodeID else {
        return .fail("The loss `\(lossName)` must exist before its training operation.")
      }
      return find(role: role, kind: "operation", describe: "There is no operation that minimizes `\(lossName)` yet.") { name, value in
        guard case .operation(_, _, let minimizes) = value else { return nil }
        guard let minimizes else { return "`\(name)` is an operation, but it doesn't minimize anything." }
        return minimizes == lossID ? "" : "`\(name)` minimizes some other tensor, not `\(lossName)`."
      }
    case .session(let role):
      return find(role: role, kind: "session", describe: "There is no session yet.") { _, value in
        value == .session ? "" : nil
      }
    case .initialized(let roles):
      for role in roles {
        let n = name(of: role)
        switch session.inspect(n) {
        case .variable(_, _, _, let initialized, _):
          if !initialized { return .fail("`\(n)` isn't initialized yet: run the variables' initializer in your session.") }
        case nil: return .fail("`\(n)` doesn't exist yet.")
        case let other?: return .fail("`\(n)` is a \(other.kindName), not a variable.")
        }
      }
      return .pass
    case .trained(let roles):
      for role in roles {
        let n = name(of: role)
        switch session.inspect(n) {
        case .variable(_, _, _, let initialized, let magnitude):
          if !initialized { return .fail("`\(n)` isn't initialized yet, so it can't have been trained.") }
          if (magnitude ?? 0) == 0 { return .fail("`\(n)` is still all zeros: no training step has run yet.") }
        case nil: return .fail("`\(n)` doesn't exist yet.")
        case let other?: return .fail("`\(n)` is a \(other.kindName), not a variable.")
        }
      }
      return .pass
    case .value(let expression, let comparison, let number):
      let code = substitute(expression)
      do {
        let result = try session.evaluate(code)
        guard case .number(let v) = result else {
          return .fail("`\(code)` gives a \(result.kindName), not a number.")
        }
        return comparison.holds(v, number) ? .pass
          : .fail("`\(code)` is \(formatNumber(v)); it should be \(comparison.phrase(number)).")
      } catch {
        return .fail("`\(code)` can't be computed yet: \(error)")
      }
    case .ran(let command):
      return commandsRun.contains(command.lowercased()) ? .pass : .fail("Type `\(command)` to do this step.")
    }
  }

  /// Replaces each `$role` in `expression` by the name bound to it.
  package func substitute(_ expression: String) -> String {
    var out = ""
    var chars = Array(expression)[...]
    while let first = chars.first {
      chars = chars.dropFirst()
      guard first == "$" else { out.append(first); continue }
      let role = String(chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
      chars = chars.dropFirst(role.count)
      out += role.isEmpty ? "$" : name(of: role)
    }
    return out
  }

  // MARK: - Candidates

  /// Finds a global for `role` among values `test` recognises (`nil`: wrong kind; `""`: a
  /// match; otherwise what differs), binds it, or explains the nearest miss.
  private func find(role: String, kind: String, describe none: String,
                             _ test: (String, SessionValue) -> String?) -> Outcome {
    let globals = session.globalNames()
    var order: [String] = [role]
    if let bound = bindings[role] { order.append(bound) }
    order += globals.reversed()
    var seen = Set<String>()
    var problems: [String: String] = [:]
    for name in order where seen.insert(name).inserted {
      guard let value = session.inspect(name), let verdict = test(name, value) else { continue }
      if verdict.isEmpty {
        roles.map[role] = name
        return .pass
      }
      problems[name] = verdict
    }
    for name in focus + [bindings[role], role].compactMap({ $0 }) {
      if let problem = problems[name] { return .fail(problem) }
    }
    if let value = session.inspect(role) {
      return .fail("`\(role)` is a \(value.kindName), not a \(kind).")
    }
    // The newest near miss, unless it already plays another role (then it is surely not
    // meant for this one: the model `y` is no failed attempt at the loss).
    let playing = Set(roles.map.filter { $0.key != role }.map(\.value))
    if let latest = globals.reversed().first(where: { problems[$0] != nil && !playing.contains($0) }),
      let problem = problems[latest]
    {
      return .fail(problem)
    }
    return .fail(none)
  }

  private func mismatch(_ name: String, _ kind: String, _ dtype: String, _ shape: [Int?]?,
                        _ wantDtype: String?, _ wantShape: [Int?]?) -> String? {
    if let wantDtype, normalDtype(dtype) != wantDtype {
      return "`\(name)` is a \(normalDtype(dtype)) \(kind); it should be \(wantDtype)."
    }
    if let wantShape, shape != wantShape {
      return "`\(name)` has shape \(formatShape(shape)); it should be \(formatShape(wantShape))."
    }
    return nil
  }

  private func normalDtype(_ dtype: String) -> String {
    dtype.hasPrefix("tf.") ? String(dtype.dropFirst(3)) : dtype
  }

  /// "float32 placeholder of shape [None, 784]".
  private func noun(_ dtype: String?, _ kind: String, _ shape: [Int?]?) -> String {
    [dtype, kind, shape.map { "of shape " + formatShape($0) }].compactMap { $0 }.joined(separator: " ")
  }

  private func usesPhrase(_ uses: [String]) -> String {
    uses.isEmpty ? "" : "built from " + listPhrase(uses.map { "`\(name(of: $0))`" }) + " "
  }
}

/// Role name → global name, remembered across checks and steps.
package final class RoleBindings {
  /// The bindings.
  package var map: [String: String]
  /// Creates bindings, empty by default.
  package init(_ map: [String: String] = [:]) { self.map = map }
}
