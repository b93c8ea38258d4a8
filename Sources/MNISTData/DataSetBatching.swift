/// `next_batch` and the gathering of rows by index.
extension DataSet {
  /// The next `batchSize` examples, with TensorFlow ≥ 1.1 semantics.
  ///
  /// The first epoch is shuffled too (when `shuffle`); when a batch crosses the end of an epoch it
  /// is the rest of the old epoch followed by the start of the newly shuffled one, and
  /// `epochsCompleted` goes up by one. A `batchSize` above `numExamples` is a `ValueError` (TF
  /// returned a short batch; here it is refused before any memory is allocated).
  public func nextBatch(_ batchSize: Int, shuffle: Bool = true) throws -> Batch {
    settlePrefetch()
    guard batchSize >= 0 else {
      throw MNISTDataError(.invalidArgument, "ValueError", "batch_size must be non-negative, got \(batchSize)")
    }
    guard batchSize <= numExamples else {
      throw MNISTDataError(
        .invalidArgument, "ValueError",
        "batch_size (\(batchSize)) is larger than the number of examples in this data set (\(numExamples))")
    }
    let start = indexInEpoch
    if epochsCompleted == 0 && start == 0 && shuffle { reshuffle() }
    rowScratch.removeAll(keepingCapacity: true)
    if start + batchSize > numExamples {
      epochsCompleted += 1
      let rest = numExamples - start
      appendRows(start..<numExamples)
      if shuffle { reshuffle() }
      indexInEpoch = batchSize - rest
      appendRows(0..<indexInEpoch)
    } else {
      indexInEpoch += batchSize
      appendRows(start..<indexInEpoch)
    }
    return makeBatch()
  }

  /// Shuffles the current order with a fresh NumPy-style permutation: `images = images[perm]`.
  func reshuffle() {
    settlePrefetch()
    let perm = random.permutation(numExamples)
    if let old = order {
      order = old.withUnsafeBufferPointer { o in perm.map { o[$0] } }
    } else {
      order = perm
    }
    fileOrderImages = nil
    cachedImages = nil
    cachedLabels = nil
  }

  private func appendRows(_ range: Range<Int>) {
    if let order { rowScratch.append(contentsOf: order[range]) } else { rowScratch.append(contentsOf: range) }
  }

  /// Gathers the rows in `rowScratch` into a batch.
  ///
  /// The pixels go into one of three buffers, used in turn: a caller that keeps only the latest
  /// batch (`batch_xs, batch_ys = ...` in a loop) has let go of the one used three calls ago by
  /// then, so it is rewritten in place with no allocation or page faults (the buffer of the call
  /// before is still held while this call runs). A caller that still holds it keeps its values:
  /// Swift's copy-on-write gives this batch a fresh buffer instead (counted in
  /// ``batchBufferCopies``). The buffer may already hold these rows, gathered by a prefetch
  /// (BatchPrefetch.swift); after the batch is made, the next one is prefetched.
  private func makeBatch() -> Batch {
    let rows = rowScratch
    let total = rows.count * exampleSize
    let slot = nextBuffer
    nextBuffer = (slot + 1) % batchBuffers.count
    if !takePrefetch(rows: rows, slot: slot, total: total) {
      if batchBuffers[slot].count != total {
        batchBuffers[slot] = [Float](repeating: 0, count: total)
      }
      if total > 0 {
        let before = batchBuffers[slot].withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        batchBuffers[slot].withUnsafeMutableBufferPointer { dst in
          if UnsafeRawPointer(dst.baseAddress) != before { batchBufferCopies += 1 }
          pixels.gather(rows, to: dst.baseAddress!)
        }
      }
    }
    let labels: MNISTLabels
    if oneHot {
      let classes = numClasses
      let hot = [Float](unsafeUninitializedCapacity: rows.count * classes) { out, count in
        out.initialize(repeating: 0)
        baseIds.withUnsafeBufferPointer { ids in
          for (k, row) in rows.enumerated() { out[k * classes + Int(ids[row])] = 1 }
        }
        count = rows.count * classes
      }
      labels = MNISTLabels(.oneHot(hot, classes: classes))
    } else {
      labels = MNISTLabels(.classIds(rows.map { baseIds[$0] }))
    }
    let batch = Batch(images: batchBuffers[slot], imagesShape: [rows.count] + exampleShape, labels: labels)
    startPrefetch(batchSize: rows.count)
    return batch
  }
}
