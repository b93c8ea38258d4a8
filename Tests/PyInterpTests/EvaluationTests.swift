import PyInterp
import Testing

@Suite struct EvaluationTests {
  @Test func assignmentsAndUnpacking() {
    #expect(output("a, (b, c) = 1, [2, 3]\nx = y = 5\nfirst, *rest = range(4)\nd = {}\nd['k'] = [0, 0]\nd['k'][1] = 9\nprint(a, b, c, x, y, first, rest, d)") ==
      "1 2 3 5 5 0 [1, 2, 3] {'k': [0, 9]}\n")
    #expect(output("l = [1, 2]\nm = l\nm += [3]\nt = (1,)\nt += (2,)\nprint(l, t)") == "[1, 2, 3] (1, 2)\n")
    #expect(output("x = [0, 1, 2, 3, 4]\nx[1:3] = ['a']\ndel x[0]\nprint(x)") == "['a', 3, 4]\n")
  }

  @Test func functionsClosuresDefaultsAndKeywords() {
    #expect(output("""
      def weight_variable(shape, stddev=0.1, *args, name=None, **kw):
        \"\"\"Makes a weight.\"\"\"
        return shape, stddev, args, name, kw
      print(weight_variable([5, 5]))
      print(weight_variable([1], 0.2, 3, 4, name='w', extra=1))
      print(weight_variable.__doc__)
      def counter():
        n = 0
        def inc():
          nonlocal n
          n += 1
          return n
        return inc
      c = counter()
      c(); c()
      print(c())
      g = 1
      def setg():
        global g
        g = 2
      setg()
      print(g)
      def fact(n): return 1 if n <= 1 else n * fact(n - 1)
      print(fact(10), (lambda *a, **k: (a, k))(1, x=2))
      """) == "([5, 5], 0.1, (), None, {})\n([1], 0.2, (3, 4), 'w', {'extra': 1})\nMakes a weight.\n3\n2\n3628800 ((1,), {'x': 2})\n")
  }

  @Test func docstringsAreNoneWhenMissing() {
    // As in Python: a function or module without a docstring has __doc__ None, not no __doc__.
    #expect(output("def f():\n  pass\nprint(f.__doc__)\nprint(__doc__)") == "None\nNone\n")
    #expect(output("def g():\n  'Says hi.'\n  pass\nprint(g.__doc__)") == "Says hi.\n")
  }

  @Test func unboundLocal() {
    #expect(Session().errorLine("x = 1\ndef f():\n  print(x)\n  x = 2\nf()") ==
      "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value")
  }

  @Test func controlFlow() {
    #expect(output("""
      out = []
      for i in range(10):
        if i % 2 == 0:
          continue
        elif i > 7:
          break
        out.append(i)
      else:
        out.append('no')
      n = 0
      while n < 3:
        n += 1
      else:
        out.append('done')
      print(out, n)
      """) == "[1, 3, 5, 7, 'done'] 3\n")
    #expect(output("for i in []: pass\nelse: print('empty')") == "empty\n")
  }

  @Test func mainGuardPattern() {
    #expect(output("""
      def main(_):
        print('running', _)
      if __name__ == '__main__':
        main(None)
      """) == "running None\n")
  }

  @Test func comprehensions() {
    #expect(output("print([x * y for x in range(3) for y in range(3) if x != y], {k: v for k, v in zip('ab', [1, 2])}, {x % 2 for x in range(5)}, sum(x for x in range(5)))") ==
      "[0, 0, 0, 2, 0, 2] {'a': 1, 'b': 2} {0, 1} 10\n")
    #expect(output("x = 10\ny = [x for x in range(3)]\nprint(x, y)") == "10 [0, 1, 2]\n")
  }

  @Test func builtins() {
    #expect(output("print(len('abc'), list(range(2, 10, 3)), tuple('ab'), dict(a=1), set([1, 1]), bool([]), str(1.5), int(-2.7), float(3))") ==
      "3 [2, 5, 8] ('a', 'b') {'a': 1} {1} False 1.5 -2 3.0\n")
    #expect(output("print(min([3, 1, 2]), max(1, 5, key=lambda v: -v), sorted(['b', 'A', 'c']), list(reversed([1, 2])), abs(-2), round(0.5), round(1.5), round(2.675, 2))") ==
      "1 1 ['A', 'b', 'c'] [2, 1] 2 0 2 2.67\n")
    #expect(output("print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), any([0, 1]), all([]), isinstance(1.0, (int, float)), type(None))") ==
      "['1', '2'] [1, 2] True True True <class 'NoneType'>\n")
    #expect(output("print(1, 2, sep='-', end='!\\n')\nprint()") == "1-2!\n\n")
    #expect(output("print(divmod(7, 2), pow(2, 8), chr(65), ord('a'), hasattr([], 'append'), getattr(1, 'real'), callable(len))") ==
      "(3, 1) 256 A 97 True 1 True\n")
    #expect(output("print(dir([])[:3], 'ab'.upper(), ' x '.strip(), ','.join(['a', 'b']), 'a,b'.split(','), 'x{}y'.format(1))") ==
      "['append', 'clear', 'copy'] AB x a,b ['a', 'b'] x1y\n")
  }

  @Test func stringFormatting() {
    #expect(output("print('%d %s %g %f %.2f %r %5.1f|%-4d|%05d %x %%' % (3, 'a', 0.5, 1.5, 3.14159, 'q', 2.25, 7, 42, 255))") ==
      "3 a 0.5 1.500000 3.14 'q'   2.2|7   |00042 ff %\n")
    #expect(output("print('step %d, training accuracy %g' % (100, 0.9192))") == "step 100, training accuracy 0.9192\n")
    #expect(output("print('%s' % [1, 2], '%(a)s' % {'a': 5})") == "[1, 2] 5\n")
    #expect(output("v = 0.91920001\nprint(f'{v:.4f} {v:8.2%} {42:>6} {\"x\":*^5} {1234567:,} {v=}')") ==
      "0.9192   91.92%     42 **x** 1,234,567 v=0.91920001\n")
    #expect(output("print(f'{3.0}', f'{1e20}', f'{0.1 + 0.2}', f'{2:03}', f'{1.5:g}', f'{1e-7:e}')") ==
      "3.0 1e+20 0.30000000000000004 002 1.5 1.000000e-07\n")
  }

  @Test func exceptionsCanBeCaughtAndRaised() {
    #expect(output("""
      try:
        raise ValueError('bad value')
      except (TypeError, ValueError) as e:
        print(type(e).__name__, e, e.args)
      try:
        [][1]
      except LookupError:
        print('lookup')
      try:
        try:
          1 / 0
        finally:
          print('finally')
      except Exception as e:
        print('outer', repr(e))
      """) == "ValueError bad value ('bad value',)\nlookup\nfinally\nouter ZeroDivisionError('division by zero')\n")
    #expect(Session().errorLine("raise ValueError('x')") == "ValueError: x")
    #expect(Session().errorLine("assert 1 == 2, 'nope'") == "AssertionError: nope")
    #expect(Session().errorLine("try:\n  1/0\nexcept ZeroDivisionError:\n  raise") == "ZeroDivisionError: division by zero")
  }

  @Test func dictsKeepOrderAndHashNumbersTogether() {
    #expect(output("d = {1: 'a', True: 'b', 1.0: 'c', (1, 2): 'd'}\nprint(d, len(d), d.get(3, 'none'), list(d.items())[-1])") ==
      "{1: 'c', (1, 2): 'd'} 2 none ((1, 2), 'd')\n")
    #expect(Session().errorLine("{[1]: 2}") == "TypeError: unhashable type: 'list'")
  }

  @Test func floatsPrintLikePython() {
    #expect(output("print(0.1, 1/3, 1e16, 1e-5, 123456789.0, 2.5e-3, float('inf'), -0.0, 1e22, 100.0 / 3)") ==
      "0.1 0.3333333333333333 1e+16 1e-05 123456789.0 0.0025 inf -0.0 1e+22 33.333333333333336\n")
  }

  @Test func noFileOrProcessAccess() {
    #expect(Session().errorLine("open('x')") == "PermissionError: file access is not available in mnist-shell")
    #expect(Session().errorLine("import subprocess") == "ModuleNotFoundError: No module named 'subprocess'")
    #expect(Session().errorLine("eval('1')") == "NotImplementedError: eval() is not available in mnist-shell")
  }
}
