import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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
  /// 200, or fewer bytes than announced. Progress is polled from the task ten times a second.
  static func download(_ url: URL, name: String, to path: String, options: FetchOptions) throws -> Int64 {
    let config = URLSessionConfiguration.ephemeral
    config.timeoutIntervalForRequest = options.idleTimeout
    config.timeoutIntervalForResource = options.totalTimeout
    config.requestCachePolicy = .reloadIgnoringLocalCacheData
    let session = URLSession(configuration: config)
    defer { session.finishTasksAndInvalidate() }
    let box = ResponseBox()
    let finished = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: url) { data, response, error in
      box.set(data, response, error)
      finished.signal()
    }
    task.resume()
    while finished.wait(timeout: .now() + 0.1) == .timedOut {
      do { try options.checkInterrupt?() } catch {
        task.cancel()
        throw DownloadInterrupted(reason: error)
      }
      let expected = task.countOfBytesExpectedToReceive
      options.progress?(DownloadProgress(
        file: name, url: url.absoluteString, received: task.countOfBytesReceived, expected: expected > 0 ? expected : nil))
    }
    let (data, response, error) = box.get()
    if let error {
      let ns = error as NSError
      throw MNISTDataError(.download, "OSError", "<urlopen error \(ns.localizedDescription) (\(ns.domain) \(ns.code))>")
    }
    let status = (response as? HTTPURLResponse)?.statusCode ?? 200
    guard status == 200 else {
      throw MNISTDataError(
        .download, "OSError", "HTTP Error \(status): \(HTTPURLResponse.localizedString(forStatusCode: status))")
    }
    let body = data ?? Data()
    let announced = response?.expectedContentLength ?? -1
    if announced >= 0, announced != Int64(body.count) {
      throw MNISTDataError(.download, "OSError", "received \(body.count) of \(announced) bytes")
    }
    options.progress?(DownloadProgress(file: name, url: url.absoluteString, received: Int64(body.count), expected: Int64(body.count)))
    guard FileManager.default.createFile(atPath: path, contents: body) else {
      throw MNISTDataError(.io, "OSError", "Could not write \(path)")
    }
    return Int64(body.count)
  }
}

/// The error `checkInterrupt` threw during a download, passed on as is (not tried on other mirrors).
private struct DownloadInterrupted: Error {
  let reason: Error
}

/// Hands the completion handler's results to the waiting thread.
private final class ResponseBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: (Data?, URLResponse?, Error?) = (nil, nil, nil)
  func set(_ data: Data?, _ response: URLResponse?, _ error: Error?) {
    lock.lock()
    value = (data, response, error)
    lock.unlock()
  }
  func get() -> (Data?, URLResponse?, Error?) {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
