import Foundation

/// The lesson state machine: where the learner is, what to show, when a step passes.
///
/// The shell owns one engine. It calls ``start()`` once after creating its session, hands
/// every `:` command to ``command(_:)`` first (a `nil` result means "not a lesson
/// command"), reports every learner statement to ``afterStatement(_:)`` and every other
/// shell command it ran to ``afterCommand(_:)``, and shows the ``LessonOutput`` each call
/// returns. The engine never prints and never throws at the shell.
public final class LessonEngine {
  /// The lessons.
  public let catalogue: LessonCatalogue
  let session: LessonSession
  let store: ProgressStore
  let roles = RoleBindings()

  /// The position of the current lesson in the catalogue.
  public internal(set) var lessonIndex = 0
  /// The current step (equal to the step count once the lesson is finished).
  public internal(set) var stepIndex = 0
  /// How many hints of the current step were shown.
  public internal(set) var hintsShown = 0
  /// Ids of the finished lessons.
  public internal(set) var done: [String] = []
  /// Shell commands run during the current step (for `ran` checks).
  var commandsRun: Set<String> = []

  /// The lesson commands, for `:help` and completion.
  public static let commands: [(name: String, summary: String)] = [
    (":lessons", "list the lessons, with a mark on the ones you finished"),
    (":lesson N", "go to lesson N (earlier lessons are run for you first)"),
    (":next", "go on to the next step or lesson"),
    (":back", "go back a step or a lesson"),
    (":hint", "a hint for the current step; ask again for a stronger one"),
    (":solution", "show the statements that complete this step"),
    (":run", "type and run this step's statements for you"),
    (":check", "check this step now and say what is missing"),
    (":reset lesson", "start this lesson again from a fresh session"),
    (":reset all", "forget all progress and start from lesson 1"),
  ]

  /// Creates an engine.
  /// - Parameters:
  ///   - catalogue: the lessons.
  ///   - session: the learner's session.
  ///   - stateDirectory: where to keep `lesson-progress.json` (the XDG state folder);
  ///     `nil` keeps progress in memory only.
  public init(catalogue: LessonCatalogue, session: LessonSession, stateDirectory: URL?) {
    self.catalogue = catalogue
    self.session = session
    self.store = ProgressStore(directory: stateDirectory)
  }

  /// The current lesson.
  public var currentLesson: Lesson { catalogue.lessons[lessonIndex] }

  /// The current step, or `nil` once the lesson is finished.
  public var currentStep: Step? {
    let steps = currentLesson.steps
    return stepIndex < steps.count ? steps[stepIndex] : nil
  }

  /// A short position for a status line or prompt: `lesson 4/14 · step 2/2`, or
  /// `lesson 4/14 · done` once its steps are finished.
  public var position: String {
    let lesson = "lesson \(currentLesson.number)/\(catalogue.lessons.count)"
    guard currentStep != nil else { return lesson + " · done" }
    return lesson + " · step \(stepIndex + 1)/\(currentLesson.steps.count)"
  }

  /// Loads the saved progress and prepares the session to resume there.
  ///
  /// A damaged progress file gives a warning and a fresh start. When resuming past the
  /// beginning, the earlier lessons' solutions (and the current lesson's finished steps)
  /// are replayed quietly into the session, with a note. Ends with the current lesson.
  public func start() -> LessonOutput {
    var out = LessonOutput()
    let (progress, warning) = store.load()
    if let warning { out.append(.warning(warning)) }
    done = progress.done.filter { catalogue.index(of: $0) != nil }
    if let id = progress.lesson, let index = catalogue.index(of: id) {
      lessonIndex = index
      stepIndex = min(progress.step, catalogue.lessons[index].steps.count)
    }
    if lessonIndex > 0 || stepIndex > 0 {
      out.append(.note("Welcome back! You were at lesson \(currentLesson.number), \(currentLesson.title)."))
      out.append(replay(before: lessonIndex, step: stepIndex))
    }
    out.append(showLesson(fromStep: stepIndex))
    return out
  }

  /// Whether `line` is one of the lesson commands (`:lesson 3`, `:hint`, `:reset all`...).
  public func handles(_ line: String) -> Bool {
    let words = line.split(separator: " ").map(String.init)
    guard let first = words.first?.lowercased() else { return false }
    switch first {
    case ":lessons", ":lesson", ":next", ":back", ":hint", ":solution", ":run", ":check": return true
    case ":reset": return words.count == 2 && ["lesson", "all"].contains(words[1].lowercased())
    default: return false
    }
  }

  /// Runs a lesson command, or returns `nil` when `line` is not one (the shell handles it).
  public func command(_ line: String) -> LessonOutput? {
    guard handles(line) else { return nil }
    let words = line.split(separator: " ").map(String.init)
    let argument = words.dropFirst().joined(separator: " ")
    switch words[0].lowercased() {
    case ":lessons": return listLessons()
    case ":lesson": return argument.isEmpty ? showLesson(fromStep: stepIndex) : jump(to: argument)
    case ":next": return next()
    case ":back": return back()
    case ":hint": return hint()
    case ":solution": return solution()
    case ":run": return run()
    case ":check": return check(explicit: true, source: nil)
    default: return argument.lowercased() == "all" ? resetAll() : resetLesson()
    }
  }

  /// Re-checks the current step after the learner ran `source` (one statement or block).
  ///
  /// - Parameters:
  ///   - source: the statement as typed.
  ///   - raised: whether it ended in an error (or was interrupted). The step may still
  ///     pass (an interrupted loop may have trained enough), but no difference is
  ///     explained: the error message is what the learner needs then.
  /// - Returns: a short congratulation and the next step when the step now passes;
  ///   otherwise nothing, unless the statement touched what the step is about, in which
  ///   case the precise difference ("`W` has shape [10, 784]; it should be [784, 10].").
  public func afterStatement(_ source: String, raised: Bool = false) -> LessonOutput {
    let out = check(explicit: false, source: source)
    return raised && !out.hasPassed ? LessonOutput() : out
  }

  /// Records a shell command the shell ran itself (such as `:digit 3` or `:weights`) and
  /// re-checks the current step; returns output only when the step now passes.
  public func afterCommand(_ line: String) -> LessonOutput {
    if let word = line.split(separator: " ").first { commandsRun.insert(word.lowercased()) }
    guard let step = currentStep, step.hasChecks, firstFailure(step) == nil else { return LessonOutput() }
    return passStep()
  }
}
