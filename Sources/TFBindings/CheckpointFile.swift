import Foundation

/// Reading and atomically writing checkpoint files (TFBindings cannot use ShellCore's AtomicFile).
enum CheckpointFile {
  /// Writes `data` to `path` so that no reader ever sees half a file: the bytes go to a temporary
  /// file in the same folder, are flushed, and the temporary file is renamed over `path`.
  /// Messages name the file as `shown` (the path as the learner wrote it).
  static func writeAtomically(_ data: Data, to path: String, shownAs shown: String) throws {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
      throw CheckpointError(.valueError, "Parent directory of \(shown) doesn't exist, can't save.")
    }
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
      throw CheckpointError(.osError, "[Errno 13] Permission denied: '\(shown)'")
    }
    do {
      let handle = try FileHandle(forWritingTo: tmp)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
      if rename(tmp.path, url.path) != 0 {
        let code = errno
        throw CheckpointError(.osError, "[Errno \(code)] \(String(cString: strerror(code))): '\(shown)'")
      }
    } catch let e as CheckpointError {
      try? FileManager.default.removeItem(at: tmp)
      throw e
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw CheckpointError(.osError, "could not write '\(shown)': \(error.localizedDescription)")
    }
  }

  /// The file's bytes; a missing file is `NotFoundError`, a folder or unreadable file `DataLossError`/`OSError`.
  static func read(_ path: String, shownAs shown: String) throws -> Data {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw CheckpointError(.notFound, "Unsuccessful TensorSliceReader constructor: Failed to find any matching files for \(shown)",
                            hint: "save one first with saver.save(sess, \"\(shown)\") or :save")
    }
    if isDir.boolValue { throw CheckpointError(.dataLoss, "\(shown) is a folder, not a checkpoint file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CheckpointError(.osError, "[Errno 13] Permission denied: '\(shown)'")
    }
    return data
  }
}
