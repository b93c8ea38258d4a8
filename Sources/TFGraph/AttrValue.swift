import Tensors

/// The value of an operation attribute (TensorFlow's `AttrValue` protobuf, the cases used here).
public enum AttrValue: Sendable {
  case type(DType)
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case shape(TensorShape)
  case ints([Int])
  case tensor(NDArray)

  /// The `value { ... }` body of the attribute in protobuf text format, indented by `indent`.
  func protoText(indent: String) -> String {
    let i = indent
    switch self {
    case .type(let t): return "\(i)type: \(t.tfEnumName)\n"
    case .bool(let b): return "\(i)b: \(b)\n"
    case .int(let n): return "\(i)i: \(n)\n"
    case .float(let f): return "\(i)f: \(protoFloat(f))\n"
    case .string(let s): return "\(i)s: \"\(s)\"\n"
    case .ints(let v):
      return "\(i)list {\n" + v.map { "\(i)  i: \($0)\n" }.joined() + "\(i)}\n"
    case .shape(let s): return "\(i)shape {\n" + shapeProto(s, indent: i + "  ") + "\(i)}\n"
    case .tensor(let a):
      var t = "\(i)tensor {\n\(i)  dtype: \(a.dtype.tfEnumName)\n\(i)  tensor_shape {\n"
      for d in a.shape { t += "\(i)    dim {\n\(i)      size: \(d)\n\(i)    }\n" }
      t += "\(i)  }\n"
      if a.count <= 10 {
        switch a.storage {
        case .float32(let v): t += v.map { "\(i)  float_val: \(protoFloat(Double($0)))\n" }.joined()
        case .int64(let v): t += v.map { "\(i)  int64_val: \($0)\n" }.joined()
        case .bool(let v): t += v.map { "\(i)  bool_val: \($0)\n" }.joined()
        }
      } else {
        t += "\(i)  tensor_content: \"<\(a.count * a.dtype.byteSize) bytes>\"\n"
      }
      return t + "\(i)}\n"
    }
  }
}

func shapeProto(_ s: TensorShape, indent i: String) -> String {
  guard let dims = s.dims else { return "\(i)unknown_rank: true\n" }
  return dims.map { "\(i)dim {\n\(i)  size: \($0 ?? -1)\n\(i)}\n" }.joined()
}

/// Protobuf text prints whole floats as `1.0` and others shortest round-trip.
func protoFloat(_ f: Double) -> String {
  let x = Float(f)
  if x == x.rounded(), abs(x) < 1e16 { return "\(Int(x)).0" }
  return "\(x)"
}

extension DType {
  /// TensorFlow's enum name, as in `type: DT_FLOAT`.
  public var tfEnumName: String {
    switch self {
    case .float32: return "DT_FLOAT"
    case .int64: return "DT_INT64"
    case .bool: return "DT_BOOL"
    }
  }
  var byteSize: Int {
    switch self {
    case .float32: return 4
    case .int64: return 8
    case .bool: return 1
    }
  }
}
