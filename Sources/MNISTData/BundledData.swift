import Foundation

/// Finds the copy of MNIST shipped with mnist-shell, wherever the binary was copied to.
public enum BundledMNIST {
  /// Environment variable that names a folder holding the four `.gz` files; searched first.
  public static let environmentVariable = "MNIST_SHELL_DATA"

  /// Environment variable that, when set (non-empty), turns the bundled copy off, so missing files are
  /// downloaded from the mirrors (tests of the download path use it).
  public static let disableVariable = "MNIST_SHELL_NO_BUNDLE"

  /// The folders searched, in order: `$MNIST_SHELL_DATA`, `<exe dir>/mnist-shell_MNISTData.resources/mnist`,
  /// `<exe dir>/../share/mnist-shell/mnist`, and the source tree this module was built from; none when
  /// `$MNIST_SHELL_NO_BUNDLE` is set.
  public static func candidateDirectories(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executableDirectory: String? = executableDirectory()
  ) -> [String] {
    var dirs: [String] = []
    if let off = environment[disableVariable], !off.isEmpty { return dirs }
    if let env = environment[environmentVariable], !env.isEmpty { dirs.append(env) }
    if let exe = executableDirectory {
      dirs.append(exe + "/mnist-shell_MNISTData.resources/mnist")
      dirs.append(((exe + "/../share/mnist-shell/mnist") as NSString).standardizingPath)
    }
    dirs.append(sourceTreeDirectory)
    return dirs
  }

  /// `Sources/MNISTData/Resources/mnist` in the tree this module was compiled from.
  public static let sourceTreeDirectory: String = {
    let here = "\(#filePath)" as NSString
    return here.deletingLastPathComponent + "/Resources/mnist"
  }()

  /// The folder of the running executable, with symbolic links resolved.
  public static func executableDirectory() -> String? {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return (path as NSString).deletingLastPathComponent
      }
    #endif
    guard let url = Bundle.main.executableURL else { return nil }
    return url.resolvingSymlinksInPath().deletingLastPathComponent().path
  }

  /// Whether `directory` holds all the given files.
  public static func holdsFiles(_ directory: String, files: [MNISTFile] = MNISTFile.all) -> Bool {
    files.allSatisfy { FileManager.default.isReadableFile(atPath: directory + "/" + $0.name) }
  }

  /// The first candidate folder holding all four files, and every folder that was looked at.
  public static func locate(
    candidates: [String] = candidateDirectories(), files: [MNISTFile] = MNISTFile.all
  ) -> (directory: String?, searched: [String]) {
    (candidates.first { holdsFiles($0, files: files) }, candidates)
  }
}
