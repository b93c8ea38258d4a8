import Foundation
import LineEdit
import LessonKit
import PyInterp
import TFBindings

/// The learner's live session: the interpreter with its names, the TensorFlow environment,
/// the shell commands, and what must be saved on the way out.
public final class LearnerSession {
  public let interpreter: Interpreter
  /// The `tensorflow`, `input_data` and `numpy` modules and the state they share.
  public let tf: TFEnvironment
  public let console: Console
  public let commands = CommandRegistry()
  let paths: ShellPaths
  let errors: ErrorRenderer
  let progress: ProgressDisplay
  /// Called after every statement the learner runs (lessons check their steps here).
  var afterStatement: [(_ source: String, _ succeeded: Bool) -> Void] = []
  /// Called on the way out, to save what must be saved.
  var onLeave: [() -> Void] = []
  /// Every statement and command run, for `:export`.
  public let statementLog = StatementLog()
  /// Whether standard input and output are a terminal (full-screen views are possible).
  public let interactive: Bool
  /// Where the lessons left off, for the welcome (set when lessons load).
  var lessonResumeNote: String?
  /// The guided lessons, when they loaded.
  package var lessons: LessonEngine?
  /// Lesson commands (`:next`, `:hint`...) are passed to the engine by name.
  var lessonAdapter: LessonSessionAdapter?
  /// Asks the learner a yes/no question (set by the REPL; nil answers yes).
  var confirmHook: ((String) -> Bool)?
  /// Validation accuracy measured during training, for `:plot`.
  var accuracySamples: [AccuracySample] = []
  var lastAccuracySample: UInt64 = 0

  public init(console: Console, paths: ShellPaths, interactive: Bool) {
    self.console = console
    self.paths = paths
    self.interactive = interactive
    self.interpreter = Interpreter()
    self.tf = TFEnvironment()
    tf.install(into: interpreter)
    self.errors = ErrorRenderer(console: console)
    self.progress = ProgressDisplay(console: console)
    interpreter.output = { [console] text in console.write(text) }
    interpreter.progressHook = { [unowned self] elapsed in
      progress.tick(elapsed: elapsed)
      sampleValidationAccuracy()
    }
    progress.trainingStatus = { [unowned self] in self.trainingSinceStatementBegan() }
    installBuiltinCommands()
    installSessionCommands()
    installViewCommands()
    installBridgeCommands()
    installFullScreenCommands()
  }

  /// The exit status a `SystemExit` asks for (`exit()`, `exit(0)`, `exit(2)`, `exit("msg")`).
  func exitStatus(_ error: PyException) -> Int32 {
    guard let first = error.args.first else { return 0 }
    switch first {
    case .none: return 0
    case .int(let code): return Int32(truncatingIfNeeded: code)
    case .bool(let b): return b ? 1 : 0
    default:
      console.error(PyRepr.str(first) + "\n")
      return 1
    }
  }

  var requestedExitStatus: Int32 = 0
  var stepsAtStatementStart = 0

  /// Training steps recorded in every session so far.
  var totalTrainingSteps: Int { tf.trainingLog.reduce(0) { $0 + $1.steps.count } }

  /// Steps taken since the running statement began, and the latest loss.
  func trainingSinceStatementBegan() -> (steps: Int, loss: Float?)? {
    let steps = totalTrainingSteps - stepsAtStatementStart
    guard steps > 0 else { return nil }
    return (steps, tf.trainingLog.last?.losses.last)
  }

  /// Runs one interactive entry; errors are printed, never thrown.
  @discardableResult
  public func runInteractive(_ source: String) -> CommandResult {
    runGuarded(source: source) { try self.interpreter.execInteractive(source) }
  }

  /// Runs code with errors printed; returns `.quit` after `exit()`.
  func runGuarded(source: String, _ body: () throws -> Void) -> CommandResult {
    stepsAtStatementStart = totalTrainingSteps
    PyInterrupt.clear()
    SignalInterrupts.take()
    progress.begin()
    var ok = true
    defer {
      progress.end()
      sampleValidationAccuracy(force: true)
      for hook in afterStatement { hook(source, ok) }
    }
    do {
      try body()
    } catch let error as PyException {
      ok = false
      if error.isInstance(of: .systemExit) {
        requestedExitStatus = exitStatus(error)
        return .quit
      }
      console.error(errors.render(error))
    } catch {
      ok = false
      console.error("InternalError: \(error)\nHint: this is a bug in mnist-shell, not in your code; your session is intact.\n")
    }
    return .continue
  }

  /// Runs a `:command` line; errors are printed, never thrown.
  @discardableResult
  public func runCommand(_ line: String) -> CommandResult {
    let (name, arguments) = CommandRegistry.split(line)
    guard !name.isEmpty else {
      console.line("Shell commands start with ':' (:help lists them).")
      return .continue
    }
    guard let command = commands.find(name) else {
      let names = commands.allNames
      var message = "unknown command ':\(name)'"
      if let guess = closestName(name, in: names) { message += "; did you mean ':\(guess)'?" }
      console.error(errors.render(command: name, message: message, usage: nil) + console.dim("(:help lists the commands)") + "\n")
      return .continue
    }
    PyInterrupt.clear()
    SignalInterrupts.take()
    defer { if !LessonWiring.isLessonCommand(command.name) { showLessonOutput(lessons?.afterCommand(line)) } }
    statementLog.recordCommand(line)
    do {
      return try command.run(arguments)
    } catch let error as CommandError {
      console.error(errors.render(command: command.name, message: error.message, usage: command.usage))
    } catch let error as PyException {
      console.error(errors.render(error))
    } catch {
      console.error(errors.render(command: command.name, message: "\(error)", usage: nil))
    }
    return .continue
  }

  /// Saves what must be saved and returns the exit status.
  public func leave() -> Int32 {
    for hook in onLeave { hook() }
    return requestedExitStatus
  }
}

/// The name in `names` closest to `word` by edit distance, if it is close enough to be a typo.
func closestName(_ word: String, in names: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
  let w = Array(word.lowercased())
  let scored = names.map { ($0, distance(w, Array($0.lowercased()))) }.sorted { $0.1 < $1.1 }
  guard let best = scored.first, best.1 <= max(1, w.count / 3) else { return nil }
  return best.0
}

extension LearnerSession {
  /// Commands the welcome suggests, with what they do.
  var welcomeCommands: [(String, String)] {
    var list: [(String, String)] = []
    for (name, what) in [("lessons", "the guided tour through the tutorial"), ("help", "all shell commands"),
                         ("vars", "what you have defined so far"), ("quit", "leave (or Ctrl-D)")]
    where commands.find(name) != nil {
      list.append((":" + name, what))
    }
    return list
  }

  /// A line the welcome adds (where the lessons left off), if any.
  var welcomeNote: String? { lessonResumeNote }
}
