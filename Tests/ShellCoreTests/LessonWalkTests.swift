import Foundation
import LessonKit
import PyInterp
import ShellCore
import Testing

/// Every lesson, walked in a fresh state folder with the real interpreter and engine: each
/// step done the honest way (its statements through `:run`, or the shell command its check
/// asks for), every check passing, and the model reaching the tutorial's accuracy.
@Suite("The lessons, walked with the real session")
struct LessonWalkTests {
  @Test("every lesson's solution passes its checks and the final accuracy is at least 0.91")
  func walkEveryLesson() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-walk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let session = LearnerSession(
      console: Console(colorEnabled: false, isTerminal: false),
      paths: ShellPaths(environment: ["MNIST_SHELL_HOME": home.path]), interactive: false)
    session.tf.workingDirectory = home.path
    session.tf.defaultDataSeed = 1  // reproducible shuffles, so the accuracy check is not a coin toss
    #expect(session.installLessons(directory: nil) == nil)
    let engine = try #require(session.lessons)
    _ = engine.start()
    var rounds = 0
    while engine.done.count < engine.catalogue.lessons.count && rounds < 200 {
      rounds += 1
      let place = "\(engine.currentLesson.file) step \(engine.stepIndex + 1)"
      guard let step = engine.currentStep else {
        _ = engine.command(":next")
        continue
      }
      guard step.hasChecks else {
        _ = engine.command(":next")
        continue
      }
      var output = LessonOutput()
      if !step.solution.isEmpty {
        output = engine.command(":run") ?? LessonOutput()
      } else {
        for check in step.checks {
          guard case .ran(let command) = check.kind else { continue }
          if command == ":draw" {
            // The canvas needs a person; leave what it would leave: a [1, 784] array.
            try session.interpreter.exec("drawn = mnist.test.images[0:1]")
            output.append(engine.afterCommand(":draw"))
          } else {
            // Run the command itself (not through runCommand, which would already tell the
            // lesson engine and print its answer), then ask the engine as the shell does.
            let line = [":digit": ":digit train 0", ":weights": ":weights"][command] ?? command
            let (name, arguments) = CommandRegistry.split(line)
            let shellCommand = try #require(session.commands.find(name), "no command \(name)")
            _ = try shellCommand.run(arguments)
            output.append(engine.afterCommand(line))
          }
        }
      }
      let failures = output.blocks.compactMap { block -> String? in
        if case .failure(let message) = block { return message }
        if case .warning(let message) = block { return message }
        return nil
      }
      #expect(failures.isEmpty, "\(place): \(failures)")
      #expect(output.hasPassed, "\(place) did not pass: \(output.plainText())")
    }
    #expect(engine.done == engine.catalogue.lessons.map(\.id))
    let accuracy = try session.interpreter.eval(
      "float(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))")
    guard case .float(let value) = accuracy else {
      Issue.record("accuracy is \(accuracy)")
      return
    }
    #expect(value >= 0.91)
  }
}
