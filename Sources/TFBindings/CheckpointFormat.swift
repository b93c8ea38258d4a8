import Foundation
import Tensors

/// Why a checkpoint could not be written, found, read or applied, in TensorFlow's error classes.
public struct CheckpointError: Error, CustomStringConvertible, Equatable {
  /// TensorFlow's error class for the problem.
  public enum Kind: String, Sendable {
    /// `NotFoundError`: no such file, or a variable the checkpoint lacks.
    case notFound = "NotFoundError"
    /// `InvalidArgumentError`: names, shapes or dtypes that do not match the graph.
    case invalidArgument = "InvalidArgumentError"
    /// `DataLossError`: a damaged file, or one that is not a safetensors checkpoint.
    case dataLoss = "DataLossError"
    /// `FailedPreconditionError`: a variable without a value (nothing to save).
    case failedPrecondition = "FailedPreconditionError"
    /// `ValueError`: a bad argument (no variables, a folder that does not exist).
    case valueError = "ValueError"
    /// `OSError`: the file system refused (permissions, full disk).
    case osError = "OSError"
  }
  public var kind: Kind
  public var message: String
  public var hint: String?
  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }
  public var description: String { "\(kind.rawValue): \(message)" }
}

/// The safetensors format (<https://github.com/huggingface/safetensors>): an 8-byte little-endian
/// header length N, N bytes of JSON mapping each tensor name to
/// `{"dtype": "F32"|"I64"|"BOOL", "shape": [...], "data_offsets": [begin, end]}` (offsets relative to
/// the data after the header) plus an optional `"__metadata__"` object of strings, then the raw
/// little-endian tensor bytes. NumPy, PyTorch and the `safetensors` package read it directly.
public enum SafeTensors {
  /// The largest header a reader accepts (the reference implementation's limit).
  public static let maxHeaderLength = 100_000_000

  /// The safetensors dtype name for a dtype.
  public static func name(of dtype: DType) -> String {
    switch dtype {
    case .float32: return "F32"
    case .int64: return "I64"
    case .bool: return "BOOL"
    }
  }

  static let elementSize: [String: Int] = [
    "F32": 4, "I64": 8, "BOOL": 1,
    // Known to the format but not to this engine: reported as unsupported, not as damage.
    "F64": 8, "F16": 2, "BF16": 2, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "U16": 2, "U32": 4, "U64": 8,
    "F8_E4M3": 1, "F8_E5M2": 1,
  ]

  /// Encodes `tensors` (in the given order) with `metadata` as a safetensors file.
  public static func encode(_ tensors: [(name: String, array: NDArray)], metadata: [String: String] = [:]) throws -> Data {
    var header: [String: Any] = [:]
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var body = Data()
    for (name, array) in tensors {
      let begin = body.count
      switch array.storage {
      case .float32(let v): v.withUnsafeBytes { raw in body.append(contentsOf: raw.bindMemory(to: UInt32.self).map(\.littleEndian).withUnsafeBytes { Data($0) }) }
      case .int64(let v): v.withUnsafeBytes { raw in body.append(contentsOf: raw.bindMemory(to: UInt64.self).map(\.littleEndian).withUnsafeBytes { Data($0) }) }
      case .bool(let v): body.append(contentsOf: v.map { $0 ? UInt8(1) : 0 })
      }
      header[name] = ["dtype": SafeTensors.name(of: array.dtype), "shape": array.shape, "data_offsets": [begin, body.count]] as [String: Any]
    }
    var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    while (8 + json.count) % 8 != 0 { json.append(0x20) }
    var out = Data(capacity: 8 + json.count + body.count)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
    out.append(json)
    out.append(body)
    return out
  }

