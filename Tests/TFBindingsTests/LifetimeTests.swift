import Foundation
import PyInterp
import TFBindings
import Testing

/// A session's objects are freed when the session goes (no reference cycles keep the data,
/// the graph and the variables alive), so starting afresh gives the memory back.
@Suite(.serialized) struct LifetimeTests {
  @Test func aFinishedSessionIsFreed() throws {
    weak var weakInterpreter: Interpreter?
    weak var weakEnvironment: TFEnvironment?
    do {
      let py = Interpreter()
      let env = TFEnvironment()
      env.workingDirectory = Harness.workDir
      env.install(into: py)
      py.output = { _ in }
      try py.exec(TFFuzzer.setup + "\n" + """
        for _ in range(3):
          batch_xs, batch_ys = mnist.train.next_batch(100)
          sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
        print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
        """)
      #expect(env.datasets != nil)
      weakInterpreter = py
      weakEnvironment = env
    }
    #expect(weakInterpreter == nil, "the interpreter outlived its session")
    #expect(weakEnvironment == nil, "the TensorFlow environment outlived its session")
  }
}
