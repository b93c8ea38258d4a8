import Foundation
import PyInterp
import TFGraph
import Tensors

extension TFExceptionTypes {
  /// `tf.errors.DataLossError` (a damaged or foreign checkpoint file).
  public static let dataLoss = PyType.exceptionClass("DataLossError", module: module, base: opError)
  /// `OSError` (the file system refused a write).
  static let osError = PyType.exceptionClass("OSError", base: .exception)
}

extension TFEnvironment {
  /// Adds `tf.train.Saver` and `tf.errors.DataLossError` to the `tensorflow` module.
  func addCheckpointing(_ tf: PyModule) {
    if case .module(let errors)? = tf.attributes["errors"] {
      errors.attributes["DataLossError"] = .type(TFExceptionTypes.dataLoss)
    }
    guard case .module(let train)? = tf.attributes["train"] else { return }
    def(train, "Saver", [.optional("var_list"), .optional("reshape", .false), .optional("sharded", .false),
                         .optional("max_to_keep", .int(5)), .optional("keep_checkpoint_every_n_hours", .float(10000)),
                         .optional("name"), .optional("restore_sequentially", .false), .optional("saver_def"),
                         .optional("builder"), .optional("defer_build", .false), .optional("allow_empty", .false),
                         .optional("write_version"), .optional("pad_step_number", .false),
                         .optional("save_relative_paths", .false), .optional("filename")],
        doc: "Saves and restores variables: saver.save(sess, \"model.ckpt\") writes model.ckpt.safetensors; saver.restore(sess, \"model.ckpt\") reads it back.") { [self] a in
      let list = try saverVariables(a["var_list"])
      let allowEmpty = try a.bool("allow_empty")
      if list.isEmpty && !allowEmpty {
        throw PyException.valueError("No variables to save", hint: "create the model's tf.Variable objects before the Saver")
      }
      let keep = a["max_to_keep"].isNone ? 0 : try a.int("max_to_keep")
      return .object(SaverObject(variables: list, maxToKeep: keep, env: self))
    }
  }

  /// The `var_list` argument: None (every variable of the default graph), a list of variables,
  /// or a dict from checkpoint names to variables.
  private func saverVariables(_ v: PyValue) throws -> [(String, Variable)] {
    switch v {
    case .none: return Self.checkpointNames(graph.globalVariables)
    case .dict(let d):
      return try d.items.map { k, x in
        guard case .str(let name) = k else { throw PyException.typeError("var_list keys must be strings, not '\(k.typeName)'") }
        guard let variable = variable(of: x) else { throw PyException.typeError("Variable to save is not a Variable: \(PyRepr.repr(x))") }
        return (name, variable)
      }
    default:
      guard let items = v.sequenceItems else { throw PyException.typeError("var_list must be a list, tuple or dict of variables") }
      return try Self.checkpointNames(items.map { x in
        guard let variable = variable(of: x) else { throw PyException.typeError("Variable to save is not a Variable: \(PyRepr.repr(x))") }
        return variable
      })
    }
  }

  /// The Python exception for a checkpoint problem.
  public func pyException(_ e: CheckpointError) -> PyException {
    let type: PyType
    switch e.kind {
    case .notFound: type = TFExceptionTypes.notFound
    case .invalidArgument: type = TFExceptionTypes.invalidArgument
    case .dataLoss: type = TFExceptionTypes.dataLoss
    case .failedPrecondition: type = TFExceptionTypes.failedPrecondition
    case .valueError: type = .valueError
    case .osError: type = TFExceptionTypes.osError
    }
    return PyException(type, e.message, hint: e.hint)
  }

  /// Runs `body`, turning checkpoint errors into Python exceptions.
  func translateCheckpoint<R>(_ body: () throws -> R) throws -> R {
    do { return try body() } catch let e as CheckpointError { throw pyException(e) }
  }

