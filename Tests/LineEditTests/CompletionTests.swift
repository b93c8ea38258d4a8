import Foundation
import LineEdit
import Testing

@Suite struct CompletionTests {
  @Test func commonPrefix() {
    #expect(Completion.commonPrefix(["softmax", "softmax_cross_entropy_with_logits", "softplus"]) == "soft")
    #expect(Completion.commonPrefix(["a"]) == "a")
    #expect(Completion.commonPrefix([]) == "")
    #expect(Completion.commonPrefix(["abc", "xyz"]) == "")
    #expect(Completion.commonPrefix(["héllo", "hélp"]) == "hél")
  }

  @Test func overlapFindsTheTypedWord() {
    #expect(Completion.overlap(typed: "x = tf.nn.so", candidate: "tf.nn.softmax") == 8)
    #expect(Completion.overlap(typed: "x = tf.nn.so", candidate: "softmax") == 2)
    #expect(Completion.overlap(typed: "sess.run(y, ", candidate: "feed_dict=") == 0)
  }

  @Test func oneMatchInsertsTheRest() {
    #expect(Completion.plan(before: "mnist.tr", candidates: ["mnist.train"]) == .insert("ain"))
    #expect(Completion.plan(before: "mnist.tr", candidates: ["train"]) == .insert("ain"))
    #expect(Completion.plan(before: "sess.run(y, ", candidates: ["feed_dict="]) == .insert("feed_dict="))
  }

  @Test func severalMatchesInsertTheCommonPrefixThenList() {
    let c = ["tf.nn.softmax", "tf.nn.softmax_cross_entropy_with_logits"]
    #expect(Completion.plan(before: "tf.nn.so", candidates: c) == .insert("ftmax"))
    #expect(Completion.plan(before: "tf.nn.softmax", candidates: c) == .list(c))
    #expect(Completion.plan(before: ":", candidates: [":quit", ":help", ":help"]) == .list([":help", ":quit"]))
  }

  @Test func noMatchBeepsAndCompleteWordDoesNothing() {
    #expect(Completion.plan(before: "zz", candidates: []) == .beep)
    #expect(Completion.plan(before: "mnist", candidates: ["mnist"]) == .nothing)
  }

  @Test func columnsGoDownThenAcross() {
    let items = ["a", "bb", "ccc", "d", "e"]
    #expect(Completion.columns(items, width: 12) == ["a    d", "bb   e", "ccc"])
    #expect(Completion.columns(items, width: 1) == items)
    #expect(Completion.columns(["x", "y", "z"], width: 80, limit: 2) == ["x  y", "… and 1 more"])
    #expect(Completion.columns([], width: 80).isEmpty)
  }
}

/// These never start libedit's editor: el_init reads terminfo and would swap the
/// terminal curses uses under the TermUI tests running in parallel in this process.
@Suite(.serialized) struct HistoryAndInterruptTests {
  func tempDir() -> String {
    var template = Array("/tmp/lineedit-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
  }

  @Test func historySurvivesANewReaderAndIsSavedAtomically() throws {
    let path = tempDir() + "/state/mnist-shell/history"
    do {
      let h = try #require(HistoryStore(path: path))
      h.add("x = tf.placeholder(tf.float32, [None, 784])")
      h.add("   ")
      h.add("print(1)")
      h.add("print(1)")
      #expect(h.warning == nil)
    }
    let text = try String(decoding: #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    #expect(text.hasPrefix("_HiStOrY_V2_"))
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
    let again = try #require(HistoryStore(path: path))
    #expect(again.count == 2)
  }

  @Test func unwritableHistoryIsReportedNotFatal() throws {
    let h = try #require(HistoryStore(path: "/proc/no-such-dir/history"))
    h.add("x = 1")
    #expect(h.warning?.contains("history") == true)
    #expect(h.count == 1)
  }

  @Test func damagedHistoryIsSetAside() throws {
    let path = tempDir() + "/history"
    FileManager.default.createFile(atPath: path, contents: Array("not a libedit history\n".utf8).withUnsafeBytes { Data($0) })
    let h = try #require(HistoryStore(path: path))
    #expect(h.warning?.contains("could not be read") == true)
    #expect(FileManager.default.fileExists(atPath: path + ".damaged"))
    #expect(h.count == 0)
  }

  @Test func interruptCounterCountsAndClears() {
    SignalInterrupts.install()
    SignalInterrupts.take()
    // Sent to the process (a test thread may block signals); delivery is asynchronous.
    kill(getpid(), SIGINT)
    for _ in 0..<200 where SignalInterrupts.count < 1 { usleep(5000) }
    kill(getpid(), SIGINT)
    for _ in 0..<200 where SignalInterrupts.count < 2 { usleep(5000) }
    #expect(SignalInterrupts.pending)
    #expect(SignalInterrupts.take() == 2)
    #expect(!SignalInterrupts.pending)
  }
}
