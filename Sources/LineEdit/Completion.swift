/// What tab completion does with the candidates for the text before the cursor.
public enum CompletionAction: Equatable, Sendable {
  /// Insert this text at the cursor.
  case insert(String)
  /// Show these candidates (the typed text is already their common prefix).
  case list([String])
  /// Nothing matches: ring the bell.
  case beep
  /// The word is already complete.
  case nothing
}

/// The pure logic of tab completion, separate from libedit so it can be tested.
///
/// A candidate is the full text that should stand at the cursor for the word being
/// typed: either the whole dotted name (`tf.nn.softmax` for `x = tf.nn.so`) or only
/// its last part (`softmax`). The reader finds the longest tail of the text before
/// the cursor that a candidate starts with, and inserts the rest.
public enum Completion {
  /// The longest common prefix of `items`, by characters.
  public static func commonPrefix(_ items: [String]) -> String {
    guard var prefix = items.first.map(Array.init) else { return "" }
    for item in items.dropFirst() {
      var n = 0
      for (a, b) in zip(prefix, item) {
        if a != b { break }
        n += 1
      }
      prefix.removeSubrange(n...)
    }
    return String(prefix)
  }

  /// The length in characters of the longest tail of `typed` that `candidate` begins with.
  public static func overlap(typed: String, candidate: String) -> Int {
    let t = Array(typed), c = Array(candidate)
    var k = min(t.count, c.count)
    while k > 0 {
      if Array(t[(t.count - k)...]) == Array(c[0..<k]) { return k }
      k -= 1
    }
    return 0
  }

  /// What to do for `candidates` given the text `before` the cursor.
  ///
  /// One candidate, or several sharing more than what was typed: insert the rest
  /// of their common prefix. Several and nothing more to insert: list them (sorted,
  /// without duplicates). None: beep.
  public static func plan(before: String, candidates: [String]) -> CompletionAction {
    var seen = Set<String>()
    let unique = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard !unique.isEmpty else { return .beep }
    let prefix = commonPrefix(unique)
    let k = overlap(typed: before, candidate: prefix)
    if prefix.count > k { return .insert(String(prefix.dropFirst(k))) }
    return unique.count == 1 ? .nothing : .list(unique.sorted())
  }

  /// `items` laid out in columns down then across (like `ls`), in lines of at most `width` columns.
  ///
  /// More than `limit` items are cut, with a last line saying how many were left out.
  public static func columns(_ items: [String], width: Int, limit: Int = 200) -> [String] {
    guard !items.isEmpty else { return [] }
    let shown = Array(items.prefix(limit))
    let colW = (shown.map(\.count).max() ?? 0) + 2
    let ncols = max(1, (max(width, 1) + 2) / colW)
    let nrows = (shown.count + ncols - 1) / ncols
    var lines: [String] = []
    for r in 0..<nrows {
      var line = ""
      for c in 0..<ncols {
        let i = c * nrows + r
        guard i < shown.count else { break }
        let item = shown[i]
        line += item + String(repeating: " ", count: max(0, colW - item.count))
      }
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    if items.count > shown.count { lines.append("… and \(items.count - shown.count) more") }
    return lines
  }
}
