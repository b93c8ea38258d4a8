import Foundation
import PyInterp
import Testing

@Suite struct RobustnessTests {
  @Test func tenThousandOpenParensIsASyntaxError() {
    let s = Session()
    let e = s.error(String(repeating: "(", count: 10_000))
    #expect(e?.description == "SyntaxError: too many nested parentheses")
  }

  @Test func deepButLegalNestingRuns() {
    let depth = 190
    let code = "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\nprint(x)"
    #expect(output(code) == "1\n")
    let lists = "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\nprint(len(x))"
    #expect(output(lists) == "1\n")
  }

  @Test func deepUnaryChainsAreRecursionErrors() {
    for op in ["-", "not ", "~", "+"] {
      let e = Session().error("x = " + String(repeating: op, count: 10_000) + "1")
      #expect(e?.type === PyType.recursionError, "\(op)")
    }
    let e = Session().error("x = 1" + String(repeating: " ** 1", count: 5_000))
    #expect(e?.type === PyType.recursionError)
  }

  @Test func longFlatExpressionsAreFineUpToALimit() {
    let code = "x = 0" + String(repeating: " + 1", count: 900) + "\nprint(x)"
    #expect(output(code) == "900\n")
    let tooLong = "x = 0" + String(repeating: " + 1", count: 20_000)
    #expect(Session().errorLine(tooLong) == "RecursionError: maximum recursion depth exceeded during compilation")
  }

  @Test func deepIndentationIsAnIndentationError() {
    var code = ""
    for i in 0..<150 { code += String(repeating: " ", count: i) + "if True:\n" }
    code += String(repeating: " ", count: 150) + "pass\n"
    #expect(Session().errorLine(code) == "IndentationError: too many levels of indentation")
  }

  @Test func deeplyNestedRuntimeDataDoesNotOverflow() {
    let s = Session()
    #expect(s.run("a = []\nfor i in range(200000):\n  a = [a]\nprint(len(a))\ndel a\nprint('ok')") == "1\nok\n")
    #expect(s.run("a = []\nfor i in range(1000):\n  a = [a]\ns = repr(a)\nprint(s[:5], len(s) < 1000)") == "[[[[[ True\n")
  }

  @Test func recursionWithoutEndIsRecursionError() {
    let s = Session()
    let text = s.run("def f(n):\n  return f(n + 1)\nf(0)", filename: "<stdin>")
    #expect(text.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
    #expect(text.contains("[Previous line repeated"))
    #expect(s.run("print(f)") == "<function f>\n")
  }

  @Test func recursionLimitHoldsOnASmallThreadStack() throws {
    // A 512 KiB stack: the stack guard must stop the recursion before it overflows.
    final class Box: @unchecked Sendable { var text = "" }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let s = Session()
      s.py.recursionLimit = 100_000
      box.text = s.run("def f(n):\n  return [f(n + 1)]\nf(0)")
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    #expect(done.wait(timeout: .now() + 60) == .success)
    #expect(box.text.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
  }

  @Test func hugeAllocationsAreMemoryErrors() {
    let s = Session()
    #expect(s.errorLine("[0] * 10**10") == "MemoryError")
    #expect(s.errorLine("'a' * 10**12") == "MemoryError")
    #expect(s.errorLine("list(range(10**12))") == "MemoryError")
    #expect(s.errorLine("x = 'ab' * 10**8\ny = x + x") == "MemoryError")
    #expect(s.errorLine("[1, 2] * (2**62)") == "MemoryError")
    #expect(s.errorLine("10 ** 10 ** 10") == "OverflowError: integer too large: mnist-shell integers are 64-bit")
  }

  @Test func hugeRangeIsLazy() {
    #expect(output("r = range(10**12)\nprint(len(r), r[-1], 10**11 in r)\nfor i in r:\n  if i == 3: break\nprint(i)") ==
      "1000000000000 999999999999 True\n3\n")
  }

  @Test func nonUTF8BytesGiveACleanError() {
    let bytes: [UInt8] = [0x78, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x0A]
    let e = Session().error(String(decoding: bytes, as: UTF8.self))
    #expect(e?.description == "SyntaxError: invalid character '\u{FFFD}' (U+FFFD)")
    #expect(throws: PyException.self) { try Interpreter.decodeSource(bytes) }
  }

  @Test func veryLongLinesAreFine() {
    let long = "x = '" + String(repeating: "a", count: 200_000) + "'\nprint(len(x))"
    #expect(output(long) == "200000\n")
    let bad = "x = " + String(repeating: "1 ", count: 50_000)
    let text = Session().run(bad)
    #expect(text.hasSuffix("SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"))
    #expect(text.count < 2000)
  }
}
