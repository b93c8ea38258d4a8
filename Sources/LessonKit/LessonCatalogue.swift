import Foundation

/// The ordered set of lessons the shell teaches, loaded from a folder or from embedded text.
public struct LessonCatalogue: Sendable, Equatable {
  /// The lessons, ordered by the number in their file names.
  public let lessons: LessonList

  /// Loads every `NN-slug.md` in `directory` (other files, such as `README.md`, are ignored).
  /// - Throws: ``LessonFormatError`` for the first broken file (naming file and line), or
  ///   when the folder can't be read or holds no lessons.
  public init(directory: URL) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw LessonFormatError(file: directory.path, line: 0, message: "can't read the lessons folder")
    }
    var files: [String: String] = [:]
    for name in names where LessonParser.lessonNumber(name) != nil {
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
        let text = String(data: data, encoding: .utf8)
      else { throw LessonFormatError(file: name, line: 0, message: "can't read the file as UTF-8 text") }
      files[name] = text
    }
    try self.init(files: files)
  }

  /// Builds the catalogue from file name → contents (for lessons embedded in the binary).
  /// Names that are not `NN-slug.md` are ignored.
  /// - Throws: ``LessonFormatError`` for the first broken file, a duplicate id or number, a
  ///   `requires` naming an unknown lesson, or when there are no lessons at all.
  public init(files: [String: String]) throws {
    var lessons: [Lesson] = []
    for name in files.keys.sorted() where LessonParser.lessonNumber(name) != nil {
      lessons.append(try LessonParser.parse(files[name] ?? "", file: name))
    }
    lessons.sort { ($0.number, $0.file) < ($1.number, $1.file) }
    guard !lessons.isEmpty else {
      throw LessonFormatError(file: "(lessons)", line: 0, message: "no lesson files (NN-slug.md) found")
    }
    var ids: [String: String] = [:]
    var numbers: [Int: String] = [:]
    for lesson in lessons {
      if let other = ids[lesson.id] {
        throw LessonFormatError(file: lesson.file, line: 1, message: "id `\(lesson.id)` is already used by \(other)")
      }
      if let other = numbers[lesson.number] {
        throw LessonFormatError(file: lesson.file, line: 1, message: "number \(lesson.number) is already used by \(other)")
      }
      ids[lesson.id] = lesson.file
      numbers[lesson.number] = lesson.file
    }
    for lesson in lessons {
      for required in lesson.requires ?? [] where ids[required] == nil {
        throw LessonFormatError(file: lesson.file, line: 1, message: "`requires` names an unknown lesson `\(required)`")
      }
    }
    self.lessons = LessonList(parsed: lessons)
  }

  /// The lessons compiled into the binary, parsed when first used (see ``LessonList``).
  init(embeddedFiles files: [String: String]) {
    let names = files.keys.compactMap { name in LessonParser.lessonNumber(name).map { (number: $0, name: name) } }
      .sorted { ($0.number, $0.name) < ($1.number, $1.name) }
    lessons = LessonList(lazy: names.map { ($0.name, files[$0.name] ?? "") })
  }

  /// The position of the lesson with `id`, if any (without parsing the lessons).
  public func index(of id: String) -> Int? { lessons.ids.firstIndex(of: id) }

  /// The positions of the lessons to replay before lesson `index`: all earlier lessons, or
  /// only what its `requires` names (transitively), in catalogue order.
  public func prerequisites(of index: Int) -> [Int] {
    guard lessons.indices.contains(index) else { return [] }
    guard lessons[index].requires != nil else { return Array(0..<index) }
    var needed = Set<Int>()
    var queue = [index]
    while let next = queue.popLast() {
      for id in lessons[next].requires ?? Array(lessons[..<next].map(\.id)) {
        if let i = self.index(of: id), needed.insert(i).inserted { queue.append(i) }
      }
    }
    return needed.filter { $0 != index }.sorted()
  }
}

extension LessonCatalogue {
  /// The lessons compiled into the binary (the repository's `Lessons/` folder).
  /// - Throws: only if the embedded copy is broken, which the tests rule out.
  public static func embedded() throws -> LessonCatalogue {
    LessonCatalogue(embeddedFiles: EmbeddedLessons.files)
  }
}
