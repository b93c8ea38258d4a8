import CZlib
import Foundation
import MNISTData

/// gzip-compresses bytes with zlib's deflate (windowBits 31 = gzip wrapper).
func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
  var stream = z_stream()
  let status = deflateInit2_(
    &stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
  precondition(status == Z_OK, "deflateInit2_ failed")
  defer { deflateEnd(&stream) }
  var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
  var input = bytes
  let produced = input.withUnsafeMutableBufferPointer { inBuf in
    out.withUnsafeMutableBufferPointer { outBuf in
      stream.next_in = inBuf.baseAddress
      stream.avail_in = uInt(inBuf.count)
      stream.next_out = outBuf.baseAddress
      stream.avail_out = uInt(outBuf.count)
      let r = deflate(&stream, Z_FINISH)
      precondition(r == Z_STREAM_END, "deflate did not finish")
      return outBuf.count - Int(stream.avail_out)
    }
  }
  return Array(out[..<produced])
}

func be32(_ v: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> UInt32($0)) } }

/// An uncompressed IDX image file: header then `count * rows * cols` pixel bytes.
func idxImages(count: Int, rows: Int = 28, cols: Int = 28, magic: UInt32 = 2051, pixel: (Int) -> UInt8 = { UInt8($0 % 256) }) -> [UInt8] {
  be32(magic) + be32(UInt32(count)) + be32(UInt32(rows)) + be32(UInt32(cols)) + (0..<(count * rows * cols)).map(pixel)
}

/// An uncompressed IDX label file.
func idxLabels(_ labels: [UInt8], magic: UInt32 = 2049) -> [UInt8] {
  be32(magic) + be32(UInt32(labels.count)) + labels
}

/// A fresh empty temporary folder.
func makeTempDir(_ tag: String = "mnist") -> String {
  let path = NSTemporaryDirectory() + "/mnist-data-tests-\(tag)-\(UUID().uuidString)"
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func write(_ bytes: [UInt8], to path: String) {
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func listing(_ dir: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

let bundledDir = BundledMNIST.sourceTreeDirectory

/// Options that never touch the network or the real bundle unless told.
func offlineOptions(bundled: [String] = [bundledDir], mirrors: [String] = []) -> FetchOptions {
  var o = FetchOptions()
  o.bundledDirectories = bundled
  o.mirrors = mirrors
  o.idleTimeout = 10
  o.totalTimeout = 60
  return o
}

/// Writes a small fake data set (not MNIST's sizes, so no checksum applies) into `dir`.
func writeFakeDataSet(in dir: String, train: Int = 12, test: Int = 4, trainLabelCount: Int? = nil) {
  write(gzip(idxImages(count: train)), to: dir + "/train-images-idx3-ubyte.gz")
  write(gzip(idxLabels((0..<(trainLabelCount ?? train)).map { UInt8($0 % 10) })), to: dir + "/train-labels-idx1-ubyte.gz")
  write(gzip(idxImages(count: test)), to: dir + "/t10k-images-idx3-ubyte.gz")
  write(gzip(idxLabels((0..<test).map { UInt8(($0 + 3) % 10) })), to: dir + "/t10k-labels-idx1-ubyte.gz")
}
