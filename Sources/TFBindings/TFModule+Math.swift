import PyInterp
import TFGraph
import Tensors

extension TFEnvironment {
  /// The reduction axes from `axis`/`reduction_indices` (TF 1.x accepts both).
  func reductionAxes(_ a: PyBoundArguments) throws -> [Int]? {
    if a.isProvided("axis") && a.isProvided("reduction_indices") && !a["axis"].isNone && !a["reduction_indices"].isNone {
      throw PyException.valueError("Can not specify both 'axis' and 'reduction_indices'.")
    }
    return try axes(from: a.optional("axis") ?? a["reduction_indices"])
  }

  func addMathFunctions(_ tf: PyModule) {
    let binaries: [(String, BinaryKind, String)] = [
      ("add", .add, "Add"), ("subtract", .sub, "Sub"), ("sub", .sub, "Sub"), ("multiply", .mul, "Mul"),
      ("mul", .mul, "Mul"), ("divide", .div, "truediv"), ("div", .div, "div"), ("truediv", .div, "truediv"),
      ("pow", .pow, "Pow"), ("maximum", .maximum, "Maximum"), ("minimum", .minimum, "Minimum"),
      ("equal", .equal, "Equal"), ("not_equal", .notEqual, "NotEqual"), ("greater", .greater, "Greater"),
      ("greater_equal", .greaterEqual, "GreaterEqual"), ("less", .less, "Less"), ("less_equal", .lessEqual, "LessEqual"),
      ("logical_and", .logicalAnd, "LogicalAnd"), ("logical_or", .logicalOr, "LogicalOr"),
    ]
    for (fname, kind, opName) in binaries {
      def(tf, fname, [.required("x"), .required("y"), .optional("name")],
          doc: "Element-wise \(fname) with broadcasting (op \(kind.opType)).") { [self] a in
        try binaryOp(kind, a["x"], a["y"], name: try nameArg(a) ?? opName)
      }
    }
    let unaries: [(String, UnaryKind)] = [
      ("negative", .neg), ("neg", .neg), ("log", .log), ("exp", .exp), ("square", .square), ("sqrt", .sqrt),
      ("rsqrt", .rsqrt), ("reciprocal", .reciprocal), ("abs", .abs), ("sign", .sign), ("sigmoid", .sigmoid),
      ("tanh", .tanh), ("logical_not", .logicalNot),
    ]
    for (fname, kind) in unaries {
      def(tf, fname, [.required("x"), .optional("name")], doc: "Element-wise \(fname) (op \(kind.rawValue)).") { [self] a in
        let x = try tensor(from: a["x"])
        return wrap(try graph(for: [x]).unary(kind, x, name: try nameArg(a)))
      }
    }
    def(tf, "matmul", [.required("a"), .required("b"), .optional("transpose_a", .false), .optional("transpose_b", .false),
                       .optional("adjoint_a", .false), .optional("adjoint_b", .false), .optional("a_is_sparse", .false),
                       .optional("b_is_sparse", .false), .optional("name")],
        doc: "Matrix product a·b: the columns of a must equal the rows of b.") { [self] a in
      try matmulOp(a["a"], a["b"], transposeA: try a.bool("transpose_a") || a.bool("adjoint_a"),
                   transposeB: try a.bool("transpose_b") || a.bool("adjoint_b"), name: try nameArg(a))
    }
    let reductions: [(String, ReduceKind)] = [
      ("reduce_sum", .sum), ("reduce_mean", .mean), ("reduce_max", .max), ("reduce_min", .min),
      ("reduce_prod", .prod), ("reduce_any", .any), ("reduce_all", .all),
    ]
    for (fname, kind) in reductions {
      def(tf, fname, [.required("input_tensor"), .optional("axis"), .optional("keep_dims", .false), .optional("name"),
                      .optional("reduction_indices"), .optional("keepdims")],
          doc: "\(kind.rawValue) over the given axes (all axes when none): tf.\(fname)(x, reduction_indices=[1]).") { [self] a in
        let x = try tensor(from: a["input_tensor"])
        let keep = try a.optional("keepdims").map { try $0.asBool(what: "keepdims") } ?? a.bool("keep_dims")
        return wrap(try graph(for: [x]).reduce(kind, x, axes: try reductionAxes(a), keepDims: keep, name: try nameArg(a)))
      }
    }
    for (fname, isMin) in [("argmax", false), ("argmin", true)] {
      def(tf, fname, [.required("input"), .optional("axis"), .optional("name"), .optional("dimension"), .optional("output_type")],
          doc: "The index of the \(isMin ? "smallest" : "largest") value along axis: tf.\(fname)(y, 1).") { [self] a in
        let x = try tensor(from: a["input"])
        if !a["axis"].isNone && !a["dimension"].isNone {
          throw PyException.valueError("Cannot specify both 'axis' and 'dimension'")
        }
        let axis = try (a.optional("axis") ?? a.optional("dimension"))?.asInt(what: "axis") ?? 0
        return wrap(try graph(for: [x]).argmax(x, axis: axis, min: isMin, name: try nameArg(a)))
      }
    }
    def(tf, "cast", [.required("x"), .required("dtype"), .optional("name")],
        doc: "The values converted to dtype: tf.cast(correct_prediction, tf.float32).") { [self] a in
      let x = try tensor(from: a["x"])
      guard let dt = try dtype(from: a["dtype"]) else { throw PyException.typeError("cast() needs a dtype") }
      return wrap(try graph(for: [x]).cast(x, to: dt, name: try nameArg(a)))
    }
    for (fname, dt) in [("to_float", DType.float32), ("to_int64", .int64), ("to_int32", .int64)] {
      def(tf, fname, [.required("x"), .optional("name")], doc: "tf.cast(x, \(dt.rawValue)).") { [self] a in
        let x = try tensor(from: a["x"])
        return wrap(try graph(for: [x]).cast(x, to: dt, name: try nameArg(a) ?? (fname == "to_float" ? "ToFloat" : "ToInt64")))
      }
    }
    def(tf, "reshape", [.required("tensor"), .required("shape"), .optional("name")],
        doc: "The same values with a new shape; one dimension may be -1.") { [self] a in
      let x = try tensor(from: a["tensor"])
      let dims = try (a["shape"].sequenceItems ?? [a["shape"]]).map { try $0.asInt(what: "shape") }
      return wrap(try graph(for: [x]).reshape(x, dims, name: try nameArg(a)))
    }
    def(tf, "shape", [.required("input"), .optional("name"), .optional("out_type")],
        doc: "The run-time shape of a tensor, as a tensor.") { [self] a in
      let x = try tensor(from: a["input"])
      return wrap(try graph(for: [x]).shapeOf(x, name: try nameArg(a)))
    }
    def(tf, "identity", [.required("input"), .optional("name")], doc: "The same value (op Identity).") { [self] a in
      let x = try tensor(from: a["input"])
      return wrap(try graph(for: [x]).identity(x, name: try nameArg(a)))
    }
    def(tf, "stop_gradient", [.required("input"), .optional("name")], doc: "The same value, with no gradient.") { [self] a in
      let x = try tensor(from: a["input"])
      return wrap(try graph(for: [x]).stopGradient(x, name: try nameArg(a)))
    }
    def(tf, "add_n", [.required("inputs"), .optional("name")], doc: "The sum of a list of tensors.") { [self] a in
      let items = try (a["inputs"].sequenceItems ?? []).map { try tensor(from: $0) }
      guard var sum = items.first else { throw PyException.valueError("inputs must be a list of at least one Tensor with the same dtype and shape") }
      for t in items.dropFirst() { sum = try graph.add(sum, t) }
      return wrap(sum)
    }
    def(tf, "one_hot", [.required("indices"), .required("depth"), .optional("on_value"), .optional("off_value"),
                        .optional("axis"), .optional("dtype"), .optional("name")],
        doc: "Rows with a 1 at each index: tf.one_hot(labels, 10).") { [self] a in
      let idx = try tensor(from: a["indices"], dtype: .int64)
      let depth = try a.int("depth")
      let g = graph(for: [idx])
      return try g.withNameScope(try nameArg(a) ?? "one_hot") {
        let column = try g.reshape(idx, [-1, 1])
        let classes = g.constant(NDArray(shape: [depth], int64s: (0..<depth).map(Int64.init)), name: "depth_range")
        let hot = try g.cast(try g.equal(column, classes), to: try dtype(from: a["dtype"]) ?? .float32)
        return wrap(hot)
      }
    }
    for (fname, truncated) in [("random_normal", false), ("truncated_normal", true)] {
      def(tf, fname, [.required("shape"), .optional("mean", .float(0)), .optional("stddev", .float(1)),
                      .optional("dtype"), .optional("seed"), .optional("name")],
          doc: "Random values from a \(truncated ? "truncated " : "")normal distribution, fresh on each run.") { [self] a in
        let dims = try knownShape(from: a["shape"])
        try NDArray.checkShape(dims)
        let seed = a["seed"].isNone ? nil : try a.int("seed")
        let (m, s) = (try a.double("mean"), try a.double("stddev"))
        let t = truncated
          ? graph.truncatedNormal(dims, mean: m, stddev: s, seed: seed, name: try nameArg(a))
          : graph.randomNormal(dims, mean: m, stddev: s, seed: seed, name: try nameArg(a))
        return wrap(t)
      }
    }
  }
}
