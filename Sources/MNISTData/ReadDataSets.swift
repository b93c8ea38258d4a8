import Dispatch
import Foundation

/// The three splits returned by ``readDataSets(trainDir:oneHot:reshape:validationSize:seed:options:log:)``.
public struct Datasets {
  public let train: DataSet
  public let validation: DataSet
  public let test: DataSet
}

/// TensorFlow 1.3's `input_data.read_data_sets`: makes sure `trainDir` holds the four files, reads
/// them, and splits off the first `validationSize` training examples as the validation set.
///
/// Missing files are copied from the bundled copy (see ``BundledMNIST``) or, if there is none,
/// downloaded from `options.mirrors`. Each file read prints TensorFlow's `Extracting <path>` line
/// through `log`; a download also prints `Successfully downloaded <name> <size> bytes.`.
/// - Parameters:
///   - oneHot: labels as one-hot float rows `[N, 10]` instead of class ids.
///   - reshape: images `[N, 784]` if true, else `[N, 28, 28, 1]`.
///   - seed: seeds shuffling as TensorFlow did (NumPy's generator, seed mod 2^31-1); `nil` = random.
public func readDataSets(
  trainDir: String, oneHot: Bool = false, reshape: Bool = true, validationSize: Int = 5000,
  seed: Int64? = nil, options: FetchOptions = FetchOptions(), log: (String) -> Void = { print($0) }
) throws -> Datasets {
  try ensureFiles(in: trainDir, options: options, log: log)
  let path = { (file: MNISTFile) in pythonPathJoin(trainDir, file.name) }
  let known = options.knownFiles

  // The three small files are read on another thread while this one inflates the training images;
  // the lines and the first error still come in TensorFlow's order.
  let others = SmallFiles(trainDir: trainDir, files: known)
  defer { others.wait() }
  try options.checkInterrupt?()
  log("Extracting \(path(.trainImages))")
  let trainImages = try MNISTFileReader.readImageBytes(path(.trainImages), files: known)
  try options.checkInterrupt?()
  others.wait()
  try options.checkInterrupt?()
  log("Extracting \(path(.trainLabels))")
  let trainLabels = try others.trainLabels.get()
  log("Extracting \(path(.testImages))")
  let testImages = try others.testImages.get()
  log("Extracting \(path(.testLabels))")
  let testLabels = try others.testLabels.get()

  try checkCounts(trainImages, trainLabels, path(.trainImages), path(.trainLabels))
  try checkCounts(testImages, testLabels, path(.testImages), path(.testLabels))

  guard validationSize >= 0, validationSize <= trainImages.count else {
    throw MNISTDataError(
      .invalidArgument, "ValueError",
      "Validation size should be between 0 and \(trainImages.count). Received: \(validationSize).")
  }
  let shape = reshape ? [trainImages.rows * trainImages.cols] : [trainImages.rows, trainImages.cols, 1]
  let testShape = reshape ? [testImages.rows * testImages.cols] : [testImages.rows, testImages.cols, 1]
  let random = NumpyRandom.tensorFlowDataSet(seed: seed)
  // Validation and train share the inflated bytes of the file; nothing is copied or converted here.
  let first = MNISTFileReader.ImageBytes.pixelOffset
  let validation = try DataSet(
    pixelBytes: trainImages.raw, start: first, count: validationSize, exampleShape: shape,
    classIds: Array(trainLabels[..<validationSize]), oneHot: oneHot, random: random)
  let train = try DataSet(
    pixelBytes: trainImages.raw, start: first + validationSize * trainImages.rows * trainImages.cols,
    count: trainImages.count - validationSize, exampleShape: shape,
    classIds: Array(trainLabels[validationSize...]), oneHot: oneHot, random: random)
  let test = try DataSet(
    pixelBytes: testImages.raw, start: first, count: testImages.count, exampleShape: testShape,
    classIds: testLabels, oneHot: oneHot, random: random)
  return Datasets(train: train, validation: validation, test: test)
}

