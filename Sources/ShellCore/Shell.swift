import Foundation
import LineEdit
import PyInterp
import TermUI

/// The shell's entry point: decides the mode (file, `-c`, piped, interactive) and runs it.
public enum Shell {
  /// Runs the shell with `options` and returns the process exit status.
  public static func main(_ options: ShellOptions) -> Int32 {
    TerminalLocale.ensureUTF8()
    setlocale(LC_NUMERIC, "C")  // numbers print with '.', whatever the user's locale
    PyInterrupt.clear()
    let stdinTTY = isatty(STDIN_FILENO) != 0
    let console = Console.detect(noColorFlag: options.noColor)
    let paths = ShellPaths()
    let wantsPrompt = (options.scriptPath == nil && options.command == nil) || options.interactiveAfter
    let interactive = wantsPrompt && stdinTTY && console.isTerminal
    let session = LearnerSession(console: console, paths: paths, interactive: interactive)
    if let problem = session.configure(options: options) {
      console.error(problem + "\n")
      return 2
    }

    if let code = options.command {
      let status = runProgram(session, source: code, filename: "<string>")
      if !options.interactiveAfter || status == exitRequested { return finish(session, status) }
    } else if let path = options.scriptPath {
      guard let source = readSource(path, console: console) else { return 2 }
      let status = runProgram(session, source: source, filename: path)
      if !options.interactiveAfter || status == exitRequested { return finish(session, status) }
    } else if !stdinTTY {
      return finish(session, runPiped(session))
    }
    return runInteractive(session, console: console, paths: paths, welcome: options.scriptPath == nil && options.command == nil)
  }

  /// A marker status: the program called `exit()`.
  static let exitRequested: Int32 = -1

  static func finish(_ session: LearnerSession, _ status: Int32) -> Int32 {
    let leaveStatus = session.leave()
    return status == exitRequested ? leaveStatus : status
  }

  /// Reads a script like `python FILE` does, with Python's message when it cannot.
  static func readSource(_ path: String, console: Console) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "[Errno 13] Permission denied" : "[Errno 2] No such file or directory"
      console.error("mnist-shell: can't open file '\(path)': \(reason)\n")
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      console.error("SyntaxError: Non-UTF-8 code in file '\(path)'\n")
      return nil
    }
    return text
  }

  /// Runs a whole program; prints the traceback of an uncaught error. Returns 0, 1, or `exitRequested`.
  static func runProgram(_ session: LearnerSession, source: String, filename: String) -> Int32 {
    var failed = false
    let result = session.runGuarded(source: source) {
      do {
        try session.interpreter.exec(source, filename: filename)
      } catch let error as PyException where !error.isInstance(of: .systemExit) {
        failed = true
        throw error
      }
    }
    if result == .quit { return exitRequested }
    return failed ? 1 : 0
  }

  /// Statements from a pipe (`mnist-shell < tutorial.py`): run as a program, except that
  /// top-level lines starting with ':' are shell commands. Stops at the first error.
  static func runPiped(_ session: LearnerSession) -> Int32 {
    var chunk: [String] = []
    var chunkStart = 0
    var lineNumber = 0
    func flush() -> Int32 {
      defer { chunk = [] }
      guard chunk.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return 0 }
      let padded = String(repeating: "\n", count: chunkStart) + chunk.joined(separator: "\n") + "\n"
      return runProgram(session, source: padded, filename: "<stdin>")
    }
    while let line = Swift.readLine(strippingNewline: true) {
      let topLevel = chunk.isEmpty || Interpreter.inputStatus(chunk.joined(separator: "\n") + "\n") == .complete
      if topLevel, line.hasPrefix(":") {
        let status = flush()
        if status != 0 { return status }
        if session.runCommand(line) == .quit { return exitRequested }
      } else {
        if chunk.isEmpty { chunkStart = lineNumber }
        chunk.append(line)
      }
      lineNumber += 1
    }
    return flush()
  }

  static func runInteractive(_ session: LearnerSession, console: Console, paths: ShellPaths, welcome: Bool) -> Int32 {
    let reader: LineReader
    if session.interactive, let editor = EditLineReader(historyPath: paths.historyFile.path, completer: nil) {
      let completer = Completer(session: session)
      editor.completer = { line, cursor in completer.candidates(line: line, cursor: cursor) }
      if let warning = editor.historyWarning { console.error("warning: \(warning)\n") }
      session.onLeave.append {
        do { try editor.history.save() } catch { console.error("warning: history not saved: \(error)\n") }
      }
      reader = editor
    } else {
      reader = PlainLineReader(showsPrompt: isatty(STDIN_FILENO) != 0)
    }
    installInterruptHandler()
    session.confirmHook = { [reader] question in
      if case .line(let answer) = reader.readLine(prompt: question) {
        return answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
      }
      return false
    }
    if welcome { console.write(Welcome.text(console: console, session: session)) }
    if welcome { session.startLessons() }
    return REPL(session: session, reader: reader, console: console).run()
  }

  /// Ctrl-C: counted for the line editor and the views, and turned into KeyboardInterrupt
  /// in running Python code.
  static func installInterruptHandler() {
    signal(SIGINT) { _ in
      sigintCount &+= 1
      PyInterrupt.request()
    }
  }
}
