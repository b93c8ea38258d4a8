import Foundation
import LessonKit
import Testing

@Suite("Lesson files")
struct ParserTests {
  static let sample = """
    ---
    id: sample
    title: A sample
    ---

    Intro with `code`.

    - one
    - two
      continued

    ## Step: First
    Do this:

    ```type
    x = 1
    ```

    ```check
    value $x == 1
    ```

    Hint: weak
    Hint: strong

    ## Step: Hidden
    ```solution
    y = 2
    ```
    ```check
    # a comment
    value y == 2 -- Make y two.
    ```
    Replay: no

    ## Reading
    Just read.
    """

  @Test("a lesson's parts: front matter, text, steps, solutions, checks, hints")
  func structure() throws {
    let lesson = try LessonParser.parse(Self.sample, file: "07-sample.md")
    #expect(lesson.id == "sample" && lesson.title == "A sample" && lesson.number == 7)
    #expect(lesson.text == [.paragraph("Intro with `code`."), .bullets(["one", "two continued"])])
    #expect(lesson.steps.count == 3)
    #expect(lesson.steps[0].title == "First" && lesson.steps[0].solution == "x = 1")
    #expect(lesson.steps[0].showsSolution && lesson.steps[0].hints == ["weak", "strong"])
    #expect(lesson.steps[0].text == [.paragraph("Do this:")] && lesson.steps[0].statementsAt == 1)
    #expect(lesson.steps[0].checks.map(\.line) == [20])
    #expect(!lesson.steps[1].showsSolution && !lesson.steps[1].replays)
    #expect(lesson.steps[1].checks.first?.message == "Make y two.")
    #expect(lesson.steps[2].title == "Reading" && !lesson.steps[2].hasChecks)
  }

  @Test("Windows line endings parse the same")
  func crlf() throws {
    let unix = try LessonParser.parse(Self.sample, file: "07-sample.md")
    let windows = try LessonParser.parse(Self.sample.replacingOccurrences(of: "\n", with: "\r\n"), file: "07-sample.md")
    #expect(unix == windows)
  }

  @Test("every lesson in Lessons/ parses, in order, with at least 14 lessons")
  func repositoryLessons() throws {
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    #expect(catalogue.lessons.count >= 14)
    #expect(catalogue.lessons.map(\.number) == Array(1...catalogue.lessons.count))
    for lesson in catalogue.lessons {
      #expect(!lesson.steps.isEmpty, "\(lesson.file) has no steps")
      for step in lesson.steps where step.hasChecks {
        #expect(!step.hints.isEmpty, "\(lesson.file): step \(step.title) has no hints")
      }
    }
  }

  @Test("every statement of tutorial.py is a solution, verbatim, in tutorial order")
  func tutorialCoverage() throws {
    let catalogue = try LessonCatalogue(directory: lessonsFolder)
    let solutions = catalogue.lessons.flatMap(\.steps).map(\.solution).joined(separator: "\n")
    var position = solutions.startIndex
    let tutorial = """
      from tensorflow.examples.tutorials.mnist import input_data
      mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
      import tensorflow as tf
      x = tf.placeholder(tf.float32, [None, 784])
      W = tf.Variable(tf.zeros([784, 10]))
      b = tf.Variable(tf.zeros([10]))
      y = tf.nn.softmax(tf.matmul(x, W) + b)
      y_ = tf.placeholder(tf.float32, [None, 10])
      cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
      train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
      sess = tf.InteractiveSession()
      tf.global_variables_initializer().run()
      for _ in range(1000):
        batch_xs, batch_ys = mnist.train.next_batch(100)
        sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
      correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))
      accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
      print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
      """
    for line in tutorial.split(separator: "\n") {
      let found = solutions[position...].range(of: String(line))
      #expect(found != nil, "missing or out of order: \(line)")
      if let found { position = found.upperBound }
    }
  }

