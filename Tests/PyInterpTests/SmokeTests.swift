import PyInterp
import Testing

@Test func smoke() {
  #expect(output("print(1 + 2)") == "3\n")
  #expect(output("x = [i * i for i in range(5)]\nprint(x, len(x), sum(x))") == "[0, 1, 4, 9, 16] 5 30\n")
  #expect(output("def f(a, b=2):\n  return a * b\nprint(f(3), f(3, b=4))") == "6 12\n")
  #expect(output("print('%d %s %.2f %g' % (3, 'x', 3.14159, 1e-4))") == "3 x 3.14 0.0001\n")
  #expect(output("a = 0.5\nprint(f'{a:.3f} {a!r} {a}')") == "0.500 0.5 0.5\n")
  #expect(output("print(1/3, 2**10, 7//2, -7//2, 7%3, -7%3, 1e16, 1e-5, 100.0)") == "0.3333333333333333 1024 3 -4 1 2 1e+16 1e-05 100.0\n")
}
