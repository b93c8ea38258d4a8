import Foundation
import LessonKit
import Testing

@Suite("Navigation, hints, :run and replay")
struct NavigationTests {
  func engine(_ session: FakeSession = FakeSession(), dir: URL? = nil) throws -> LessonEngine {
    LessonEngine(catalogue: try LessonCatalogue(directory: lessonsFolder), session: session, stateDirectory: dir)
  }

  @Test("start shows lesson 1; :next refuses an unfinished step; a command passes it")
  func firstSteps() throws {
    let e = try engine()
    let start = e.start()
    #expect(start.headings.first?.hasPrefix("Lesson 1 of") == true)
    #expect(e.position == "lesson 1/\(e.catalogue.lessons.count) · step 1/2")
    let refused = e.command(":next")
    #expect(refused?.failures == ["Type `:help` to do this step."])
    #expect(refused?.notes.first?.contains(":hint") == true)
    #expect(e.afterStatement("print(1)").isEmpty)
    let passed = e.afterCommand(":help")
    #expect(passed.hasSuccess && e.stepIndex == 1)
    #expect(passed.blocks.contains(.statements("answer = 6 * 7")))
    #expect(e.command(":reset") == nil && e.command(":digit 3") == nil)
    #expect(e.handles(":reset all") && e.handles(":lesson 4") && !e.handles(":vars"))
  }

  @Test("hints get stronger, then stop at the last one")
  func hints() throws {
    let e = try engine()
    _ = e.start()
    let first = e.command(":hint")
    #expect(first?.blocks == [.hint("Shell commands start with `:`.", level: 1, of: 2)])
    #expect(e.command(":hint")?.blocks == [.hint("Type `:help` and press Enter.", level: 2, of: 2)])
    #expect(e.command(":hint")?.notes.first?.contains("last hint") == true)
    #expect(e.command(":solution")?.notes.first == "This step is done at the keyboard: type `:help`.")
  }

