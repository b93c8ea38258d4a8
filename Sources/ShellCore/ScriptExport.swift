import Foundation
import PyInterp

/// Turns what the learner ran into a Python script for real TensorFlow 2 (`:export FILE.py`).
///
/// The script is the session's successful statements in order, with these changes only:
/// `import tensorflow as tf` becomes `import tensorflow.compat.v1 as tf` plus
/// `tf.disable_v2_behavior()`; imports of `tensorflow.examples.tutorials.mnist.input_data` use an
/// inline stand-in (``inputDataStandIn``) that reads the same IDX files; a bare expression the
/// shell echoed is printed the same way (`_show(expr)` prints its repr unless it is None); shell
/// commands become comments.
public enum ScriptExport {
  /// The script for `entries` (only successful statements are written).
  ///
  /// - Parameters:
  ///   - failedCount: how many statements raised errors (mentioned in the header).
  ///   - parse: parses one entry (nil when it does not parse); used to find bare expressions.
  ///   - fileName: the script's name, for the "how to run it" line.
  public static func script(from entries: [StatementLog.Entry], failedCount: Int = 0, fileName: String = "script.py",
                            parse: (String) -> [Stmt]?) -> String {
    var body: [String] = []
    var statements = 0
    var needsShow = false
    for entry in entries {
      switch entry {
      case .command(let line):
        body.append("# " + line + "    (mnist-shell command)")
      case .statement(let source, let succeeded):
        guard succeeded else { continue }
        statements += 1
        var text = trimmed(source)
        if let stmts = parse(text), stmts.count == 1, case .expr(let e) = stmts[0].kind,
           let expr = extract(e.span, from: text), !printsNothing(expr) {
          text = "_show(" + expr + ")"
          needsShow = true
        }
        body.append(rewriteImports(text))
      }
    }
    let program = body.joined(separator: "\n")
    var out = """
      # Exported from mnist-shell: the \(statements) statement\(statements == 1 ? "" : "s") of the session that ran \
      without error, in order\(failedCount > 0 ? " (\(failedCount) that raised an error are left out)" : "").
      # Run it with TensorFlow 2 (pip install tensorflow numpy), which still has TensorFlow 1.x's
      # API as tf.compat.v1:   python3 \(fileName)
      # Run it from the folder you ran mnist-shell in, so that it finds the same MNIST_data folder.
      # Shell commands you typed appear as comments.

      """
    if program.contains("_input_data") { out += "\n" + inputDataStandIn }
    if needsShow {
      out += """

        def _show(value):
            \"\"\"Prints what the shell showed after an expression: its repr, unless it is None.\"\"\"
            if value is not None:
                print(repr(value))

        """
    }
    out += "\n" + program + "\n"
    return out
  }

  /// Whether an expression statement is a call that returns None (`print(...)`, `help(...)`,
  /// `op.run(...)`), so the script needs no `_show` around it.
  static func printsNothing(_ expr: String) -> Bool {
    expr.hasPrefix("print(") || expr.hasPrefix("help(")
      || expr.range(of: #"^[\w.()\[\]]*\.run\((feed_dict=.*)?\)$"#, options: .regularExpression) != nil
  }

  /// The source without trailing blank lines and with `\r\n` as `\n`.
  static func trimmed(_ source: String) -> String {
    var lines = source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    while let first = lines.first, first.isEmpty { lines.removeFirst() }
    return lines.joined(separator: "\n")
  }

  /// The text a span covers (lines 1-based, columns in Unicode scalars).
  static func extract(_ span: SourceSpan, from source: String) -> String? {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    guard span.line >= 1, span.endLine <= lines.count, span.line <= span.endLine else { return nil }
    var out = String.UnicodeScalarView()
    for l in span.line...span.endLine {
      let line = lines[l - 1]
      let from = l == span.line ? span.column : 0
      let to = l == span.endLine ? span.endColumn : line.count
      guard from >= 0, from <= to, to <= line.count else { return nil }
      out.append(contentsOf: line[from..<to])
      if l != span.endLine { out.append("\n") }
    }
    return String(out)
  }

  nonisolated(unsafe) private static let rules: [(NSRegularExpression, (String, [String?]) -> String)] = [
    (re(#"^(\s*)import\s+tensorflow\s+as\s+(\w+)\s*(#.*)?$"#), { indent, g in
      "\(indent)import tensorflow.compat.v1 as \(g[0]!)\n\(indent)\(g[0]!).disable_v2_behavior()"
    }),
    (re(#"^(\s*)import\s+tensorflow\s*(#.*)?$"#), { indent, _ in
      "\(indent)import tensorflow.compat.v1 as tensorflow\n\(indent)tensorflow.disable_v2_behavior()"
    }),
    (re(#"^(\s*)from\s+tensorflow\.examples\.tutorials\.mnist\s+import\s+input_data(?:\s+as\s+(\w+))?\s*(#.*)?$"#), { indent, g in
      "\(indent)\(g[0] ?? "input_data") = _input_data  # the stand-in above, for: from tensorflow.examples.tutorials.mnist import input_data"
    }),
    (re(#"^(\s*)import\s+tensorflow\.examples\.tutorials\.mnist\.input_data\s+as\s+(\w+)\s*(#.*)?$"#), { indent, g in
      "\(indent)\(g[0]!) = _input_data  # the stand-in above"
    }),
    (re(#"^(\s*)from\s+tensorflow\.examples\.tutorials\.mnist\.input_data\s+import\s+([\w\s,]+?)\s*(#.*)?$"#), { indent, g in
      let names = g[0]!.split(separator: ",").map { part -> String in
        let words = part.split(whereSeparator: \.isWhitespace)
        let (name, alias) = words.count == 3 ? (words[0], words[2]) : (words.first ?? "", words.first ?? "")
        return "\(alias) = _input_data.\(name)"
      }
      return indent + names.joined(separator: "; ")
    }),
  ]

  private static func re(_ pattern: String) -> NSRegularExpression {
    try! NSRegularExpression(pattern: pattern)  // constant patterns: a failure is our bug
  }

  /// Rewrites the import lines TensorFlow 2 needs changed (see the type's summary).
  static func rewriteImports(_ source: String) -> String {
    source.split(separator: "\n", omittingEmptySubsequences: false).map { sub -> String in
      let line = String(sub)
      let range = NSRange(line.startIndex..., in: line)
      for (regex, build) in rules {
        guard let m = regex.firstMatch(in: line, range: range) else { continue }
        func group(_ i: Int) -> String? {
          guard i < m.numberOfRanges, let r = Range(m.range(at: i), in: line) else { return nil }
          return String(line[r])
        }
        return build(group(1) ?? "", (2..<m.numberOfRanges).map(group))
      }
      return line
    }.joined(separator: "\n")
  }
}
