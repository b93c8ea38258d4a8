/// The four MNIST files: their standard names, the SHA-256 of each uncompressed file, and the sizes of
/// the gzip files known to carry them.
///
/// The checksum is verified only for a file whose name *and* gzip size say it is MNIST's own, so a
/// folder holding another data set in the same layout and names (Fashion-MNIST, for one) still loads.
public struct MNISTFile: Sendable, Hashable {
  /// The file name, e.g. `train-images-idx3-ubyte.gz`.
  public let name: String
  /// SHA-256 of the uncompressed IDX bytes, lowercase hex.
  public let sha256: String
  /// Byte sizes of the gzip files known to hold this content: the copy shipped with mnist-shell and
  /// the one served by Yann LeCun's site and TensorFlow's mirror.
  public let knownGzipSizes: Set<Int>
  /// SHA-256 of known gzip files, by size. Checking these 10 MB of gzip bytes is five times cheaper
  /// than hashing the 47 MB they inflate to, and proves the same content (mnist-shell's own copy).
  public let knownGzipSHA256: [Int: String]

  public init(name: String, sha256: String, knownGzipSizes: Set<Int>, knownGzipSHA256: [Int: String] = [:]) {
    self.name = name
    self.sha256 = sha256
    self.knownGzipSizes = knownGzipSizes
    self.knownGzipSHA256 = knownGzipSHA256
  }

  public static let trainImages = MNISTFile(
    name: "train-images-idx3-ubyte.gz",
    sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    knownGzipSizes: [9_719_438, 9_912_422],
    knownGzipSHA256: [9_719_438: "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971"])
  public static let trainLabels = MNISTFile(
    name: "train-labels-idx1-ubyte.gz",
    sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    knownGzipSizes: [28_857, 28_881],
    knownGzipSHA256: [28_857: "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203"])
  public static let testImages = MNISTFile(
    name: "t10k-images-idx3-ubyte.gz",
    sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    knownGzipSizes: [1_616_508, 1_648_877],
    knownGzipSHA256: [1_616_508: "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be"])
  public static let testLabels = MNISTFile(
    name: "t10k-labels-idx1-ubyte.gz",
    sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    knownGzipSizes: [4_517, 4_542],
    knownGzipSHA256: [4_517: "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b"])

  /// The four files in the order TensorFlow reads them.
  public static let all: [MNISTFile] = [trainImages, trainLabels, testImages, testLabels]

  /// The MNIST file a gzip file of this name and size is, if it is one; `nil` means "don't verify".
  public static func identify(name: String, gzipSize: Int, among files: [MNISTFile] = all) -> MNISTFile? {
    files.first { $0.name == name && $0.knownGzipSizes.contains(gzipSize) }
  }
}
