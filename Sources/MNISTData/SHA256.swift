import CKernels

/// SHA-256 (FIPS 180-4), used to verify MNIST files without a crypto dependency.
///
/// The block function is C (`CKernels/sha256.c`): the x86 SHA extensions when the CPU has them
/// (about 1 GB/s here), else portable code. Feed bytes with ``update(_:)`` in any number of
/// pieces, then call ``finalize()`` once.
public struct SHA256: @unchecked Sendable {
  private var context = ck_sha256_ctx()

  /// Starts a hash, on the hardware path when this CPU has one.
  public init() { ck_sha256_init(&context) }

  /// Starts a hash on the portable path (`portable: true`) or the automatic one.
  package init(portable: Bool) {
    if portable { ck_sha256_init_portable(&context) } else { ck_sha256_init(&context) }
  }

  /// Whether this CPU has the SHA extensions that ``init()`` uses.
  package static var hasHardwarePath: Bool { ck_sha256_has_hardware() != 0 }

  /// The hex digest of `bytes` in one call.
  public static func hexDigest(of bytes: UnsafeRawBufferPointer) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalizeHex()
  }

  /// The hex digest of a byte array.
  public static func hexDigest(of bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { hexDigest(of: $0) }
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let p = bytes.baseAddress, !bytes.isEmpty else { return }
    ck_sha256_update(&context, p, bytes.count)
  }

  /// Adds the bytes of an array to the message.
  public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// Pads the message and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 32) { out, count in
      ck_sha256_final(&context, out.baseAddress!)
      count = 32
    }
  }

  /// Finishes and returns the digest as 64 lowercase hex digits.
  public mutating func finalizeHex() -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for b in finalize() {
      text.append(digits[Int(b >> 4)])
      text.append(digits[Int(b & 15)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
