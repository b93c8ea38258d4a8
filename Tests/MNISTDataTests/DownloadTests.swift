import Foundation
import MNISTData
import Testing

@Suite(.serialized) struct DownloadTests {
  /// A mirror with good copies, one serving corrupt files, and one refusing connections.
  struct Mirrors {
    let root = makeTempDir("mirrors")
    let good: LocalHTTPServer
    let corrupt: LocalHTTPServer
    let refused = "http://127.0.0.1:1/"

    init() throws {
      let fm = FileManager.default
      try fm.createDirectory(atPath: root + "/good", withIntermediateDirectories: true)
      try fm.createDirectory(atPath: root + "/corrupt", withIntermediateDirectories: true)
      for file in MNISTFile.all {
        try fm.copyItem(atPath: bundledDir + "/" + file.name, toPath: root + "/good/" + file.name)
      }
      // Not gzip; a gzip cut short; and an MNIST-sized file with the wrong contents (bad checksum).
      write(Array("<html>404</html>".utf8), to: root + "/corrupt/train-images-idx3-ubyte.gz")
      let labels = try Data(contentsOf: URL(fileURLWithPath: bundledDir + "/train-labels-idx1-ubyte.gz"))
      write(Array(labels.prefix(labels.count / 2)), to: root + "/corrupt/train-labels-idx1-ubyte.gz")
      var wrong = gzip(idxLabels((0..<10_000).map { UInt8(9 - $0 % 10) }))
      wrong += [UInt8](repeating: 0, count: 4_517 - wrong.count)
      write(wrong, to: root + "/corrupt/t10k-labels-idx1-ubyte.gz")
      good = try LocalHTTPServer(serving: root + "/good")
      corrupt = try LocalHTTPServer(serving: root + "/corrupt")
    }
  }

  @Test func fallsThroughToAGoodMirrorAndLeavesNoPartialFiles() throws {
    let mirrors = try Mirrors()
    defer { try? FileManager.default.removeItem(atPath: mirrors.root) }
    let target = mirrors.root + "/MNIST_data"
    let progressCalls = Counter()
    var options = offlineOptions(bundled: [], mirrors: [mirrors.refused, mirrors.corrupt.url, mirrors.good.url])
    options.progress = { p in
      if p.file == "train-images-idx3-ubyte.gz", p.expected == 9_719_438 { progressCalls.add() }
    }
    var lines: [String] = []
    let sets = try readDataSets(trainDir: target, options: options) { lines.append($0) }
    #expect(sets.train.numExamples == 55_000 && Array(sets.validation.classIds.prefix(4)) == [5, 0, 4, 1])
    #expect(listing(target) == MNISTFile.all.map(\.name).sorted())
    for file in MNISTFile.all {
      #expect(FileManager.default.contentsEqual(atPath: target + "/" + file.name, andPath: bundledDir + "/" + file.name))
    }
    #expect(lines.contains("Successfully downloaded train-images-idx3-ubyte.gz 9719438 bytes."))
    #expect(lines.contains { $0.hasPrefix("Could not fetch \(mirrors.refused)train-images") })
    #expect(lines.contains { $0.hasPrefix("Could not fetch \(mirrors.corrupt.url)train-images") && $0.contains("Not a gzipped file") })
    #expect(lines.contains { $0.hasPrefix("Could not fetch \(mirrors.corrupt.url)train-labels") && $0.contains("end-of-stream") })
    #expect(lines.contains { $0.hasPrefix("Could not fetch \(mirrors.corrupt.url)t10k-labels") && $0.contains("Checksum mismatch") })
    #expect(lines.contains { $0.hasPrefix("Could not fetch \(mirrors.corrupt.url)t10k-images") && $0.contains("HTTP Error 404") })
    #expect(Array(lines.suffix(4)) == MNISTFile.all.map { "Extracting \(target)/\($0.name)" })
    #expect(progressCalls.value > 0)
  }

  @Test func allMirrorsFailingLeavesNothingBehind() throws {
    let mirrors = try Mirrors()
    defer { try? FileManager.default.removeItem(atPath: mirrors.root) }
    let target = mirrors.root + "/MNIST_data"
    let options = offlineOptions(bundled: [], mirrors: [mirrors.refused, mirrors.corrupt.url])
    #expect { try ensureFiles(in: target, options: options) { _ in } } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .download && e.message.contains(mirrors.refused) && e.message.contains("Not a gzipped file")
    }
    #expect(listing(target).isEmpty)
  }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add() { lock.lock(); count += 1; lock.unlock() }
  var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
