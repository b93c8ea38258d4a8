import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// C library functions that Swift's Glibc module hides (they need _XOPEN_SOURCE or _GNU_SOURCE),
/// looked up by name at run time instead of adding a C shim target.
enum LibC {
  nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)

  private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
    guard let p = dlsym(handle, name) else { return nil }
    return unsafeBitCast(p, to: type)
  }

  typealias OpenPT = @convention(c) (Int32) -> Int32
  typealias FDCall = @convention(c) (Int32) -> Int32
  typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
  typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

  /// `posix_openpt(flags)`.
  static func posixOpenpt(_ flags: Int32) -> Int32 {
    guard let f = symbol("posix_openpt", as: OpenPT.self) else { errno = ENOSYS; return -1 }
    return f(flags)
  }
  /// `grantpt(fd)`.
  static func grantpt(_ fd: Int32) -> Int32 {
    guard let f = symbol("grantpt", as: FDCall.self) else { errno = ENOSYS; return -1 }
    return f(fd)
  }
  /// `unlockpt(fd)`.
  static func unlockpt(_ fd: Int32) -> Int32 {
    guard let f = symbol("unlockpt", as: FDCall.self) else { errno = ENOSYS; return -1 }
    return f(fd)
  }
  /// `ptsname(fd)` as a Swift string.
  static func ptsname(_ fd: Int32) -> String? {
    guard let f = symbol("ptsname", as: PTSName.self), let p = f(fd) else { return nil }
    return String(cString: p)
  }
  /// `posix_spawn_file_actions_addchdir_np` (glibc ≥ 2.29); false when the C library lacks it.
  static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Bool {
    guard let f = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self) else { return false }
    return f(actions, path) == 0
  }
}
