/// "Did you mean" suggestions, like CPython 3.12's, by edit distance.
enum Suggestions {
  /// The closest candidate to `name`, if close enough to be a likely typo.
  static func closest(to name: String, in candidates: [String]) -> String? {
    guard !name.isEmpty, name.count < 50 else { return nil }
    var best: (String, Int)?
    let lowered = name.lowercased()
    for candidate in Set(candidates) where candidate != name && candidate.count < 60 {
      if candidate.hasPrefix("_") && !name.hasPrefix("_") { continue }
      var distance = editDistance(name, candidate)
      if candidate.lowercased() == lowered { distance = 0 }
      let limit = (name.count + candidate.count + 3) / 3
      guard distance <= limit else { continue }
      if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Levenshtein distance where a case-only change costs 1 and others 2 (CPython's weights).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count * 2 }
    if y.isEmpty { return x.count * 2 }
    var previous = Array(stride(from: 0, through: y.count * 2, by: 2))
    var current = previous
    for i in 1...x.count {
      current[0] = i * 2
      for j in 1...y.count {
        let substitution: Int
        if x[i - 1] == y[j - 1] { substitution = 0 } else if x[i - 1].lowercased() == y[j - 1].lowercased() { substitution = 1 } else { substitution = 2 }
        current[j] = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + substitution)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}

extension Interpreter {
  /// A learner hint for a NameError on `name` (names from the tutorial that need an earlier line).
  func nameHint(_ name: String) -> String? {
    switch name {
    case "tf", "tensorflow": return "run 'import tensorflow as tf' first"
    case "np", "numpy": return "run 'import numpy as np' first"
    case "input_data": return "run 'from tensorflow.examples.tutorials.mnist import input_data' first"
    case "mnist": return "run 'mnist = input_data.read_data_sets(\"MNIST_data/\", one_hot=True)' first"
    case "sess": return "create a session first, e.g. 'sess = tf.InteractiveSession()'"
    default: return nil
    }
  }
}
