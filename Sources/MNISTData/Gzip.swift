import CZlib

/// Streaming gzip inflation through the system zlib.
public enum Gzip {
  /// The uncompressed size a gzip file announces in its trailer (ISIZE, mod 2^32), capped at what
  /// deflate can possibly produce from this input (about 1032:1), so a corrupt trailer is harmless.
  public static func announcedSize(_ input: UnsafeRawBufferPointer) -> Int {
    guard input.count >= 18 else { return 1 << 16 }
    let isize = input.loadUnaligned(fromByteOffset: input.count - 4, as: UInt32.self).littleEndian
    return max(min(Int(isize), input.count * 1032), 1)
  }

  /// Inflates a whole gzip file held in memory and returns the uncompressed bytes.
  ///
  /// Concatenated gzip members are joined, as Python's `gzip` module does; bytes after the last
  /// member that do not start another member are ignored.
  /// - Parameter name: the file name used in error messages.
  public static func inflate(_ input: UnsafeRawBufferPointer, name: String) throws -> [UInt8] {
    var capacity = announcedSize(input)
    while true {
      var produced: Int?
      let out = try [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
        produced = try inflate(input, into: UnsafeMutableRawBufferPointer(buf), name: name)
        count = produced ?? 0
      }
      if produced != nil { return out }
      capacity *= 2  // the trailer undercounted (several members, or over 4 GiB): start again, larger
    }
  }

  /// Inflates a gzip file held in a byte array.
  public static func inflate(_ input: [UInt8], name: String) throws -> [UInt8] {
    try input.withUnsafeBytes { try inflate($0, name: name) }
  }

  /// Inflates into `output`; returns the number of bytes produced, or `nil` if they do not fit.
  ///
  /// `onProgress` is told, after each piece, how many leading bytes of `output` are final; another
  /// thread may read those while inflation goes on (zlib only reads back what it already wrote).
  public static func inflate(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, name: String,
    onProgress: ((Int) -> Void)? = nil
  ) throws -> Int? {
    guard input.count >= 2, input[0] == 0x1f, input[1] == 0x8b else {
      throw MNISTDataError(.notGzip, "OSError", "Not a gzipped file: \(name)")
    }
    var stream = z_stream()
    guard swiftzlib_inflate_init(&stream) == Z_OK else {
      throw MNISTDataError(.io, "OSError", "zlib could not start inflating \(name)")
    }
    defer { inflateEnd(&stream) }
    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(input.count)
    let piece = 1 << 20
    var produced = 0
    let probe = UnsafeMutablePointer<Bytef>.allocate(capacity: 1)
    defer { probe.deallocate() }
    while true {
      let room = min(piece, output.count - produced)
      stream.next_out = room > 0 ? (output.baseAddress! + produced).assumingMemoryBound(to: Bytef.self) : nil
      stream.avail_out = uInt(room)
      if room == 0 {
        // Full: let zlib try to finish into a 1-byte probe; if it writes there, the output is too big.
        stream.next_out = probe
        stream.avail_out = 1
      }
      let status = CZlib.inflate(&stream, Z_NO_FLUSH)
      if room == 0 {
        if stream.avail_out == 0 { return nil }
      } else {
        produced += room - Int(stream.avail_out)
        onProgress?(produced)
      }
      switch status {
      case Z_STREAM_END:
        if stream.avail_in >= 2, stream.next_in[0] == 0x1f, stream.next_in[1] == 0x8b {
          inflateReset(&stream)
          continue
        }
        return produced
      case Z_OK:
        continue
      case Z_BUF_ERROR where stream.avail_in == 0:
        throw MNISTDataError(
          .truncated, "EOFError", "Compressed file ended before the end-of-stream marker was reached: \(name)")
      case Z_MEM_ERROR:
        throw MNISTDataError(.io, "MemoryError", "Out of memory while inflating \(name)")
      default:
        let detail = stream.msg.map { String(cString: $0) } ?? "invalid data"
        throw MNISTDataError(.corruptGzip, "OSError", "Corrupt gzip data in \(name): \(detail)")
      }
    }
  }
}