  /// The session object for a Python session argument.
  fileprivate func sessionArgument(_ v: PyValue, _ method: String) throws -> Session {
    guard case .object(let o as SessionObject) = v else {
      throw PyException.typeError("'sess' must be a Session; \(PyRepr.repr(v))", hint: "call saver.\(method)(sess, path) with your tf.Session or tf.InteractiveSession")
    }
    return o.session
  }
}

/// `tf.train.Saver`: writes and reads the session's variables as a safetensors file.
///
/// `save(sess, "model.ckpt")` writes `model.ckpt.safetensors` (a path ending in `.safetensors` is
/// used as is) and returns the prefix, as TensorFlow returns its checkpoint prefix;
/// `global_step=N` appends `-N` to the prefix. Only the newest `max_to_keep` files this saver
/// wrote are kept.
final class SaverObject: PyObject {
  let variables: [(String, Variable)]
  let maxToKeep: Int
  unowned let env: TFEnvironment
  /// Files this saver wrote, oldest first.
  private(set) var written: [String] = []

  init(variables: [(String, Variable)], maxToKeep: Int, env: TFEnvironment) {
    self.variables = variables
    self.maxToKeep = maxToKeep
    self.env = env
  }

  var pyTypeName: String { "Saver" }
  var pyTypeModule: String? { "tensorflow.python.training.saver" }
  var pyDoc: String? { "Saves variables with save(sess, path) and restores them with restore(sess, path) (safetensors files)." }
  func pyRepr() -> String { "<tensorflow.python.training.saver.Saver object at \(address(of: self))>" }
  func pyDir() -> [String] { ["save", "restore", "last_checkpoints"] }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let env = env
    switch name {
    case "save":
      return method("Saver", PySignature("save", [.required("sess"), .required("save_path"), .optional("global_step"),
                                                  .optional("latest_filename"), .optional("meta_graph_suffix", .str("meta")),
                                                  .optional("write_meta_graph", .true), .optional("write_state", .true),
                                                  .optional("strip_default_attrs", .false)]),
                    doc: "Writes the variables' values in sess to save_path (+ .safetensors); returns the path prefix.") { [self] a in
        let session = try env.sessionArgument(a["sess"], "save")
        var prefix = try a.string("save_path")
        if let step = a.optional("global_step") {
          let n: Int
          if let t = env.variable(of: step) { n = Int(try env.translate { try session.value(of: t) }.scalarDouble ?? 0) } else { n = try step.asInt(what: "global_step") }
          prefix += "-\(n)"
        }
        let summary = try env.translateCheckpoint {
          try env.saveCheckpoint(session, variables: self.variables, to: prefix, metadata: ["saved_as": prefix])
        }
        self.remember(summary.file)
        return .str(prefix)
      }
    case "restore":
      return method("Saver", PySignature("restore", [.required("sess"), .required("save_path")]),
                    doc: "Sets the variables in sess from the checkpoint at save_path (checks names, shapes and dtypes first).") { [self] a in
        let session = try env.sessionArgument(a["sess"], "restore")
        if a["save_path"].isNone { throw PyException.valueError("Can't load save_path when it is None.") }
        let summary = try env.translateCheckpoint {
          try env.restoreCheckpoint(session, variables: self.variables, from: try a.string("save_path"))
        }
        if !summary.ignored.isEmpty {
          env.write("Note: \(summary.file) also holds \(summary.ignored.joined(separator: ", ")), which this Saver does not restore.\n")
        }
        return .none
      }
    case "last_checkpoints":
      return .newList(written.map { .str($0.hasSuffix(".safetensors") ? String($0.dropLast(".safetensors".count)) : $0) })
    default: return nil
    }
  }

  /// Records a written file and deletes the oldest ones beyond `max_to_keep`.
  private func remember(_ file: String) {
    written.removeAll { $0 == file }
    written.append(file)
    guard maxToKeep > 0 else { return }
    while written.count > maxToKeep {
      let old = written.removeFirst()
      try? FileManager.default.removeItem(atPath: env.resolvedPath(old))
    }
  }
}
