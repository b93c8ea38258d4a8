import Foundation
import LessonKit
import PyInterp

/// Connects the lesson engine to the shell: its commands, the check after every statement,
/// and its output, coloured for the terminal.
enum LessonWiring {
  static let names = ["lessons", "lesson", "next", "back", "hint", "solution", "run", "check"]
  static func isLessonCommand(_ name: String) -> Bool { names.contains(name) || name == "reset" }
}

extension LearnerSession {
  /// Loads the lessons (from `directory`, or the built-in copy) and adds their commands.
  /// - Returns: an error message naming the file and line when a lesson file is broken.
  package func installLessons(directory: String?) -> String? {
    let catalogue: LessonCatalogue
    do {
      if let directory {
        catalogue = try LessonCatalogue(directory: URL(fileURLWithPath: directory, isDirectory: true))
      } else {
        catalogue = try LessonCatalogue.embedded()
      }
    } catch {
      return "mnist-shell: cannot load lessons: \(error)"
    }
    let adapter = LessonSessionAdapter(owner: self)
    lessonAdapter = adapter
    let stateDir: URL? = ShellPaths.ensureDirectory(paths.stateDirectory) == nil ? paths.stateDirectory : nil
    let engine = LessonEngine(catalogue: catalogue, session: adapter, stateDirectory: stateDir)
    lessons = engine
    afterStatement.append { [unowned self] source, succeeded in
      showLessonOutput(lessons?.afterStatement(source, raised: !succeeded))
    }
    for (usage, summary) in LessonEngine.commands where !usage.hasPrefix(":reset") {
      let name = String(usage.dropFirst().prefix { $0 != " " })
      commands.add(ShellCommand(
        name: name, usage: usage, summary: summary,
        argumentWords: name == "lesson" ? catalogue.lessons.indices.map { String($0 + 1) } : [],
        run: { [unowned self] arguments in
          let line = ([":" + name] + arguments).joined(separator: " ")
          showLessonOutput(runLessonCommand(line))
          return .continue
        }))
    }
    return nil
  }

  /// Runs a lesson command; statements it runs for the learner are shown as they run.
  func runLessonCommand(_ line: String) -> LessonOutput? {
    progress.begin()
    defer { progress.end() }
    return lessons?.command(line)
  }

  /// Starts the lessons where the learner left off (interactive sessions only).
  func startLessons() {
    guard let lessons else { return }
    showLessonOutput(lessons.start())
  }

  /// Prints lesson output, coloured when the console allows.
  func showLessonOutput(_ output: LessonOutput?) {
    guard let output, !output.isEmpty else { return }
    let width = max(40, min(100, terminalColumns() - 2))
    var text = ""
    for line in output.plainText(width: width).split(separator: "\n", omittingEmptySubsequences: false) {
      text += colourLessonLine(String(line)) + "\n"
    }
    if text.hasSuffix("\n\n") { text.removeLast() }
    console.write(text)
  }

  private func colourLessonLine(_ line: String) -> String {
    guard console.colorEnabled else { return line }
    if line.hasPrefix("== ") { return console.styled(line, "1;36") }
    if line.hasPrefix("-- ") { return console.bold(line) }
    if line.hasPrefix("  >>> ") { return console.cyan(line) }
    if line.hasPrefix("[ok]") { return console.green(line) }
    if line.hasPrefix("[not yet]") { return console.yellow(line) }
    if line.hasPrefix("Hint ") { return console.yellow(line) }
    if line.hasPrefix("Warning:") { return console.red(line) }
    // `inline code` in cyan
    return LessonOutput.inlineSegments(line).map { $0.isCode ? console.cyan($0.text) : $0.text }.joined()
  }

  /// The terminal's width, or 80.
  func terminalColumns() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  /// Forgets every name and starts a fresh graph (data sets stay loaded).
  func resetPythonSession() {
    for name in interpreter.globalNames { interpreter[global: name] = nil }
    tf.reset()
    statementLog.clear()
  }
}
