import CKernels

/// The pixels of a data set in file order: raw bytes scaled to floats on demand, or given floats.
///
/// MNIST keeps its pixels as the 47 MB of bytes the files hold (train and validation share one
/// array); the 188 MB of float32 TensorFlow would hold are made only for what is asked for: each
/// batch, one image, or a whole `images` array.
struct PixelStore {
  enum Storage {
    /// Bytes, row `i` starting at `start + i * rowSize`; value `v` stands for ``IDX/scale(_:)``.
    case bytes([UInt8], start: Int)
    /// Floats as given, row-major.
    case floats([Float])
  }

  let storage: Storage
  let rowSize: Int

  /// Writes row `row` as floats to `dst` (`rowSize` of them).
  @inline(__always)
  func copyRow(_ row: Int, to dst: UnsafeMutablePointer<Float>) {
    switch storage {
    case .bytes(let bytes, let start):
      bytes.withUnsafeBufferPointer { b in
        IDX.scale(b.baseAddress! + start + row * rowSize, to: dst, count: rowSize)
      }
    case .floats(let floats):
      floats.withUnsafeBufferPointer { f in
        dst.update(from: f.baseAddress! + row * rowSize, count: rowSize)
      }
    }
  }

  /// Writes the given rows, one after another, to `dst`.
  func gather<C: Collection<Int>>(_ rows: C, to dst: UnsafeMutablePointer<Float>) {
    let size = rowSize
    guard size > 0 else { return }
    switch storage {
    case .bytes(let bytes, let start):
      bytes.withUnsafeBufferPointer { b in
        let base = b.baseAddress! + start
        // Shuffled rows are scattered over 47 MB, so each is a cache miss: the C kernel touches
        // every row before converting, so the misses overlap instead of coming one row at a time.
        let done: Void? = rows.withContiguousStorageIfAvailable { r in
          ck_gather_bytes_to_floats(base, size, r.baseAddress, r.count, IDX.scaleFactor, dst)
        }
        if done != nil { return }
        var out = dst
        for row in rows {
          IDX.scale(base + row * size, to: out, count: size)
          out += size
        }
      }
    case .floats(let floats):
      floats.withUnsafeBufferPointer { f in
        var out = dst
        for row in rows {
          out.update(from: f.baseAddress! + row * size, count: size)
          out += size
        }
      }
    }
  }

  /// A fresh float array of the given rows.
  func floats<C: Collection<Int>>(_ rows: C) -> [Float] {
    let n = rows.count * rowSize
    return [Float](unsafeUninitializedCapacity: n) { out, count in
      adviseHugePages(out.baseAddress, byteCount: n * MemoryLayout<Float>.stride)
      if n > 0 { gather(rows, to: out.baseAddress!) }
      count = n
    }
  }

  /// All rows in file order as floats (the given array itself when the store holds floats).
  func allFloats(rows: Int) -> [Float] {
    switch storage {
    case .floats(let floats): return floats
    case .bytes(let bytes, let start):
      return bytes.withUnsafeBufferPointer { b in IDX.convert(b.baseAddress! + start, count: rows * rowSize) }
    }
  }
}