  /// Decodes a safetensors file, validating everything before trusting it.
  ///
  /// - Returns: the tensors in file order (by data offset) and the metadata strings.
  /// - Throws: ``CheckpointError`` `.dataLoss` for a damaged or foreign file (header length, JSON,
  ///   offsets outside the data or overlapping, shapes that disagree with byte counts, unknown
  ///   dtypes), `.invalidArgument` for a valid file holding a dtype this engine lacks (F64, ...).
  public static func decode(_ data: Data, file: String = "checkpoint") throws -> (tensors: [(name: String, array: NDArray)], metadata: [String: String]) {
    func damaged(_ why: String) -> CheckpointError {
      CheckpointError(.dataLoss, "Unable to read \(file): \(why)",
                      hint: "the file is damaged or is not a safetensors checkpoint; save it again")
    }
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else { throw damaged("the file is \(bytes.count) bytes long, too short for a safetensors header") }
    var n: UInt64 = 0
    for i in 0..<8 { n |= UInt64(bytes[i]) << (8 * UInt64(i)) }
    guard n >= 2, n <= UInt64(maxHeaderLength) else { throw damaged("the header length \(n) is not plausible") }
    let headerLength = Int(n)
    guard 8 + headerLength <= bytes.count else {
      throw damaged("the header claims \(headerLength) bytes but the file has only \(bytes.count - 8) after the length")
    }
    let headerBytes = Data(bytes[8..<(8 + headerLength)])
    guard let top = try? JSONSerialization.jsonObject(with: headerBytes), let header = top as? [String: Any] else {
      throw damaged("the header is not a JSON object")
    }
    var metadata: [String: String] = [:]
    if let m = header["__metadata__"] {
      guard let dict = m as? [String: Any] else { throw damaged("__metadata__ is not an object") }
      for (k, v) in dict {
        guard let s = v as? String else { throw damaged("__metadata__ value '\(k)' is not a string") }
        metadata[k] = s
      }
    }
    let dataLength = bytes.count - 8 - headerLength
    let dataStart = 8 + headerLength
    var entries: [(name: String, dtype: String, shape: [Int], begin: Int, end: Int)] = []
    for (name, value) in header where name != "__metadata__" {
      guard let e = value as? [String: Any] else { throw damaged("the entry for '\(name)' is not an object") }
      guard let dtype = e["dtype"] as? String else { throw damaged("'\(name)' has no dtype") }
      guard let size = elementSize[dtype] else { throw damaged("'\(name)' has an unknown dtype \"\(dtype)\"") }
      guard let rawShape = e["shape"] as? [Any], let shape = integers(rawShape), shape.allSatisfy({ $0 >= 0 }) else {
        throw damaged("'\(name)' has no valid shape")
      }
      guard let rawOffsets = e["data_offsets"] as? [Any], let offsets = integers(rawOffsets), offsets.count == 2 else {
        throw damaged("'\(name)' has no valid data_offsets")
      }
      let (begin, end) = (offsets[0], offsets[1])
      guard begin >= 0, begin <= end, end <= dataLength else {
        throw damaged("the data of '\(name)' (bytes \(begin) to \(end)) lies outside the file's \(dataLength) data bytes")
      }
      var count = 1
      for d in shape {
        let (p, overflow) = count.multipliedReportingOverflow(by: d)
        guard !overflow else { throw damaged("the shape of '\(name)' is too large") }
        count = p
      }
      let (bytesNeeded, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, bytesNeeded == end - begin else {
        throw damaged("'\(name)' has shape \(shapeText(shape)) and dtype \(dtype), which needs \(overflow ? "too many" : String(bytesNeeded)) bytes, but its data_offsets span \(end - begin)")
      }
      entries.append((name, dtype, shape, begin, end))
    }
    entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    for (a, b) in zip(entries, entries.dropFirst()) where b.begin < a.end {
      throw damaged("the data of '\(a.name)' and '\(b.name)' overlap")
    }
    var tensors: [(name: String, array: NDArray)] = []
    for e in entries {
      let slice = bytes[(dataStart + e.begin)..<(dataStart + e.end)]
      switch e.dtype {
      case "F32":
        let v = stride(from: slice.startIndex, to: slice.endIndex, by: 4).map { i in
          Float(bitPattern: UInt32(slice[i]) | UInt32(slice[i + 1]) << 8 | UInt32(slice[i + 2]) << 16 | UInt32(slice[i + 3]) << 24)
        }
        tensors.append((e.name, NDArray(shape: e.shape, floats: v)))
      case "I64":
        let v = stride(from: slice.startIndex, to: slice.endIndex, by: 8).map { i in
          Int64(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(slice[i + $1]) << (8 * UInt64($1)) })
        }
        tensors.append((e.name, NDArray(shape: e.shape, int64s: v)))
      case "BOOL":
        tensors.append((e.name, NDArray(shape: e.shape, bools: slice.map { $0 != 0 })))
      default:
        throw CheckpointError(.invalidArgument, "\(file): '\(e.name)' has dtype \(e.dtype), which mnist-shell does not support (only F32, I64 and BOOL)")
      }
    }
    return (tensors, metadata)
  }

  /// The values as Ints, or nil when one is not a whole number.
  private static func integers(_ values: [Any]) -> [Int]? {
    var out: [Int] = []
    for v in values {
      guard let n = v as? NSNumber else { return nil }
      let d = n.doubleValue
      guard d == d.rounded(), abs(d) < 9.0e15, let i = Int(exactly: d) else { return nil }
      out.append(i)
    }
    return out
  }
}

/// A shape as Python prints a tuple: `(784, 10)`, `(10,)`, `()`.
func shapeText(_ shape: [Int]) -> String {
  shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
