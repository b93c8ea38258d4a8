/// One activation: module code, a function call, or a comprehension.
final class Frame {
  let name: String
  let filename: String
  let globals: Scope
  /// The frame's own variables; nil at module level (where globals are the locals).
  let locals: Scope?
  let localNames: Set<String>
  let globalNames: Set<String>
  let nonlocalNames: Set<String>
  /// Enclosing function scopes, innermost first.
  let closure: [Scope]
  /// Prefix for the qualified names of functions defined here.
  let qualifiedPrefix: String
  /// The statement being executed (for tracebacks).
  var currentSpan: SourceSpan = .start
  /// The source lines this frame's code came from.
  let source: SourceText

  init(name: String, filename: String, globals: Scope, locals: Scope?, localNames: Set<String> = [],
       globalNames: Set<String> = [], nonlocalNames: Set<String> = [], closure: [Scope] = [],
       qualifiedPrefix: String = "", source: SourceText) {
    self.source = source
    self.name = name
    self.filename = filename
    self.globals = globals
    self.locals = locals
    self.localNames = localNames
    self.globalNames = globalNames
    self.nonlocalNames = nonlocalNames
    self.closure = closure
    self.qualifiedPrefix = qualifiedPrefix
  }

  /// Scopes a function defined in this frame closes over.
  var closureForChildren: [Scope] {
    if let locals { return [locals] + closure }
    return closure
  }
}

/// The lines of one chunk of source (a file, a `-c` string, one REPL entry).
final class SourceText {
  let lines: [String]
  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
  }
  func line(_ n: Int) -> String? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }

  /// A traceback frame for `span` in this text.
  func traceFrame(_ filename: String, _ function: String, _ span: SourceSpan) -> PyTraceFrame {
    PyTraceFrame(filename: filename, function: function, span: span, lineText: line(span.line))
  }
}

/// How a statement finished.
enum Flow {
  case normal
  case breakLoop
  case continueLoop
  case returnValue(PyValue)
}
