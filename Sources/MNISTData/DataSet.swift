/// One split of MNIST (train, validation or test), with TensorFlow 1.3's `next_batch` epoch logic.
///
/// Images are float32 in [0, 1], stored once in file order; shuffling keeps a permutation of
/// example indices and gathers rows into each batch, so no 172 MB copy is made per epoch.
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

  let baseImages: [Float]  // file order
  let baseIds: [UInt8]
  var order: [Int]?  // current order as indices into the file order; nil = file order
  let random: NumpyRandom
  var cachedImages: [Float]?
  var cachedLabels: MNISTLabels?
  var imageBuffer: [Float] = []  // reused by next_batch once the caller has let go of it

  /// Number of floats in one example (784 for MNIST).
  public var exampleSize: Int { exampleShape.reduce(1, *) }

  /// Creates a data set from pixels (row-major, `exampleShape` per example) and class ids.
  /// - Parameter random: the shuffling generator; data sets made together share one, as in TF.
  public init(
    images: [Float], exampleShape: [Int], classIds: [UInt8], oneHot: Bool = false,
    numClasses: Int = 10, random: NumpyRandom = NumpyRandom()
  ) throws {
    let size = exampleShape.reduce(1, *)
    let n = size == 0 ? 0 : images.count / size
    guard n * size == images.count, n == classIds.count else {
      throw MNISTDataError(
        .countMismatch, "AssertionError",
        "images.shape: (\(([n] + exampleShape).map(String.init).joined(separator: ", "))) labels.shape: (\(classIds.count),)")
    }
    if oneHot, let bad = classIds.firstIndex(where: { Int($0) >= numClasses }) {
      throw MNISTDataError(
        .invalidArgument, "ValueError",
        "label \(classIds[bad]) at index \(bad) is out of range for one_hot with \(numClasses) classes")
    }
    self.numExamples = n
    self.exampleShape = exampleShape
    self.oneHot = oneHot
    self.numClasses = numClasses
    self.baseImages = images
    self.baseIds = classIds
    self.random = random
  }

  /// All images in the current order, `[numExamples] + exampleShape`.
  ///
  /// Like TensorFlow, once `next_batch` has shuffled, this is the shuffled order. Before that it is
  /// the stored array itself (no copy); after a shuffle the gathered copy is made once per epoch,
  /// only if asked for.
  public var images: [Float] {
    guard let order else { return baseImages }
    if let cachedImages { return cachedImages }
    let gathered = gatherImages(order[...])
    cachedImages = gathered
    return gathered
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
    let row = order?[i] ?? i
    return Array(baseImages[(row * exampleSize)..<((row + 1) * exampleSize)])
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