  @Test("jumping ahead replays earlier lessons, with a note; :back does not")
  func jump() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    let out = e.command(":lesson 6") ?? LessonOutput()
    #expect(e.currentLesson.number == 6 && e.stepIndex == 0)
    #expect(out.notes.contains { $0.contains("lessons 1, 2, 3, 4 and 5") })
    #expect(s.values["W"] != nil && s.values["b"] != nil && s.values["x"] != nil)
    #expect(e.done.isEmpty)  // replayed lessons are not marked done
    let ran = s.executed.count
    _ = e.command(":back")
    #expect(e.currentLesson.number == 5 && s.executed.count == ran)
    // `W` already exists, so `:next` counts the step as passed.
    let again = e.command(":next")
    #expect(again?.hasSuccess == true && e.stepIndex == 1)
    // Going forward again replays nothing: everything already passes.
    _ = e.command(":lesson 6")
    #expect(s.executed.count == ran)
    #expect(e.command(":lesson 99")?.failures.first?.contains("There is no lesson `99`") == true)
    #expect(e.command(":lesson model")?.headings.first?.contains("The model in one line") == true)
  }

  @Test("replay keeps the learner's own work and runs only what is missing")
  func replayFromFirstMissing() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    try FakeTutorial.run(s, ["answer = 6 * 7"] + FakeTutorial.statements(until: "import tensorflow"))
    try FakeTutorial.run(s, ["total = 2.718 + 7.389 + 20.086", "probs = [2.718 / total, 7.389 / total, 20.086 / total]"])
    s.executed = []
    _ = e.command(":lesson 5")
    #expect(s.executed == ["import tensorflow as tf", "x = tf.placeholder(tf.float32, [None, 784])"])
  }

  @Test(":run types the statements and passes; :solution shows them")
  func run() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    _ = e.command(":lesson 4")
    #expect(e.command(":solution")?.blocks.contains(.statements("import tensorflow as tf")) == true)
    let out = e.command(":run") ?? LessonOutput()
    #expect(out.hasSuccess && e.stepIndex == 1)
    _ = e.command(":run")
    #expect(e.done == ["placeholder"] && e.currentStep == nil)
    #expect(e.command(":hint")?.notes.first?.contains("lesson 5") == true)
    let next = e.command(":next")
    #expect(e.currentLesson.number == 5 && next?.headings.isEmpty == false)
  }

  @Test("a wrong statement about the step is explained; an unrelated one is not")
  func feedback() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    _ = e.command(":lesson 5")
    s.variable("W", [10, 784])
    #expect(e.afterStatement("W = tf.Variable(tf.zeros([10, 784]))").failures
      == ["`W` has shape [10, 784]; it should be [784, 10]."])
    s.variable("weights", [10, 784])
    #expect(e.afterStatement("weights = tf.Variable(tf.zeros([10, 784]))").failures
      == ["`weights` has shape [10, 784]; it should be [784, 10]."])
    #expect(e.afterStatement("W = tf.Variable(tf.zeros([10, 784])", raised: true).isEmpty)
    s.set("n", .number(3))
    #expect(e.afterStatement("n = 3").isEmpty)
    #expect(e.afterStatement("print(x)").isEmpty)

    #expect(e.command(":check")?.failures.isEmpty == false)
    s.variable("W", [784, 10])
    let ok = e.afterStatement("W = tf.Variable(tf.zeros([784, 10]))", raised: true)
    #expect(ok.hasSuccess && e.stepIndex == 1)
    _ = e.command(":lesson 6")
    #expect(e.afterStatement("print(W)").isEmpty)  // an input of y, not y itself
    #expect(e.afterStatement("print(y)").failures.first?.hasPrefix("There is no float32 tensor") == true)
  }

  @Test("a failing replay resets the session and replays from the start")
  func replayFailure() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    // The learner's session makes lesson 4's placeholder fail once.
    try FakeTutorial.run(s, ["answer = 6 * 7"] + FakeTutorial.statements(until: "import tensorflow"))
    s.set("tf", .module("numpy"))
    s.failOnce = "x = tf.placeholder(tf.float32, [None, 784])"
    let out = e.command(":lesson 5") ?? LessonOutput()
    #expect(s.values["x"] != nil && s.values["tf"] == .module("tensorflow"))
    #expect(s.resets == 1 && out.warnings.first?.contains("fresh session") == true)
  }

  @Test(":reset lesson and :reset all start from a fresh session")
  func reset() throws {
    let s = FakeSession()
    let e = try engine(s)
    _ = e.start()
    _ = e.command(":lesson 6")
    _ = e.command(":run")
    #expect(e.stepIndex == 1)
    let out = e.command(":reset lesson") ?? LessonOutput()
    #expect(s.resets == 1 && e.stepIndex == 0 && s.values["y"] == nil && s.values["W"] != nil)
    #expect(out.notes.first?.contains("again") == true)
    _ = e.command(":reset all")
    #expect(s.resets == 2 && e.lessonIndex == 0 && e.done.isEmpty && s.values["W"] == nil)
  }

  @Test(":lessons marks finished lessons and the current one")
  func list() throws {
    let e = try engine()
    _ = e.start()
    _ = e.afterCommand(":help")
    _ = e.command(":run")
    _ = e.command(":next")
    let text = e.command(":lessons")?.plainText() ?? ""
    #expect(text.contains("[x]  1. Welcome to mnist-shell"))
    #expect(text.contains("[ ]  2. The MNIST digits  <- you are here"))
    #expect(text.contains("[ ] 14. Where next"))
  }

  @Test("assigned names are read from statements without running them")
  func assignedNames() {
    #expect(LessonEngine.assignedNames(in: "W = tf.Variable(tf.zeros([784, 10]))") == ["W"])
    #expect(LessonEngine.assignedNames(in: "batch_xs, batch_ys = mnist.train.next_batch(100)") == ["batch_xs", "batch_ys"])
    #expect(LessonEngine.assignedNames(in: "n += 1") == ["n"])
    #expect(LessonEngine.assignedNames(in: "for i in range(10):\n  total = i") == ["i", "total"])
    #expect(LessonEngine.assignedNames(in: "x == 3").isEmpty)
    #expect(LessonEngine.assignedNames(in: "print(sess.run(y, feed_dict={x: drawn}))").isEmpty)
    #expect(LessonEngine.assignedNames(in: "d[k] = 1").isEmpty)
  }
}
