import Foundation

/// Token-level mutations of Python statements: deleted, duplicated, swapped and inserted tokens,
/// changed numbers, changed shapes (`[None, 784]` → `[784]`, `[10, 784]`, `[None, 28, 28]`, ...)
/// and names swapped for others of the tutorial (`x` ↔ `y_`, `images` ↔ `labels`, ...).
enum TFMutator {
  static let numbers = ["0", "1", "-1", "2", "10", "28", "100", "783", "785", "7840", "0.0", "0.5", "-0.5", "1e-8",
                        "1e9", "10**9", "2**40", "None", "True", "[]", "[1]", "'784'"]
  static let dims = ["None", "1", "10", "28", "100", "784", "785", "0", "-1", "2", "3"]
  static let names = ["x", "y", "y_", "W", "b", "sess", "mnist", "train", "test", "validation", "images", "labels",
                      "batch_xs", "batch_ys", "cross_entropy", "train_step", "accuracy", "correct_prediction",
                      "tf", "np", "float32", "int64", "int32", "bool", "zeros", "ones", "matmul", "softmax", "log",
                      "reduce_sum", "reduce_mean", "argmax", "equal", "cast", "placeholder", "Variable", "run", "eval",
                      "next_batch", "minimize", "reshape", "transpose", "shape", "dtype", "num_examples"]
  /// Extra tokens that may be inserted anywhere.
  static let vocabulary = [
    "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "+", "-", "*", "/", "**", "@", "==", "<", "not", "and", "in",
    "None", "True", "0", "1", "-1", "784", "10", "100", "'s'", "lambda", "for", "if", "else", "return", "import",
    "tf", "np", "x", "y_", "W", "b", "sess", "mnist", "feed_dict=", "axis=", "reduction_indices=", "dtype=",
    "name=", "keep_dims=", "one_hot=", "tf.float32", "tf.int64", "tf.zeros", "tf.matmul", "tf.reduce_sum",
    "tf.argmax", "tf.cast", "tf.reshape", "tf.nn.softmax", "np.argmax", "np.zeros", "mnist.test.images",
    "mnist.train.labels", "sess.run", ".eval()", ".shape", "[0]", "[:, 0]", "[::2]", "\n", "\n  ", "#",
  ]

  /// Splits a statement into tokens; joining the tokens gives the statement back.
  static func tokens(_ s: String) -> [String] {
    var out: [String] = []
    let c = Array(s)
    var i = 0
    func isIdent(_ ch: Character) -> Bool { ch == "_" || ch.isLetter || ch.isNumber }
    while i < c.count {
      let start = i
      let ch = c[i]
      if ch == "_" || ch.isLetter {
        while i < c.count, isIdent(c[i]) { i += 1 }
      } else if ch.isNumber {
        while i < c.count, c[i].isNumber || c[i] == "." || c[i] == "e"
          || (c[i] == "-" && i > start && c[i - 1] == "e") { i += 1 }
      } else if ch == "\"" || ch == "'" {
        i += 1
        while i < c.count, c[i] != ch { i += 1 }
        i = min(i + 1, c.count)
      } else if ch == " " || ch == "\n" {
        while i < c.count, c[i] == ch { i += 1 }
      } else if i + 1 < c.count, ["**", "==", "!=", "<=", ">=", "//", "+=", "-="].contains(String(c[i...i + 1])) {
        i += 2
      } else {
        i += 1
      }
      out.append(String(c[start..<i]))
    }
    return out
  }

  /// One to three random edits of `line`.
  static func mutate(_ line: String, _ rng: inout FuzzRandom) -> String {
    var t = tokens(line)
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let solid = t.indices.filter { !t[$0].allSatisfy { $0 == " " || $0 == "\n" } }
      guard let i = solid.randomElement(using: &rng) else { break }
      switch Int.random(in: 0..<8, using: &rng) {
      case 0: t.remove(at: i)
      case 1: t.insert(t[i], at: i)
      case 2: t.swapAt(i, solid.randomElement(using: &rng)!)
      case 3: t.insert(vocabulary.randomElement(using: &rng)!, at: i)
      case 4:
        if let n = solid.filter({ t[$0].first?.isNumber == true }).randomElement(using: &rng) {
          t[n] = numbers.randomElement(using: &rng)!
        } else {
          t.insert(numbers.randomElement(using: &rng)!, at: i)
        }
      case 5, 6: t = changeShape(t, &rng) ?? t
      default:
        if let n = solid.filter({ names.contains(t[$0]) }).randomElement(using: &rng) {
          t[n] = names.randomElement(using: &rng)!
        }
      }
    }
    return t.joined()
  }

  /// Rewrites one bracketed list of dimensions (`[None, 784]`, `[1]`) as another shape.
  static func changeShape(_ t: [String], _ rng: inout FuzzRandom) -> [String]? {
    let opens = t.indices.filter { t[$0] == "[" }
    guard let open = opens.randomElement(using: &rng),
          let close = t[open...].firstIndex(of: "]") else { return nil }
    var dimsIn = t[(open + 1)..<close].filter { $0 != "," && !$0.allSatisfy { $0 == " " } }
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: dimsIn.reverse()
    case 1: if !dimsIn.isEmpty { dimsIn.remove(at: Int.random(in: 0..<dimsIn.count, using: &rng)) }
    case 2: dimsIn.insert(dims.randomElement(using: &rng)!, at: Int.random(in: 0...dimsIn.count, using: &rng))
    case 3: if !dimsIn.isEmpty { dimsIn[Int.random(in: 0..<dimsIn.count, using: &rng)] = dims.randomElement(using: &rng)! }
    default: dimsIn = (0..<Int.random(in: 0...4, using: &rng)).map { _ in dims.randomElement(using: &rng)! }
    }
    return Array(t[..<open]) + ["[" + dimsIn.joined(separator: ", ") + "]"] + Array(t[(close + 1)...])
  }
}