  @Test("broken lesson files give errors naming the file and line")
  func errors() throws {
    func error(_ text: String, file: String = "05-broken.md") -> String? {
      do {
        _ = try LessonParser.parse(text, file: file)
        return nil
      } catch let e as LessonFormatError {
        return e.description
      } catch {
        return "\(error)"
      }
    }
    let head = "---\nid: a\ntitle: A\n---\n"
    #expect(error(head + "## S\n```check\nplaceholder x float32 [None, 784]\nfoo bar\n```\n")
      == "05-broken.md:8: unknown check `foo`")
    #expect(error(head + "text\n## S\n```type\nx = 1\n") == "05-broken.md:7: code block opened here is never closed")
    #expect(error("# no front matter\n") == "05-broken.md:1: a lesson starts with front matter: a `---` line, `id:` and `title:`, then `---`")
    #expect(error(head + "```check\nsession s\n```\n") == "05-broken.md:5: a `check` block belongs inside a step")
    #expect(error(head + "Hint: too early\n") == "05-broken.md:5: `Hint:` belongs inside a step (after a `## ` heading)")
    #expect(error("---\nid: a\nlevel: 3\n---\n") == "05-broken.md:3: unknown front matter key `level` (expected id, title, requires)")
    #expect(error(head + "## S\n```check\nplaceholder x float32 [None, -1]\n```\n")
      == "05-broken.md:7: bad dimension `-1` in shape `[None, -1]`")
    #expect(error(head + "## S\n```check\nvalue 1 + 1\n```\n")?.hasPrefix("05-broken.md:7: `value` reads") == true)
    #expect(error(head + "## S\n```check\noperation t minimises l\n```\n")?.hasPrefix("05-broken.md:7:") == true)
    #expect(error(head, file: "intro.md") == "intro.md:1: lesson file names start with a number: NN-slug.md")
  }

  @Test("a folder with a broken lesson fails with the file and line; README.md is ignored")
  func brokenFolder() throws {
    let dir = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = "---\nid: one\ntitle: One\n---\n## S\nread\n"
    try good.write(to: dir.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
    try "# not a lesson".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    #expect(try LessonCatalogue(directory: dir).lessons.count == 1)
    let bad = "---\nid: two\ntitle: Two\n---\n## S\n```check\nvariable W float32 [784, 10] extra\n```\n"
    try bad.write(to: dir.appendingPathComponent("02-two.md"), atomically: true, encoding: .utf8)
    #expect(throws: LessonFormatError(file: "02-two.md", line: 7, message: "unexpected `extra` in `variable` check")) {
      try LessonCatalogue(directory: dir)
    }
  }

  @Test("catalogue rules: duplicate ids, unknown requires, embedded files")
  func catalogue() throws {
    let one = "---\nid: one\ntitle: One\n---\n## S\nread\n"
    let two = "---\nid: two\ntitle: Two\nrequires: one\n---\n## S\nread\n"
    let three = "---\nid: three\ntitle: Three\nrequires: two\n---\n## S\nread\n"
    let cat = try LessonCatalogue(files: ["01-one.md": one, "02-two.md": two, "03-three.md": three, "README.md": "x"])
    #expect(cat.lessons.map(\.id) == ["one", "two", "three"])
    #expect(cat.prerequisites(of: 2) == [0, 1])
    #expect(throws: LessonFormatError.self) { try LessonCatalogue(files: ["01-one.md": one, "02-one.md": one]) }
    #expect(throws: LessonFormatError(file: "03-three.md", line: 1, message: "`requires` names an unknown lesson `two`")) {
      try LessonCatalogue(files: ["01-one.md": one, "03-three.md": three])
    }
    #expect(throws: LessonFormatError.self) { try LessonCatalogue(files: [:]) }
  }

  @Test("plain text rendering wraps paragraphs and marks blocks")
  func plainText() {
    let out = LessonOutput([
      .heading("Lesson 1"), .text(.paragraph("one two three four five six seven eight nine ten")),
      .statements("x = 1"), .failure("not yet"), .hint("look", level: 1, of: 2),
    ])
    #expect(out.plainText(width: 20) == """
      == Lesson 1 ==

      one two three four
      five six seven eight
      nine ten

        >>> x = 1

      [not yet] not yet

      Hint 1/2: look

      """)
    let segments = LessonOutput.inlineSegments("use `tf.zeros` here")
    #expect(segments.map(\.text) == ["use ", "tf.zeros", " here"] && segments.map(\.isCode) == [false, true, false])
  }
}
