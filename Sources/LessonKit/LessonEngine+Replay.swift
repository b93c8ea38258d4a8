extension LessonEngine {
  /// One step whose solution can be replayed.
  struct ReplayItem {
    var lesson: Int
    var step: Int
  }

  /// Brings the session to the state lesson `lesson` (at step `step`) expects, by running
  /// earlier solutions quietly, and says what it did.
  ///
  /// Steps are replayed from the first one (in the prerequisites, then the current lesson's
  /// earlier steps) whose checks don't already pass, so work the learner typed is kept.
  /// If a replayed statement fails, the session is reset and everything is replayed once
  /// from the start.
  func replay(before lesson: Int, step: Int) -> LessonOutput {
    var items: [ReplayItem] = []
    for li in catalogue.prerequisites(of: lesson) {
      items += catalogue.lessons[li].steps.indices.map { ReplayItem(lesson: li, step: $0) }
    }
    items += (0..<min(step, catalogue.lessons[lesson].steps.count)).map { ReplayItem(lesson: lesson, step: $0) }
    items = items.filter { item in
      let s = catalogue.lessons[item.lesson].steps[item.step]
      return s.replays && !s.solution.isEmpty
    }
    guard !items.isEmpty else { return LessonOutput() }
    let firstMissing = items.firstIndex { !alreadyPasses($0) } ?? items.count
    let todo = Array(items[firstMissing...])
    guard !todo.isEmpty else { return LessonOutput() }
    var reset = false
    if execute(todo) != nil {
      reset = true
      // The learner's session got in the way (a name rebound to something else, say):
      // start from a clean session and replay everything.
      session.resetSession()
      roles.map = [:]
      if let again = execute(items) {
        return LessonOutput([.warning("Couldn't replay the earlier lessons: \(again). Try `:reset all`.")])
      }
    }
    let lessons = Array(Set(todo.map(\.lesson))).sorted().map { catalogue.lessons[$0].number }
    let which = lessons.count == 1 ? "lesson \(lessons[0])" : "lessons \(listPhrase(lessons.map(String.init)))"
    var out = LessonOutput()
    if reset {
      out.append(.warning("Some earlier statements failed in your session, so I started a fresh session and ran all the earlier lessons again."))
    }
    out.append(.note("So that you start from a working state, I ran the statements of \(which) for you (`:vars` shows what they defined)."))
    return out
  }

  /// Whether a step's checks already pass now (ignoring `ran` checks, which are about the
  /// keyboard, not the session).
  func alreadyPasses(_ item: ReplayItem) -> Bool {
    let evaluator = CheckEvaluator(session: session, roles: roles)
    for check in catalogue.lessons[item.lesson].steps[item.step].checks {
      if case .ran = check.kind { continue }
      if case .fail = evaluator.evaluate(check) { return false }
    }
    return true
  }

  /// Runs the solutions of `items` quietly; returns the first error's description.
  func execute(_ items: [ReplayItem]) -> String? {
    for item in items {
      let step = catalogue.lessons[item.lesson].steps[item.step]
      do {
        try session.execute(step.solution, quietly: true)
      } catch {
        return "lesson \(catalogue.lessons[item.lesson].number), `\(step.solution.split(separator: "\n").first ?? "")`: \(error)"
      }
      let evaluator = CheckEvaluator(session: session, roles: roles)
      step.checks.forEach(evaluator.bind)
    }
    return nil
  }
}
