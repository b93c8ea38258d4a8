import MNISTData
import Testing

/// A data set of `n` examples whose pixels all equal the example's number, labels `i % 10`.
func numberedDataSet(_ n: Int, size: Int = 3, oneHot: Bool = false, seed: Int64? = 0) throws -> DataSet {
  let images = (0..<n).flatMap { i in [Float](repeating: Float(i), count: size) }
  return try DataSet(
    images: images, exampleShape: [size], classIds: (0..<n).map { UInt8($0 % 10) }, oneHot: oneHot,
    random: NumpyRandom.tensorFlowDataSet(seed: seed))
}

func exampleNumbers(_ batch: Batch, size: Int = 3) -> [Int] {
  stride(from: 0, to: batch.images.count, by: size).map { Int(batch.images[$0]) }
}

@Suite struct DataSetTests {
  @Test func numpyShuffleIsReproducedExactly() {
    let r = NumpyRandom(seed: 0)
    #expect(r.nextUInt32() == 2_357_136_044)  // numpy.random.seed(0); randint(2**32)
    #expect(NumpyRandom(seed: 0).permutation(10) == [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
    #expect(Array(NumpyRandom(seed: 42).permutation(55_000).prefix(4)) == [34191, 23679, 44684, 11335])
  }

  @Test func batchesMatchTensorFlowWithTheSameSeed() throws {
    // Reference: TF 1.3's DataSet.next_batch(4) run with NumPy 2.4, numpy.random.seed(0), 10 examples.
    let expected: [([Int], Int)] = [
      ([2, 8, 4, 9], 0), ([1, 6, 7, 3], 0), ([0, 5, 9, 6], 1), ([8, 4, 5, 0], 1), ([2, 7, 3, 1], 1), ([8, 4, 3, 5], 2),
    ]
    let ds = try numberedDataSet(10)
    for (numbers, epochs) in expected {
      let batch = try ds.nextBatch(4)
      #expect(exampleNumbers(batch) == numbers)
      #expect(batch.labels.classIds == numbers.map { UInt8($0) })
      #expect(ds.epochsCompleted == epochs)
    }
    // `images` follows the shuffled order, as TensorFlow's did.
    #expect(ds.classIds == [8, 4, 3, 5, 0, 6, 9, 2, 1, 7])
    #expect(ds.image(at: 0) == [8, 8, 8])
    #expect(Array(ds.images.prefix(6)) == [8, 8, 8, 4, 4, 4])
  }

  @Test func seedModuloLikeTensorFlow() throws {
    let ds = try numberedDataSet(55_000, size: 1, seed: 12345)
    #expect(exampleNumbers(try ds.nextBatch(3), size: 1) == [41084, 1619, 42006])
    #expect(exampleNumbers(try ds.nextBatch(3), size: 1) == [13162, 34650, 10383])
  }

  @Test func everyExampleOncePerEpoch() throws {
    for batchSize in [1, 7, 25, 100] {
      let ds = try numberedDataSet(100, seed: nil)
      var stream: [Int] = []
      while stream.count < 300 { stream += exampleNumbers(try ds.nextBatch(batchSize)) }
      for epoch in 0..<3 {
        let part = stream[(epoch * 100)..<((epoch + 1) * 100)]
        #expect(part.sorted() == Array(0..<100), "batch size \(batchSize), epoch \(epoch)")
      }
      #expect(ds.epochsCompleted >= 2)
    }
  }

  @Test func epochBoundaryJoinsRestAndNewStart() throws {
    let ds = try numberedDataSet(10)
    #expect(exampleNumbers(try ds.nextBatch(4, shuffle: false)) == [0, 1, 2, 3])
    #expect(exampleNumbers(try ds.nextBatch(4, shuffle: false)) == [4, 5, 6, 7])
    #expect(ds.epochsCompleted == 0)
    #expect(exampleNumbers(try ds.nextBatch(4, shuffle: false)) == [8, 9, 0, 1])
    #expect(ds.epochsCompleted == 1 && ds.indexInEpoch == 2)
    // A whole-data-set batch, then another, across the boundary.
    #expect(exampleNumbers(try ds.nextBatch(10, shuffle: false)) == [2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
  }

  @Test func sameSeedSameBatchesAndNoSeedDiffers() throws {
    let a = try numberedDataSet(1000, seed: 7), b = try numberedDataSet(1000, seed: 7)
    for _ in 0..<30 { #expect(exampleNumbers(try a.nextBatch(77)) == exampleNumbers(try b.nextBatch(77))) }
    let c = try numberedDataSet(1000, seed: 8)
    #expect(exampleNumbers(try c.nextBatch(50)) != exampleNumbers(try numberedDataSet(1000, seed: 7).nextBatch(50)))
  }

  @Test func oversizedAndNegativeBatchesAreRefused() throws {
    let ds = try numberedDataSet(10)
    #expect { try ds.nextBatch(1_000_000_000) } throws: { e in
      (e as! MNISTDataError).description
        == "ValueError: batch_size (1000000000) is larger than the number of examples in this data set (10)"
    }
    #expect(throws: MNISTDataError.self) { try ds.nextBatch(-1) }
    #expect(ds.indexInEpoch == 0 && ds.epochsCompleted == 0)
    #expect(try ds.nextBatch(0).count == 0)
  }

  @Test func heldBatchesAreNotOverwritten() throws {
    let ds = try numberedDataSet(10)
    let first = try ds.nextBatch(2, shuffle: false)
    let second = try ds.nextBatch(2, shuffle: false)
    #expect(exampleNumbers(first) == [0, 1] && exampleNumbers(second) == [2, 3])
    #expect(second.imagesShape == [2, 3])
  }

  @Test func oneHotLabels() throws {
    let ds = try numberedDataSet(12, oneHot: true)
    #expect(ds.labels.shape == [12, 10])
    guard case .oneHot(let rows, 10) = ds.labels.values else { Issue.record("not one-hot"); return }
    #expect(Array(rows[0..<10]) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    #expect(Array(rows[30..<40]) == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    #expect(rows.reduce(0, +) == 12)
    #expect(ds.classIds == (0..<12).map { UInt8($0 % 10) })
    let batch = try ds.nextBatch(5, shuffle: false)
    #expect(batch.labels.shape == [5, 10] && batch.labels.classIds == [0, 1, 2, 3, 4])
    #expect(try LabelEncoding.oneHot([2], classes: 3) == [0, 0, 1])
    #expect(throws: MNISTDataError.self) { try LabelEncoding.oneHot([10]) }
  }

  @Test func mismatchedCountsAreRefused() {
    #expect { try DataSet(images: [Float](repeating: 0, count: 6), exampleShape: [3], classIds: [1]) } throws: { e in
      (e as! MNISTDataError).description == "AssertionError: images.shape: (2, 3) labels.shape: (1,)"
    }
  }
}
