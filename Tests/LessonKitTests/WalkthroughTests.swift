import Foundation
import LessonKit
import Testing

@Suite("The real lessons, walked with a fake session")
struct WalkthroughTests {
  /// Does the current step the honest way: its solution through `:run`, or the shell
  /// commands its `ran` checks ask for (with `:draw` leaving `drawn` behind).
  static func complete(_ engine: LessonEngine, _ session: FakeSession) -> LessonOutput {
    guard let step = engine.currentStep else { return engine.command(":next") ?? LessonOutput() }
    guard step.hasChecks else { return engine.command(":next") ?? LessonOutput() }
    if !step.solution.isEmpty { return engine.command(":run") ?? LessonOutput() }
    var out = LessonOutput()
    for check in step.checks {
      if case .ran(let command) = check.kind {
        if command == ":draw" { session.set("drawn", .array(dtype: "float32", shape: [1, 784])) }
        out.append(engine.afterCommand(command + " extra words"))
      }
    }
    return out
  }

  @Test("every step of every lesson passes with its own solution, and every lesson ends done")
  func walk() throws {
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    let session = FakeSession()
    let engine = LessonEngine(catalogue: catalogue, session: session, stateDirectory: nil)
    _ = engine.start()
    var guardCount = 0
    while engine.done.count < catalogue.lessons.count && guardCount < 200 {
      guardCount += 1
      let where_ = "\(engine.currentLesson.file) step \(engine.stepIndex + 1)"
      let checked = engine.currentStep?.hasChecks ?? false
      let out = Self.complete(engine, session)
      #expect(out.failures.isEmpty, "\(where_): \(out.failures)")
      if checked { #expect(out.hasSuccess, "\(where_) did not pass") }
    }
    #expect(engine.done == catalogue.lessons.map(\.id))
    #expect(try session.evaluate("sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})") == .number(0.9213))
  }

  @Test("for every checked step, doing nothing fails it with a message at :check")
  func everyStepHasAFailure() throws {
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    for (index, lesson) in catalogue.lessons.enumerated() {
      let session = FakeSession()
      let engine = LessonEngine(catalogue: catalogue, session: session, stateDirectory: nil)
      _ = engine.start()
      _ = engine.command(":lesson \(lesson.number)")
      #expect(engine.lessonIndex == index)
      while let step = engine.currentStep {
        if step.hasChecks {
          let out = engine.command(":check") ?? LessonOutput()
          // Steps that only look at something (`mnist.train.images.shape`) pass as soon as
          // the learner types anything; every step that makes something must not.
          let makes = !LessonEngine.assignedNames(in: step.solution).isEmpty
            || step.checks.contains { if case .ran = $0.kind { true } else { false } }
          if makes {
            #expect(out.failures.count == 1, "\(lesson.file) step \(step.title) passes before it is done: \(out.blocks)")
          }
        }
        _ = Self.complete(engine, session)
        if engine.lessonIndex != index { break }
      }
    }
  }
}
