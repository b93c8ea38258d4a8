import PyInterp
import Testing
import Foundation

@Test func scratch() throws {
  let snippets = (try? String(contentsOfFile: "/tmp/snippets.py", encoding: .utf8)) ?? ""
  for chunk in snippets.components(separatedBy: "\n----\n") {
    let s = Session()
    print("=== \(chunk)\n\(s.run(chunk, filename: "<stdin>"))")
  }
  #expect(Bool(true))
}
