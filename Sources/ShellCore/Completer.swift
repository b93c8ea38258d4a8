import PyInterp

/// Tab completion by context: shell commands after `:`, attributes after a dot (`tf.nn.`,
/// `mnist.train.`, `sess.`), keyword arguments inside a call (`feed_dict=`), and otherwise
/// the session's names, builtins and keywords.
struct Completer {
  unowned let session: LearnerSession

  static let keywords = [
    "and", "as", "assert", "break", "continue", "def", "del", "elif", "else", "except", "False",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "None", "not", "or",
    "pass", "raise", "return", "True", "try", "while", "with",
  ]

  /// Full texts for the word before the cursor (see `LineEdit.Completion`).
  func candidates(line: String, cursor: Int) -> [String] {
    let before = String(line.prefix(cursor))
    let trimmed = before.drop { $0 == " " }
    if trimmed.hasPrefix(":") { return commandCandidates(String(trimmed.dropFirst())) }
    let word = trailingDottedName(before)
    if let dot = word.lastIndex(of: ".") {
      let base = String(word[..<dot])
      let partial = String(word[word.index(after: dot)...])
      guard let value = resolve(base) else { return [] }
      let names = session.interpreter.dir(value).filter { !$0.hasPrefix("_") || partial.hasPrefix("_") }
      return names.filter { $0.hasPrefix(partial) }.sorted().map { base + "." + $0 }
    }
    var names = session.interpreter.globalNames + session.interpreter.builtinNames + Completer.keywords
    if let function = enclosingCall(before) { names = keywordParameters(of: function).map { $0 + "=" } + names }
    return Array(Set(names.filter { $0.hasPrefix(word) })).sorted()
  }

  private func commandCandidates(_ text: String) -> [String] {
    let (name, arguments) = CommandRegistry.split(text)
    let endsWithSpace = text.last == " "
    if arguments.isEmpty && !endsWithSpace {
      return session.commands.allNames.filter { $0.hasPrefix(name) }.sorted().map { ":" + $0 }
    }
    guard let command = session.commands.find(name) else { return [] }
    let partial = endsWithSpace ? "" : (arguments.last ?? "")
    return command.argumentWords.filter { $0.hasPrefix(partial) }.sorted()
  }

  /// The dotted name that ends at the cursor (`tf.nn.so` in `y = tf.nn.so`).
  private func trailingDottedName(_ text: String) -> String {
    var chars: [Character] = []
    for c in text.reversed() {
      if c.isLetter || c.isNumber || c == "_" || c == "." { chars.append(c) } else { break }
    }
    return String(chars.reversed())
  }

  /// Looks a dotted name up without calling anything: names, then attributes.
  private func resolve(_ dotted: String) -> PyValue? {
    let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, !first.isEmpty, !(first.first?.isNumber ?? true) else { return nil }
    guard var value = session.interpreter[global: first] ?? builtin(first) else { return nil }
    for part in parts.dropFirst() {
      guard !part.isEmpty, let next = try? session.interpreter.getAttribute(value, part) else { return nil }
      value = next
    }
    return value
  }

  private func builtin(_ name: String) -> PyValue? {
    try? session.interpreter.eval(name)
  }

  /// The callee of the innermost open call before the cursor (`sess.run` in `sess.run(train_step, fe`).
  private func enclosingCall(_ text: String) -> PyValue? {
    var depth = 0
    var index = text.endIndex
    var inString: Character?
    // Walk backwards to the unmatched '(' (strings are skipped roughly).
    while index > text.startIndex {
      index = text.index(before: index)
      let c = text[index]
      if let q = inString { if c == q { inString = nil }; continue }
      if c == "\"" || c == "'" { inString = c; continue }
      if c == ")" || c == "]" || c == "}" { depth += 1 }
      if c == "(" || c == "[" || c == "{" {
        if depth == 0 {
          guard c == "(" else { return nil }
          let callee = trailingDottedName(String(text[..<index]))
          return callee.isEmpty ? nil : resolve(callee)
        }
        depth -= 1
      }
    }
    return nil
  }

  private func keywordParameters(of value: PyValue) -> [String] {
    let signature: PySignature?
    switch value {
    case .builtin(let function): signature = function.signature
    case .function(let function): signature = function.signature
    default: signature = nil
    }
    return signature?.parameters.filter { $0.kind == .positionalOrKeyword || $0.kind == .keywordOnly }.map(\.name) ?? []
  }
}
