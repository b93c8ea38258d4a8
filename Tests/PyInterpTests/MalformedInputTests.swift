import PyInterp
import Testing

/// Inputs a learner (or a cat on the keyboard) might produce: each must give a
/// clean Python error, never a crash, and leave the session usable.
@Suite struct MalformedInputTests {
  static let corpus: [String] = [
    "x = 'abc", "x = \"abc", "x = '''abc", "x = f'{", "x = f'{1'", "x = f'}'", "x = f'{1!z}'",
    "x = (", "x = [1, 2", "x = {1: ", "x = )", "x = ]]", "(((", ")))", "[(])", "{[}",
    "  x = 1", "if x:\nprint(1)", "if x:\n    a\n  b", "\tif x:\n        pass", "def f(:", "def (x): pass",
    "for in range(3): pass", "for x range(3): pass", "while: pass", "with: pass", "import", "from import x",
    "from tensorflow import", "import 3", "x = = 3", "x +", "x ==", "lambda", "lambda x:", "def f(x, x): pass",
    ".", ",", ";", ";;", ":", "=", "@", "@x", "\\", "x = 1 \\ 2", "$", "?", "!", "`", "x = 1e", "x = 1.2.3",
    "x = 0x", "x = 0b2", "x = 099", "x = 1_", "x = 10**", "**x", "*x", "x = *y", "del 1", "del f()",
    "global", "nonlocal x", "return", "yield 1", "async def f(): pass", "await x", "class", "try:\n  pass",
    "try: pass\nfinally", "except: pass", "else: pass", "elif x: pass", "finally: pass", "pass pass",
    "x = [i for i in]", "x = [for i in y]", "x = {**}", "f(**)", "f(*)", "f(a=)", "f(=1)", "f(1 for x in y, 2)",
    "a[", "a[:", "a[::", "a[1:2:3:4]", "a.", "a..b", "a.1", "1.a", "'a' 'b", "x: = 3", "x := 3", "x ->",
    String(repeating: "(", count: 10_000), String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
    String(repeating: "-", count: 100_000) + "1", String(repeating: "not ", count: 20_000) + "x",
    "x = " + String(repeating: "a.", count: 20_000) + "b", "x = " + String(repeating: "f(", count: 3_000),
    "x = 1" + String(repeating: " if 1 else 1", count: 5_000),
    "x = " + String(repeating: "lambda: ", count: 5_000) + "1",
    "x = '" + String(repeating: "é", count: 300_000) + "'", String(repeating: "x = 1; ", count: 20_000),
    String(repeating: "\n", count: 50_000), String(repeating: " ", count: 50_000) + "x",
    "x = 1\u{0}", "x = '\u{0}'", "\u{FEFF}x = 1", "x = '\u{1F600}'", "π = 3.14", "x = 1\r\ny = 2\r\n",
    String(decoding: [0xFF, 0xFE, 0x78, 0x3D, 0x31] as [UInt8], as: UTF8.self),
    String(decoding: [0x78, 0x20, 0x3D, 0x20, 0xC3] as [UInt8], as: UTF8.self),
    "x = 9999999999999999999999", "x = 1e999", "x = -1e999", "x = 2 ** 63", "x = -2 ** 63 - 1", "x = 10 ** 10 ** 10",
    "x = [0] * 10**10", "x = 'a' * 10**12", "x = list(range(10**12))", "x = (1,) * 10**10", "x = 'ab' * -5",
    "x = range(0, 10, 0)", "x = 1 // 0", "x = 1 % 0", "x = 2.0 ** 10000", "x = (-8) ** 0.5", "x = int('9' * 100)",
    "x = {}; x[[]] = 1", "x = [1]; x[10**20]", "x = 'abc'[::0]", "x = [1, 2][1:2:0]",
    "def f(): return f()\nf()", "def f(n): return [f(n) for _ in range(1)]\nf(1)",
    "x = []\nx.append(x)\nprint(x)", "d = {}\nd['d'] = d\nprint(d)",
    "print(*range(10**12))", "sorted(range(10**9))", "sum(range(10**12))",
    "import tensorflow as tf\ntf.missing_thing", "from tensorflow import missing_name", "import nonexistent.module",
    "x = tf", "exit(", "print(", "print(1,,2)", "print(1 2)", "f(x) = 3", "[x, y] += 1", "(a, b) += 1",
  ]

  @Test func everyMalformedInputGivesACleanError() {
    let s = Session()
    installStubModules(s.py)
    s.run("keep_me = 42")
    for (index, code) in Self.corpus.enumerated() {
      s.py.progressInterval = 0.05
      s.py.progressHook = { [py = s.py] elapsed in if elapsed > 0.5 { py.requestInterrupt() } }
      let text = s.run(code)
      #expect(!text.contains("SWIFT ERROR"), "case \(index)")
      #expect(text.count < 100_000, "case \(index) printed too much")
      #expect(s.run("print(keep_me)") == "42\n", "case \(index) lost the session")
    }
  }

  @Test func syntaxErrorsAreSyntaxErrors() {
    for code in ["x = 'abc", "x = (", "  x = 1", "def f(:", "x = = 3", "\\", "$", String(repeating: "(", count: 10_000)] {
      let e = Session().error(code)
      #expect(e?.isSyntaxError == true, "\(code.prefix(20))")
    }
  }
}
