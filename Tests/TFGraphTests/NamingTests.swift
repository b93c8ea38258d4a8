import TFGraph
import Tensors
import Testing

@Suite struct NamingTests {
  @Test func tutorialOpsGetTensorFlowNames() throws {
    let t = try TutorialGraph()
    let names = t.g.operations.map(\.name)
    for n in ["Placeholder", "zeros/shape_as_tensor", "zeros/Const", "zeros", "Variable", "Variable/Assign",
              "Variable/read", "zeros_1", "Variable_1", "MatMul", "add", "Softmax", "Placeholder_1", "Log", "mul",
              "Sum/reduction_indices", "Sum", "Neg", "Const", "Mean", "gradients/Shape", "gradients/grad_ys_0",
              "gradients/Fill", "gradients/MatMul_grad/MatMul", "gradients/MatMul_grad/MatMul_1",
              "gradients/add_grad/Reshape_1", "gradients/Log_grad/Reciprocal", "GradientDescent/learning_rate",
              "GradientDescent/update_Variable/ApplyGradientDescent",
              "GradientDescent/update_Variable_1/ApplyGradientDescent", "GradientDescent", "init",
              "ArgMax/dimension", "ArgMax", "ArgMax_1", "Equal", "Cast", "Const_1", "Mean_1"] {
      #expect(names.contains(n), "missing op \(n)")
    }
    #expect(Set(names).count == names.count)
    #expect(t.train.name == "GradientDescent" && t.train.type == "NoOp")
    #expect(t.train.minimizedLoss == t.loss)
    #expect(t.g.operation(named: "zeros")?.type == "Fill")
    #expect(t.g.operation(named: "zeros_1")?.type == "Const")
  }

  @Test func uniqueNamesAndScopes() throws {
    let g = Graph()
    #expect(g.placeholder(.float32).name == "Placeholder:0")
    #expect(g.placeholder(.float32).name == "Placeholder_1:0")
    #expect(g.placeholder(.float32, name: "Placeholder_1").name == "Placeholder_1_1:0")
    let (a, b) = g.withNameScope("gradients") { (g.uniqueName("Fill"), g.uniqueName("Fill")) }
    #expect(a == "gradients/Fill" && b == "gradients/Fill_1")
    #expect(g.withNameScope("gradients") { g.uniqueName("Fill") } == "gradients_1/Fill")
    let v = try g.variable(NDArray(shape: [2], floats: [1, 2]))
    #expect(v.op.name == "Variable")
    #expect(g.operation(named: "Variable/initial_value")?.type == "Const")
    let v2 = try g.variable(NDArray(shape: [2], floats: [1, 2]), name: "weights")
    #expect(v2.name == "weights:0")
  }

  @Test func descriptionsMatchTensorFlow() throws {
    let t = try TutorialGraph()
    #expect(t.y.description == #"Tensor("Softmax:0", shape=(?, 10), dtype=float32)"#)
    #expect(t.W.description == "<tf.Variable 'Variable:0' shape=(784, 10) dtype=float32_ref>")
    #expect(t.b.description == "<tf.Variable 'Variable_1:0' shape=(10,) dtype=float32_ref>")
    #expect(t.loss.description == #"Tensor("Mean:0", shape=(), dtype=float32)"#)
    #expect(t.x.shape.description == "(?, 784)")
    #expect(TensorShape.unknown.description == "<unknown>")
    #expect(t.train.description == """
      name: "GradientDescent"
      op: "NoOp"
      input: "^GradientDescent/update_Variable/ApplyGradientDescent"
      input: "^GradientDescent/update_Variable_1/ApplyGradientDescent"

      """)
    let mm = try #require(t.g.operation(named: "MatMul"))
    #expect(mm.description.hasPrefix("name: \"MatMul\"\nop: \"MatMul\"\ninput: \"Placeholder\"\ninput: \"Variable/read\"\nattr {\n  key: \"T\"\n  value {\n    type: DT_FLOAT\n  }\n}\n"))
    let ph = try #require(t.g.operation(named: "Placeholder"))
    #expect(ph.description.contains("shape {\n      dim {\n        size: -1\n      }\n      dim {\n        size: 784\n      }\n    }"))
  }
}
