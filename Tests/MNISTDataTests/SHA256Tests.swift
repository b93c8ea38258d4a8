import Testing
import MNISTData

@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func piecewiseUpdatesMatchOneShot() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for cut in [0, 1, 55, 56, 63, 64, 65, 500, 999] {
      var h = SHA256()
      h.update(Array(message[..<cut]))
      h.update(Array(message[cut...]))
      #expect(h.finalizeHex() == SHA256.hexDigest(of: message), "split at \(cut)")
    }
  }
}
