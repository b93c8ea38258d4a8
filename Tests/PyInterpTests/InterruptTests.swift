import Foundation
import PyInterp
import Testing

/// Runs `code` on a background thread, interrupting it until it finishes.
private func runInterrupted(_ s: Session, _ code: String, seconds: Double = 20) -> (String, Bool) {
  final class Box: @unchecked Sendable {
    var text = ""
    var done = false
    let lock = NSLock()
  }
  let box = Box()
  let py = s.py
  nonisolated(unsafe) let session = s
  let thread = Thread {
    let text = session.run(code)
    box.lock.lock()
    box.text = text
    box.done = true
    box.lock.unlock()
  }
  thread.start()
  let deadline = Date().addingTimeInterval(seconds)
  usleep(100_000)
  while Date() < deadline {
    box.lock.lock()
    let done = box.done
    box.lock.unlock()
    if done { return (box.text, true) }
    py.requestInterrupt()
    usleep(20_000)
  }
  return ("timed out", false)
}

@Suite(.serialized) struct InterruptTests {
  @Test func whileTrueIsInterruptible() {
    let s = Session()
    s.run("x = 1")
    let (text, finished) = runInterrupted(s, "count = 0\nwhile True:\n  count += 1")
    #expect(finished)
    #expect(text.hasSuffix("KeyboardInterrupt\n"))
    #expect(text.hasPrefix("Traceback (most recent call last):\n"))
    // Globals survive: the ones from before and the loop's progress.
    #expect(s.run("print(x, count > 0)") == "1 True\n")
  }

  @Test func hugeRangeLoopIsInterruptible() {
    let s = Session()
    let (text, finished) = runInterrupted(s, "total = 0\nfor i in range(10**12):\n  total += i")
    #expect(finished)
    #expect(text.hasSuffix("KeyboardInterrupt\n"))
    #expect(s.run("print(i > 0, total > 0)") == "True True\n")
  }

  @Test func interruptInsideFunctionsAndComprehensions() {
    let s = Session()
    s.run("def spin():\n  while True:\n    pass")
    let (text, finished) = runInterrupted(s, "spin()")
    #expect(finished)
    #expect(text.contains("in spin"))
    let (text2, finished2) = runInterrupted(s, "[x for x in range(10**12)]")
    #expect(finished2)
    #expect(text2.hasSuffix("KeyboardInterrupt\n"))
  }

  @Test func exceptExceptionDoesNotSwallowInterrupts() {
    let s = Session()
    let (text, finished) = runInterrupted(s, "while True:\n  try:\n    pass\n  except Exception:\n    pass")
    #expect(finished)
    #expect(text.hasSuffix("KeyboardInterrupt\n"))
  }

  @Test func progressHookIsCalledDuringLongStatements() {
    let s = Session()
    var calls: [Double] = []
    s.py.progressInterval = 0.01
    s.py.progressHook = { calls.append($0) }
    s.run("t = 0\nfor i in range(100000):\n  t += i")
    #expect(calls.count >= 2)
    #expect(calls == calls.sorted())
  }
}
