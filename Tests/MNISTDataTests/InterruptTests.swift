import Foundation
import MNISTData
import Testing

/// What a caller's `checkInterrupt` throws (the shell throws KeyboardInterrupt).
struct StopRequested: Error {}

/// Counts calls and throws from the `after`-th on, like a Ctrl-C arriving mid-way.
final class InterruptAfter: @unchecked Sendable {
  private let lock = NSLock()
  private var calls = 0
  let after: Int
  init(after: Int) { self.after = after }
  func check() throws {
    lock.lock()
    calls += 1
    let n = calls
    lock.unlock()
    if n >= after { throw StopRequested() }
  }
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return calls
  }
}

@Suite(.serialized) struct InterruptTests {
  @Test func mirrorsComeFromTheEnvironment() {
    #expect(FetchOptions.defaultMirrors(environment: [:]) == [FetchOptions.tensorFlowMirror])
    #expect(FetchOptions.defaultMirrors(environment: ["MNIST_SHELL_MIRRORS": " "]) == [FetchOptions.tensorFlowMirror])
    #expect(FetchOptions.defaultMirrors(environment: ["MNIST_SHELL_MIRRORS": "http://a/, http://b/ http://c/"])
      == ["http://a/", "http://b/", "http://c/"])
  }

  @Test func theBundleCanBeTurnedOff() {
    let on = BundledMNIST.candidateDirectories(environment: ["MNIST_SHELL_DATA": "/d"], executableDirectory: "/x")
    #expect(on.first == "/d")
    #expect(on.count == 4)
    #expect(BundledMNIST.candidateDirectories(environment: ["MNIST_SHELL_NO_BUNDLE": "1", "MNIST_SHELL_DATA": "/d"],
                                              executableDirectory: "/x").isEmpty)
  }

  @Test func interruptDuringADownloadStopsAtOnceAndLeavesNothing() throws {
    let server = try LocalHTTPServer(trickling: bundledDir)
    let target = makeTempDir("interrupt-download") + "/MNIST_data"
    defer { try? FileManager.default.removeItem(atPath: (target as NSString).deletingLastPathComponent) }
    var options = offlineOptions(bundled: [], mirrors: [server.url, server.url])
    let stop = InterruptAfter(after: 4)  // called once before the file, then ten times a second
    options.checkInterrupt = { try stop.check() }
    let started = Date()
    #expect(throws: StopRequested.self) {
      try readDataSets(trainDir: target, options: options, log: { _ in })
    }
    // About 0.3 s of a download that would take minutes, and the second mirror was not tried.
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(stop.count == 4)
    #expect(listing(target).isEmpty, "\(listing(target))")
  }

  @Test func interruptBeforeCopyingOrReadingLeavesOnlyWholeFiles() throws {
    let target = makeTempDir("interrupt-copy") + "/MNIST_data"
    defer { try? FileManager.default.removeItem(atPath: (target as NSString).deletingLastPathComponent) }
    var options = offlineOptions()
    let stop = InterruptAfter(after: 3)  // before the third file is copied
    options.checkInterrupt = { try stop.check() }
    #expect(throws: StopRequested.self) { try readDataSets(trainDir: target, options: options, log: { _ in }) }
    #expect(listing(target) == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"])
    // Reading: the files are all there now, and the stop comes before the second is read.
    let reading = InterruptAfter(after: 2 + 2)  // ensureFiles' calls for the 2 missing files, then reads
    options.checkInterrupt = { try reading.check() }
    #expect(throws: StopRequested.self) { try readDataSets(trainDir: target, options: options, log: { _ in }) }
    #expect(listing(target).count == 4)
    options.checkInterrupt = nil
    let d = try readDataSets(trainDir: target, options: options, log: { _ in })
    #expect(d.train.numExamples == 55_000)
  }
}
