import PyInterp
import Testing

/// The hot-loop fast paths (slot-array argument binding, small dicts without a hash index,
/// direct tuple unpacking) must give exactly the answers and messages of the general paths.
@Suite struct DispatchFastPathTests {
  @Test func smallAndLargeDictsAgreeOnPythonKeyEquality() {
    let s = Session()
    // 1, 1.0 and True are one key; the first key object is kept, the last value wins.
    #expect(s.run("""
      d = {1: 'a', 1.0: 'b', True: 'c', 'x': 1, (1, 2): 2, None: 3}
      print(d, len(d), d[1.0], d[(1, 2)], d[None])
      big = {}
      for i in range(40):
        big[i] = i * i
      big[3.0] = 'three'
      big[True] = 'one'
      print(len(big), big[3], big[1], big[19], 39 in big, 40 in big)
      for i in range(38):
        del big[i]
      big[2] = 'back'
      print(big, len(big))
      """) == "{1: 'c', 'x': 1, (1, 2): 2, None: 3} 4 c 2 3\n40 three one 361 True False\n{38: 1444, 39: 1521, 2: 'back'} 3\n")
  }

  @Test func unhashableKeysFailInSmallAndLargeDicts() {
    let s = Session()
    #expect(s.run("d = {}\nd[[1]] = 2").hasSuffix("TypeError: unhashable type: 'list'\n"))
    #expect(s.run("d = {i: i for i in range(12)}\nd[{}] = 2").hasSuffix("TypeError: unhashable type: 'dict'\n"))
    #expect(s.run("d = {(1, [2]): 3}").hasSuffix("TypeError: unhashable type: 'list'\n"))
  }

  @Test func hostObjectsAsDictKeysCompareByIdentity() {
    let s = Session()
    installMockTF(s.py)
    #expect(s.run("""
      import tensorflow as tf
      x = tf.placeholder(tf.float32, [None, 784], name='x')
      y_ = tf.placeholder(tf.float32, [None, 10], name='y_')
      feed = {x: 1, y_: 2}
      feed[x] = 3
      print(len(feed), feed[x], feed[y_], x in feed)
      """) == "2 3 2 True\n")
  }

  @Test func bindingKeepsCPythonMessages() {
    let s = Session()
    #expect(s.run("def f(a, b=2, *args, c, **kw):\n  return (a, b, args, c, kw)\nprint(f(1, c=3), f(1, 2, 3, 4, c=5, d=6))")
      == "(1, 2, (), 3, {}) (1, 2, (3, 4), 5, {'d': 6})\n")
    #expect(s.run("def f(a, b=2):\n  pass\nf(1, 2, 3)").hasSuffix("TypeError: f() takes from 1 to 2 positional arguments but 3 were given\n"))
    #expect(s.run("def f(a):\n  pass\nf(1, 2)").hasSuffix("TypeError: f() takes 1 positional argument but 2 were given\n"))
    #expect(s.run("def f(a, b):\n  pass\nf(1, a=2)").hasSuffix("TypeError: f() got multiple values for argument 'a'\n"))
    #expect(s.run("def f(a):\n  pass\nf(z=1)").hasSuffix("TypeError: f() got an unexpected keyword argument 'z'\n"))
    #expect(s.run("def f(a, b, *, c, d):\n  pass\nf()").hasSuffix("TypeError: f() missing 2 required positional arguments: 'a' and 'b'\n"))
    #expect(s.run("def f(*, c, d):\n  pass\nf(d=1)").hasSuffix("TypeError: f() missing 1 required keyword-only argument: 'c'\n"))
  }

  @Test func boundArgumentsReportValuesDefaultsAndProvidedNames() throws {
    let sig = PySignature("run", [.required("fetches"), .optional("feed_dict"), .optional("limit", .int(7)),
                                 .varArgs(), .keywordOnly("mode", .str("fast")), .varKeywords()])
    let bound = try sig.bind(PyArguments([.int(1), .int(2), .int(3), .int(4)], keywords: [("mode", .str("slow")), ("extra", .true)]))
    #expect(bound.isProvided("fetches") && bound.isProvided("feed_dict") && bound.isProvided("limit") && bound.isProvided("mode"))
    #expect(!bound.isProvided("args") && !bound.isProvided("kwargs") && !bound.isProvided("nope"))
    #expect(try bound.int("limit") == 3)
    #expect(try bound.string("mode") == "slow")
    #expect(PyRepr.repr(bound["args"]) == "(4,)")
    #expect(PyRepr.repr(bound["kwargs"]) == "{'extra': True}")
    #expect(bound["nope"].isNone)
    #expect(bound.provided == ["fetches", "feed_dict", "limit", "mode"])
    #expect(Set(bound.values.keys) == ["fetches", "feed_dict", "limit", "args", "mode", "kwargs"])

    let defaults = try sig.bind(PyArguments([.int(1)]))
    #expect(try defaults.int("limit") == 7)
    #expect(try defaults.string("mode") == "fast")
    #expect(defaults["feed_dict"].isNone && !defaults.isProvided("feed_dict"))
    #expect(PyRepr.repr(defaults["args"]) == "()")
    #expect(throws: PyException.self) { try defaults.int("mode") }
  }

  @Test func tupleUnpackingFastPathAndErrors() {
    let s = Session()
    #expect(s.run("a, b = (1, 2)\nc, d = [3, 4]\n(e, f), g = ((5, 6), 7)\nh, *i = (8, 9, 10)\nprint(a, b, c, d, e, f, g, h, i)")
      == "1 2 3 4 5 6 7 8 [9, 10]\n")
    #expect(s.run("a, b = (1, 2, 3)").hasSuffix("ValueError: too many values to unpack (expected 2)\n"))
    #expect(s.run("a, b, c = [1, 2]").hasSuffix("ValueError: not enough values to unpack (expected 3, got 2)\n"))
    #expect(s.run("a, b = 5").hasSuffix("TypeError: cannot unpack non-iterable int object\n"))
  }
}
