import CZlib

/// Streaming gzip inflation through the system zlib.
public enum Gzip {
  /// Inflates a whole gzip file held in memory and returns the uncompressed bytes.
  ///
  /// `onProgress` is called after each piece is written with the number of bytes of the result that
  /// are final so far and a pointer to the start of the result buffer; it lets a caller hash or
  /// convert the output while inflation continues (the pointer is valid until this function returns).
  /// Concatenated gzip members are joined, as Python's `gzip` module does.
  /// - Parameter name: the file name used in error messages.
  public static func inflate(
    _ input: UnsafeRawBufferPointer, name: String,
    onProgress: ((UnsafeRawPointer, Int) -> Void)? = nil
  ) throws -> [UInt8] {
    guard input.count >= 2, input[0] == 0x1f, input[1] == 0x8b else {
      throw MNISTDataError(.notGzip, "OSError", "Not a gzipped file: \(name)")
    }
    // The trailer's ISIZE is the uncompressed size mod 2^32: exact for every MNIST-sized file, so the
    // output is allocated once. If it is wrong (several members, or > 4 GiB) the buffer grows.
    var capacity = 1 << 16
    if input.count >= 18 {
      let isize = input.loadUnaligned(fromByteOffset: input.count - 4, as: UInt32.self).littleEndian
      // Deflate cannot expand more than about 1032:1, so a corrupt trailer cannot ask for more.
      capacity = max(min(Int(isize), input.count * 1032), 1)
    }
    var out = [UInt8]()
    var produced = 0
    var stream = z_stream()
    guard swiftzlib_inflate_init(&stream) == Z_OK else {
      throw MNISTDataError(.io, "OSError", "zlib could not start inflating \(name)")
    }
    defer { inflateEnd(&stream) }
    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(input.count)
    let piece = 1 << 20
    while true {
      if produced == capacity || out.isEmpty {
        if !out.isEmpty { capacity *= 2 }
        // Grow without zero-filling; bytes past `produced` are never read.
        var grown = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
          if produced > 0 { out.withUnsafeBytes { UnsafeMutableRawBufferPointer(buf).copyMemory(from: $0) } }
          count = capacity
        }
        swap(&out, &grown)
      }
      var status: Int32 = Z_OK
      var finished = false
      out.withUnsafeMutableBytes { raw in
        let base = raw.baseAddress!
        while produced < capacity {
          let room = min(piece, capacity - produced)
          stream.next_out = (base + produced).assumingMemoryBound(to: Bytef.self)
          stream.avail_out = uInt(room)
          status = CZlib.inflate(&stream, Z_NO_FLUSH)
          produced += room - Int(stream.avail_out)
          onProgress?(UnsafeRawPointer(base), produced)
          if status == Z_STREAM_END {
            // Another member follows? Python's gzip reads it; anything else after the end is ignored.
            if stream.avail_in >= 2, stream.next_in[0] == 0x1f, stream.next_in[1] == 0x8b {
              inflateReset(&stream)
              continue
            }
            finished = true
            return
          }
          if status != Z_OK { return }
          if stream.avail_in == 0 { return }
        }
      }
      if finished { break }
      if status == Z_DATA_ERROR || status == Z_NEED_DICT || status == Z_STREAM_ERROR {
        let detail = stream.msg.map { String(cString: $0) } ?? "invalid data"
        throw MNISTDataError(.corruptGzip, "OSError", "Corrupt gzip data in \(name): \(detail)")
      }
      if status == Z_MEM_ERROR {
        throw MNISTDataError(.io, "MemoryError", "Out of memory while inflating \(name)")
      }
      if stream.avail_in == 0 {
        throw MNISTDataError(
          .truncated, "EOFError",
          "Compressed file ended before the end-of-stream marker was reached: \(name)")
      }
    }
    if produced < out.count { out.removeSubrange(produced...) }
    return out
  }

  /// Inflates a gzip file held in a byte array.
  public static func inflate(_ input: [UInt8], name: String) throws -> [UInt8] {
    try input.withUnsafeBytes { (raw) throws -> [UInt8] in try inflate(raw, name: name) }
  }
}
