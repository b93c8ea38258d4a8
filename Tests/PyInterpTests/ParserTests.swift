import PyInterp
import Testing

private func parse(_ code: String) throws -> [Stmt] { try Interpreter().parse(code) }

private func span(_ s: String) -> String { s }

@Suite struct ParserTests {
  @Test func assignmentAndCallSpans() throws {
    let body = try parse("W = tf.Variable(tf.zeros([784, 10]))")
    let stmt = try #require(body.first)
    #expect(stmt.span.description == "1:0-1:36")
    guard case .assign(let targets, let value) = stmt.kind else { Issue.record("not an assignment"); return }
    #expect(targets[0].span.description == "1:0-1:1")
    #expect(value.span.description == "1:4-1:36")
    guard case .call(let callee, let args) = value.kind else { Issue.record("not a call"); return }
    #expect(callee.span.description == "1:4-1:15")
    guard case .attribute(let base, "Variable") = callee.kind else { Issue.record("not an attribute"); return }
    #expect(base.span.description == "1:4-1:6")
    guard case .positional(let inner) = args[0] else { Issue.record("not positional"); return }
    #expect(inner.span.description == "1:16-1:35")
  }

  @Test func everyStatementKindParses() throws {
    let code = """
      import tensorflow as tf, numpy
      from tensorflow.examples.tutorials.mnist import input_data as d, x
      from a import (b,
        c)
      a, *b = c = [1, 2]
      x[0], y.z = 1, 2
      n += 1; n -= 1; n *= 2; n /= 2; n //= 1; n %= 3; n **= 2; n @= m
      def f(a, b=1, *args, c, d=2, **kw):
        "doc"
        global g
        return a, b
      if a: pass
      elif b: pass
      else: pass
      for i, j in enumerate(x): continue
      while False: break
      with a as b, c: pass
      del x[0], y
      assert x, 'message'
      raise ValueError('x')
      try:
        pass
      except (ValueError, TypeError) as e:
        pass
      except:
        pass
      else:
        pass
      finally:
        pass
      lam = lambda x, y=2: x + y
      x: int = 3
      """
    let body = try parse(code)
    let kinds = body.map { stmt -> String in
      switch stmt.kind {
      case .import: return "import"
      case .importFrom: return "from"
      case .assign: return "assign"
      case .augAssign: return "aug"
      case .functionDef: return "def"
      case .if: return "if"
      case .for: return "for"
      case .while: return "while"
      case .with: return "with"
      case .del: return "del"
      case .assert: return "assert"
      case .raise: return "raise"
      case .try: return "try"
      case .annAssign: return "ann"
      default: return "other"
      }
    }
    #expect(kinds == ["import", "from", "from", "assign", "assign", "aug", "aug", "aug", "aug", "aug", "aug", "aug", "aug",
                      "def", "if", "for", "while", "with", "del", "assert", "raise", "try", "assign", "ann"])
    guard case .functionDef(let def) = body[13].kind else { Issue.record("no def"); return }
    #expect(def.docstring == "doc")
    #expect(def.params.map(\.name) == ["a", "b", "args", "c", "d", "kw"])
    #expect(def.globalNames == ["g"])
    #expect(def.span.description == "8:0-8:5")
  }

  @Test func blockSpansCoverTheirBodies() throws {
    let body = try parse("for _ in range(1000):\n  batch_xs, batch_ys = mnist.train.next_batch(100)\n  sess.run(train_step)\nprint(1)")
    #expect(body.count == 2)
    #expect(body[0].span.description == "1:0-3:22")
    guard case .for(let target, let iter, let inner, _) = body[0].kind else { Issue.record("no for"); return }
    #expect(target.span.description == "1:4-1:5")
    #expect(iter.span.description == "1:9-1:20")
    #expect(inner[0].span.description == "2:2-2:50")
    #expect(body[1].span.description == "4:0-4:8")
  }

  @Test func subscriptsAndSlices() throws {
    let body = try parse("a[:, 0]\nb[1:2:3]\nc[::2, ..., None]")
    guard case .expr(let e) = body[0].kind, case .subscript(_, let index) = e.kind,
      case .tuple(let items) = index.kind
    else { Issue.record("no subscript"); return }
    #expect(items.count == 2)
    guard case .slice(nil, nil, nil) = items[0].kind else { Issue.record("not a full slice"); return }
    #expect(items[0].span.description == "1:2-1:3")
    #expect(items[1].span.description == "1:5-1:6")
  }

  @Test func fStringFieldsHavePositions() throws {
    let body = try parse("print(f'acc {accuracy:.2f} at {step!r}')")
    guard case .expr(let call) = body[0].kind, case .call(_, let args) = call.kind,
      case .positional(let f) = args[0], case .fstring(let parts) = f.kind
    else { Issue.record("no f-string"); return }
    #expect(parts.count == 4)
    guard case .field(let e, nil, let spec) = parts[1] else { Issue.record("no field"); return }
    #expect(e.span.description == "1:13-1:21")
    #expect(spec.count == 1)
    guard case .field(let e2, "r", _) = parts[3] else { Issue.record("no second field"); return }
    #expect(e2.span.description == "1:31-1:35")
  }

  @Test func implicitJoiningAndContinuations() throws {
    let body = try parse("x = (1 +\n     2)\ny = [1,\n  2,\n]\nz = 1 + \\\n  2\nw = '''a\nb'''")
    #expect(body.count == 4)
    #expect(body[0].span.description == "1:0-2:7")
    #expect(body[2].span.description == "6:0-7:3")
  }

  @Test func numbersAndStrings() throws {
    let s = Session()
    #expect(s.run("print(1e-4, 1_000, 0x1f, 0o17, 0b101, .5, 5., 'a\\tb', r'a\\n', \"q\\\"\", '\\x41\\u00e9')") ==
      "0.0001 1000 31 15 5 0.5 5.0 a\tb a\\n q\" Aé\n")
    #expect(s.run("print('a' 'b' f'{1+1}')") == "ab2\n")
  }

  @Test func chainedComparisonsAndPrecedence() {
    #expect(output("print(1 < 2 < 3, 1 < 3 < 2, 2 ** -1, -2 ** 2, not 1 == 2, 1 + 2 * 3 % 4, 7 // 2 * 2)") ==
      "True False 0.5 -4 True 3 6\n")
    #expect(output("print(1 if 0 else 2, 0 or 'x', 1 and 2, [] or None)") == "2 x 2 None\n")
  }
}
