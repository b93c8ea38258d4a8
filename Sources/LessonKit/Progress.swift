import Foundation

/// Where the learner is and which lessons they finished, as saved between runs.
public struct LessonProgress: Codable, Sendable, Equatable {
  /// The format version (1).
  public var version: Int = 1
  /// The id of the current lesson (`nil`: the first one).
  public var lesson: String?
  /// The current step within that lesson (the step count when the lesson is finished).
  public var step: Int = 0
  /// Ids of finished lessons, in the order they were finished.
  public var done: [String] = []

  /// Creates an empty progress: lesson one, nothing done.
  public init(lesson: String? = nil, step: Int = 0, done: [String] = []) {
    self.lesson = lesson
    self.step = step
    self.done = done
  }
}

/// Loads and saves ``LessonProgress`` as a small JSON file, atomically, never fatally.
public struct ProgressStore: Sendable {
  /// The progress file, or `nil` to keep progress only in memory.
  public let file: URL?

  /// A store for `fileName` inside `directory` (typically the XDG state folder).
  /// `nil` keeps progress in memory only.
  public init(directory: URL?, fileName: String = "lesson-progress.json") {
    file = directory?.appendingPathComponent(fileName)
  }

  /// Reads the progress.
  ///
  /// A missing file gives a fresh progress. A damaged one is renamed to `NAME.bad` and a
  /// fresh progress starts; the returned warning says so.
  public func load() -> (progress: LessonProgress, warning: String?) {
    guard let file, FileManager.default.fileExists(atPath: file.path) else { return (LessonProgress(), nil) }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return (LessonProgress(), "Couldn't read your lesson progress (\(file.path)); starting afresh.")
    }
    if let progress = try? JSONDecoder().decode(LessonProgress.self, from: data), progress.version == 1,
      progress.step >= 0
    {
      return (progress, nil)
    }
    let bad = file.appendingPathExtension("bad")
    try? FileManager.default.removeItem(at: bad)
    let moved = (try? FileManager.default.moveItem(at: file, to: bad)) != nil
    let where_ = moved ? "it was set aside as \(bad.path)" : "it couldn't be moved aside"
    return (LessonProgress(), "Your lesson progress file was damaged (\(where_)); starting from lesson 1.")
  }

  /// Writes the progress atomically: to a temporary file beside it, then renamed over it.
  /// - Returns: a warning when it could not be saved (the lesson goes on regardless).
  @discardableResult
  public func save(_ progress: LessonProgress) -> String? {
    guard let file else { return nil }
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data = try encoder.encode(progress)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      let temp = file.deletingLastPathComponent()
        .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
        return "Couldn't save your lesson progress in \(file.deletingLastPathComponent().path)."
      }
      guard rename(temp.path, file.path) == 0 else {
        try? FileManager.default.removeItem(at: temp)
        return "Couldn't save your lesson progress to \(file.path)."
      }
      return nil
    } catch {
      return "Couldn't save your lesson progress: \(error.localizedDescription)"
    }
  }
}
