import Foundation
import Testing
import TFBindings
import Tensors

@Suite struct CheckpointFormatTests {
  let sample: [(name: String, array: NDArray)] = [
    ("Variable", NDArray(shape: [2, 3], floats: [1, -2.5, 3e-8, .infinity, 0, 42])),
    ("Variable_1", NDArray(shape: [3], floats: [0.5, 0.25, -1])),
    ("global_step", NDArray(shape: [], int64s: [-7])),
    ("mask", NDArray(shape: [2, 2], bools: [true, false, false, true])),
    ("empty", NDArray(shape: [0, 4], floats: [])),
  ]

  @Test func roundTripKeepsNamesShapesDtypesAndValues() throws {
    let data = try SafeTensors.encode(sample, metadata: ["step": "3"])
    let (tensors, metadata) = try SafeTensors.decode(data)
    #expect(metadata["step"] == "3")
    #expect(tensors.count == sample.count)
    for (name, array) in sample {
      let got = try #require(tensors.first { $0.name == name }?.array)
      #expect(got.shape == array.shape)
      #expect(got.dtype == array.dtype)
      #expect("\(got.storage)" == "\(array.storage)")
    }
  }

  @Test func headerIsSafetensorsJSON() throws {
    let data = try SafeTensors.encode([("W", NDArray(shape: [1, 2], floats: [1, 2]))])
    let n = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    #expect((8 + n) % 8 == 0)
    let json = String(decoding: data[8..<(8 + n)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    #expect(json == #"{"W":{"data_offsets":[0,8],"dtype":"F32","shape":[1,2]}}"#)
    #expect(Array(data.suffix(8)) == [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40])  // little-endian 1.0, 2.0
  }

  /// A file with the given JSON header and `dataBytes` zero bytes of data.
  func file(_ json: String, dataBytes: Int) -> Data {
    var d = Data()
    let h = Array(json.utf8)
    withUnsafeBytes(of: UInt64(h.count).littleEndian) { d.append(contentsOf: $0) }
    d.append(contentsOf: h)
    d.append(Data(count: dataBytes))
    return d
  }

  /// The DataLossError message decoding `data` gives (nil when it decodes).
  func dataLoss(_ data: Data) -> String? {
    do {
      _ = try SafeTensors.decode(data, file: "model.safetensors")
      return nil
    } catch let e as CheckpointError {
      return e.kind == .dataLoss ? e.message : "wrong kind \(e)"
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func damagedFilesGiveDataLossNeverACrash() throws {
    let good = try SafeTensors.encode(sample)
    // Truncated anywhere: inside the length, the header, or the data.
    for cut in [0, 3, 7, 8, 20, good.count - 1] {
      #expect(dataLoss(good.prefix(cut)) != nil, "cut at \(cut)")
    }
    #expect(dataLoss(good.prefix(good.count - 1))?.contains("outside") == true)
    #expect(dataLoss(file("{\"W\": {\"dtype\": \"F32\", ", dataBytes: 4))?.contains("not a JSON object") == true)
    #expect(dataLoss(file("[1, 2]", dataBytes: 0))?.contains("not a JSON object") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[2],"data_offsets":[0,80]}}"#, dataBytes: 8))?.contains("outside") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#, dataBytes: 8))?.contains("outside") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}"#, dataBytes: 8))?.contains("outside") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"Q7","shape":[2],"data_offsets":[0,8]}}"#, dataBytes: 8))?.contains("unknown dtype \"Q7\"") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, dataBytes: 8))?.contains("needs 12 bytes") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, dataBytes: 8))?.contains("shape") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[1.5],"data_offsets":[0,8]}}"#, dataBytes: 8))?.contains("shape") == true)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[4611686018427387904, 4],"data_offsets":[0,8]}}"#, dataBytes: 8)) != nil)
    #expect(dataLoss(file(#"{"W":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, dataBytes: 8))?.contains("overlap") == true)
    #expect(dataLoss(file(#"{"W":3}"#, dataBytes: 0)) != nil)
    #expect(dataLoss(file(#"{"__metadata__":{"a":1}}"#, dataBytes: 0))?.contains("__metadata__") == true)
    // An absurd header length, and foreign files (a gzip file, text).
    var huge = Data([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])
    huge.append(Data(count: 64))
    #expect(dataLoss(huge)?.contains("not plausible") == true)
    #expect(dataLoss(Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3] + Array(repeating: 0, count: 40))) != nil)
    #expect(dataLoss(Data("import tensorflow as tf\nprint('hello')\n".utf8)) != nil)
    // Random damage never crashes.
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var d = good
      for _ in 0..<4 { d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
      _ = try? SafeTensors.decode(d)
    }
  }

  @Test func validButUnsupportedDtypeIsInvalidArgument() {
    let f = file(#"{"W":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}"#, dataBytes: 8)
    #expect(throws: CheckpointError(.invalidArgument, "model.safetensors: 'W' has dtype F64, which mnist-shell does not support (only F32, I64 and BOOL)")) {
      try SafeTensors.decode(f, file: "model.safetensors")
    }
  }

  @Test func pythonReadsTheFile() throws {
    guard let python = python3() else {
      print("skipped: no python3 with NumPy")
      return
    }
    let folder = temporaryFolder()
    let path = folder + "/model.safetensors"
    try SafeTensors.encode(sample, metadata: ["format": "np"]).write(to: URL(fileURLWithPath: path))
    // A minimal safetensors reader: json + struct + numpy.frombuffer.
    let reader = """
      import json, struct, sys
      import numpy as np
      raw = open(sys.argv[1], 'rb').read()
      (n,) = struct.unpack('<Q', raw[:8])
      header = json.loads(raw[8:8 + n])
      meta = header.pop('__metadata__', {})
      data = raw[8 + n:]
      kinds = {'F32': '<f4', 'I64': '<i8', 'BOOL': '?'}
      for name in sorted(header):
          e = header[name]
          b, end = e['data_offsets']
          a = np.frombuffer(data[b:end], dtype=kinds[e['dtype']]).reshape(e['shape'])
          print(name, e['dtype'], tuple(a.shape), a.ravel().tolist())
      print('meta', meta['format'])
      """
    let (status, out) = try runPython(python, reader, arguments: [path])
    #expect(status == 0, "\(out)")
    #expect(out == """
      Variable F32 (2, 3) [1.0, -2.5, 2.999999892949745e-08, inf, 0.0, 42.0]
      Variable_1 F32 (3,) [0.5, 0.25, -1.0]
      empty F32 (0, 4) []
      global_step I64 () [-7]
      mask BOOL (2, 2) [True, False, False, True]
      meta np

      """)
  }
}
