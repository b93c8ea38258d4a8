import Foundation

extension LessonEngine {
  /// The first failing check of `step` and its message, after binding the roles of every
  /// earlier step.
  func firstFailure(_ step: Step, focus: [String] = []) -> (Check, String)? {
    let evaluator = CheckEvaluator(session: session, roles: roles, commandsRun: commandsRun, focus: focus)
    bindEarlierRoles(evaluator)
    for check in step.checks {
      if case .fail(let message) = evaluator.evaluate(check) { return (check, message) }
    }
    return nil
  }

  /// Binds the roles declared by every step before the current one.
  func bindEarlierRoles(_ evaluator: CheckEvaluator) {
    for (li, lesson) in catalogue.lessons.enumerated() where li <= lessonIndex {
      for (si, step) in lesson.steps.enumerated() where li < lessonIndex || si < stepIndex {
        step.checks.forEach(evaluator.bind)
      }
    }
  }

  /// Checks the current step; see ``afterStatement(_:)``. `explicit` (`:check`, `:run`)
  /// always explains a failure.
  func check(explicit: Bool, source: String?) -> LessonOutput {
    guard let step = currentStep else {
      return explicit ? LessonOutput([.note(finishedNote())]) : LessonOutput()
    }
    guard step.hasChecks else {
      return explicit ? LessonOutput([.note("Nothing to check in this step: type `:next` when you're ready.")]) : LessonOutput()
    }
    let assigned = source.map(Self.assignedNames) ?? []
    guard let (failed, message) = firstFailure(step, focus: assigned) else { return passStep() }
    if explicit || touched(step: step, failed: failed, source: source, assigned: assigned) {
      return LessonOutput([.failure(message)])
    }
    return LessonOutput()
  }

  /// Whether the learner's statement was about the failing check: it names the role the
  /// check is about (or the name bound to it), or it assigned a value of the kind the
  /// check looks for. Merely using an input (`print(x)` while `y` is awaited) is not.
  func touched(step: Step, failed: Check, source: String?, assigned: [String]) -> Bool {
    guard let source else { return false }
    let words = Set(Self.identifiers(in: source))
    let roleNames = failed.boundRole.map { [$0] } ?? failed.mentionedRoles
    let relevant = Set(roleNames + roleNames.compactMap { roles.map[$0] })
    if !words.isDisjoint(with: relevant) { return true }
    guard let wanted = Self.kindWanted(by: failed) else { return false }
    return assigned.contains { session.inspect($0)?.kindName == wanted }
  }

  /// The kind of value a check looks for, as ``SessionValue/kindName`` words it.
  static func kindWanted(by check: Check) -> String? {
    switch check.kind {
    case .module: return "module"
    case .dataset: return "data set"
    case .placeholder: return "placeholder"
    case .variable, .initialized, .trained: return "variable"
    case .tensor: return "tensor"
    case .array: return "array"
    case .operation: return "operation"
    case .session: return "session"
    case .value, .ran: return nil
    }
  }

  /// Identifiers in Python source (keywords included; harmless here).
  static func identifiers(in source: String) -> [String] {
    var out: [String] = []
    var current = ""
    for ch in source {
      if ch.isLetter || ch == "_" || (ch.isNumber && !current.isEmpty) {
        current.append(ch)
      } else {
        if !current.isEmpty { out.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// Names assigned at the start of a line (`W = ...`, `a, b = ...`, `n += 1`, `for i in`).
  package static func assignedNames(in source: String) -> [String] {
    var names: [String] = []
    for line in source.split(separator: "\n") {
      let t = line.trimmingSpaces
      if t.hasPrefix("for "), let inRange = t.range(of: " in ") {
        names += identifiers(in: String(t[t.index(t.startIndex, offsetBy: 4)..<inRange.lowerBound]))
        continue
      }
      let chars = Array(t)
      guard let eq = chars.firstIndex(of: "="), eq > 0 else { continue }
      if eq + 1 < chars.count, chars[eq + 1] == "=" { continue }
      var lhs = chars[..<eq]
      if let last = lhs.last, "+-*/%".contains(last) { lhs = lhs.dropLast() }
      guard lhs.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "," || $0 == " " }) else { continue }
      names += identifiers(in: String(lhs))
    }
    return names
  }
}
