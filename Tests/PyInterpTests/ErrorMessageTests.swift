import PyInterp
import Testing

/// Full traceback snapshots, one per error kind.
@Suite struct ErrorMessageTests {
  private func render(_ code: String) -> String { Session().run(code, filename: "<stdin>") }

  @Test func nameErrorWithSuggestion() {
    #expect(render("weights = 1\nprint(weigths)") == """
      Traceback (most recent call last):
        File "<stdin>", line 2, in <module>
          print(weigths)
                ^^^^^^^
      NameError: name 'weigths' is not defined. Did you mean: 'weights'?

      """)
  }

  @Test func nameErrorWithLearnerHint() {
    #expect(render("x = np.argmax([1])") == """
      Traceback (most recent call last):
        File "<stdin>", line 1, in <module>
          x = np.argmax([1])
              ^^
      NameError: name 'np' is not defined
      Hint: run 'import numpy as np' first

      """)
  }

  @Test func syntaxErrorNeverClosed() {
    #expect(render("x = (1,") == """
        File "<stdin>", line 1
          x = (1,
              ^
      SyntaxError: '(' was never closed

      """)
  }

  @Test func syntaxErrorsAndIndentation() {
    let s = Session()
    #expect(s.errorLine("x = = 1") == "SyntaxError: invalid syntax")
    #expect(s.errorLine("f() = 1") == "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?")
    #expect(s.errorLine("1 = x") == "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?")
    #expect(s.errorLine("None = 1") == "SyntaxError: cannot assign to None")
    #expect(s.errorLine("f(x) += 1") == "SyntaxError: 'function call' is an illegal expression for augmented assignment")
    #expect(s.errorLine("if x = 1:\n  pass") == "SyntaxError: expected ':'")
    #expect(s.errorLine("for x in y\n  pass") == "SyntaxError: expected ':'")
    #expect(s.errorLine("x = [1, 2)") == "SyntaxError: closing parenthesis ')' does not match opening parenthesis '['")
    #expect(s.errorLine("x = 1)") == "SyntaxError: unmatched ')'")
    #expect(s.errorLine("s = 'abc") == "SyntaxError: unterminated string literal (detected at line 1)")
    #expect(s.errorLine("s = '''abc") == "SyntaxError: unterminated triple-quoted string literal (detected at line 1)")
    #expect(s.errorLine("return 1") == "SyntaxError: 'return' outside function")
    #expect(s.errorLine("break") == "SyntaxError: 'break' outside loop")
    #expect(s.errorLine("x = 1 $ 2") == "SyntaxError: invalid character '$' (U+0024)")
    #expect(s.errorLine("x = 012") == "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
    #expect(s.errorLine("x = 1abc") == "SyntaxError: invalid decimal literal")
    #expect(s.errorLine("f(a=1, 2)") == "SyntaxError: positional argument follows keyword argument")
    #expect(s.errorLine("def f(a=1, b): pass") == "SyntaxError: non-default argument follows default argument")
    #expect(s.errorLine("print 'hi'") == "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?")
    #expect(s.errorLine("x = 1\n    y = 2") == "IndentationError: unexpected indent")
    #expect(s.errorLine("if x:\ny = 2") == "IndentationError: expected an indented block after 'if' statement on line 1")
    #expect(s.errorLine("if x:\n    a = 1\n  b = 2") == "IndentationError: unindent does not match any outer indentation level")
    #expect(s.errorLine("class A:\n  pass") == "NotImplementedError: class definitions are not supported in mnist-shell")
    #expect(s.errorLine("f'{}'") == "SyntaxError: f-string: valid expression required before '}'")
  }

  @Test func functionFramesAppearInTracebacks() {
    #expect(render("""
      def inner(v):
          return v + 'a'
      def outer():
          return inner(1)
      outer()
      """) == """
      Traceback (most recent call last):
        File "<stdin>", line 5, in <module>
          outer()
        File "<stdin>", line 4, in outer
          return inner(1)
                 ^^^^^^^^
        File "<stdin>", line 2, in inner
          return v + 'a'
                 ^^^^^^^
      TypeError: unsupported operand type(s) for +: 'int' and 'str'

      """)
  }

  @Test func functionDefinedInEarlierEntryKeepsItsSource() {
    let s = Session()
    s.run("def f(x):\n  return x[5]", filename: "<stdin>")
    #expect(s.run("f([1])", filename: "<stdin>") == """
      Traceback (most recent call last):
        File "<stdin>", line 1, in <module>
          f([1])
        File "<stdin>", line 2, in f
          return x[5]
                 ^^^^
      IndexError: list index out of range

      """)
  }

  @Test func typeErrorsOfCalls() {
    let s = Session()
    s.run("def f(a, b=2, *, c):\n  pass")
    #expect(s.errorLine("f(1, c=1, d=2)") == "TypeError: f() got an unexpected keyword argument 'd'")
    #expect(s.errorLine("f(1)") == "TypeError: f() missing 1 required keyword-only argument: 'c'")
    #expect(s.errorLine("f(1, 2, 3, c=1)") == "TypeError: f() takes from 1 to 2 positional arguments but 3 were given")
    #expect(s.errorLine("f()") == "TypeError: f() missing 1 required positional argument: 'a'")
    #expect(s.errorLine("len(1)") == "TypeError: object of type 'int' has no len()")
    #expect(s.errorLine("3()") == "TypeError: 'int' object is not callable")
    #expect(s.errorLine("for x in 5: pass") == "TypeError: 'int' object is not iterable")
    #expect(s.errorLine("a, b = 5") == "TypeError: cannot unpack non-iterable int object")
    #expect(s.errorLine("1 < 'a'") == "TypeError: '<' not supported between instances of 'int' and 'str'")
    #expect(s.errorLine("'%d' % 'x'") == "TypeError: %d format: a real number is required, not str")
    #expect(s.errorLine("'%d %d' % (1,)") == "TypeError: not enough arguments for format string")
    #expect(s.errorLine("'%d' % (1, 2)") == "TypeError: not all arguments converted during string formatting")
    #expect(s.errorLine("None.x") == "AttributeError: 'NoneType' object has no attribute 'x'")
    #expect(s.errorLine("[].appendd(1)") == "AttributeError: 'list' object has no attribute 'appendd'. Did you mean: 'append'?")
    #expect(s.errorLine("int('x')") == "ValueError: invalid literal for int() with base 10: 'x'")
    #expect(s.errorLine("float('x')") == "ValueError: could not convert string to float: 'x'")
    #expect(s.errorLine("[1][3]") == "IndexError: list index out of range")
    #expect(s.errorLine("{}['k']") == "KeyError: 'k'")
    #expect(s.errorLine("1 % 0") == "ZeroDivisionError: integer modulo by zero")
    #expect(s.errorLine("1.0 / 0") == "ZeroDivisionError: float division by zero")
  }

  @Test func keyboardInterruptAndRecursionRender() {
    var e = PyException(.keyboardInterrupt)
    e.frames = [PyTraceFrame(filename: "<stdin>", function: "<module>",
                             span: SourceSpan(line: 2, column: 2, endLine: 2, endColumn: 30),
                             lineText: "  sess.run(train_step, feed_dict=feed)")]
    #expect(Interpreter.formatTraceback(e) == """
      Traceback (most recent call last):
        File "<stdin>", line 2, in <module>
          sess.run(train_step, feed_dict=feed)
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      KeyboardInterrupt

      """)
  }

  @Test func hintCanBeLeftOut() {
    let e = PyException(.valueError, "Dimensions must be equal", hint: "matmul needs a.shape[1] == b.shape[0]")
    #expect(Interpreter.formatTraceback(e) == "Traceback (most recent call last):\nValueError: Dimensions must be equal\nHint: matmul needs a.shape[1] == b.shape[0]\n")
    #expect(Interpreter.formatTraceback(e, includeHint: false) == "Traceback (most recent call last):\nValueError: Dimensions must be equal\n")
  }
}
