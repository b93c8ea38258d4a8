/// Parses one lesson file (front matter, text, steps) as documented in `Lessons/README.md`.
package enum LessonParser {
  /// Parses the text of a lesson file.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: its name, `NN-slug.md`; the number becomes ``Lesson/number``.
  /// - Throws: ``LessonFormatError`` naming the file and the offending line.
  package static func parse(_ text: String, file: String) throws -> Lesson {
    var lines = splitLines(text)
    if lines.last == "" { lines.removeLast() }
    func fail(_ line: Int, _ message: String) -> LessonFormatError {
      LessonFormatError(file: file, line: line, message: message)
    }
    guard let number = lessonNumber(file) else {
      throw fail(1, "lesson file names start with a number: NN-slug.md")
    }
    guard lines.first?.trimmingSpaces == "---" else {
      throw fail(1, "a lesson starts with front matter: a `---` line, `id:` and `title:`, then `---`")
    }
    var meta: [String: (String, Int)] = [:]
    var index = 1
    while index < lines.count, lines[index].trimmingSpaces != "---" {
      let line = lines[index]
      if !line.trimmingSpaces.isEmpty {
        guard let colon = line.firstIndex(of: ":") else { throw fail(index + 1, "expected `key: value`") }
        let key = line[..<colon].trimmingSpaces
        guard ["id", "title", "requires"].contains(key) else {
          throw fail(index + 1, "unknown front matter key `\(key)` (expected id, title, requires)")
        }
        meta[key] = (line[line.index(after: colon)...].trimmingSpaces, index + 1)
      }
      index += 1
    }
    guard index < lines.count else { throw fail(1, "front matter is not closed by a `---` line") }
    guard let id = meta["id"]?.0, !id.isEmpty else { throw fail(1, "front matter needs `id:`") }
    guard let title = meta["title"]?.0, !title.isEmpty else { throw fail(1, "front matter needs `title:`") }
    let requires = meta["requires"].map {
      $0.0.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
    var builder = Builder(file: file)
    index += 1
    while index < lines.count {
      index = try builder.consume(lines, at: index)
    }
    try builder.finishStep()
    return Lesson(
      id: id, title: title, number: number, file: file, requires: requires,
      text: builder.intro.blocks, steps: builder.steps)
  }

  /// The lines of `text`, split at "\n" or "\r\n" (the separators dropped).
  ///
  /// Works on the UTF-8 bytes: splitting the String by Characters (grapheme clusters) cost
  /// most of the parse, which the interactive shell pays at every start.
  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
        var end = i
        if i < bytes.count, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        start = i + 1
      }
    }
    return lines
  }

  /// The leading number of `NN-slug.md`.
  package static func lessonNumber(_ file: String) -> Int? {
    let digits = file.prefix { $0.isNumber }
    guard !digits.isEmpty, file.hasSuffix(".md") else { return nil }
    return Int(digits)
  }

  /// Accumulates paragraphs and bullets.
  struct TextAccumulator {
    var blocks: [TextBlock] = []
    var paragraph: [String] = []
    var bullets: [String] = []

    mutating func flush() {
      if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
      if !bullets.isEmpty { blocks.append(.bullets(bullets)) }
      paragraph = []
      bullets = []
    }

    mutating func add(_ line: String) {
      let t = line.trimmingSpaces
      if t.hasPrefix("- ") || t.hasPrefix("* ") {
        if !paragraph.isEmpty { flush() }
        bullets.append(String(t.dropFirst(2)).trimmingSpaces)
      } else if !bullets.isEmpty && (line.hasPrefix(" ") || line.hasPrefix("\t")) {
        bullets[bullets.count - 1] += " " + t
      } else {
        if !bullets.isEmpty { flush() }
        paragraph.append(t)
      }
    }
  }

  struct Builder {
    let file: String
    var intro = TextAccumulator()
    var steps: [Step] = []
    var step: Step?
    var stepText = TextAccumulator()
    var solutionParts: [String] = []

    func fail(_ line: Int, _ message: String) -> LessonFormatError {
      LessonFormatError(file: file, line: line, message: message)
    }

    /// Consumes the line at `index` (and a whole fence when one starts there).
    mutating func consume(_ lines: [String], at index: Int) throws -> Int {
      let line = lines[index]
      let t = line.trimmingSpaces
      if t.hasPrefix("```") {
        let info = t.dropFirst(3).trimmingSpaces
        var end = index + 1
        var body: [String] = []
        while end < lines.count, !lines[end].trimmingSpaces.hasPrefix("```") {
          body.append(lines[end])
          end += 1
        }
        guard end < lines.count else { throw fail(index + 1, "code block opened here is never closed") }
        try fence(info: info, body: body, line: index + 1)
        return end + 1
      }
      if t.hasPrefix("## ") {
        try finishStep()
        intro.flush()
        let title = t.dropFirst(3).trimmingSpaces
        let cleaned = title.hasPrefix("Step:") ? title.dropFirst(5).trimmingSpaces : title
        step = Step(
          title: cleaned, text: [], solution: "", showsSolution: false, checks: [], hints: [],
          replays: true, line: index + 1)
        return index + 1
      }
      if t.hasPrefix("Hint:") || t.hasPrefix("Replay:") {
        guard step != nil else { throw fail(index + 1, "`\(t.prefix { $0 != ":" }):` belongs inside a step (after a `## ` heading)") }
        if t.hasPrefix("Hint:") {
          let hint = t.dropFirst(5).trimmingSpaces
          guard !hint.isEmpty else { throw fail(index + 1, "empty hint") }
          step?.hints.append(hint)
        } else {
          let value = t.dropFirst(7).trimmingSpaces
          guard value == "no" || value == "yes" else { throw fail(index + 1, "`Replay:` is `yes` or `no`") }
          step?.replays = value == "yes"
        }
        return index + 1
      }
      if t.isEmpty {
        if step == nil { intro.flush() } else { stepText.flush() }
      } else if step == nil {
        intro.add(line)
      } else {
        stepText.add(line)
      }
      return index + 1
    }

    mutating func fence(info: String, body: [String], line: Int) throws {
      switch info {
      case "type", "solution":
        guard step != nil else { throw fail(line, "a `\(info)` block belongs inside a step") }
        if info == "type" && step?.showsSolution == false {
          stepText.flush()
          step?.showsSolution = true
          step?.statementsAt = stepText.blocks.count
        }
        solutionParts.append(body.joined(separator: "\n"))
      case "check":
        guard step != nil else { throw fail(line, "a `check` block belongs inside a step") }
        for (offset, text) in body.enumerated() {
          if let check = try CheckParser.parse(text, line: line + 1 + offset, file: file) {
            step?.checks.append(check)
          }
        }
      case "", "python", "text", "sh":
        if step == nil {
          intro.flush()
          intro.blocks.append(.code(body.joined(separator: "\n")))
        } else {
          stepText.flush()
          stepText.blocks.append(.code(body.joined(separator: "\n")))
        }
      default:
        throw fail(line, "unknown block kind `\(info)` (expected type, solution, check, python or none)")
      }
    }

    mutating func finishStep() throws {
      guard var current = step else { return }
      stepText.flush()
      current.text = stepText.blocks
      current.solution = solutionParts.joined(separator: "\n")
      steps.append(current)
      step = nil
      stepText = TextAccumulator()
      solutionParts = []
    }
  }
}
