import LessonKit
import Testing

@Suite("Checks decide by meaning")
struct CheckTests {
  @Test("module: tensorflow imported under any name passes; another module fails")
  func module() throws {
    let s = FakeSession()
    #expect(message(try outcome("module tf tensorflow", on: s)) == "`tensorflow` isn't imported yet.")
    s.set("tf", .module("numpy"))
    #expect(message(try outcome("module tf tensorflow", on: s)) == "`tf` is the module `numpy`, not `tensorflow`.")
    s.set("tensorflow", .module("tensorflow"))
    let roles = RoleBindings()
    #expect(try outcome("module tf tensorflow", on: s, roles: roles) == .pass)
    #expect(roles.map["tf"] == "tensorflow")
    s.set("input_data", .module("tensorflow.examples.tutorials.mnist.input_data"))
    #expect(try outcome("module input_data input_data", on: s) == .pass)
  }

  @Test("dataset: labels must be one-hot")
  func dataset() throws {
    let s = FakeSession()
    #expect(message(try outcome("dataset mnist one_hot", on: s)) == "No data set is loaded yet.")
    s.set("mnist", .dataset(name: "mnist", train: 55000, validation: 5000, test: 10000, oneHot: false))
    #expect(message(try outcome("dataset mnist one_hot", on: s))?.contains("one_hot=True") == true)
    #expect(try outcome("dataset mnist", on: s) == .pass)
  }

