import Foundation
import PyInterp
import Testing

/// A small deterministic generator (SplitMix64) so failures can be replayed by seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Statements in the style of the tutorial (our own lines), used as fuzz seeds when
/// the acceptance script is not found beside the package.
let tutorialStyleLines = [
  "from tensorflow.examples.tutorials.mnist import input_data",
  "mnist = input_data.read_data_sets('MNIST_data/', one_hot=True)",
  "import tensorflow as tf", "import numpy as np",
  "x = tf.placeholder(tf.float32, [None, 784])", "W = tf.Variable(tf.zeros([784, 10]))",
  "y = tf.nn.softmax(tf.matmul(x, W) + b)",
  "loss = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))",
  "for _ in range(3):\n  batch_xs, batch_ys = mnist.train.next_batch(100)\n  sess.run(step, feed_dict={x: batch_xs, y_: batch_ys})",
  "with tf.Session() as sess:\n  print(sess.run(acc))", "print('step %d, accuracy %g' % (i, 0.5))",
  "def weight(shape):\n  return tf.Variable(tf.truncated_normal(shape, stddev=0.1))",
]

/// The tutorial's statements: the acceptance script if it is beside the package, else our own lines.
func tutorialLines() -> [String] {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  for path in [root.appendingPathComponent("../shared/spec/tutorial.py").path, "/work/shared/spec/tutorial.py"] {
    if let text = try? String(contentsOfFile: path, encoding: .utf8) {
      return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }
  }
  return tutorialStyleLines
}

let fuzzVocabulary = [
  "x", "y", "W", "b", "tf", "np", "mnist", "sess", "_", "i", "keep_me", "(", ")", "[", "]", "{", "}", ",", ":", ".",
  ";", "=", "==", "+", "-", "*", "/", "//", "%", "**", "@", "<", ">", "!=", "+=", "not", "and", "or", "in", "is",
  "if", "else", "elif", "for", "while", "def", "return", "with", "as", "import", "from", "lambda", "pass", "break",
  "None", "True", "False", "0", "1", "100", "784", "0.5", "1e-4", "10**9", "'s'", "\"t\"", "f'{x}'", "'''",
  "range", "len", "print", "list", "dict", "tf.matmul", "tf.zeros", "np.argmax", "\n", "\n  ", "\\", "#", "*", "**",
]

/// Mutates one line: deletes, duplicates or swaps tokens, or changes numbers.
func mutate(_ line: String, _ rng: inout SplitMix64) -> String {
  var tokens = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  let edits = Int.random(in: 1...3, using: &rng)
  for _ in 0..<edits where !tokens.isEmpty {
    let i = Int.random(in: 0..<tokens.count, using: &rng)
    switch Int.random(in: 0..<6, using: &rng) {
    case 0: tokens.remove(at: i)
    case 1: tokens.insert(tokens[i], at: i)
    case 2: tokens.swapAt(i, Int.random(in: 0..<tokens.count, using: &rng))
    case 3: tokens.insert(fuzzVocabulary.randomElement(using: &rng)!, at: i)
    case 4:
      tokens[i] = tokens[i].replacingOccurrences(of: "784", with: ["0", "-1", "10**6", "7.5", "None"].randomElement(using: &rng)!)
        .replacingOccurrences(of: "100", with: ["0", "-100", "10**9", "1e9"].randomElement(using: &rng)!)
    default:
      var chars = Array(tokens[i])
      if !chars.isEmpty { chars.remove(at: Int.random(in: 0..<chars.count, using: &rng)) }
      tokens[i] = String(chars)
    }
  }
  return tokens.joined(separator: " ")
}

/// Runs `cases` fuzz cases in one session; returns the failures.
func runFuzz(cases: Int, seed: UInt64) -> [String] {
  var rng = SplitMix64(state: seed)
  let lines = tutorialLines()
  let s = Session()
  installStubModules(s.py)
  s.run("keep_me = 42")
  s.py.progressInterval = 0.02
  s.py.progressHook = { [py = s.py] elapsed in if elapsed > 0.2 { py.requestInterrupt() } }
  var failures: [String] = []
  for n in 0..<cases {
    let code: String
    if n % 2 == 0 {
      let count = Int.random(in: 1...12, using: &rng)
      code = (0..<count).map { _ in fuzzVocabulary.randomElement(using: &rng)! }.joined(separator: Bool.random(using: &rng) ? " " : "")
    } else {
      code = mutate(lines.randomElement(using: &rng)!, &rng)
    }
    let text = Bool.random(using: &rng) ? s.run(code) : s.interactive(code)
    if text.contains("SWIFT ERROR") { failures.append("case \(n): \(code)") }
    if code.contains("keep_me") { s.run("keep_me = 42") }
    // Probe with eval, not print: a case may legitimately rebind `print`.
    guard case .int(42)? = try? s.py.eval("keep_me") else {
      failures.append("case \(n) lost the session: \(code)")
      s.run("keep_me = 42")
      continue
    }
  }
  return failures
}

@Suite struct FuzzTests {
  /// A few thousand cases in CI. For a dedicated run set PYINTERP_FUZZ_CASES
  /// (e.g. `PYINTERP_FUZZ_CASES=100000 swift test -c release --filter FuzzTests`).
  @Test func randomTokensAndMutatedTutorialLinesNeverCrash() {
    let cases = ProcessInfo.processInfo.environment["PYINTERP_FUZZ_CASES"].flatMap(Int.init) ?? 3_000
    let seed = ProcessInfo.processInfo.environment["PYINTERP_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127
    let failures = runFuzz(cases: cases, seed: seed)
    #expect(failures.isEmpty, "\(failures.prefix(10))")
  }

  @Test func theTutorialRunsAgainstStubModules() {
    let s = Session()
    installStubModules(s.py)
    let text = s.run(tutorialLines().joined(separator: "\n"))
    #expect(!text.contains("Traceback"), "\(text)")
    #expect(text.hasSuffix("\n"))
  }
}