private func checkCounts(_ images: MNISTFileReader.ImageBytes, _ labels: [UInt8], _ imagePath: String, _ labelPath: String) throws {
  guard images.count == labels.count else {
    throw MNISTDataError(
      .countMismatch, "AssertionError",
      "images.shape: (\(images.count), \(images.rows), \(images.cols), 1) labels.shape: (\(labels.count),): "
        + "\(imagePath) holds \(images.count) images but \(labelPath) holds \(labels.count) labels")
  }
}

/// The labels files and the test images, read one after another on another thread, stopping at
/// the first error.
private final class SmallFiles: @unchecked Sendable {
  private struct NotRead: Error {}
  private(set) var trainLabels: Result<[UInt8], any Error> = .failure(NotRead())
  private(set) var testImages: Result<MNISTFileReader.ImageBytes, any Error> = .failure(NotRead())
  private(set) var testLabels: Result<[UInt8], any Error> = .failure(NotRead())
  private let done = DispatchSemaphore(value: 0)
  private var waited = false

  init(trainDir: String, files: [MNISTFile]) {
    let path = { @Sendable (file: MNISTFile) in pythonPathJoin(trainDir, file.name) }
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      trainLabels = Result { try MNISTFileReader.readLabels(path(.trainLabels), files: files) }
      if case .success = trainLabels {
        testImages = Result { try MNISTFileReader.readImageBytes(path(.testImages), files: files) }
      }
      if case .success = testImages {
        testLabels = Result { try MNISTFileReader.readLabels(path(.testLabels), files: files) }
      }
      done.signal()
    }
  }

  /// Waits until the thread has finished (at once after the first call).
  func wait() {
    if waited { return }
    done.wait()
    waited = true
  }
}

/// Makes sure `directory` holds the four files, creating it and filling it from the bundled copy or
/// the mirrors as needed (TensorFlow's `maybe_download`). Existing files are left alone.
public func ensureFiles(in directory: String, options: FetchOptions = FetchOptions(), log: (String) -> Void = { print($0) }) throws {
  let fm = FileManager.default
  let files = MNISTFile.all
  let missing = files.filter { !fm.fileExists(atPath: pythonPathJoin(directory, $0.name)) }
  guard !missing.isEmpty else { return }
  if !directory.isEmpty {
    do {
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw MNISTDataError(.io, "OSError", "Could not create the folder \(directory): \(error.localizedDescription)")
    }
  }
  let bundled = options.bundledDirectories.first { dir in
    missing.allSatisfy { fm.isReadableFile(atPath: dir + "/" + $0.name) }
  }
  if bundled == nil {
    log("No bundled copy of MNIST found (looked in: \(options.bundledDirectories.joined(separator: ", "))); downloading.")
  }
  for file in missing {
    try options.checkInterrupt?()
    let destination = pythonPathJoin(directory, file.name)
    if let bundled {
      try copyFile(bundled + "/" + file.name, to: destination)
    } else {
      let size: Int64
      do {
        size = try Downloader.fetch(file.name, to: destination, options: options, log: log)
      } catch let error as MNISTDataError {
        let looked = options.bundledDirectories.map { "  " + $0 }.joined(separator: "\n")
        throw MNISTDataError(
          error.kind, error.pythonType,
          error.message + "\nNo bundled copy of MNIST was found either; looked in:\n" + looked
            + "\n(set \(BundledMNIST.environmentVariable) to a folder holding the four .gz files)")
      }
      log("Successfully downloaded \(file.name) \(size) bytes.")
    }
  }
}

/// Copies `source` to `destination` through a temporary file and a rename.
func copyFile(_ source: String, to destination: String) throws {
  let temp = temporaryPath(for: destination)
  do {
    try copyFileContents(source, to: temp)
  } catch {
    try? FileManager.default.removeItem(atPath: temp)
    throw MNISTDataError(.io, "OSError", "Could not copy \(source) to \(destination): \(error.localizedDescription)")
  }
  try atomicallyReplace(destination, with: temp)
}
