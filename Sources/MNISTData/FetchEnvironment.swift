import Foundation

extension FetchOptions {
  /// Environment variable listing the base URLs to download MNIST from, separated by spaces or
  /// commas, tried in order (default: TensorFlow's mirror). For local mirrors and for tests.
  public static let mirrorsVariable = "MNIST_SHELL_MIRRORS"

  /// The mirrors named by `$MNIST_SHELL_MIRRORS`, or TensorFlow's mirror when it is unset or empty.
  public static func defaultMirrors(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    let named = (environment[mirrorsVariable] ?? "")
      .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
    return named.isEmpty ? [tensorFlowMirror] : named
  }
}
