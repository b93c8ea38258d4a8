#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libdeflate's whole-buffer gzip decoder, used when the system has the library (loaded at run time).
///
/// It inflates MNIST's training images in about 60 ms of CPU where zlib takes about 140 ms. It is
/// optional: without it (or with `MNIST_SHELL_ZLIB_ONLY=1` in the environment), and whenever it
/// reports any problem, the file is inflated by zlib, which also words every error message.
/// libdeflate checks the gzip CRC-32 and length of each member, as zlib does.
package enum LibDeflate {
  private typealias AllocFn = @convention(c) () -> OpaquePointer?
  private typealias FreeFn = @convention(c) (OpaquePointer?) -> Void
  private typealias GzipFn = @convention(c) (
    OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int,
    UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?
  ) -> Int32

  private struct Functions: @unchecked Sendable {
    let alloc: AllocFn
    let free: FreeFn
    let gzip: GzipFn
  }

  private static let functions: Functions? = {
    #if os(Linux) || canImport(Darwin)
      if let flag = getenv("MNIST_SHELL_ZLIB_ONLY"), String(cString: flag) == "1" { return nil }
      let names = ["libdeflate.so.0", "libdeflate.so", "libdeflate.0.dylib", "libdeflate.dylib"]
      guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first,
        let a = dlsym(handle, "libdeflate_alloc_decompressor"),
        let f = dlsym(handle, "libdeflate_free_decompressor"),
        let g = dlsym(handle, "libdeflate_gzip_decompress_ex")
      else { return nil }
      return Functions(
        alloc: unsafeBitCast(a, to: AllocFn.self), free: unsafeBitCast(f, to: FreeFn.self),
        gzip: unsafeBitCast(g, to: GzipFn.self))
    #else
      return nil
    #endif
  }()

  /// Whether the library was found (and not switched off).
  package static var isAvailable: Bool { functions != nil }

  /// Inflates every gzip member of `input` into `output`, as ``Gzip/inflate(_:into:name:onProgress:)``
  /// does; the number of bytes produced, or `nil` if libdeflate is missing, the output does not fit,
  /// or the data is bad in any way (the caller then asks zlib, which names the problem).
  package static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
    guard let fn = functions, let inBase = input.baseAddress, input.count >= 2,
      input[0] == 0x1f, input[1] == 0x8b, let decompressor = fn.alloc()
    else { return nil }
    defer { fn.free(decompressor) }
    var consumed = 0, produced = 0
    repeat {
      var usedIn = 0, madeOut = 0
      let status = fn.gzip(
        decompressor, inBase + consumed, input.count - consumed,
        output.baseAddress.map { $0 + produced }, output.count - produced, &usedIn, &madeOut)
      guard status == 0, usedIn > 0 else { return nil }
      consumed += usedIn
      produced += madeOut
      // Another member follows only if the next bytes start one; anything else is ignored, as by zlib.
    } while input.count - consumed >= 2 && input[consumed] == 0x1f && input[consumed + 1] == 0x8b
    return produced
  }
}
