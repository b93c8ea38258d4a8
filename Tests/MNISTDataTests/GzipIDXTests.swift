import Foundation
import MNISTData
import Testing

@Suite struct GzipTests {
  @Test func roundTripAndConcatenatedMembers() throws {
    let a = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) }
    #expect(try Gzip.inflate(gzip(a), name: "a.gz") == a)
    #expect(try Gzip.inflate(gzip([]), name: "empty.gz") == [])
    let b = Array("second member".utf8)
    #expect(try Gzip.inflate(gzip(a) + gzip(b), name: "ab.gz") == a + b)
  }

  @Test func notGzip() {
    #expect { try Gzip.inflate(Array("hello, world".utf8), name: "x.gz") } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .notGzip && e.message.contains("x.gz") && e.description.hasPrefix("OSError: Not a gzipped file")
    }
  }

  @Test func truncatedGzip() {
    let full = gzip((0..<5000).map { UInt8($0 % 251) })
    #expect { try Gzip.inflate(Array(full.prefix(full.count / 2)), name: "half.gz") } throws: { e in
      (e as! MNISTDataError).kind == .truncated && (e as! MNISTDataError).message.contains("half.gz")
    }
  }

  @Test func corruptedChecksumIsCaught() {
    var bytes = gzip(Array(repeating: 42, count: 1000))
    bytes[bytes.count - 6] ^= 0xff  // inside the CRC-32 of the trailer
    #expect { try Gzip.inflate(bytes, name: "bad.gz") } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .corruptGzip && e.message.contains("bad.gz") && e.message.contains("incorrect data check")
    }
  }
}

@Suite struct IDXTests {
  @Test func validImagesAndLabels() throws {
    let raw = idxImages(count: 3, rows: 2, cols: 2) { [0, 255, 51, 128][$0 % 4] }
    let parsed = try raw.withUnsafeBytes { try IDX.images($0, name: "i") }
    #expect(parsed.count == 3 && parsed.rows == 2 && parsed.cols == 2)
    #expect(parsed.pixels.count == 12)
    #expect(parsed.pixels[0] == 0 && parsed.pixels[1] == 1)
    // NumPy computes float32(51) * float32(1/255), which is not the float nearest 51/255.
    #expect(parsed.pixels[2] == Float(0.20000001788139343))
    #expect(parsed.pixels[2] != Float(51) / 255)
    let split = try raw.withUnsafeBytes { try IDX.images($0, name: "i", splitAt: 1) }
    #expect(split.leading == Array(parsed.pixels[..<4]) && split.rest == Array(parsed.pixels[4...]))
    let labels = try idxLabels([5, 0, 4, 1]).withUnsafeBytes { try IDX.labels($0, name: "l") }
    #expect(labels == [5, 0, 4, 1])
  }

  @Test func wrongMagicNumbers() {
    let images = idxImages(count: 1, magic: 2049)
    #expect { try images.withUnsafeBytes { try IDX.images($0, name: "foo/train-images-idx3-ubyte.gz") } } throws: { e in
      (e as! MNISTDataError).description
        == "ValueError: Invalid magic number 2049 in MNIST image file: foo/train-images-idx3-ubyte.gz"
    }
    let labels = idxLabels([1], magic: 2051)
    #expect { try labels.withUnsafeBytes { try IDX.labels($0, name: "l.gz") } } throws: { e in
      (e as! MNISTDataError).description == "ValueError: Invalid magic number 2051 in MNIST label file: l.gz"
    }
  }

  @Test func truncatedFiles() {
    let images = Array(idxImages(count: 2).dropLast(10))
    #expect { try images.withUnsafeBytes { try IDX.images($0, name: "img.gz") } } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .truncated && e.message.contains("img.gz") && e.message.contains("2 images")
    }
    #expect { try [UInt8]([0, 0, 8]).withUnsafeBytes { try IDX.imageHeader($0, name: "tiny.gz") } } throws: { e in
      (e as! MNISTDataError).kind == .truncated
    }
    let labels = Array(idxLabels([1, 2, 3]).dropLast())
    #expect { try labels.withUnsafeBytes { try IDX.labels($0, name: "lab.gz") } } throws: { e in
      let e = e as! MNISTDataError
      return e.kind == .truncated && e.message.contains("lab.gz") && e.message.contains("3 labels")
    }
    // A header whose sizes overflow must be refused, not trap.
    let huge = be32(2051) + be32(0xffff_ffff) + be32(0xffff_ffff) + be32(0xffff_ffff)
    #expect(throws: MNISTDataError.self) { try huge.withUnsafeBytes { try IDX.imageHeader($0, name: "huge") } }
  }

  @Test func readsFilesFromDiskAndNamesThem() throws {
    let dir = makeTempDir("idx")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    write(gzip(idxImages(count: 2)), to: dir + "/a-images-idx3-ubyte.gz")
    let images = try MNISTFileReader.readImages(dir + "/a-images-idx3-ubyte.gz")
    #expect(images.count == 2 && images.pixels.count == 2 * 784)
    write(Array("not gzip".utf8), to: dir + "/b.gz")
    #expect { try MNISTFileReader.readLabels(dir + "/b.gz") } throws: { e in
      (e as! MNISTDataError).kind == .notGzip && (e as! MNISTDataError).message.contains(dir + "/b.gz")
    }
    #expect { try MNISTFileReader.readLabels(dir + "/missing.gz") } throws: { e in
      (e as! MNISTDataError).kind == .fileNotFound
    }
  }
}

/// libdeflate (when the system has it) and zlib inflate to the same bytes; bad data falls back.
@Suite struct LibDeflateTests {
  static func fast(_ gz: [UInt8], room: Int) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: room)
    let n = gz.withUnsafeBytes { input in out.withUnsafeMutableBytes { LibDeflate.inflate(input, into: $0) } }
    return n.map { Array(out[..<$0]) }
  }

  @Test func sameBytesAsZlib() throws {
    guard LibDeflate.isAvailable else { return }
    let a = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) }, b = Array("second member".utf8)
    #expect(Self.fast(gzip(a), room: a.count) == a)
    #expect(Self.fast(gzip(a) + gzip(b) + [0, 1, 2], room: 80_000) == a + b)
    #expect(Self.fast(gzip(a), room: a.count - 1) == nil)  // does not fit
    var bad = gzip(a)
    bad[bad.count - 6] ^= 0xff
    #expect(Self.fast(bad, room: a.count) == nil)
    #expect(Self.fast(Array(gzip(a).dropLast(9)), room: a.count) == nil)
    let real = try Data(contentsOf: URL(fileURLWithPath: bundledDir + "/t10k-images-idx3-ubyte.gz"))
    let zlib = try real.withUnsafeBytes { try Gzip.inflate($0, name: "t10k") }
    #expect(Self.fast(Array(real), room: zlib.count) == zlib)
  }
}
