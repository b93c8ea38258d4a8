extension LessonEngine {
  /// The current lesson's heading and text, then its step `step` (or a finished note).
  func showLesson(fromStep step: Int) -> LessonOutput {
    let lesson = currentLesson
    var out = LessonOutput([.heading("Lesson \(lesson.number) of \(catalogue.lessons.count) · \(lesson.title)")])
    if step == 0 { out.blocks += lesson.text.map { .text($0) } }
    out.append(showStep())
    return out
  }

  /// The current step: its title, text and, for `type` steps, the statements to type.
  func showStep() -> LessonOutput {
    guard let step = currentStep else { return LessonOutput([.note(finishedNote())]) }
    let count = currentLesson.steps.count
    var out = LessonOutput([.subheading("Step \(stepIndex + 1) of \(count) · \(step.title)")])
    var blocks = step.text.map { LessonOutput.Block.text($0) }
    if step.showsSolution && !step.solution.isEmpty {
      blocks.insert(.statements(step.solution), at: min(step.statementsAt, blocks.count))
    }
    out.blocks += blocks
    if !step.hasChecks { out.append(.note("Type `:next` when you're ready to go on.")) }
    return out
  }

  /// What to say once the current lesson is finished.
  func finishedNote() -> String {
    let next = lessonIndex + 1
    guard next < catalogue.lessons.count else {
      return "That was the last lesson. Well done! `:lessons` lists them all if you want to revisit one."
    }
    let lesson = catalogue.lessons[next]
    return "Type `:next` for lesson \(lesson.number), \(lesson.title)."
  }

  /// The current step passed: congratulate, move on, save.
  func passStep() -> LessonOutput {
    var out = LessonOutput([.success(Self.praise[(lessonIndex + stepIndex) % Self.praise.count])])
    stepIndex += 1
    hintsShown = 0
    commandsRun = []
    if stepIndex >= currentLesson.steps.count {
      markDone()
      out.append(.success(lessonDoneText()))
      out.append(.note(finishedNote()))
    } else {
      out.append(showStep())
    }
    out.append(save())
    return out
  }

  /// "Lesson 4 done: The placeholder." without doubling a final `?` or `!`.
  func lessonDoneText() -> String {
    let title = currentLesson.title
    let end = title.last.map { ".?!".contains($0) } ?? false ? "" : "."
    return "Lesson \(currentLesson.number) done: \(title)\(end)"
  }

  static let praise = ["Well done.", "That's it.", "Correct.", "Nice.", "Exactly right.", "Good."]

  func markDone() {
    if !done.contains(currentLesson.id) { done.append(currentLesson.id) }
  }

  /// Saves the progress; returns a warning block when that failed.
  func save() -> LessonOutput {
    let progress = LessonProgress(lesson: currentLesson.id, step: stepIndex, done: done)
    guard let warning = store.save(progress) else { return LessonOutput() }
    return LessonOutput([.warning(warning)])
  }

  /// Moves to `index`, step 0, without replaying.
  func move(toLesson index: Int) {
    lessonIndex = index
    stepIndex = 0
    hintsShown = 0
    commandsRun = []
  }

  func listLessons() -> LessonOutput {
    var out = LessonOutput([.heading("Lessons")])
    let lines = catalogue.lessons.enumerated().map { index, lesson in
      let mark = done.contains(lesson.id) ? "[x]" : "[ ]"
      let here = index == lessonIndex ? "  <- you are here" : ""
      let pad = lesson.number < 10 ? " " : ""
      return "\(mark) \(pad)\(lesson.number). \(lesson.title)\(here)"
    }
    out.append(.text(.code(lines.joined(separator: "\n"))))
    out.append(.note("`:lesson N` goes to lesson N."))
    return out
  }

  func jump(to argument: String) -> LessonOutput {
    let target = Int(argument).flatMap { n in catalogue.lessons.firstIndex { $0.number == n } }
      ?? catalogue.index(of: argument)
    guard let target else {
      let numbers = catalogue.lessons.map(\.number)
      return LessonOutput([.failure("There is no lesson `\(argument)`: lessons are numbered \(numbers.first ?? 1) to \(numbers.last ?? 1).")])
    }
    var out = LessonOutput()
    let forward = target > lessonIndex
    move(toLesson: target)
    if forward { out.append(replay(before: target, step: 0)) }
    out.append(showLesson(fromStep: 0))
    out.append(save())
    return out
  }

  func next() -> LessonOutput {
    if let step = currentStep {
      if step.hasChecks {
        guard let (_, message) = firstFailure(step) else { return passStep() }
        return LessonOutput([
          .failure(message),
          .note("This step isn't done yet. Try it, or ask for `:hint`, `:solution`, or `:run` to have it typed for you."),
        ])
      }
      stepIndex += 1
      hintsShown = 0
      commandsRun = []
      if stepIndex < currentLesson.steps.count {
        var out = showStep()
        out.append(save())
        return out
      }
      markDone()
      var out = LessonOutput([.success(lessonDoneText())])
      guard lessonIndex + 1 < catalogue.lessons.count else {
        out.append(.note(finishedNote()))
        out.append(save())
        return out
      }
      move(toLesson: lessonIndex + 1)
      out.append(showLesson(fromStep: 0))
      out.append(save())
      return out
    }
    guard lessonIndex + 1 < catalogue.lessons.count else { return LessonOutput([.note(finishedNote())]) }
    move(toLesson: lessonIndex + 1)
    var out = showLesson(fromStep: 0)
    out.append(save())
    return out
  }

  func back() -> LessonOutput {
    if stepIndex > 0 {
      stepIndex = min(stepIndex, currentLesson.steps.count) - 1
      hintsShown = 0
      commandsRun = []
      var out = stepIndex == 0 ? showLesson(fromStep: 0) : showStep()
      out.append(save())
      return out
    }
    guard lessonIndex > 0 else { return LessonOutput([.note("This is the first lesson.")]) }
    move(toLesson: lessonIndex - 1)
    var out = showLesson(fromStep: 0)
    out.append(save())
    return out
  }

  func hint() -> LessonOutput {
    guard let step = currentStep else { return LessonOutput([.note(finishedNote())]) }
    guard !step.hints.isEmpty else {
      return LessonOutput([.note("This step has no hints. `:solution` shows what to type.")])
    }
    guard hintsShown < step.hints.count else {
      return LessonOutput([
        .hint(step.hints[step.hints.count - 1], level: step.hints.count, of: step.hints.count),
        .note("That was the last hint. `:solution` shows the statements."),
      ])
    }
    hintsShown += 1
    return LessonOutput([.hint(step.hints[hintsShown - 1], level: hintsShown, of: step.hints.count)])
  }

  func solution() -> LessonOutput {
    guard let step = currentStep else { return LessonOutput([.note(finishedNote())]) }
    guard !step.solution.isEmpty else {
      let commands = step.checks.compactMap { check -> String? in
        if case .ran(let c) = check.kind { return "`\(c)`" } else { return nil }
      }
      return LessonOutput([.note(commands.isEmpty
        ? "This step has nothing to type: `:next` goes on."
        : "This step is done at the keyboard: type \(listPhrase(commands)).")])
    }
    return LessonOutput([.note("Type:"), .statements(step.solution)])
  }

  func run() -> LessonOutput {
    guard let step = currentStep else { return LessonOutput([.note(finishedNote())]) }
    guard !step.solution.isEmpty else { return solution() }
    var out = LessonOutput([.note("Running for you:"), .statements(step.solution)])
    do {
      try session.execute(step.solution, quietly: false)
    } catch {
      out.append(.failure("That raised an error: \(error)"))
      return out
    }
    out.append(check(explicit: true, source: step.solution))
    return out
  }

  func resetLesson() -> LessonOutput {
    session.resetSession()
    roles.map = [:]
    move(toLesson: lessonIndex)
    var out = LessonOutput([.note("Starting lesson \(currentLesson.number) again with a fresh session.")])
    out.append(replay(before: lessonIndex, step: 0))
    out.append(showLesson(fromStep: 0))
    out.append(save())
    return out
  }

  func resetAll() -> LessonOutput {
    session.resetSession()
    roles.map = [:]
    done = []
    move(toLesson: 0)
    var out = LessonOutput([.note("All progress forgotten; a fresh session and lesson 1.")])
    out.append(showLesson(fromStep: 0))
    out.append(save())
    return out
  }
}
