import Foundation
import PyInterp
import TFBindings
import Testing

/// A deterministic generator (SplitMix64) so a failing case can be replayed from its seed.
struct FuzzRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Fuzzing the real `tf`, `numpy` and `input_data` bindings (PyInterp's own fuzz test uses stubs):
/// random token sequences and mutations of the tutorial's statements, in one live session that has
/// the data loaded and a model built, checking after every case that the session still works.
@Suite(.serialized) struct FuzzTests {
  /// A few hundred cases in CI; `PYINTERP_FUZZ_CASES=100000 swift test -c release --filter FuzzTests`
  /// for the dedicated run (PYINTERP_FUZZ_SEED picks another seed).
  @Test func mutatedTutorialStatementsNeverBreakTheSession() throws {
    let env = ProcessInfo.processInfo.environment
    let cases = env["PYINTERP_FUZZ_CASES"].flatMap(Int.init) ?? 400
    let seed = env["PYINTERP_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127
    var fuzzer = TFFuzzer(seed: seed)
    let report = try fuzzer.run(cases: cases)
    #expect(report.cases == cases)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(10))")
    // The mutations must reach the engine, not stop in the parser: many cases raise TF's own
    // errors and many run cleanly.
    #expect(report.engineErrors > cases / 50, "engine errors \(report.engineErrors)")
    #expect(report.clean > cases / 20, "clean cases \(report.clean)")
    #expect(report.probes >= 1)
    print("tf fuzz: \(report.cases) cases, \(report.clean) clean, \(report.engineErrors) engine errors, "
      + "\(report.otherErrors) other Python errors, \(report.probes) session probes, \(report.failures.count) failures")
  }

  @Test func mutatorChangesShapesAndNumbers() {
    var rng = FuzzRandom(state: 7)
    let line = "W = tf.Variable(tf.zeros([784, 10]))"
    let variants = Set((0..<200).map { _ in TFMutator.mutate(line, &rng) })
    #expect(variants.count > 50)
    #expect(variants.contains { $0.contains("tf.zeros([") && !$0.contains("[784, 10]") })
    #expect(variants.allSatisfy { $0 != line } || variants.count > 1)
    #expect(TFMutator.tokens("a.b(1e-4, [None, 784])**2") == ["a", ".", "b", "(", "1e-4", ",", " ", "[", "None", ",", " ", "784", "]", ")", "**", "2"])
  }
}
