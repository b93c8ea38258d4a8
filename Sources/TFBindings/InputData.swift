import Foundation
import MNISTData
import PyInterp
import Tensors

/// The result of `read_data_sets`: `.train`, `.validation`, `.test`.
final class DataSetsObject: PyObject {
  let datasets: Datasets
  let train, validation, test: DataSetObject
  init(_ d: Datasets, env: TFEnvironment) {
    datasets = d
    train = DataSetObject(d.train, env: env)
    validation = DataSetObject(d.validation, env: env)
    test = DataSetObject(d.test, env: env)
  }
  var pyTypeName: String { "Datasets" }
  var pyTypeModule: String? { "tensorflow.contrib.learn.python.learn.datasets.base" }
  func pyRepr() -> String {
    "Datasets(train=\(train.pyRepr()), validation=\(validation.pyRepr()), test=\(test.pyRepr()))"
  }
  var pyDoc: String? { "MNIST split in three: train (55000 images), validation (5000) and test (10000)." }
  func pyGetAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "train": return .object(train)
    case "validation": return .object(validation)
    case "test": return .object(test)
    default: return nil
    }
  }
  func pyDir() -> [String] { ["train", "validation", "test"] }
  func pyIterate() throws -> PyIterator? { .over([.object(train), .object(validation), .object(test)], typeName: "tuple_iterator") }
  func pyGetItem(_ key: PyValue) throws -> PyValue {
    let items: [PyValue] = [.object(train), .object(validation), .object(test)]
    var i = try key.asInt(what: "tuple indices")
    if i < 0 { i += 3 }
    guard i >= 0 && i < 3 else { throw PyException.indexError("tuple index out of range") }
    return items[i]
  }
  func pyLength() throws -> Int? { 3 }
}

/// One split (`mnist.train`): images, labels, num_examples, next_batch.
final class DataSetObject: PyObject {
  let dataset: DataSet
  unowned let env: TFEnvironment
  init(_ d: DataSet, env: TFEnvironment) {
    dataset = d
    self.env = env
  }
  var pyTypeName: String { "DataSet" }
  var pyTypeModule: String? { "tensorflow.contrib.learn.python.learn.datasets.mnist" }
  func pyRepr() -> String { "<tensorflow.contrib.learn.python.learn.datasets.mnist.DataSet object at \(address(of: self))>" }
  var pyDoc: String? { "One part of MNIST: images [N, 784] in 0..1, labels, and next_batch(n)." }

  /// The images as a float32 array: made from the stored bytes the first time it is asked for
  /// (31 MB for the test set, 172 MB for train), then shared without copying.
  var images: NDArray { NDArray(shape: dataset.imagesShape, floats: dataset.images) }
  /// The labels as an array: one-hot float32 rows, or int64 class ids.
  var labels: NDArray { TFEnvironment.labelsArray(dataset.labels) }

  func pyGetAttribute(_ name: String) throws -> PyValue? {
    let d = dataset, env = env
    switch name {
    case "images": return env.wrap(images)
    case "labels": return env.wrap(labels)
    case "num_examples": return .int(d.numExamples)
    case "epochs_completed": return .int(d.epochsCompleted)
    case "next_batch": return nextBatchMethod
    default: return nil
    }
  }
  func pyDir() -> [String] { ["images", "labels", "num_examples", "epochs_completed", "next_batch"] }

  /// `next_batch`, made once: the training loop looks it up on every step.
  private lazy var nextBatchMethod: PyValue = {
    let d = dataset
    return method("DataSet", PySignature("next_batch", [.required("batch_size"), .optional("fake_data", .false), .optional("shuffle", .true)]),
                  doc: "The next batch_size examples as a tuple (images, labels); reshuffled after each pass.") { [unowned env] a in
      let n = try a.int("batch_size")
      let batch = try env.translate { try d.nextBatch(n, shuffle: try a.bool("shuffle")) }
      env.lastBatchSize = n  // only a call that worked: `:train` takes its batch size from it
      return .tuple([env.wrap(NDArray(shape: batch.imagesShape, floats: batch.images)),
                     env.wrap(TFEnvironment.labelsArray(batch.labels))])
    }
  }()
}

extension TFEnvironment {
  /// Labels as an array: one-hot rows stay float32 `[N, 10]`, class ids become int64 `[N]`.
  static func labelsArray(_ l: MNISTLabels) -> NDArray {
    switch l.values {
    case .oneHot(let rows, let classes): return NDArray(shape: [l.count, classes], floats: rows)
    case .classIds(let ids): return NDArray(shape: [ids.count], int64s: ids.map { Int64($0) })
    }
  }

  /// Builds `tensorflow.examples.tutorials.mnist.input_data`.
  func makeInputDataModule() -> PyModule {
    let m = PyModule("tensorflow.examples.tutorials.mnist.input_data",
                     doc: "Reads MNIST (bundled with mnist-shell) into train, validation and test sets.")
    m.define(PySignature("read_data_sets", [.required("train_dir"), .optional("fake_data", .false), .optional("one_hot", .false),
                                            .optional("dtype"), .optional("reshape", .true),
                                            .optional("validation_size", .int(5000)), .optional("seed")]),
             doc: "Reads MNIST into train_dir (copying the bundled files there when missing): returns .train, .validation, .test.") { [self] a in
      let dir = try a.string("train_dir")
      if try a.bool("fake_data") {
        throw PyException(.notImplementedError, "fake_data=True is not supported in mnist-shell")
      }
      var resolved = dir
      if let wd = workingDirectory, !dir.hasPrefix("/") { resolved = pythonPathJoin(wd, dir) }
      let prefix = resolved == dir ? nil : String(resolved.dropLast(dir.count))
      let seed = a["seed"].isNone ? defaultDataSeed : Int64(try a.int("seed"))
      var options = FetchOptions()
      options.checkInterrupt = { try PyInterrupt.check() }  // Ctrl-C stops a download or a read
      let d = try translate {
        try readDataSets(trainDir: resolved, oneHot: try a.bool("one_hot"), reshape: try a.bool("reshape"),
                         validationSize: try a.int("validation_size"), seed: seed, options: options) { line in
          var text = line
          if let prefix { text = text.replacingOccurrences(of: prefix, with: "") }
          self.write(text + "\n")
        }
      }
      let object = DataSetsObject(d, env: self)
      setDatasets(d, object: object)
      return .object(object)
    }
    return m
  }
}
