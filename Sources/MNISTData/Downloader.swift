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
  public var mirrors: [String] = [tensorFlowMirror]
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
        let reason = (error as? MNISTDataError)?.message ?? "\(error)"
        failures.append("\(urlString): \(reason)")
        if mirror != options.mirrors.last { log("Could not fetch \(urlString) (\(reason)); trying the next mirror.") }
      }
    }
    throw MNISTDataError(
      .download, "OSError",
      "Could not fetch \(name) from any mirror:\n" + failures.map { "  " + $0 }.joined(separator: "\n"))
  }

  /// Streams `url` into the file at `path`; throws on a transport error, an HTTP status other than
  /// 200, or fewer bytes than announced.
  static func download(_ url: URL, name: String, to path: String, options: FetchOptions) throws -> Int64 {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw MNISTDataError(.io, "OSError", "Could not create \(path)")
    }
    defer { try? handle.close() }
    let config = URLSessionConfiguration.ephemeral
    config.timeoutIntervalForRequest = options.idleTimeout
    config.timeoutIntervalForResource = options.totalTimeout
    config.requestCachePolicy = .reloadIgnoringLocalCacheData
    let delegate = StreamToFile(handle: handle, file: name, url: url.absoluteString, progress: options.progress)
    let session = URLSession(configuration: config, delegate: delegate, delegateQueue: nil)
    session.dataTask(with: url).resume()
    delegate.done.wait()
    session.finishTasksAndInvalidate()
    let outcome = delegate.outcome()
    if let failure = outcome.failure { throw MNISTDataError(.download, "OSError", failure) }
    if let expected = outcome.expected, expected != outcome.received {
      throw MNISTDataError(.download, "OSError", "received \(outcome.received) of \(expected) bytes")
    }
    return outcome.received
  }
}

/// URLSession delegate that appends each piece of the body to a file.
private final class StreamToFile: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  private let handle: FileHandle
  private let file: String
  private let url: String
  private let progress: (@Sendable (DownloadProgress) -> Void)?
  private let lock = NSLock()
  private var received: Int64 = 0
  private var expected: Int64?
  private var failure: String?

  init(handle: FileHandle, file: String, url: String, progress: (@Sendable (DownloadProgress) -> Void)?) {
    self.handle = handle
    self.file = file
    self.url = url
    self.progress = progress
  }

  func outcome() -> (received: Int64, expected: Int64?, failure: String?) {
    lock.lock()
    defer { lock.unlock() }
    return (received, expected, failure)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let status = (response as? HTTPURLResponse)?.statusCode ?? 200
    lock.lock()
    if status != 200 { failure = "HTTP Error \(status): \(HTTPURLResponse.localizedString(forStatusCode: status))" }
    expected = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
    lock.unlock()
    completionHandler(status == 200 ? .allow : .cancel)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    do {
      try handle.write(contentsOf: data)
      received += Int64(data.count)
    } catch {
      failure = "could not write the download: \(error.localizedDescription)"
      dataTask.cancel()
    }
    let report = DownloadProgress(file: file, url: url, received: received, expected: expected)
    lock.unlock()
    progress?(report)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.lock()
    if let error, failure == nil {
      let ns = error as NSError
      failure = "<urlopen error \(ns.localizedDescription) (\(ns.domain) \(ns.code))>"
    }
    lock.unlock()
    done.signal()
  }
}
