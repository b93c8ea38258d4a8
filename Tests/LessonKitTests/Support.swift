import Foundation
import LessonKit

/// The repository's `Lessons/` folder.
let lessonsFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Lessons")

/// A fresh empty temporary folder.
func temporaryFolder() -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("lessonkit-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Parses one check line (it must be valid) and evaluates it.
func outcome(_ line: String, on session: FakeSession, roles: RoleBindings = RoleBindings(),
             commands: Set<String> = [], focus: [String] = []) throws -> CheckEvaluator.Outcome {
  guard let check = try CheckParser.parse(line, line: 1, file: "test.md") else {
    throw FakeError(description: "not a check: \(line)")
  }
  let evaluator = CheckEvaluator(session: session, roles: roles, commandsRun: commands, focus: focus)
  return evaluator.evaluate(check)
}

/// The failure message of an outcome, or `nil` for a pass.
func message(_ outcome: CheckEvaluator.Outcome) -> String? {
  if case .fail(let m) = outcome { return m }
  return nil
}

extension LessonOutput {
  var hasSuccess: Bool { blocks.contains { if case .success = $0 { true } else { false } } }
  var failures: [String] { blocks.compactMap { if case .failure(let m) = $0 { m } else { nil } } }
  var notes: [String] { blocks.compactMap { if case .note(let m) = $0 { m } else { nil } } }
  var warnings: [String] { blocks.compactMap { if case .warning(let m) = $0 { m } else { nil } } }
  var headings: [String] { blocks.compactMap { if case .heading(let m) = $0 { m } else { nil } } }
}

/// The tutorial's statements run into a fresh fake session, up to `prefix`.
func fakeSession(until prefix: String? = nil) throws -> FakeSession {
  let session = FakeSession()
  try FakeTutorial.run(session, FakeTutorial.statements(until: prefix))
  return session
}
