import Foundation
import PyInterp
import Tensors

extension TFEnvironment {
  /// Builds the small `numpy` module (`import numpy as np`).
  func makeNumpyModule() -> PyModule {
    let np = PyModule("numpy", doc: "A small, honest subset of NumPy for looking at results.")
    np.attributes["__version__"] = .str("2.3.0")
    for (name, storage) in [("float32", DType.float32), ("float64", .float32), ("int32", .int64), ("int64", .int64),
                            ("uint8", .int64), ("bool_", .bool)] {
      let d = NumpyDTypeObject(name == "bool_" ? "bool" : name, storage, isClass: true)
      d.env = self
      np.attributes[name] = .object(d)
    }
    np.attributes["bool"] = np.attributes["bool_"]
    np.attributes["float"] = np.attributes["float64"]
    np.attributes["newaxis"] = PyValue.none
    np.attributes["pi"] = .float(Double.pi)
    np.attributes["e"] = .float(M_E)
    np.attributes["nan"] = .float(.nan)
    np.attributes["inf"] = .float(.infinity)
    np.attributes["ndarray"] = Self.hostClass("ndarray", "numpy") { ($0 as? NDArrayObject).map { $0.array.rank > 0 } ?? false }

    for fname in ["array", "asarray"] {
      def(np, fname, [.required("object"), .optional("dtype"), .optional("copy", .true)],
          doc: "An array from a list (of lists) of numbers or another array.") { [self] a in
        wrap(try array(from: a["object"], dtype: try dtype(from: a["dtype"])))
      }
    }
    for (fname, v) in [("zeros", 0.0), ("ones", 1.0)] {
      def(np, fname, [.required("shape"), .optional("dtype")], doc: "An array of \(fname).") { [self] a in
        let dims = try knownShape(from: a["shape"])
        let dt = try dtype(from: a["dtype"]) ?? .float32
        return wrap(try NDArray.checkedFilled(dims, value: v, dtype: dt))
      }
    }
    def(np, "arange", [.required("start"), .optional("stop"), .optional("step"), .optional("dtype")],
        doc: "Evenly spaced values in [start, stop).") { [self] a in
      var start = try a.double("start"), stop = 0.0
      if a["stop"].isNone { stop = start; start = 0 } else { stop = try a.double("stop") }
      let step = a["step"].isNone ? 1.0 : try a.double("step")
      if step == 0 { throw PyException(.zeroDivisionError, "division by zero") }
      let n = Swift.max(0, Int((ceil((stop - start) / step))))
      try NDArray.checkShape([n])
      let isInt = [a["start"], a["stop"], a["step"]].allSatisfy { v in if case .float = v { return false } else { return true } }
      let dt = try dtype(from: a["dtype"]) ?? (isInt ? .int64 : .float32)
      let values = (0..<n).map { start + Double($0) * step }
      return wrap(cast(NDArray(shape: [n], floats: values.map { Float($0) }), to: dt).withExact(values, dt))
    }
    for (fname, isMin) in [("argmax", false), ("argmin", true)] {
      def(np, fname, [.required("a"), .optional("axis"), .optional("out")], doc: "Index of the \(isMin ? "smallest" : "largest") value.") { [self] a in
        try numpyArgmax(try numpyOperand(a["a"]), axis: a["axis"], min: isMin)
      }
    }
    for fname in ["mean", "sum", "max", "min", "amax", "amin", "prod", "all", "any"] {
      let op = fname == "amax" ? "max" : fname == "amin" ? "min" : fname
      def(np, fname, [.required("a"), .optional("axis"), .optional("dtype"), .optional("out"), .optional("keepdims", .false)],
          doc: "The \(op) of the values (along axis when given).") { [self] a in
        try numpyReduce(op, try numpyOperand(a["a"]), axis: a["axis"], keepDims: try a.bool("keepdims"))
      }
    }
    for (fname, op) in [("exp", UnaryOp.exp), ("log", .log), ("sqrt", .sqrt), ("abs", .abs), ("absolute", .abs),
                        ("square", .square), ("tanh", .tanh), ("sign", .sign), ("negative", .neg)] {
      def(np, fname, [.required("x")], doc: "Element-wise \(fname).") { [self] a in
        var x = try numpyOperand(a["x"])
        if [.exp, .log, .sqrt, .tanh].contains(op) { x = cast(x, to: .float32) }
        if x.dtype == .bool { x = cast(x, to: .int64) }
        let xx = x
        return wrap(try translate { try unary(op, xx) })
      }
    }
    for (fname, op) in [("equal", PyCompareOperator.eq), ("not_equal", .ne), ("greater", .gt), ("less", .lt)] {
      def(np, fname, [.required("x1"), .required("x2")], doc: "Element-wise comparison.") { [self] a in
        let x = wrap(try numpyOperand(a["x1"]))
        guard case .object(let o) = x, let r = try o.pyCompare(op, a["x2"], reflected: false) else { return .false }
        return r
      }
    }
    for (fname, op) in [("add", PyBinaryOperator.add), ("subtract", .sub), ("multiply", .mul), ("divide", .truediv),
                        ("dot", .matmul), ("matmul", .matmul), ("power", .pow), ("maximum", .add), ("minimum", .add)] {
      def(np, fname, [.required("x1"), .required("x2")], doc: "Element-wise \(fname).") { [self] a in
        let x = try numpyOperand(a["x1"]), y = try numpyOperand(a["x2"])
        if fname == "maximum" || fname == "minimum" {
          let (p, q) = promote(x, y, forDivision: false)
          return wrap(try translate { try binary(fname == "maximum" ? .maximum : .minimum, p, q) })
        }
        guard let r = try numpyBinary(op, x, y) else { throw PyException.typeError("unsupported operand types for \(fname)") }
        return wrap(r)
      }
    }
    def(np, "reshape", [.required("a"), .required("newshape")], doc: "The same values with a new shape.") { [self] a in
      let dims = try (a["newshape"].sequenceItems ?? [a["newshape"]]).map { try $0.asInt(what: "shape") }
      let x = try numpyOperand(a["a"])
      return wrap(try translate { try x.reshaped(dims) })
    }
    def(np, "transpose", [.required("a"), .optional("axes")], doc: "Axes reversed (or permuted).") { [self] a in
      let x = try numpyOperand(a["a"])
      let perm = try axes(from: a["axes"])
      return wrap(try translate { try transpose(x, perm: perm) })
    }
    def(np, "where", [.required("condition"), .optional("x"), .optional("y")],
        doc: "where(cond, x, y): x where cond is true, else y.") { [self] a in
      let c = cast(try numpyOperand(a["condition"]), to: .bool)
      guard !a["x"].isNone, !a["y"].isNone else {
        let flags = c.bools
        return .tuple([wrap(NDArray(shape: [flags.filter { $0 }.count], int64s: flags.indices.filter { flags[$0] }.map(Int64.init)))])
      }
      let (x, y) = promote(try numpyOperand(a["x"]), try numpyOperand(a["y"]), forDivision: false)
      return wrap(try translate {
        let shape = try broadcastShapes(try broadcastShapes(c.shape, x.shape), y.shape)
        let cb = try broadcast(c, to: shape).bools
        let xd = try broadcast(x, to: shape).doubles, yd = try broadcast(y, to: shape).doubles
        let out = cb.indices.map { cb[$0] ? xd[$0] : yd[$0] }
        return cast(NDArray(shape: shape, floats: out.map { Float($0) }), to: x.dtype).withExact(out, x.dtype)
      })
    }
    def(np, "set_printoptions", [.optional("precision"), .optional("threshold"), .optional("edgeitems"), .optional("linewidth"),
                                 .optional("suppress"), .optional("nanstr"), .optional("infstr"), .optional("formatter"),
                                 .optional("sign"), .optional("floatmode"), .optional("legacy")],
        doc: "How arrays print: precision=, threshold=, edgeitems=, linewidth=, suppress=.") { [self] a in
      if let v = a.optional("precision") { printOptions.precision = try v.asInt(what: "precision") }
      if let v = a.optional("threshold") {
        if case .float(let d) = v, d.isInfinite { printOptions.threshold = Int.max } else {
          printOptions.threshold = try v.asInt(what: "threshold")
        }
      }
      if let v = a.optional("edgeitems") { printOptions.edgeitems = try v.asInt(what: "edgeitems") }
      if let v = a.optional("linewidth") { printOptions.linewidth = try v.asInt(what: "linewidth") }
      if let v = a.optional("suppress") { printOptions.suppress = try v.asBool(what: "suppress") }
      return .none
    }
    def(np, "get_printoptions", [], doc: "The current print options.") { [self] _ in
      .dict(try PyDict([(.str("precision"), .int(printOptions.precision)), (.str("threshold"), .int(printOptions.threshold)),
                        (.str("edgeitems"), .int(printOptions.edgeitems)), (.str("linewidth"), .int(printOptions.linewidth)),
                        (.str("suppress"), .bool(printOptions.suppress))]))
    }
    def(np, "shape", [.required("a")], doc: "The shape of an array.") { [self] a in
      .tuple(try numpyOperand(a["a"]).shape.map { .int($0) })
    }
    return np
  }

