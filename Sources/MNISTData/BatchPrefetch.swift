import CKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gathering the batch `next_batch` expects to be asked for next, on the kernels' helper thread,
/// while the caller trains on the batch it was just given (as `tf.data`'s prefetch does).
///
/// After a batch of `n` examples, the next call of the same size that stays within the epoch
/// takes the next `n` rows of the current order: those rows are gathered by the helper thread
/// into the buffer the next call will use (one the caller no longer holds, made unique first).
/// The next call waits for that job before anything else, works out its rows exactly as without
/// prefetching (same reshuffles, same random numbers), and returns the prefetched buffer only if
/// it holds exactly those rows; otherwise it gathers them itself. So the batches are the same
/// floats either way. The helper gathers in pieces between the matrix products it shares with the
/// training step; the pieces it has not reached when the next call comes are gathered by that
/// call. While another data set's prefetch is pending, nothing is prefetched.
extension DataSet {
  /// The environment variable that turns prefetching off when set to `1` (for comparisons and
  /// debugging).
  package static let noPrefetchVariable = "MNIST_SHELL_NO_PREFETCH"

  /// Whether new data sets prefetch batches: unless `$MNIST_SHELL_NO_PREFETCH` is `1`.
  package static let prefetchByDefault: Bool = {
    guard let value = getenv(noPrefetchVariable) else { return true }
    return String(cString: value) != "1"
  }()

  /// Waits for the helper's job, if one is running. Called before anything reads or writes the
  /// batch buffers, and by `deinit` (the helper writes into our memory).
  func settlePrefetch() {
    guard prefetchTicket != 0 else { return }
    ck_async_wait(prefetchTicket)
    prefetchTicket = 0
  }

  /// Whether `batchBuffers[slot]` already holds these rows (`total` floats), prefetched. Forgets
  /// the prefetch either way: the slot is about to be returned or rewritten.
  func takePrefetch(rows: [Int], slot: Int, total: Int) -> Bool {
    precondition(prefetchTicket == 0, "DataSet: prefetch still running")
    defer { prefetchSlot = -1 }
    guard prefetchSlot == slot, batchBuffers[slot].count == total, prefetchedRows == rows else { return false }
    prefetchedBatches += 1
    return true
  }

  /// Starts gathering the rows of the next call, if it asks for `batchSize` again: into
  /// `batchBuffers[nextBuffer]`, on the helper thread.
  ///
  /// Not predicted (the next call gathers itself): the first call of a run, which may reshuffle
  /// first, and a batch that would cross the end of the epoch, which reshuffles midway.
  func startPrefetch(batchSize: Int) {
    guard prefetchesBatches, batchSize > 0, prefetchTicket == 0 else { return }
    guard case .bytes(let bytes, let start) = pixels.storage, pixels.rowSize > 0 else { return }
    let from = indexInEpoch
    guard epochsCompleted > 0 || from > 0, from + batchSize <= numExamples else { return }
    prefetchedRows.removeAll(keepingCapacity: true)
    // The rows after those (within this epoch), whose memory the job asks for as it goes.
    let aheadEnd = Swift.min(from + 2 * batchSize, numExamples)
    if let order {
      prefetchedRows.append(contentsOf: order[from..<aheadEnd])
    } else {
      prefetchedRows.append(contentsOf: from..<aheadEnd)
    }
    let slot = nextBuffer, rowSize = pixels.rowSize
    let total = batchSize * rowSize
    if batchBuffers[slot].count != total { batchBuffers[slot] = [Float](repeating: 0, count: total) }
    // The helper writes through this pointer after the closure returns: the array is unique
    // (made so here, copying it if the caller still holds it) and is not touched again until
    // settlePrefetch, so its storage stays put.
    let before = batchBuffers[slot].withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    let dst = batchBuffers[slot].withUnsafeMutableBufferPointer { $0.baseAddress! }
    if UnsafeRawPointer(dst) != before { batchBufferCopies += 1 }
    // `bytes` is the store's own array, kept alive (and never mutated) by `pixels`.
    let ticket = bytes.withUnsafeBufferPointer { b in
      prefetchedRows.withUnsafeBufferPointer { r in
        ck_async_gather(
          b.baseAddress! + start, rowSize, r.baseAddress, batchSize, r.baseAddress! + batchSize, r.count - batchSize,
          IDX.scaleFactor, dst)
      }
    }
    prefetchedRows.removeLast(prefetchedRows.count - batchSize)
    if ticket > 0 {
      prefetchTicket = ticket
      prefetchSlot = slot
    }
  }
}
