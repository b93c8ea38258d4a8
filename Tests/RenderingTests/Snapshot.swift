import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>.txt` next to this file.
///
/// When the file is missing it is written and the check fails, so a new snapshot
/// is always looked at before it is committed.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = dir.appendingPathComponent(name + ".txt")
  guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
    Issue.record("Recorded new snapshot \(name); check it and run again", sourceLocation: sourceLocation)
    return
  }
  #expect(stored == text + "\n", "snapshot \(name) differs", sourceLocation: sourceLocation)
}
