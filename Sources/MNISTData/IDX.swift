import CKernels

/// Parsing of the IDX format that MNIST uses (big-endian header, then raw unsigned bytes).
public enum IDX {
  /// Magic number of an IDX file of unsigned bytes with three dimensions (images).
  public static let imageMagic: UInt32 = 2051
  /// Magic number of an IDX file of unsigned bytes with one dimension (labels).
  public static let labelMagic: UInt32 = 2049

  /// The pixel values TensorFlow produces: `float32(v) * float32(1.0 / 255.0)`, as NumPy computes
  /// `images.astype(float32) * (1.0 / 255.0)` (this is not always the same float as `v / 255`).
  public static let pixelScale: [Float] = (0..<256).map { Float($0) * Float(1.0 / 255.0) }

  /// The header of an image file: number of images, rows and columns.
  public static func imageHeader(_ bytes: UnsafeRawBufferPointer, name: String) throws -> (count: Int, rows: Int, cols: Int) {
    guard bytes.count >= 16 else {
      throw MNISTDataError(.truncated, "ValueError", "Truncated MNIST image file: \(name) holds \(bytes.count) bytes, fewer than the 16-byte header")
    }
    let magic = be32(bytes, 0)
    guard magic == imageMagic else {
      throw MNISTDataError(.badMagic, "ValueError", "Invalid magic number \(magic) in MNIST image file: \(name)")
    }
    let count = Int(be32(bytes, 4)), rows = Int(be32(bytes, 8)), cols = Int(be32(bytes, 12))
    let (area, o1) = rows.multipliedReportingOverflow(by: cols)
    let (needed, o2) = count.multipliedReportingOverflow(by: area)
    guard !o1, !o2, bytes.count - 16 >= needed else {
      throw MNISTDataError(
        .truncated, "ValueError",
        "Truncated MNIST image file: \(name) declares \(count) images of \(rows)x\(cols) (\(needed) bytes of pixels) but holds only \(bytes.count - 16)")
    }
    return (count, rows, cols)
  }

  /// Parses an uncompressed image file into float32 pixels in [0, 1], row-major `[count, rows*cols]`.
  public static func images(_ bytes: UnsafeRawBufferPointer, name: String) throws -> (count: Int, rows: Int, cols: Int, pixels: [Float]) {
    let parsed = try images(bytes, name: name, splitAt: 0)
    return (parsed.count, parsed.rows, parsed.cols, parsed.rest)
  }

  /// Parses an image file straight into two arrays: the first `splitAt` images (clamped to the
  /// count) and the rest. This is how the validation set is cut off without copying the rest again.
  public static func images(_ bytes: UnsafeRawBufferPointer, name: String, splitAt: Int) throws -> (count: Int, rows: Int, cols: Int, leading: [Float], rest: [Float]) {
    let (count, rows, cols) = try imageHeader(bytes, name: name)
    let size = rows * cols
    let split = min(max(splitAt, 0), count) * size
    let pixels = bytes.baseAddress! + 16
    let leading = convert(pixels, count: split)
    let rest = convert(pixels + split, count: count * size - split)
    return (count, rows, cols, leading, rest)
  }

  /// `count` bytes to floats, as ``pixelScale`` gives them.
  static func convert(_ src: UnsafeRawPointer, count n: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: n) { out, initialized in
      adviseHugePages(out.baseAddress, byteCount: n * MemoryLayout<Float>.stride)
      if n > 0 { scale(src.assumingMemoryBound(to: UInt8.self), to: out.baseAddress!, count: n) }
      initialized = n
    }
  }

  /// The factor of ``pixelScale``: float32(1/255).
  static let scaleFactor = Float(1.0 / 255.0)

  /// Writes `float32(v) * float32(1/255)` for each of `count` bytes: one rounding, the same float
  /// as ``pixelScale`` (SIMD in C, AVX2 where the CPU has it).
  @inline(__always)
  static func scale(_ src: UnsafePointer<UInt8>, to dst: UnsafeMutablePointer<Float>, count n: Int) {
    ck_bytes_to_floats(src, n, scaleFactor, dst)
  }

  /// Parses an uncompressed label file into class ids.
  public static func labels(_ bytes: UnsafeRawBufferPointer, name: String) throws -> [UInt8] {
    guard bytes.count >= 8 else {
      throw MNISTDataError(.truncated, "ValueError", "Truncated MNIST label file: \(name) holds \(bytes.count) bytes, fewer than the 8-byte header")
    }
    let magic = be32(bytes, 0)
    guard magic == labelMagic else {
      throw MNISTDataError(.badMagic, "ValueError", "Invalid magic number \(magic) in MNIST label file: \(name)")
    }
    let count = Int(be32(bytes, 4))
    guard bytes.count - 8 >= count else {
      throw MNISTDataError(
        .truncated, "ValueError",
        "Truncated MNIST label file: \(name) declares \(count) labels but holds only \(bytes.count - 8)")
    }
    return Array(UnsafeRawBufferPointer(rebasing: bytes[8..<(8 + count)]))
  }

  private static func be32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
    UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }
}
