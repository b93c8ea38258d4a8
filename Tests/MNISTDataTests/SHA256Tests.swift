import Foundation
import MNISTData
import Testing

/// Both block functions (SHA-NI where the CPU has it, and portable C) against known digests.
@Suite struct SHA256Tests {
  static let vectors: [([UInt8], String)] = [
    ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ]

  static func digest(_ bytes: [UInt8], portable: Bool) -> String {
    var h = SHA256(portable: portable)
    h.update(bytes)
    return h.finalizeHex()
  }

  @Test(arguments: [false, true]) func knownVectors(portable: Bool) {
    for (message, hex) in Self.vectors {
      #expect(Self.digest(message, portable: portable) == hex, "\(message.count) bytes, portable: \(portable)")
    }
    #expect(SHA256.hexDigest(of: Array("abc".utf8)) == Self.vectors[1].1)
  }

  @Test(arguments: [false, true]) func piecewiseUpdatesMatchOneShot(portable: Bool) {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for cut in [0, 1, 55, 56, 63, 64, 65, 119, 120, 500, 999] {
      var h = SHA256(portable: portable)
      h.update(Array(message[..<cut]))
      h.update(Array(message[cut...]))
      #expect(h.finalizeHex() == Self.digest(message, portable: !portable), "split at \(cut)")
    }
  }

  /// The real files inflate to the contents SHA256SUMS.raw lists, by both paths.
  @Test func realFilesMatchSHA256SUMS() throws {
    for file in MNISTFile.all {
      let gz = try Data(contentsOf: URL(fileURLWithPath: bundledDir + "/" + file.name))
      let raw = try gz.withUnsafeBytes { try Gzip.inflate($0, name: file.name) }
      #expect(Self.digest(raw, portable: false) == file.sha256, "\(file.name)")
      #expect(Self.digest(raw, portable: true) == file.sha256, "\(file.name), portable")
    }
    #if os(Linux) && arch(x86_64)
      // Detection agrees with the kernel's view of the CPU.
      let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
      #expect(SHA256.hasHardwarePath == cpuinfo.contains(" sha_ni"))
    #endif
  }
}
