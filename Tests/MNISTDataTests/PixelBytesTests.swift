import Foundation
import MNISTData
import Testing

/// Data sets kept as bytes give the same floats, batches and shuffles as ones built from floats.
@Suite struct PixelBytesTests {
  /// `n` images of `size` bytes: byte `j` of image `i` is `(i * 7 + j * 3) % 256`, after a 5-byte prefix.
  static func bytes(_ n: Int, size: Int) -> [UInt8] {
    [9, 9, 9, 9, 9] + (0..<(n * size)).map { k in UInt8(truncatingIfNeeded: (k / size) * 7 + (k % size) * 3) }
  }

  static func pair(_ n: Int, size: Int, oneHot: Bool = false, seed: Int64 = 3) throws -> (DataSet, DataSet) {
    let raw = bytes(n, size: size)
    let ids = (0..<n).map { UInt8($0 % 10) }
    let floats = raw.dropFirst(5).map { IDX.pixelScale[Int($0)] }
    let a = try DataSet(
      pixelBytes: raw, start: 5, count: n, exampleShape: [size], classIds: ids, oneHot: oneHot,
      random: NumpyRandom.tensorFlowDataSet(seed: seed))
    let b = try DataSet(
      images: floats, exampleShape: [size], classIds: ids, oneHot: oneHot,
      random: NumpyRandom.tensorFlowDataSet(seed: seed))
    return (a, b)
  }

  @Test func scaleIsBitIdenticalToTheTable() {
    let raw = idxImages(count: 1, rows: 16, cols: 16) { UInt8($0) }
    let viaIDX = try! raw.withUnsafeBytes { try IDX.images($0, name: "all.gz") }.pixels
    let viaDataSet = try! DataSet(pixelBytes: raw, start: 16, count: 1, exampleShape: [256], classIds: [0]).images
    #expect(viaIDX.map(\.bitPattern) == IDX.pixelScale.map(\.bitPattern))
    #expect(viaDataSet.map(\.bitPattern) == IDX.pixelScale.map(\.bitPattern))
    // NumPy: (np.arange(256, dtype=np.uint8).astype(np.float32) * (1.0 / 255.0))[[1, 51, 255]]
    #expect(viaDataSet[1] == Float(0.003921568859368563) && viaDataSet[51] == Float(0.20000001788139343))
    #expect(viaDataSet[255] == 1 && viaDataSet[0] == 0)
  }

  @Test func sameBatchesImagesAndLabelsAsFloats() throws {
    let (a, b) = try Self.pair(250, size: 17, oneHot: true)
    #expect(a.images == b.images)  // file order, before any shuffle
    for size in [100, 100, 7, 100, 60, 100] {  // crosses epoch boundaries
      let x = try a.nextBatch(size), y = try b.nextBatch(size)
      #expect(x.images == y.images && x.labels == y.labels && x.imagesShape == y.imagesShape)
    }
    #expect(a.epochsCompleted == b.epochsCompleted && a.epochsCompleted >= 1)
    #expect(a.images == b.images)  // shuffled order
    #expect(a.image(at: 13) == b.image(at: 13) && a.image(at: 249) == b.image(at: 249))
    #expect(a.image(at: 250) == nil)
    #expect(a.labels == b.labels && a.classIds == b.classIds)
  }

  @Test func unshuffledBatchesAndEmptyBatch() throws {
    let (a, b) = try Self.pair(10, size: 4, seed: 0)
    for _ in 0..<4 {
      #expect(try a.nextBatch(3, shuffle: false).images == (try b.nextBatch(3, shuffle: false)).images)
    }
    #expect(try a.nextBatch(0).images.isEmpty)
  }

  @Test func batchesTheCallerKeepsAreNeverOverwritten() throws {
    let (a, b) = try Self.pair(300, size: 784)
    var kept: [Batch] = []
    var expected: [[Float]] = []
    for _ in 0..<6 {
      kept.append(try a.nextBatch(100))
      expected.append(try b.nextBatch(100).images)
    }
    #expect(kept.map(\.images) == expected)
    // Three buffers are used in turn: from the fourth batch on, each one the caller still holds is copied.
    #expect(a.batchBufferCopies >= 3)
  }

  @Test func aLoopThatKeepsOnlyTheLatestBatchReusesItsBuffers() throws {
    let (a, b) = try Self.pair(300, size: 784)
    var latest = try a.nextBatch(100)
    _ = try b.nextBatch(100)
    for _ in 0..<20 {
      latest = try a.nextBatch(100)
      #expect(latest.images == (try b.nextBatch(100)).images)
    }
    #expect(a.batchBufferCopies == 0)
    #expect(latest.count == 100)
  }
}
