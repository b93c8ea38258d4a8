import CKernels
import Foundation
import MNISTData
import Testing

/// `next_batch` with prefetching on the helper thread gives exactly the batches it gives without.
@Suite struct PrefetchTests {
  /// Two byte data sets with the same pixels and seed; the second never prefetches.
  static func pair(_ n: Int, size: Int, oneHot: Bool = true, seed: Int64 = 5) throws -> (DataSet, DataSet) {
    let (a, b) = try (dataSet(n, size: size, oneHot: oneHot, seed: seed), dataSet(n, size: size, oneHot: oneHot, seed: seed))
    a.prefetchesBatches = true
    b.prefetchesBatches = false
    return (a, b)
  }

  static func dataSet(_ n: Int, size: Int, oneHot: Bool, seed: Int64) throws -> DataSet {
    try DataSet(
      pixelBytes: PixelBytesTests.bytes(n, size: size), start: 5, count: n, exampleShape: [size],
      classIds: (0..<n).map { UInt8($0 % 10) }, oneHot: oneHot, random: NumpyRandom.tensorFlowDataSet(seed: seed))
  }

  static func same(_ x: Batch, _ y: Batch) -> Bool {
    x.images.map(\.bitPattern) == y.images.map(\.bitPattern) && x.labels == y.labels && x.imagesShape == y.imagesShape
  }

  @Test func longMixedSequenceMatchesNoPrefetch() throws {
    let (a, b) = try Self.pair(1000, size: 784)
    var keptA: [Batch] = [], keptB: [Batch] = []
    var mismatches = 0
    for step in 0..<400 {
      // Mostly 100, with other sizes, unshuffled stretches and epoch crossings mixed in.
      let size = [100, 100, 100, 37, 100, 100, 250, 100, 1, 100, 0, 100, 999][step % 13]
      let shuffle = !(150..<190).contains(step)
      let x = try a.nextBatch(size, shuffle: shuffle), y = try b.nextBatch(size, shuffle: shuffle)
      if !Self.same(x, y) { mismatches += 1 }
      #expect(a.epochsCompleted == b.epochsCompleted && a.indexInEpoch == b.indexInEpoch)
      if step % 7 == 3 {
        keptA.append(x)
        keptB.append(y)
      }
      if step % 17 == 5 { #expect(a.images == b.images) }
      if step % 29 == 11 { #expect(a.image(at: 3) == b.image(at: 3) && a.labels == b.labels) }
    }
    #expect(mismatches == 0)
    #expect(a.epochsCompleted >= 20)
    #expect(zip(keptA, keptB).allSatisfy { Self.same($0, $1) })
    // The random generator moved in step: the next shuffles agree too.
    for _ in 0..<30 { #expect(Self.same(try a.nextBatch(333), try b.nextBatch(333))) }
    #expect(a.images == b.images)
    #expect(b.prefetchedBatches == 0)
  }

  @Test func aTrainingLoopUsesPrefetchedBatches() throws {
    let (a, b) = try Self.pair(2000, size: 784)
    var latest = try a.nextBatch(100)
    _ = try b.nextBatch(100)
    // The helper may be busy with other tests' products for a while: keep going until it was free.
    for step in 0..<5000 where step < 100 || a.prefetchedBatches < 20 {
      latest = try a.nextBatch(100)
      let reference = try b.nextBatch(100)
      #expect(Self.same(latest, reference))
      usleep(50)  // the training step
    }
    #expect(a.prefetchedBatches >= 20)
    #expect(a.batchBufferCopies == 0)
    #expect(latest.count == 100)
  }

  @Test func heldBatchesKeepTheirValues() throws {
    let (a, b) = try Self.pair(500, size: 784)
    var kept: [Batch] = []
    var copies: [[UInt32]] = []  // the values when returned, in memory of their own
    for step in 0..<40 {
      let size = step % 5 == 4 ? 60 : 100
      let x = try a.nextBatch(size)
      kept.append(x)
      copies.append(x.images.map(\.bitPattern))
      #expect(Self.same(x, try b.nextBatch(size)))
    }
    #expect(kept.map { $0.images.map(\.bitPattern) } == copies)
    #expect(a.batchBufferCopies > 0)
  }

  @Test func aDataSetDroppedWithAPrefetchRunningIsSafe() throws {
    for _ in 0..<50 {
      let (a, _) = try Self.pair(300, size: 784)
      _ = try a.nextBatch(100)
      _ = try a.nextBatch(100)  // leaves a prefetch of the third batch running, then deinit waits
    }
    let (a, b) = try Self.pair(300, size: 784)
    #expect(Self.same(try a.nextBatch(100), try b.nextBatch(100)))
  }

  @Test func floatDataSetsDoNotPrefetch() throws {
    let ds = try DataSet(images: (0..<400).map(Float.init), exampleShape: [4], classIds: [UInt8](repeating: 0, count: 100))
    ds.prefetchesBatches = true
    for _ in 0..<10 { _ = try ds.nextBatch(10) }
    #expect(ds.prefetchedBatches == 0)
  }

  @Test func switchReadsTheEnvironment() {
    #expect(DataSet.noPrefetchVariable == "MNIST_SHELL_NO_PREFETCH")
    let value = ProcessInfo.processInfo.environment[DataSet.noPrefetchVariable]
    #expect(DataSet.prefetchByDefault == (value != "1"))
  }
}
