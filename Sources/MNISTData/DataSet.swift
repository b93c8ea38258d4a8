/// One split of MNIST (train, validation or test), with TensorFlow 1.3's `next_batch` epoch logic.
///
/// Pixels are stored once, in file order, as the bytes the file holds (train and validation share
/// one array); float32 values in [0, 1] are made from them for each batch, each image, and for the
/// whole `images` array only when it is asked for. Shuffling keeps a permutation of example indices
/// and gathers rows into each batch, so no copy of the data set is made per epoch.
/// It is a class because `next_batch` advances shared epoch state, as in TensorFlow.
public final class DataSet {
  /// Number of examples (`num_examples`).
  public let numExamples: Int
  /// Shape of one example: `[784]` (reshape=True) or `[28, 28, 1]` (reshape=False).
  public let exampleShape: [Int]
  /// Whether labels are one-hot rows.
  public let oneHot: Bool
  /// Number of classes for one-hot labels.
  public let numClasses: Int
  /// Completed passes through the data by `next_batch` (`epochs_completed`).
  public internal(set) var epochsCompleted = 0
  /// Position of the next batch within the current epoch (`_index_in_epoch`).
  public internal(set) var indexInEpoch = 0

  let pixels: PixelStore  // file order
  let baseIds: [UInt8]
  var order: [Int]?  // current order as indices into the file order; nil = file order
  let random: NumpyRandom
  var fileOrderImages: [Float]?  // `images` before any shuffle, made when first asked for
  var cachedImages: [Float]?  // `images` in the current shuffled order, made when first asked for
  var cachedLabels: MNISTLabels?
  var batchBuffers: [[Float]] = [[], [], []]  // next_batch uses them in turn, see makeBatch
  var nextBuffer = 0
  var rowScratch: [Int] = []
  /// How many batches had to copy their buffer because the caller still held it (for tests).
  package internal(set) var batchBufferCopies = 0
  /// Whether `next_batch` gathers the batch it expects next on the kernels' helper thread
  /// (see BatchPrefetch.swift); `$MNIST_SHELL_NO_PREFETCH=1` turns it off for new data sets.
  package var prefetchesBatches = DataSet.prefetchByDefault
  var prefetchTicket = 0  // the helper's job writing batchBuffers[prefetchSlot]; 0 = none
  var prefetchSlot = -1  // the buffer holding (or getting) prefetchedRows; -1 = none
  var prefetchedRows: [Int] = []
  /// How many batches came from a prefetch (for tests and debugging).
  package internal(set) var prefetchedBatches = 0

  /// Number of floats in one example (784 for MNIST).
  public var exampleSize: Int { exampleShape.reduce(1, *) }

  /// Creates a data set from pixels (row-major, `exampleShape` per example) and class ids.
  /// - Parameter random: the shuffling generator; data sets made together share one, as in TF.
  public convenience init(
    images: [Float], exampleShape: [Int], classIds: [UInt8], oneHot: Bool = false,
    numClasses: Int = 10, random: NumpyRandom = NumpyRandom()
  ) throws {
    let size = exampleShape.reduce(1, *)
    let n = size == 0 ? 0 : images.count / size
    guard n * size == images.count else { throw Self.countMismatch(n, exampleShape, classIds.count) }
    try self.init(
      pixels: PixelStore(storage: .floats(images), rowSize: size), count: n, exampleShape: exampleShape,
      classIds: classIds, oneHot: oneHot, numClasses: numClasses, random: random)
  }

  /// Creates a data set over `count` images of raw bytes (0-255) that start at `start` in `bytes`;
  /// its float32 values are `float32(v) * float32(1/255)`, as TensorFlow's.
  package convenience init(
    pixelBytes bytes: [UInt8], start: Int, count: Int, exampleShape: [Int], classIds: [UInt8],
    oneHot: Bool = false, numClasses: Int = 10, random: NumpyRandom = NumpyRandom()
  ) throws {
    let size = exampleShape.reduce(1, *)
    precondition(start >= 0 && count >= 0 && start + count * size <= bytes.count, "DataSet: pixel bytes out of range")
    try self.init(
      pixels: PixelStore(storage: .bytes(bytes, start: start), rowSize: size), count: count,
      exampleShape: exampleShape, classIds: classIds, oneHot: oneHot, numClasses: numClasses, random: random)
  }

  private init(
    pixels: PixelStore, count n: Int, exampleShape: [Int], classIds: [UInt8], oneHot: Bool,
    numClasses: Int, random: NumpyRandom
  ) throws {
    guard n == classIds.count else { throw Self.countMismatch(n, exampleShape, classIds.count) }
    if oneHot, let bad = classIds.firstIndex(where: { Int($0) >= numClasses }) {
      throw MNISTDataError(
        .invalidArgument, "ValueError",
        "label \(classIds[bad]) at index \(bad) is out of range for one_hot with \(numClasses) classes")
    }
    self.numExamples = n
    self.exampleShape = exampleShape
    self.oneHot = oneHot
    self.numClasses = numClasses
    self.pixels = pixels
    self.baseIds = classIds
    self.random = random
  }

  deinit {
    // The helper thread may still be writing into one of our buffers.
    settlePrefetch()
  }

  private static func countMismatch(_ n: Int, _ exampleShape: [Int], _ labels: Int) -> MNISTDataError {
    MNISTDataError(
      .countMismatch, "AssertionError",
      "images.shape: (\(([n] + exampleShape).map(String.init).joined(separator: ", "))) labels.shape: (\(labels),)")
  }

  /// All images in the current order, `[numExamples] + exampleShape`.
  ///
  /// Like TensorFlow, once `next_batch` has shuffled, this is the shuffled order. The float array
  /// is made the first time it is asked for and kept until the next shuffle.
  public var images: [Float] {
    settlePrefetch()
    if let order {
      if let cachedImages { return cachedImages }
      let gathered = pixels.floats(order)
      cachedImages = gathered
      return gathered
    }
    if let fileOrderImages { return fileOrderImages }
    let all = pixels.allFloats(rows: numExamples)
    fileOrderImages = all
    return all
  }

  /// The shape of ``images``.
  public var imagesShape: [Int] { [numExamples] + exampleShape }

  /// All labels in the current order, class ids or one-hot as the data set was made.
  public var labels: MNISTLabels {
    if let cachedLabels { return cachedLabels }
    let ids = classIds
    let made = MNISTLabels(oneHot ? .oneHot((try? LabelEncoding.oneHot(ids, classes: numClasses)) ?? [], classes: numClasses) : .classIds(ids))
    cachedLabels = made
    return made
  }

  /// The class id of every example in the current order, whether or not labels are one-hot.
  public var classIds: [UInt8] {
    guard let order else { return baseIds }
    return order.map { baseIds[$0] }
  }

  /// The image of example `i` in the current order (`exampleSize` floats), or `nil` if out of range.
  public func image(at i: Int) -> [Float]? {
    guard i >= 0, i < numExamples else { return nil }
    return pixels.floats(CollectionOfOne(order?[i] ?? i))
  }

  /// The class id of example `i` in the current order, or `nil` if out of range.
  public func classId(at i: Int) -> UInt8? {
    guard i >= 0, i < numExamples else { return nil }
    return baseIds[order?[i] ?? i]
  }
}

/// A batch from ``DataSet/nextBatch(_:shuffle:)``.
public struct Batch: Sendable {
  /// Pixels, row-major `[count] + exampleShape`.
  public var images: [Float]
  /// Shape of ``images``.
  public var imagesShape: [Int]
  /// Labels of the batch.
  public var labels: MNISTLabels
  /// Number of examples.
  public var count: Int { labels.count }
}
