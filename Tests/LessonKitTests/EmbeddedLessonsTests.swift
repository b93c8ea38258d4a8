import Foundation
import LessonKit
import Testing

@Suite("Embedded lessons")
struct EmbeddedLessonsTests {
  /// The Swift source embedding every `NN-slug.md` of `Lessons/`.
  static func generatedSource() throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path)
      .filter { LessonParser.lessonNumber($0) != nil }.sorted()
    var out = """
      // Generated from the top-level Lessons/ folder: do not edit by hand.
      // Regenerate with: LESSONKIT_REGENERATE=1 swift test --filter EmbeddedLessonsTests
      // (a test fails whenever this file and Lessons/ disagree).

      /// The lessons of the repository's `Lessons/` folder, compiled into the binary so an
      /// installed `mnist-shell` needs no files beside it.
      public enum EmbeddedLessons {
        /// File name → contents, ready for ``LessonCatalogue/init(files:)``.
        public static let files: [String: String] = [

      """
    for name in names {
      let text = try String(contentsOf: lessonsFolder.appendingPathComponent(name), encoding: .utf8)
      out += "    \"\(name)\": #\"\"\"\n\(text.hasSuffix("\n") ? text : text + "\n")\"\"\"#,\n"
    }
    out += "  ]\n}\n"
    return out
  }

  @Test("EmbeddedLessons.swift matches Lessons/ (set LESSONKIT_REGENERATE=1 to rewrite it)")
  func inSync() throws {
    let target = lessonsFolder.deletingLastPathComponent()
      .appendingPathComponent("Sources/LessonKit/EmbeddedLessons.swift")
    let expected = try Self.generatedSource()
    if ProcessInfo.processInfo.environment["LESSONKIT_REGENERATE"] == "1" {
      try expected.write(to: target, atomically: true, encoding: .utf8)
    }
    let actual = try String(contentsOf: target, encoding: .utf8)
    #expect(actual == expected, "Sources/LessonKit/EmbeddedLessons.swift is stale: regenerate it")
  }

  @Test("the embedded catalogue equals the folder's")
  func same() throws {
    // While regenerating, the compiled-in copy is the old one.
    guard ProcessInfo.processInfo.environment["LESSONKIT_REGENERATE"] != "1" else { return }
    #expect(try LessonCatalogue.embedded() == LessonCatalogue(directory: lessonsFolder))
  }

  @Test("the embedded catalogue finds lessons by id before parsing them")
  func lazyIndex() throws {
    guard ProcessInfo.processInfo.environment["LESSONKIT_REGENERATE"] != "1" else { return }
    let folder = try LessonCatalogue(directory: lessonsFolder)
    let embedded = try LessonCatalogue.embedded()
    for (i, lesson) in folder.lessons.enumerated() {
      #expect(embedded.index(of: lesson.id) == i, "\(lesson.file)")
    }
    #expect(embedded.index(of: "no-such-lesson") == nil)
    #expect(embedded.lessons.count == folder.lessons.count)
    #expect(embedded.lessons[embedded.lessons.count - 1] == folder.lessons[folder.lessons.count - 1])
  }
}
