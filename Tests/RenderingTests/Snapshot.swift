import Foundation
import Testing

/// Compares `text` with the recorded snapshot `name` in `Snapshots.all`.
///
/// When it is missing or differs, the actual text is written to
/// `$TMPDIR/mnist-shell-snapshots/<name>.txt` and the check fails, so a new or
/// changed picture is always looked at before it is pasted into Snapshots.swift.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  if let stored = Snapshots.all[name], stored == text { return }
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-shell-snapshots")
  let file = dir.appendingPathComponent(name + ".txt")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
  let what = Snapshots.all[name] == nil ? "No snapshot" : "Snapshot differs"
  Issue.record("\(what) for \(name); the actual text is in \(file.path)", sourceLocation: sourceLocation)
}
