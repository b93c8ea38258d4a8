import Foundation
import LessonKit
import Testing

@Suite("Progress is saved atomically and survives damage")
struct ProgressTests {
  @Test("save then load gives the same progress, and leaves no temporary file")
  func roundTrip() throws {
    let dir = temporaryFolder().appendingPathComponent("state/mnist-shell")
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let store = ProgressStore(directory: dir)
    #expect(store.load().progress == LessonProgress())
    let progress = LessonProgress(lesson: "model", step: 1, done: ["welcome", "data"])
    #expect(store.save(progress) == nil)
    let (loaded, warning) = store.load()
    #expect(loaded == progress && warning == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["lesson-progress.json"])
  }

  @Test("a damaged file is reported, set aside as .bad, and a fresh progress starts")
  func damaged() throws {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("lesson-progress.json")
    try "{\"version\": 1, \"lesson\": ".write(to: file, atomically: true, encoding: .utf8)
    let (progress, warning) = ProgressStore(directory: dir).load()
    #expect(progress == LessonProgress())
    #expect(warning?.contains("damaged") == true && warning?.contains(".bad") == true)
    #expect(FileManager.default.fileExists(atPath: file.path + ".bad"))
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test("the engine resumes where the learner left off, replaying earlier lessons")
  func resume() throws {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    let first = LessonEngine(catalogue: catalogue, session: FakeSession(), stateDirectory: dir)
    _ = first.start()
    _ = first.command(":lesson 4")
    _ = first.command(":run")  // lesson 4, step 1 passes
    // A new run of the shell: a fresh session, the same state folder.
    let session = FakeSession()
    let second = LessonEngine(catalogue: catalogue, session: session, stateDirectory: dir)
    let out = second.start()
    #expect(second.currentLesson.number == 4 && second.stepIndex == 1)
    #expect(out.notes.first?.hasPrefix("Welcome back!") == true)
    #expect(session.values["mnist"] != nil && session.values["tf"] != nil && session.values["x"] == nil)
  }

  @Test("the engine starts afresh, with a warning, when the file is damaged or stale")
  func engineWithBadFile() throws {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    try Data([0xff, 0x00, 0x13]).write(to: dir.appendingPathComponent("lesson-progress.json"))
    let engine = LessonEngine(catalogue: catalogue, session: FakeSession(), stateDirectory: dir)
    let out = engine.start()
    #expect(out.warnings.count == 1 && engine.lessonIndex == 0)
    // A progress naming a lesson that no longer exists is not an error either.
    _ = ProgressStore(directory: dir).save(LessonProgress(lesson: "gone", step: 7, done: ["gone", "data"]))
    let again = LessonEngine(catalogue: catalogue, session: FakeSession(), stateDirectory: dir)
    let out2 = again.start()
    #expect(out2.warnings.isEmpty && again.lessonIndex == 0 && again.done == ["data"])
  }

  @Test("an unwritable state folder gives a warning, never a crash")
  func unwritable() throws {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let blocker = dir.appendingPathComponent("file")
    try "x".write(to: blocker, atomically: true, encoding: .utf8)
    let store = ProgressStore(directory: blocker.appendingPathComponent("sub"))
    #expect(store.save(LessonProgress()) != nil)
  }
}
