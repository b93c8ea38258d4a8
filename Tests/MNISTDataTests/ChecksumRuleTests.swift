import Foundation
import MNISTData
import Testing

@Suite struct ChecksumRuleTests {
  @Test func identifiesOnlyByNameAndSize() {
    #expect(MNISTFile.identify(name: "train-images-idx3-ubyte.gz", gzipSize: 9_912_422) == .trainImages)
    #expect(MNISTFile.identify(name: "t10k-labels-idx1-ubyte.gz", gzipSize: 4_517) == .testLabels)
    // Fashion-MNIST uses the same names with other sizes: not verified, so it loads.
    #expect(MNISTFile.identify(name: "train-images-idx3-ubyte.gz", gzipSize: 26_421_880) == nil)
    #expect(MNISTFile.identify(name: "other.gz", gzipSize: 4_517) == nil)
  }

  @Test func mnistNamedFileWithWrongContentsFailsTheChecksum() throws {
    let dir = makeTempDir("sum")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Valid gzip of the wrong labels, padded to the size of MNIST's own t10k-labels file:
    // name and size say "MNIST", so the checksum is checked and must fail.
    var bytes = gzip(idxLabels((0..<10_000).map { UInt8($0 % 10) }))
    #expect(bytes.count < 4_517)
    bytes += [UInt8](repeating: 0, count: 4_517 - bytes.count)
    let path = dir + "/t10k-labels-idx1-ubyte.gz"
    write(bytes, to: path)
    #expect { try MNISTFileReader.readLabels(path) } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .checksumMismatch && e.message.contains(path) && e.message.contains("gzip bytes")
    }
    // At the size of the original download (4,542 bytes) the inflated contents are hashed instead.
    bytes += [UInt8](repeating: 0, count: 4_542 - bytes.count)
    write(bytes, to: path)
    #expect { try MNISTFileReader.readLabels(path) } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .checksumMismatch && e.message.contains(MNISTFile.testLabels.sha256)
    }
    // The real file passes.
    #expect(try MNISTFileReader.readLabels(bundledDir + "/t10k-labels-idx1-ubyte.gz").count == 10_000)
  }

  @Test func bundledFilesPassBothTheGzipAndTheContentChecksums() throws {
    for file in MNISTFile.all {
      let path = bundledDir + "/" + file.name
      try MNISTFileReader.validate(path)
      // Without the gzip digests, the inflated contents are hashed against SHA256SUMS.raw's values.
      let contentOnly = MNISTFile(name: file.name, sha256: file.sha256, knownGzipSizes: file.knownGzipSizes)
      try MNISTFileReader.validate(path, files: [contentOnly])
      let wrong = MNISTFile(name: file.name, sha256: String(repeating: "0", count: 64), knownGzipSizes: file.knownGzipSizes)
      #expect(throws: MNISTDataError.self) { try MNISTFileReader.validate(path, files: [wrong]) }
    }
  }
}
