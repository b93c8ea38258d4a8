import Dispatch
import Foundation

/// Reads one gzip IDX file from disk: inflate, verify the checksum when the file is MNIST's own, parse.
public enum MNISTFileReader {
  /// Images read from a file: `count` images of `rows` x `cols`, pixels row-major in [0, 1].
  public struct Images: Sendable {
    public var count: Int
    public var rows: Int
    public var cols: Int
    /// The first `splitAt` images (empty unless a split was asked for).
    public var leading: [Float]
    /// The remaining images (all of them without a split).
    public var pixels: [Float]
  }

  /// Reads the whole file at `path`, naming `path` in errors.
  public static func contents(of path: String) throws -> Data {
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      if !FileManager.default.fileExists(atPath: path) {
        throw MNISTDataError(.fileNotFound, "FileNotFoundError", "[Errno 2] No such file or directory: '\(path)'")
      }
      throw MNISTDataError(.io, "OSError", "Could not read \(path): \(error.localizedDescription)")
    }
  }

  /// The MNIST file whose checksum applies to `path` (by name and gzip size), or `nil`.
  static func identity(of name: String, gzipSize: Int, files: [MNISTFile]) -> MNISTFile? {
    MNISTFile.identify(name: (name as NSString).lastPathComponent, gzipSize: gzipSize, among: files)
  }

  /// Inflates `path` and checks its SHA-256 if its name and size say it is one of `files`; returns
  /// the uncompressed bytes.
  ///
  /// mnist-shell's own copy is checked by the SHA-256 of its gzip bytes, hashed on another thread
  /// while the file inflates. Other copies of MNIST's files are checked by the SHA-256 of what they
  /// inflate to (pipelined with zlib's inflation, or after libdeflate's).
  static func inflatedFile(
    _ path: String, identifyAs name: String? = nil, files: [MNISTFile] = MNISTFile.all
  ) throws -> [UInt8] {
    let gz = try contents(of: path)
    let expected = identity(of: name ?? path, gzipSize: gz.count, files: files)
    return try gz.withUnsafeBytes { input in
      let gzipDigest = expected?.knownGzipSHA256[gz.count]
      let gzipHasher = gzipDigest.map { _ in PipelinedHasher(hashing: input.baseAddress!) }
      gzipHasher?.finish(input.count)
      defer { _ = gzipHasher?.digest() }
      var hasher: PipelinedHasher?
      var fits = true
      let hashInflated = expected != nil && gzipHasher == nil
      var raw = try [UInt8](unsafeUninitializedCapacity: Gzip.announcedSize(input)) { buf, count in
        let out = UnsafeMutableRawBufferPointer(buf)
        adviseHugePages(out.baseAddress, byteCount: out.count)
        if let n = LibDeflate.inflate(input, into: out) {
          count = n
          return
        }
        let h = hashInflated ? PipelinedHasher(hashing: UnsafeRawPointer(out.baseAddress!)) : nil
        hasher = h
        do {
          let n = try Gzip.inflate(input, into: out, name: path) { h?.publish($0) }
          h?.finish(n)
          fits = n != nil
          count = n ?? 0
        } catch {
          h?.finish(nil)
          _ = h?.digest()
          throw error
        }
      }
      if !fits {
        // The trailer undercounted the size (several gzip members): inflate again with growth.
        _ = hasher?.digest()
        hasher = nil
        raw = try Gzip.inflate(input, name: path)
      }
      guard let expected else { return raw }
      let hex: String
      if let gzipHasher {
        hex = gzipHasher.digest() ?? ""
      } else if let hasher {
        hex = hasher.digest() ?? ""
      } else {
        hex = SHA256.hexDigest(of: raw)
      }
      let (what, want) = gzipDigest.map { ("gzip bytes", $0) } ?? ("contents", expected.sha256)
      guard hex == want else {
        throw MNISTDataError(
          .checksumMismatch, "ValueError",
          "Checksum mismatch for \(path): its name and size say it is MNIST's \(expected.name), but the SHA-256 of its \(what) is \(hex), not \(want). Delete it to fetch a fresh copy.")
      }
      return raw
    }
  }

  /// ``inflatedFile(_:identifyAs:files:)``, then `body` on the bytes.
  static func withInflated<R>(
    _ path: String, identifyAs name: String? = nil, files: [MNISTFile] = MNISTFile.all,
    _ body: (UnsafeRawBufferPointer) throws -> R
  ) throws -> R {
    try inflatedFile(path, identifyAs: name, files: files).withUnsafeBytes { try body($0) }
  }

  /// The pixels of an images file as the bytes it holds: `count` images of `rows` x `cols`, image
  /// `i` at `raw[pixelOffset + i * rows * cols]` (the IDX header is kept in front, so the inflated
  /// buffer is the storage and nothing is copied).
  public struct ImageBytes: Sendable {
    public var count: Int
    public var rows: Int
    public var cols: Int
    public var raw: [UInt8]
    /// Where the first pixel is in ``raw``.
    public static let pixelOffset = 16
  }

  /// Reads an images file (`*-images-idx3-ubyte.gz`) without converting its pixels.
  public static func readImageBytes(_ path: String, files: [MNISTFile] = MNISTFile.all) throws -> ImageBytes {
    let raw = try inflatedFile(path, files: files)
    let (count, rows, cols) = try raw.withUnsafeBytes { try IDX.imageHeader($0, name: path) }
    return ImageBytes(count: count, rows: rows, cols: cols, raw: raw)
  }

  /// Reads an images file (`*-images-idx3-ubyte.gz`).
  /// With `splitAt`, the first `splitAt` images go to `leading` and the rest to `pixels`.
  public static func readImages(_ path: String, splitAt: Int = 0, files: [MNISTFile] = MNISTFile.all) throws -> Images {
    try withInflated(path, files: files) { (bytes) throws -> Images in
      let p = try IDX.images(bytes, name: path, splitAt: splitAt)
      return Images(count: p.count, rows: p.rows, cols: p.cols, leading: p.leading, pixels: p.rest)
    }
  }

  /// Reads a labels file (`*-labels-idx1-ubyte.gz`) as class ids.
  public static func readLabels(_ path: String, files: [MNISTFile] = MNISTFile.all) throws -> [UInt8] {
    try withInflated(path, files: files) { (bytes) throws -> [UInt8] in try IDX.labels(bytes, name: path) }
  }

  /// Checks a gzip IDX file without keeping its contents: gzip integrity, IDX magic, and the
  /// checksum if it is MNIST's own. Used before a downloaded or copied file is put in place.
  /// `name` is the file name the checks go by (the file may sit under a temporary name).
  public static func validate(_ path: String, renamedAs name: String? = nil, files: [MNISTFile] = MNISTFile.all) throws {
    let name = name ?? (path as NSString).lastPathComponent
    try withInflated(path, identifyAs: name, files: files) { (bytes) throws in
      if name.hasSuffix("labels-idx1-ubyte.gz") {
        _ = try IDX.labels(bytes, name: path)
      } else if name.hasSuffix("images-idx3-ubyte.gz") {
        _ = try IDX.imageHeader(bytes, name: path)
      }
    }
  }
}

