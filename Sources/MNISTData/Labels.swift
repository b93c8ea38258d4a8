/// Labels of a data set or batch: class ids (`uint8`), or one-hot rows (`float32`, `[N, classes]`).
public struct MNISTLabels: Sendable, Equatable {
  /// The label storage.
  public enum Values: Sendable, Equatable {
    /// Class ids, shape `[N]` (TensorFlow: `uint8`).
    case classIds([UInt8])
    /// One-hot rows, row-major `[N, classes]` (TensorFlow gave float64; here float32).
    case oneHot([Float], classes: Int)
  }

  public let values: Values
  /// Number of labels (rows).
  public let count: Int

  public init(_ values: Values) {
    self.values = values
    switch values {
    case .classIds(let ids): count = ids.count
    case .oneHot(let rows, let classes): count = classes == 0 ? 0 : rows.count / classes
    }
  }

  /// `[N]` for class ids, `[N, classes]` for one-hot.
  public var shape: [Int] {
    switch values {
    case .classIds: return [count]
    case .oneHot(_, let classes): return [count, classes]
    }
  }

  /// The class id of every row, whatever the encoding (for one-hot: the index of the largest value).
  public var classIds: [UInt8] {
    switch values {
    case .classIds(let ids): return ids
    case .oneHot(let rows, let classes): return LabelEncoding.argmaxRows(rows, classes: classes)
    }
  }
}

/// One-hot encoding as TensorFlow's `dense_to_one_hot` does it.
public enum LabelEncoding {
  /// One-hot rows `[ids.count, classes]`; a class id outside 0..<classes is a `ValueError`.
  public static func oneHot(_ ids: [UInt8], classes: Int = 10) throws -> [Float] {
    if let bad = ids.firstIndex(where: { Int($0) >= classes }) {
      throw MNISTDataError(
        .invalidArgument, "ValueError",
        "label \(ids[bad]) at index \(bad) is out of range for one_hot with \(classes) classes")
    }
    var rows = [Float](repeating: 0, count: ids.count * classes)
    rows.withUnsafeMutableBufferPointer { r in
      for (i, id) in ids.enumerated() { r[i * classes + Int(id)] = 1 }
    }
    return rows
  }

  /// The index of the largest value in each row (the first one on ties), as `numpy.argmax`.
  public static func argmaxRows(_ rows: [Float], classes: Int) -> [UInt8] {
    guard classes > 0 else { return [] }
    let n = rows.count / classes
    return (0..<n).map { i in
      var best = 0
      for c in 1..<max(classes, 1) where rows[i * classes + c] > rows[i * classes + best] { best = c }
      return UInt8(truncatingIfNeeded: best)
    }
  }
}
