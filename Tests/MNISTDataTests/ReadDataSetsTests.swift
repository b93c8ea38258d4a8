import Foundation
import MNISTData
import Testing

@Suite struct ReadDataSetsTests {
  @Test func realMNISTFromTheBundledCopy() throws {
    let dir = makeTempDir("real")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let trainDir = dir + "/MNIST_data/"
    var lines: [String] = []
    let mnist = try readDataSets(trainDir: trainDir, oneHot: true, options: offlineOptions()) { lines.append($0) }
    #expect(lines == MNISTFile.all.map { "Extracting \(trainDir)\($0.name)" })
    #expect(mnist.train.numExamples == 55_000)
    #expect(mnist.validation.numExamples == 5_000)
    #expect(mnist.test.numExamples == 10_000)
    #expect(mnist.train.imagesShape == [55_000, 784] && mnist.train.images.count == 55_000 * 784)
    #expect(mnist.test.labels.shape == [10_000, 10])
    // Validation is the first 5,000 training images, before any shuffling.
    #expect(Array(mnist.validation.classIds.prefix(4)) == [5, 0, 4, 1])
    #expect(Array(mnist.test.classIds.prefix(4)) == [7, 2, 1, 0])
    guard case .oneHot(let rows, 10) = mnist.validation.labels.values else { Issue.record("not one-hot"); return }
    #expect(Array(rows[0..<10]) == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
    let pixels = mnist.test.images
    #expect(pixels.min() == 0 && pixels.max() == 1)
    #expect(mnist.test.image(at: 0)?.count == 784)
    // Files were copied in and nothing temporary was left behind.
    #expect(listing(trainDir) == MNISTFile.all.map(\.name).sorted())
    for file in MNISTFile.all {
      let a = try Data(contentsOf: URL(fileURLWithPath: trainDir + file.name))
      let b = try Data(contentsOf: URL(fileURLWithPath: bundledDir + "/" + file.name))
      #expect(a == b)
    }
    // A second call reads the files already there, and reshape=False gives [N, 28, 28, 1].
    let again = try readDataSets(trainDir: trainDir, reshape: false, validationSize: 0, options: offlineOptions(bundled: [])) { _ in }
    #expect(again.train.numExamples == 60_000 && again.validation.numExamples == 0)
    #expect(again.train.imagesShape == [60_000, 28, 28, 1])
    #expect(Array(again.train.classIds.prefix(4)) == [5, 0, 4, 1])
  }

  @Test func validationSizeOutOfRange() throws {
    let dir = makeTempDir("val")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    writeFakeDataSet(in: dir)
    for bad in [-1, 13] {
      #expect { try readDataSets(trainDir: dir, validationSize: bad, options: offlineOptions(bundled: [])) { _ in } } throws: { e in
        (e as! MNISTDataError).description == "ValueError: Validation size should be between 0 and 12. Received: \(bad)."
      }
    }
    let ok = try readDataSets(trainDir: dir, validationSize: 12, options: offlineOptions(bundled: [])) { _ in }
    #expect(ok.train.numExamples == 0 && ok.validation.numExamples == 12 && ok.test.numExamples == 4)
  }

  @Test func otherDataSetInTheSameLayoutLoads() throws {
    // Same names as MNIST, other sizes (as Fashion-MNIST): no checksum applies.
    let dir = makeTempDir("fashion")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    writeFakeDataSet(in: dir, train: 20, test: 6)
    let sets = try readDataSets(trainDir: dir, validationSize: 5, options: offlineOptions(bundled: [])) { _ in }
    #expect(sets.train.numExamples == 15 && sets.validation.numExamples == 5 && sets.test.numExamples == 6)
    #expect(Array(sets.test.classIds.prefix(2)) == [3, 4])
  }

  @Test func imageAndLabelCountsMustAgree() throws {
    let dir = makeTempDir("count")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    writeFakeDataSet(in: dir, train: 12, trainLabelCount: 11)
    #expect { try readDataSets(trainDir: dir, validationSize: 2, options: offlineOptions(bundled: [])) { _ in } } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .countMismatch && e.message.contains("train-images-idx3-ubyte.gz")
        && e.message.contains("train-labels-idx1-ubyte.gz") && e.message.hasPrefix("images.shape: (12, 28, 28, 1) labels.shape: (11,)")
    }
  }

  @Test func pathsPrintedLikePython() {
    #expect(pythonPathJoin("MNIST_data/", "a.gz") == "MNIST_data/a.gz")
    #expect(pythonPathJoin("MNIST_data", "a.gz") == "MNIST_data/a.gz")
    #expect(pythonPathJoin("", "a.gz") == "a.gz")
  }
}

@Suite struct BundledLookupTests {
  @Test func searchOrderAndSourceTreeFallback() {
    let dirs = BundledMNIST.candidateDirectories(environment: ["MNIST_SHELL_DATA": "/env/dir"], executableDirectory: "/opt/bin")
    #expect(dirs == [
      "/env/dir", "/opt/bin/mnist-shell_MNISTData.resources/mnist", "/opt/share/mnist-shell/mnist",
      BundledMNIST.sourceTreeDirectory,
    ])
    #expect(BundledMNIST.locate().directory != nil)
    #expect(BundledMNIST.holdsFiles(BundledMNIST.sourceTreeDirectory))
  }

  @Test func missingBundleSaysWhereItLooked() throws {
    let dir = makeTempDir("nobundle")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let found = BundledMNIST.locate(candidates: ["/nonexistent/a", "/nonexistent/b"])
    #expect(found.directory == nil && found.searched == ["/nonexistent/a", "/nonexistent/b"])
    // No bundle and no mirrors: a clear error, no crash, no files.
    #expect { try ensureFiles(in: dir + "/MNIST_data", options: offlineOptions(bundled: ["/nonexistent/a"])) { _ in } } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .download && e.message.contains("looked in:\n  /nonexistent/a") && e.message.contains("MNIST_SHELL_DATA")
    }
    #expect(listing(dir + "/MNIST_data").isEmpty)
  }
}
