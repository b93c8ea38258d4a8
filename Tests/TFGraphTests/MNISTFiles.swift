import CZlib
import Foundation
import Tensors

/// A tiny gzip + IDX reader for the end-to-end tests (the data module is developed separately).
enum MNISTFiles {
  /// The copy of MNIST bundled with the package (Sources/MNISTData/Resources/mnist).
  static let directory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Sources/MNISTData/Resources/mnist").path
  }()

  /// Inflates a whole .gz file with zlib.
  static func gunzip(_ path: String) throws -> [UInt8] {
    let packed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var out = [UInt8](repeating: 0, count: packed.count * 8)
    var stream = z_stream()
    guard swiftzlib_inflate_init(&stream) == Z_OK else { throw CocoaError(.fileReadCorruptFile) }
    defer { inflateEnd(&stream) }
    var produced = 0
    var status = Z_OK
    try packed.withUnsafeBufferPointer { src in
      stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
      stream.avail_in = UInt32(src.count)
      while status != Z_STREAM_END {
        if produced == out.count { out += [UInt8](repeating: 0, count: out.count) }
        status = out.withUnsafeMutableBufferPointer { dst in
          stream.next_out = dst.baseAddress! + produced
          stream.avail_out = UInt32(dst.count - produced)
          let r = inflate(&stream, Z_NO_FLUSH)
          produced = dst.count - Int(stream.avail_out)
          return r
        }
        if status != Z_OK && status != Z_STREAM_END { throw CocoaError(.fileReadCorruptFile) }
      }
    }
    return Array(out[..<produced])
  }

  private static func be32(_ b: [UInt8], _ at: Int) -> Int {
    Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
  }

  /// Images as floats in [0, 1], shape [n, 784].
  static func images(_ name: String) throws -> NDArray {
    let b = try gunzip("\(directory)/\(name)")
    let n = be32(b, 4), rows = be32(b, 8), cols = be32(b, 12)
    return NDArray(shape: [n, rows * cols], floats: b[16...].map { Float($0) / 255 })
  }

  /// Labels as class indices.
  static func labels(_ name: String) throws -> [Int] {
    let b = try gunzip("\(directory)/\(name)")
    return b[8...].map { Int($0) }
  }

  /// One-hot rows of width 10.
  static func oneHot(_ labels: [Int]) -> NDArray {
    var f = [Float](repeating: 0, count: labels.count * 10)
    for (i, l) in labels.enumerated() { f[i * 10 + l] = 1 }
    return NDArray(shape: [labels.count, 10], floats: f)
  }
}

/// Seeded shuffled mini-batches over the first `trainCount` training images (as TF's next_batch,
/// without copying the whole set per epoch: only each batch is gathered).
struct Batcher {
  let images: [Float], labels: [Int], count: Int
  var order: [Int], pos = 0
  var rng: SplitMix

  init(images: NDArray, labels: [Int], count: Int, seed: UInt64) {
    self.images = images.floats
    self.labels = labels
    self.count = count
    rng = SplitMix(state: seed)
    order = Array(0..<count)
    order.shuffle(using: &rng)
  }

  mutating func next(_ n: Int) -> (x: NDArray, labels: [Int]) {
    if pos + n > count {
      order.shuffle(using: &rng)
      pos = 0
    }
    var x = [Float](repeating: 0, count: n * 784)
    var l = [Int](repeating: 0, count: n)
    for i in 0..<n {
      let j = order[pos + i]
      x.withUnsafeMutableBufferPointer { d in images.withUnsafeBufferPointer { s in
        (d.baseAddress! + i * 784).update(from: s.baseAddress! + j * 784, count: 784)
      } }
      l[i] = labels[j]
    }
    pos += n
    return (NDArray(shape: [n, 784], floats: x), l)
  }
}

struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
