import Foundation

/// The lessons of a catalogue, in order, parsed when first read.
///
/// The interactive shell shows only the current lesson at startup, so the lessons compiled
/// into the binary are parsed one by one as they are used (a lesson is parsed once, then
/// kept). Lessons loaded from a folder are parsed and checked up front instead, so a broken
/// file is reported at startup. Reads are thread-safe.
public struct LessonList: RandomAccessCollection, Sendable, Equatable {
  final class Storage: @unchecked Sendable {
    let files: [(name: String, text: String)]
    var parsed: [Lesson?]
    let lock = NSLock()

    init(files: [(name: String, text: String)], parsed: [Lesson?]) {
      self.files = files
      self.parsed = parsed
    }

    func lesson(_ index: Int) -> Lesson {
      lock.lock()
      defer { lock.unlock() }
      if let lesson = parsed[index] { return lesson }
      let file = files[index]
      do {
        let lesson = try LessonParser.parse(file.text, file: file.name)
        parsed[index] = lesson
        return lesson
      } catch {
        // Only lazily loaded lessons get here: the embedded ones, which the tests parse.
        fatalError("the built-in lesson \(file.name) is broken: \(error)")
      }
    }
  }

  let storage: Storage
  /// The ids from each file's front matter, read without parsing the lesson.
  let ids: [String]

  /// Lessons already parsed (and checked).
  init(parsed lessons: [Lesson]) {
    storage = Storage(files: lessons.map { ($0.file, "") }, parsed: lessons)
    ids = lessons.map(\.id)
  }

  /// Lessons parsed on first use, from `files` already in catalogue order.
  init(lazy files: [(name: String, text: String)]) {
    storage = Storage(files: files, parsed: Array(repeating: nil, count: files.count))
    ids = files.map { Self.frontMatterID($0.text) ?? "" }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ids.count }
  public subscript(position: Int) -> Lesson { storage.lesson(position) }

  public static func == (a: LessonList, b: LessonList) -> Bool { a.elementsEqual(b) }

  /// The `id:` of a lesson file's front matter (the lines between the first two `---`).
  /// Scans bytes (no Foundation character sets, whose first use is costly at startup).
  static func frontMatterID(_ text: String) -> String? {
    func trimmed(_ line: Substring.UTF8View) -> Substring {
      let bytes = line.drop { $0 == 0x20 || $0 == 0x09 }
      var end = bytes.endIndex
      while end > bytes.startIndex, let c = bytes[..<end].last, c == 0x20 || c == 0x09 || c == 0x0D {
        end = bytes.index(before: end)
      }
      return Substring(bytes[bytes.startIndex..<end])
    }
    var inFrontMatter = false
    for line in text.utf8.split(separator: 0x0A, maxSplits: 40, omittingEmptySubsequences: false).prefix(40) {
      let t = trimmed(Substring(line).utf8)
      if t == "---" {
        if inFrontMatter { return nil }
        inFrontMatter = true
      } else if inFrontMatter, t.hasPrefix("id:") {
        return String(trimmed(t.dropFirst(3).utf8))
      }
    }
    return nil
  }
}
