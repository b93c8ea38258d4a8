/// A lesson: a title, some teaching text, and the steps the learner works through.
public struct Lesson: Sendable, Equatable {
  /// The stable identifier from the front matter (used in progress files and `requires`).
  public var id: String
  /// The title shown in `:lessons` and at the top of the lesson.
  public var title: String
  /// The number from the file name (`04-placeholder.md` is 4).
  public var number: Int
  /// The file name the lesson came from.
  public var file: String
  /// Ids of lessons whose solutions must be replayed before this one; `nil` means all
  /// earlier lessons.
  public var requires: [String]?
  /// The teaching text before the first step.
  public var text: [TextBlock]
  /// The steps, in order.
  public var steps: [Step]
}

/// One step of a lesson: what to do, how it is checked, and hints.
public struct Step: Sendable, Equatable {
  /// The step's heading.
  public var title: String
  /// The text explaining the step.
  public var text: [TextBlock]
  /// The statements `:solution` shows and `:run` executes (empty for a step the learner
  /// must do at the keyboard, such as `:draw`).
  public var solution: String
  /// Whether the solution is shown with the step (a `type` block) or only on `:solution`.
  public var showsSolution: Bool
  /// Where the first `type` block stood among ``text``'s blocks, so the statements are
  /// shown in place.
  public var statementsAt: Int = 0
  /// The checks; a step with none is a reading step that `:next` completes.
  package var checks: [Check]
  /// Hints, weakest first.
  public var hints: [String]
  /// Whether replaying earlier lessons runs this step's solution (`Replay: no` turns it off).
  public var replays: Bool
  /// The line of the step's heading in the lesson file.
  public var line: Int

  /// Whether the step has checks (otherwise it is a reading step).
  public var hasChecks: Bool { !checks.isEmpty }
}

/// A block of teaching text: the small Markdown subset lessons use.
public enum TextBlock: Sendable, Equatable {
  /// A paragraph; may contain `inline code` in backticks.
  case paragraph(String)
  /// A bullet list; items may contain `inline code`.
  case bullets([String])
  /// A fenced example, shown as is.
  case code(String)
}
