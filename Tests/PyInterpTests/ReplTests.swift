import PyInterp
import Testing

@Suite struct ReplTests {
  @Test func bareExpressionsEchoTheirRepr() {
    let s = Session()
    #expect(s.interactive("1 + 1") == "2\n")
    #expect(s.interactive("'text'") == "'text'\n")
    #expect(s.interactive("None") == "")
    #expect(s.interactive("x = 3") == "")
    #expect(s.interactive("x") == "3\n")
    #expect(s.interactive("_ * 2") == "6\n")
    #expect(s.interactive("for i in range(2): i") == "0\n1\n")
    #expect(s.interactive("print('p')") == "p\n")
    #expect(s.interactive("[0.1, (1,), {'a': None}]") == "[0.1, (1,), {'a': None}]\n")
    // Program mode never echoes.
    #expect(s.run("1 + 1") == "")
  }

  @Test func globalsPersistAcrossEntriesAndErrors() {
    let s = Session()
    s.interactive("a = 1")
    s.interactive("def f(v):\n  return v + a\n")
    #expect(s.interactive("b = f(1) + undefined").hasSuffix("NameError: name 'undefined' is not defined\n"))
    #expect(s.interactive("f(2)") == "3\n")
    #expect(s.py.globalNames == ["a", "f"])
    #expect(s.interactive("b") .hasSuffix("NameError: name 'b' is not defined\n"))
  }

  @Test func evalReturnsValues() throws {
    let py = Interpreter()
    try py.exec("x = 20")
    guard case .int(22) = try py.eval("x + 2") else { Issue.record("wrong value"); return }
    py[global: "y"] = .str("set from Swift")
    guard case .str("set from Swift") = try py.eval("y") else { Issue.record("wrong y"); return }
  }

  @Test func inputStatusLikeCodeop() {
    let py = Interpreter()
    #expect(py.inputStatus("x = 1") == .complete)
    #expect(py.inputStatus("") == .complete)
    #expect(py.inputStatus("x = (1,") == .incomplete)
    #expect(py.inputStatus("x = [1,\n  2") == .incomplete)
    #expect(py.inputStatus("x = [1,\n  2]") == .complete)
    #expect(py.inputStatus("for i in range(3):") == .incomplete)
    #expect(py.inputStatus("for i in range(3):\n  print(i)") == .incomplete)
    #expect(py.inputStatus("for i in range(3):\n  print(i)\n") == .complete)
    #expect(py.inputStatus("for i in range(3): print(i)") == .incomplete)
    #expect(py.inputStatus("for i in range(3): print(i)\n") == .complete)
    #expect(py.inputStatus("s = '''abc") == .incomplete)
    #expect(py.inputStatus("s = '''abc\ndef'''") == .complete)
    #expect(py.inputStatus("x = 1 + \\") == .incomplete)
    #expect(py.inputStatus("with tf.Session() as sess:") == .incomplete)
    #expect(py.inputStatus("def f(x):\n  return x\n") == .complete)
    #expect(py.inputStatus("if x:\n  pass\nelse:") == .incomplete)
    // Errors are complete: running them reports the error.
    #expect(py.inputStatus("x = )") == .complete)
    #expect(py.inputStatus("x = 'abc") == .complete)
    #expect(py.inputStatus("  x = 1") == .complete)
  }

  @Test func exitRaisesSystemExit() {
    let e = Session().error("exit()")
    #expect(e?.type === PyType.systemExit)
  }

  @Test func completionNames() {
    let s = Session()
    installMockTF(s.py)
    s.run("import tensorflow as tf\nweights = 1")
    #expect(s.py.completions(for: "wei") == ["weights"])
    #expect(s.py.completions(for: "tf.nn.soft") == ["tf.nn.softmax", "tf.nn.softmax_cross_entropy_with_logits"])
    #expect(s.py.completions(for: "pri") == ["print"])
    #expect(s.py.completions(for: "undefined.x") == [])
  }
}