  /// Builds `numpy.random` (seed, rand, randn, randint).
  func makeNumpyRandomModule() -> PyModule {
    let r = PyModule("numpy.random", doc: "Random numbers (mnist-shell's own generator, not NumPy's sequence).")
    def(r, "seed", [.optional("seed")], doc: "Seeds the generator.") { [self] a in
      numpyRandom = RandomGenerator(seed: UInt64(truncatingIfNeeded: a["seed"].isNone ? 0 : try a.int("seed")))
      return .none
    }
    for (fname, normal) in [("rand", false), ("randn", true)] {
      r.define(PySignature(fname, [.varArgs("shape")]), doc: normal ? "Standard normal samples." : "Uniform samples in [0, 1).") { [self] a in
        let dims = try (a["shape"].sequenceItems ?? []).map { try $0.asInt(what: "dimensions") }
        try translate { try NDArray.checkShape(dims) }
        let n = dims.reduce(1, *)
        let values = (0..<n).map { _ in normal ? numpyRandom.normal() : numpyRandom.uniform() }
        if dims.isEmpty { return .float(Double(values[0])) }
        return wrap(NDArray(shape: dims, floats: values))
      }
    }
    def(r, "randint", [.required("low"), .optional("high"), .optional("size")], doc: "Random integers in [low, high).") { [self] a in
      var low = try a.int("low"), high = 0
      if a["high"].isNone { high = low; low = 0 } else { high = try a.int("high") }
      guard high > low else { throw PyException.valueError("low >= high") }
      let dims = a["size"].isNone ? [] : try knownShape(from: a["size"])
      try translate { try NDArray.checkShape(dims) }
      let values = (0..<dims.reduce(1, *)).map { _ in Int64(low) + Int64(numpyRandom.next() % UInt64(high - low)) }
      if dims.isEmpty { return .int(Int(values[0])) }
      return wrap(NDArray(shape: dims, int64s: values))
    }
    return r
  }
}

extension NDArray {
  /// Re-creates int64 values exactly from doubles (float32 would lose large integers).
  func withExact(_ values: [Double], _ dt: DType) -> NDArray {
    dt == .int64 ? NDArray(shape: shape, int64s: values.map { Int64($0) }) : self
  }
}
