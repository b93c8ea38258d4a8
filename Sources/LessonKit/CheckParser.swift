import Foundation

/// Parses the lines of a `check` block into ``Check`` values.
package enum CheckParser {
  /// Dtype names accepted in checks.
  static let dtypes: Set<String> = [
    "float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool", "string",
  ]

  /// Parses one check line.
  /// - Parameters:
  ///   - text: the line, without its newline.
  ///   - line: its 1-based line number in `file`.
  ///   - file: the lesson file name, for errors.
  /// - Returns: the check, or `nil` for a blank or comment line.
  /// - Throws: ``LessonFormatError`` naming the file and line.
  package static func parse(_ text: String, line: Int, file: String) throws -> Check? {
    func fail(_ message: String) -> LessonFormatError {
      LessonFormatError(file: file, line: line, message: message)
    }
    var body = text.trimmingSpaces
    if body.isEmpty || body.hasPrefix("#") { return nil }
    var message: String?
    if let range = body.range(of: " -- ") {
      message = String(body[range.upperBound...]).trimmingSpaces
      body = String(body[..<range.lowerBound]).trimmingSpaces
    }
    let words = tokenize(body)
    guard let keyword = words.first else { return nil }
    let args = Array(words.dropFirst())
    let kind: Check.Kind
    switch keyword {
    case "module":
      guard args.count == 2 else { throw fail("`module` needs a role and a module name: module tf tensorflow") }
      kind = .module(role: try role(args[0], fail), name: args[1])
    case "dataset":
      guard (1...2).contains(args.count), args.count == 1 || args[1] == "one_hot" else {
        throw fail("`dataset` needs a role and optionally `one_hot`: dataset mnist one_hot")
      }
      kind = .dataset(role: try role(args[0], fail), oneHot: args.count == 2)
    case "placeholder", "variable", "array":
      guard let first = args.first else { throw fail("`\(keyword)` needs a role name") }
      let (dtype, shape, rest) = try dtypeAndShape(Array(args.dropFirst()), fail)
      guard rest.isEmpty else { throw fail("unexpected `\(rest[0])` in `\(keyword)` check") }
      let r = try role(first, fail)
      kind = keyword == "placeholder" ? .placeholder(role: r, dtype: dtype, shape: shape)
        : keyword == "variable" ? .variable(role: r, dtype: dtype, shape: shape)
        : .array(role: r, dtype: dtype, shape: shape)
    case "tensor":
      guard let first = args.first else { throw fail("`tensor` needs a role name") }
      let (dtype, shape, rest) = try dtypeAndShape(Array(args.dropFirst()), fail)
      var uses: [String] = []
      var via: [[String]] = []
      var mode = ""
      var constant = false
      for word in rest {
        if word == "constant" && mode.isEmpty {
          constant = true
        } else if word == "uses" || word == "via" {
          mode = word
          if word == "via" { via.append([]) }
        } else if mode == "uses" {
          uses.append(try role(word, fail))
        } else if mode == "via" {
          if word == "|" { via.append([]) } else { via[via.count - 1].append(word) }
        } else {
          throw fail("unexpected `\(word)` in `tensor` check (expected `constant`, `uses` or `via`)")
        }
      }
      if via.contains(where: \.isEmpty) { throw fail("empty op list after `via` or `|`") }
      if mode == "uses" && uses.isEmpty { throw fail("`uses` needs at least one role") }
      if constant && !uses.isEmpty { throw fail("a `constant` tensor can't also have `uses`") }
      kind = .tensor(role: try role(first, fail), dtype: dtype, shape: shape, constant: constant, uses: uses, via: via)
    case "operation":
      guard args.count == 3, args[1] == "minimizes" else {
        throw fail("`operation` reads: operation train_step minimizes cross_entropy")
      }
      kind = .operation(role: try role(args[0], fail), minimizes: try role(args[2], fail))
    case "session":
      guard args.count == 1 else { throw fail("`session` needs exactly one role name") }
      kind = .session(role: try role(args[0], fail))
    case "initialized", "trained":
      guard !args.isEmpty else { throw fail("`\(keyword)` needs at least one variable role") }
      let roles = try args.map { try role($0, fail) }
      kind = keyword == "initialized" ? .initialized(roles) : .trained(roles)
    case "value":
      kind = try parseValue(body.dropFirst(5).trimmingSpaces, fail)
    case "ran":
      guard args.count == 1, args[0].hasPrefix(":"), args[0].count > 1 else {
        throw fail("`ran` needs one shell command: ran :digit")
      }
      kind = .ran(command: args[0])
    default:
      throw fail("unknown check `\(keyword)`")
    }
    return Check(kind: kind, line: line, message: message)
  }

  private static func role(_ word: String, _ fail: (String) -> LessonFormatError) throws -> String {
    let ok = word.first.map { $0.isLetter || $0 == "_" } ?? false
      && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    guard ok else { throw fail("`\(word)` is not a valid role name") }
    return word
  }

  private static func dtypeAndShape(_ words: [String], _ fail: (String) -> LessonFormatError) throws
    -> (String?, [Int?]?, [String])
  {
    var rest = words[...]
    var dtype: String?
    var shape: [Int?]?
    if let w = rest.first, dtypes.contains(w) {
      dtype = w
      rest = rest.dropFirst()
    }
    if let w = rest.first, w.hasPrefix("[") {
      shape = try parseShape(w, fail)
      rest = rest.dropFirst()
    }
    return (dtype, shape, Array(rest))
  }

  /// Parses `[None, 784]` into `[nil, 784]`.
  package static func parseShape(_ text: String, _ fail: (String) -> LessonFormatError) throws -> [Int?] {
    guard text.hasPrefix("["), text.hasSuffix("]") else { throw fail("bad shape `\(text)`") }
    let inner = text.dropFirst().dropLast().trimmingSpaces
    if inner.isEmpty { return [] }
    return try inner.split(separator: ",").map { part in
      let p = part.trimmingSpaces
      if p == "None" { return nil }
      guard let n = Int(p), n >= 0 else { throw fail("bad dimension `\(p)` in shape `\(text)`") }
      return n
    }
  }

  private static func parseValue(_ body: String, _ fail: (String) -> LessonFormatError) throws -> Check.Kind {
    var parts = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard parts.count >= 3, let number = Double(parts.removeLast()),
      let comparison = Check.Comparison(rawValue: parts.removeLast())
    else {
      throw fail("`value` reads: value EXPRESSION CMP NUMBER (CMP is one of > >= < <= == !=)")
    }
    return .value(expression: parts.joined(separator: " "), comparison: comparison, number: number)
  }

  /// Splits on spaces, keeping `[...]` together and `|` apart.
  static func tokenize(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      if ch == "[" { depth += 1 }
      if ch == "]" { depth = max(0, depth - 1) }
      if depth == 0 && (ch == " " || ch == "\t" || ch == "|") {
        if !current.isEmpty { words.append(current) }
        current = ""
        if ch == "|" { words.append("|") }
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  package var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}
