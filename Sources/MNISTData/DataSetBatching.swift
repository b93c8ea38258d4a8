/// `next_batch` and the gathering of rows by index.
extension DataSet {
  /// The next `batchSize` examples, with TensorFlow ≥ 1.1 semantics.
  ///
  /// The first epoch is shuffled too (when `shuffle`); when a batch crosses the end of an epoch it
  /// is the rest of the old epoch followed by the start of the newly shuffled one, and
  /// `epochsCompleted` goes up by one. A `batchSize` above `numExamples` is a `ValueError` (TF
  /// returned a short batch; here it is refused before any memory is allocated).
  public func nextBatch(_ batchSize: Int, shuffle: Bool = true) throws -> Batch {
    guard batchSize >= 0 else {
      throw MNISTDataError(.invalidArgument, "ValueError", "batch_size must be non-negative, got \(batchSize)")
    }
    guard batchSize <= numExamples else {
      throw MNISTDataError(
        .invalidArgument, "ValueError",
        "batch_size (\(batchSize)) is larger than the number of examples in this data set (\(numExamples))")
    }
    var start = indexInEpoch
    if epochsCompleted == 0 && start == 0 && shuffle { reshuffle() }
    var rows: [Int]
    if start + batchSize > numExamples {
      epochsCompleted += 1
      let rest = numExamples - start
      rows = currentRows(start..<numExamples)
      if shuffle { reshuffle() }
      start = 0
      indexInEpoch = batchSize - rest
      rows += currentRows(0..<indexInEpoch)
    } else {
      indexInEpoch += batchSize
      rows = currentRows(start..<indexInEpoch)
    }
    return makeBatch(rows)
  }

  /// Shuffles the current order with a fresh NumPy-style permutation: `images = images[perm]`.
  func reshuffle() {
    let perm = random.permutation(numExamples)
    if let old = order {
      order = perm.map { old[$0] }
    } else {
      order = perm
    }
    cachedImages = nil
    cachedLabels = nil
  }

  private func currentRows(_ range: Range<Int>) -> [Int] {
    if let order { return Array(order[range]) }
    return Array(range)
  }

  private func makeBatch(_ rows: [Int]) -> Batch {
    let size = exampleSize
    let total = rows.count * size
    if imageBuffer.count != total {
      imageBuffer = [Float](repeating: 0, count: total)
    }
    // If the caller still holds the previous batch, this write copies first (copy-on-write);
    // otherwise the buffer is reused in place.
    imageBuffer.withUnsafeMutableBufferPointer { dst in
      baseImages.withUnsafeBufferPointer { src in
        for (k, row) in rows.enumerated() {
          UnsafeMutableRawPointer(dst.baseAddress! + k * size).copyMemory(
            from: src.baseAddress! + row * size, byteCount: size * MemoryLayout<Float>.stride)
        }
      }
    }
    let ids = rows.map { baseIds[$0] }
    let labels: MNISTLabels
    if oneHot {
      var hot = [Float](repeating: 0, count: ids.count * numClasses)
      for (k, id) in ids.enumerated() { hot[k * numClasses + Int(id)] = 1 }
      labels = MNISTLabels(.oneHot(hot, classes: numClasses))
    } else {
      labels = MNISTLabels(.classIds(ids))
    }
    return Batch(images: imageBuffer, imagesShape: [rows.count] + exampleShape, labels: labels)
  }

  func gatherImages(_ rows: ArraySlice<Int>) -> [Float] {
    let size = exampleSize
    return [Float](unsafeUninitializedCapacity: rows.count * size) { dst, count in
      baseImages.withUnsafeBufferPointer { src in
        for (k, row) in rows.enumerated() {
          UnsafeMutableRawPointer(dst.baseAddress! + k * size).copyMemory(
            from: src.baseAddress! + row * size, byteCount: size * MemoryLayout<Float>.stride)
        }
      }
      count = rows.count * size
    }
  }
}