  @Test("placeholder: dtype and shape, any name")
  func placeholder() throws {
    let s = FakeSession()
    #expect(message(try outcome("placeholder x float32 [None, 784]", on: s))
      == "There is no float32 placeholder of shape [None, 784] yet.")
    s.placeholder("x", [nil, 10])
    #expect(message(try outcome("placeholder x float32 [None, 784]", on: s))
      == "`x` has shape [None, 10]; it should be [None, 784].")
    s.placeholder("x", [nil, 784], dtype: "float64")
    #expect(message(try outcome("placeholder x float32 [None, 784]", on: s))
      == "`x` is a float64 placeholder; it should be float32.")
    s.placeholder("images", [nil, 784])
    let roles = RoleBindings()
    #expect(try outcome("placeholder x float32 [None, 784]", on: s, roles: roles) == .pass)
    #expect(roles.map["x"] == "images")
  }

  @Test("variable: the issue's example message for a transposed W")
  func variable() throws {
    let s = try fakeSession(until: "W =")
    s.variable("W", [10, 784])
    #expect(message(try outcome("variable W float32 [784, 10]", on: s))
      == "`W` has shape [10, 784]; it should be [784, 10].")
    s.tensor("W", "Fill", [784, 10], [])
    #expect(message(try outcome("variable W float32 [784, 10]", on: s)) == "`W` is a tensor, not a variable.")
    s.variable("weights", [784, 10])
    #expect(try outcome("variable W float32 [784, 10]", on: s) == .pass)
    s.variable("bias", [10])
    #expect(try outcome("variable b float32 [10]", on: s) == .pass)
  }

  @Test("variable: the learner's new name is explained first")
  func variableFocus() throws {
    let s = FakeSession()
    s.variable("weights", [10, 784])
    #expect(message(try outcome("variable W float32 [784, 10]", on: s, focus: ["weights"]))
      == "`weights` has shape [10, 784]; it should be [784, 10].")
  }

  @Test("tensor: the model must use x, W and b through MatMul and Add")
  func model() throws {
    let check = "tensor y float32 [None, 10] uses x W b via MatMul Add"
    let s = try fakeSession(until: "y =")
    #expect(message(try outcome(check, on: s)) == "There is no float32 tensor of shape [None, 10] built from `x`, `W` and `b` yet.")
    let mm = s.tensor(nil, "MatMul", [nil, 10], [s.id("x"), s.id("W")])
    s.tensor("y", "Softmax", [nil, 10], [mm])
    #expect(message(try outcome(check, on: s))
      == "`y` doesn't depend on `b`; it should be computed from `x`, `W` and `b`.")
    let mul = s.tensor(nil, "Mul", [nil, 10], [s.id("x"), s.id("W")])
    let add = s.tensor(nil, "Add", [nil, 10], [mul, s.id("b")])
    s.tensor("y", "Softmax", [nil, 10], [add])
    #expect(message(try outcome(check, on: s)) == "`y` is computed without MatMul; it needs MatMul and Add.")
    // The logits form (no softmax) is also a model.
    let mm2 = s.tensor(nil, "MatMul", [nil, 10], [s.id("x"), s.id("W")])
    s.tensor("y", "AddV2", [nil, 10], [mm2, s.id("b")])
    #expect(try outcome(check, on: s) == .pass)
  }

  @Test("tensor: the loss is a scalar cross-entropy in either form")
  func loss() throws {
    let check = "tensor cross_entropy float32 [] uses y y_ via Log Mul Sum | SoftmaxCrossEntropyWithLogits"
    let s = try fakeSession(until: "cross_entropy")
    let roles = RoleBindings()
    #expect(try outcome("tensor y float32 [None, 10] uses x W b via MatMul Add", on: s, roles: roles) == .pass)
    // Forgot reduce_mean: one loss per image.
    #expect(message(try outcome(check, on: s, roles: roles))
      == "There is no float32 tensor of shape [] built from `y` and `y_` yet.")  // `y` is no attempt at a loss
    let log = s.tensor(nil, "Log", [nil, 10], [s.id("y")])
    let mul = s.tensor(nil, "Mul", [nil, 10], [s.id("y_"), log])
    s.tensor("cross_entropy", "Sum", [nil], [mul])
    #expect(message(try outcome(check, on: s, roles: roles)) == "`cross_entropy` has shape [None]; it should be [].")
    // Squared error is a loss, but not cross-entropy.
    let sub = s.tensor(nil, "Sub", [nil, 10], [s.id("y_"), s.id("y")])
    let sq = s.tensor(nil, "Square", [nil, 10], [sub])
    s.tensor("cross_entropy", "Mean", [], [sq])
    #expect(message(try outcome(check, on: s, roles: roles))
      == "`cross_entropy` is not computed the expected way: it needs either Log, Mul and Sum, or SoftmaxCrossEntropyWithLogits.")
    // The stable form, under another name.
    let mm = s.tensor(nil, "MatMul", [nil, 10], [s.id("x"), s.id("W")])
    let logits = s.tensor(nil, "Add", [nil, 10], [mm, s.id("b")])
    let xent = s.tensor(nil, "SoftmaxCrossEntropyWithLogits", [nil], [s.id("y_"), logits])
    s.tensor("loss", "Mean", [], [xent])
    #expect(try outcome(check, on: s, roles: roles) == .pass)
    #expect(roles.map["cross_entropy"] == "loss")
  }

  @Test("operation: the training op must minimize the loss")
  func operation() throws {
    let check = "operation train_step minimizes cross_entropy"
    let s = try fakeSession(until: "train_step")
    #expect(message(try outcome(check, on: s)) == "There is no operation that minimizes `cross_entropy` yet.")
    s.set("train_step", .operation(id: "op", type: "NoOp", minimizes: s.id("y")))
    #expect(message(try outcome(check, on: s)) == "`train_step` minimizes some other tensor, not `cross_entropy`.")
    s.set("train_step", .operation(id: "op", type: "NoOp", minimizes: nil))
    #expect(message(try outcome(check, on: s)) == "`train_step` is an operation, but it doesn't minimize anything.")
    try FakeTutorial.run(s, ["train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)"])
    #expect(try outcome(check, on: s) == .pass)
  }

  @Test("session, initialized, trained")
  func sessionAndVariables() throws {
    let s = try fakeSession(until: "sess =")
    #expect(message(try outcome("session sess", on: s)) == "There is no session yet.")
    #expect(message(try outcome("initialized W b", on: s))?.hasPrefix("`W` isn't initialized yet") == true)
    s.set("session", .session)  // tf.Session() under another name
    #expect(try outcome("session sess", on: s) == .pass)
    s.setVariables(initialized: true, magnitude: 0)
    #expect(try outcome("initialized W b", on: s) == .pass)
    #expect(message(try outcome("trained W b", on: s)) == "`W` is still all zeros: no training step has run yet.")
    s.setVariables(initialized: true, magnitude: 3)
    #expect(try outcome("trained W b", on: s) == .pass)
    #expect(message(try outcome("trained nothing", on: s)) == "`nothing` doesn't exist yet.")
  }

  @Test("value: substitutes roles and compares")
  func value() throws {
    let line = "value $sess.run($accuracy, feed_dict={$x: $mnist.test.images, $y_: $mnist.test.labels}) > 0.9"
    let s = try fakeSession(until: "for _")
    try FakeTutorial.run(s, FakeTutorial.tutorial.suffix(2))
    #expect(message(try outcome(line, on: s))
      == "`sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})` is 0.098; it should be above 0.9.")
    s.setVariables(initialized: true, magnitude: 5)
    #expect(try outcome(line, on: s) == .pass)
    let roles = RoleBindings(["x": "images"])
    let evaluator = CheckEvaluator(session: s, roles: roles)
    #expect(evaluator.substitute("{$x: 1, $y_: 2} $") == "{images: 1, y_: 2} $")
    #expect(message(try outcome("value $nothing == 1", on: s))?.contains("can't be computed yet") == true)
  }

  @Test("ran, array and constant tensors")
  func ranArrayConstant() throws {
    let s = try fakeSession()
    #expect(message(try outcome("ran :digit", on: s)) == "Type `:digit` to do this step.")
    #expect(try outcome("ran :digit", on: s, commands: [":digit"]) == .pass)
    #expect(message(try outcome("array drawn float32 [1, 784]", on: FakeSession()))
      == "There is no float32 array of shape [1, 784] yet.")
    // The nearest array the learner has is described instead.
    #expect(message(try outcome("array drawn float32 [1, 784]", on: s))
      == "`batch_ys` has shape [100, 10]; it should be [1, 784].")
    s.set("drawn", .array(dtype: "float32", shape: [28, 28]))
    #expect(message(try outcome("array drawn float32 [1, 784]", on: s)) == "`drawn` has shape [28, 28]; it should be [1, 784].")
    s.set("drawn", .array(dtype: "float32", shape: [1, 784]))
    #expect(try outcome("array drawn float32 [1, 784]", on: s) == .pass)
    let log = s.tensor(nil, "Log", [nil, 10], [s.id("y")])
    s.tensor("bad", "Sum", [], [log])
    #expect(message(try outcome("tensor bad float32 [] constant via Log Sum", on: s))
      == "`bad` depends on placeholders or variables; here it should be built from constants only.")
    #expect(message(try outcome("tensor bad float32 [] constant via Log Sum -- Build it from tf.constant.", on: s))
      == "Build it from tf.constant.")
  }
}
