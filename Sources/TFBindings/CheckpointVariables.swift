import Foundation
import TFGraph
import Tensors

/// What a save or restore did.
public struct CheckpointSummary {
  /// The file written or read, as the caller named it (relative paths stay relative).
  public var file: String
  /// The variables saved or restored: checkpoint name, shape and dtype, in graph order.
  public var variables: [(name: String, shape: [Int], dtype: DType)]
  /// Names in the checkpoint that no variable asked for (restore ignores them).
  public var ignored: [String]
}

extension TFEnvironment {
  /// The file a checkpoint path names: the path itself when it ends in `.safetensors`, else the
  /// path plus `.safetensors` (TensorFlow's `model.ckpt` prefix becomes `model.ckpt.safetensors`).
  public static func checkpointFile(for path: String) -> String {
    path.hasSuffix(".safetensors") ? path : path + ".safetensors"
  }

  /// `path` resolved against ``workingDirectory`` when relative.
  public func resolvedPath(_ path: String) -> String {
    guard let wd = workingDirectory, !path.hasPrefix("/") else { return path }
    return wd.hasSuffix("/") ? wd + path : wd + "/" + path
  }

  /// The checkpoint names of `session`'s variables (TensorFlow's: the op names `Variable`, `Variable_1`).
  public static func checkpointNames(_ variables: [Variable]) -> [(String, Variable)] {
    variables.map { ($0.op.name, $0) }
  }

  /// Writes the values of `variables` (default: every variable of the session's graph) in
  /// `session` to the safetensors file for `path`, atomically.
  ///
  /// - Throws: ``CheckpointError``: `.failedPrecondition` for a variable without a value,
  ///   `.valueError` when there is nothing to save or the folder is missing, `.osError` when the
  ///   file cannot be written.
  @discardableResult
  public func saveCheckpoint(_ session: Session, variables: [(String, Variable)]? = nil, to path: String,
                             metadata: [String: String] = [:]) throws -> CheckpointSummary {
    if session.isClosed { throw CheckpointError(.valueError, "Attempted to use a closed Session.") }
    let list = variables ?? Self.checkpointNames(session.graph.globalVariables)
    guard !list.isEmpty else {
      throw CheckpointError(.valueError, "No variables to save", hint: "create the model's tf.Variable objects first")
    }
    var tensors: [(name: String, array: NDArray)] = []
    var missing: [String] = []
    for (name, v) in list {
      guard session.isInitialized(v), let value = try? session.value(of: v) else { missing.append(v.op.name); continue }
      tensors.append((name, value))
    }
    if !missing.isEmpty {
      throw CheckpointError(.failedPrecondition, "Attempting to use uninitialized value \(missing.joined(separator: ", "))",
                            hint: "run sess.run(tf.global_variables_initializer()) (and train) before saving")
    }
    var meta = metadata
    meta["format"] = "np"
    meta["producer"] = "mnist-shell"
    meta["content"] = "TensorFlow 1.x variables by name"
    let file = Self.checkpointFile(for: path)
    let data = try SafeTensors.encode(tensors, metadata: meta)
    try CheckpointFile.writeAtomically(data, to: resolvedPath(file), shownAs: path)
    return CheckpointSummary(file: file, variables: tensors.map { ($0.name, $0.array.shape, $0.array.dtype) }, ignored: [])
  }

  /// The file `restoreCheckpoint` and `readCheckpoint` read for `path`: `path` + `.safetensors`
  /// if that exists, else `path` itself if it exists, else the `.safetensors` name (missing).
  public func existingCheckpointFile(for path: String) -> String {
    let withSuffix = Self.checkpointFile(for: path)
    if FileManager.default.fileExists(atPath: resolvedPath(withSuffix)) { return withSuffix }
    if FileManager.default.fileExists(atPath: resolvedPath(path)) { return path }
    return withSuffix
  }

  /// Reads and validates a checkpoint file (see ``SafeTensors/decode(_:file:)``).
  public func readCheckpoint(_ path: String) throws -> (tensors: [(name: String, array: NDArray)], metadata: [String: String], file: String) {
    let file = existingCheckpointFile(for: path)
    let shown = FileManager.default.fileExists(atPath: resolvedPath(file)) ? file : path
    let data = try CheckpointFile.read(resolvedPath(file), shownAs: shown)
    let decoded = try SafeTensors.decode(data, file: file)
    return (decoded.tensors, decoded.metadata, file)
  }

  /// Sets `variables` (default: every variable of the session's graph) in `session` from the
  /// checkpoint at `path`. Nothing changes unless every variable matches.
  ///
  /// - Throws: ``CheckpointError``: `.notFound` for a missing file or names the checkpoint lacks,
  ///   `.invalidArgument` for shapes or dtypes that differ from the graph's (every problem is
  ///   listed, e.g. `Variable: shape in checkpoint (10, 784) does not match the graph's (784, 10)`),
  ///   `.dataLoss` for a damaged or foreign file.
  @discardableResult
  public func restoreCheckpoint(_ session: Session, variables: [(String, Variable)]? = nil, from path: String) throws -> CheckpointSummary {
    if session.isClosed { throw CheckpointError(.valueError, "Attempted to use a closed Session.") }
    let list = variables ?? Self.checkpointNames(session.graph.globalVariables)
    guard !list.isEmpty else {
      throw CheckpointError(.valueError, "No variables to restore",
                            hint: "run the statements that create the model's variables first, then restore")
    }
    let (tensors, _, file) = try readCheckpoint(path)
    var byName: [String: NDArray] = [:]
    for t in tensors { byName[t.name] = t.array }
    var missing: [String] = []
    var mismatches: [String] = []
    for (name, v) in list {
      guard let a = byName[name] else { missing.append(name); continue }
      let graphShape = v.shape.dims?.compactMap { $0 } ?? []
      if a.dtype != v.dtype {
        mismatches.append("\(name): dtype in checkpoint \(a.dtype.rawValue) does not match the graph's \(v.dtype.rawValue)")
      }
      if a.shape != graphShape {
        mismatches.append("\(name): shape in checkpoint \(shapeText(a.shape)) does not match the graph's \(shapeText(graphShape))")
      }
    }
    if !missing.isEmpty || !mismatches.isEmpty {
      let present = tensors.map { "\($0.name) \(shapeText($0.array.shape)) \($0.array.dtype.rawValue)" }.joined(separator: ", ")
      let lines = missing.map { "Key \($0) not found in checkpoint" } + mismatches
      throw CheckpointError(mismatches.isEmpty ? .notFound : .invalidArgument,
                            "Restoring from \(file) failed:\n  " + lines.joined(separator: "\n  "),
                            hint: "the checkpoint holds \(present.isEmpty ? "no tensors" : present); build the same model (same variables, in the same order) before restoring")
    }
    for (name, v) in list {
      do { try session.setValue(byName[name]!, for: v) } catch {
        throw CheckpointError(.invalidArgument, "\(name): \(error)")
      }
    }
    let wanted = Set(list.map(\.0))
    return CheckpointSummary(file: file, variables: list.map { ($0.0, byName[$0.0]!.shape, $0.1.dtype) },
                             ignored: tensors.map(\.name).filter { !wanted.contains($0) })
  }
}
