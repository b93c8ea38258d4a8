import CFetch
import Foundation

/// Progress of one download, for a progress bar.
public struct DownloadProgress: Sendable {
  /// The file being fetched, e.g. `train-images-idx3-ubyte.gz`.
  public var file: String
  /// The URL it comes from.
  public var url: String
  /// Bytes received so far.
  public var received: Int64
  /// Total size announced by the server, if it announced one.
  public var expected: Int64?
}

/// Settings for fetching missing files.
public struct FetchOptions: Sendable {
  /// TensorFlow's mirror of MNIST, used by `read_data_sets` since TF 1.3.
  public static let tensorFlowMirror = "https://storage.googleapis.com/cvdf-datasets/mnist/"

  /// Base URLs tried in order; the file name is appended to each.
  public var mirrors: [String] = FetchOptions.defaultMirrors()
  /// Folders searched for a bundled copy before downloading (`BundledMNIST.candidateDirectories()`).
  public var bundledDirectories: [String] = BundledMNIST.candidateDirectories()
  /// Seconds without any data before a download is abandoned.
  public var idleTimeout: TimeInterval = 30
  /// Seconds a whole file may take.
  public var totalTimeout: TimeInterval = 600
  /// Called as bytes arrive (on a background thread).
  public var progress: (@Sendable (DownloadProgress) -> Void)?
  /// Files whose checksums are known (by name and gzip size).
  public var knownFiles: [MNISTFile] = MNISTFile.all
  /// Called ten times a second during a download and before each file is fetched, copied or read;
  /// whatever it throws (the shell's KeyboardInterrupt on Ctrl-C) stops the work and leaves no partial file.
  public var checkInterrupt: (@Sendable () throws -> Void)?

  public init() {}
}

/// Fetches a file over HTTP(S) into place: temporary file, checks, then rename.
public enum Downloader {
  /// Downloads `name` from the first mirror that gives a valid file, into `destination`.
  ///
  /// Each mirror's copy is written to a temporary file next to `destination`, then checked (HTTP
  /// status, announced length, gzip integrity, IDX magic, and the SHA-256 when name and size say it
  /// is MNIST's own) before it is renamed into place; a failed attempt leaves no file behind.
  /// - Returns: the size in bytes of the file put in place.
  @discardableResult
  public static func fetch(
    _ name: String, to destination: String, options: FetchOptions, log: (String) -> Void
  ) throws -> Int64 {
    var failures: [String] = []
    for mirror in options.mirrors {
      let urlString = mirror.hasSuffix("/") ? mirror + name : mirror + "/" + name
      guard let url = URL(string: urlString) else {
        failures.append("\(urlString): not a valid URL")
        continue
      }
      let temp = temporaryPath(for: destination)
      do {
        let size = try download(url, name: name, to: temp, options: options)
        try MNISTFileReader.validate(temp, renamedAs: name, files: options.knownFiles)
        try atomicallyReplace(destination, with: temp)
        return size
      } catch {
        try? FileManager.default.removeItem(atPath: temp)
        if let stop = error as? DownloadInterrupted { throw stop.reason }
        let reason = (error as? MNISTDataError)?.message ?? "\(error)"
        failures.append("\(urlString): \(reason)")
        if mirror != options.mirrors.last { log("Could not fetch \(urlString) (\(reason)); trying the next mirror.") }
      }
    }
    throw MNISTDataError(
      .download, "OSError",
      "Could not fetch \(name) from any mirror:\n" + failures.map { "  " + $0 }.joined(separator: "\n"))
  }

  /// Fetches `url` into the file at `path`; throws on a transport error, an HTTP status other than
  /// 200, or fewer bytes than announced. The transfer runs through libcurl, loaded on the first
  /// download (not at startup: linking Foundation's URLSession cost every start ~13 ms of loading).
  static func download(_ url: URL, name: String, to path: String, options: FetchOptions) throws -> Int64 {
    let watcher = TransferWatcher(name: name, url: url.absoluteString, options: options)
    var result = cf_result()
    let outcome = withExtendedLifetime(watcher) {
      cf_download(url.absoluteString, path, max(1, Int(options.idleTimeout.rounded(.up))),
                  max(1, Int(options.totalTimeout.rounded(.up))), { context, received, expected in
        Unmanaged<TransferWatcher>.fromOpaque(context!).takeUnretainedValue().update(received, expected) ? 0 : 1
      }, Unmanaged.passUnretained(watcher).toOpaque(), &result)
    }
    let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    switch outcome {
    case 0: break
    case 2: throw DownloadInterrupted(reason: watcher.interruption ?? CancellationError())
    case -1: throw MNISTDataError(.download, "OSError", "<urlopen error \(message)>")
    default: throw MNISTDataError(.download, "OSError", "<urlopen error \(message) (curl error \(result.curl_code))>")
    }
    let status = Int(result.http_status)
    guard status == 200 else {
      throw MNISTDataError(.download, "OSError", "HTTP Error \(status): \(httpReason(status))")
    }
    if result.content_length >= 0, result.content_length != result.received {
      throw MNISTDataError(.download, "OSError", "received \(result.received) of \(result.content_length) bytes")
    }
    options.progress?(DownloadProgress(file: name, url: url.absoluteString, received: result.received, expected: result.received))
    return result.received
  }

  /// The reason phrase Python's urllib shows after an HTTP status.
  static func httpReason(_ status: Int) -> String {
    switch status {
    case 0: return "no response"
    case 301: return "Moved Permanently"
    case 302: return "Found"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 408: return "Request Timeout"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return status < 500 ? "Client Error" : "Server Error"
    }
  }
}

/// Receives libcurl's progress calls: reports progress at most ten times a second and asks
/// `checkInterrupt` whether to go on; remembers what it threw.
private final class TransferWatcher: @unchecked Sendable {
  let name: String, url: String, options: FetchOptions
  var interruption: Error?
  private var lastReport: UInt64 = 0

  init(name: String, url: String, options: FetchOptions) {
    self.name = name
    self.url = url
    self.options = options
  }

  /// Whether the transfer may go on.
  func update(_ received: Int64, _ expected: Int64) -> Bool {
    do { try options.checkInterrupt?() } catch {
      interruption = error
      return false
    }
    let now = DispatchTime.now().uptimeNanoseconds
    if now - lastReport >= 100_000_000 {
      lastReport = now
      options.progress?(DownloadProgress(file: name, url: url, received: received, expected: expected > 0 ? expected : nil))
    }
    return true
  }
}

/// The error `checkInterrupt` threw during a download, passed on as is (not tried on other mirrors).
private struct DownloadInterrupted: Error {
  let reason: Error
}
