import Testing
import Tensors

/// Builds the array a fixture describes.
func fixtureArray(_ dtype: String, _ shape: [Int], _ values: String) -> NDArray {
  let words = values.split(separator: " ")
  switch dtype {
  case "float32": return NDArray(shape: shape, floats: words.map { Float(bitPattern: UInt32($0, radix: 16)!) })
  case "int64": return NDArray(shape: shape, int64s: words.map { Int64($0)! })
  default: return NDArray(shape: shape, bools: words.map { $0 == "1" })
  }
}

@Test(arguments: printFixtures.indices)
func printsExactlyAsNumPy(_ i: Int) {
  let (name, dtype, shape, values, str, repr) = printFixtures[i]
  let a = fixtureArray(dtype, shape, values)
  #expect(a.numpyStr == str, "str of \(name)")
  #expect(a.numpyRepr == repr, "repr of \(name)")
}

@Test func float32ScalarsPrintShortestRoundTrip() {
  #expect(numpyScalarString(0.9194) == "0.9194")
  #expect(numpyScalarString(1) == "1.0")
  #expect(numpyScalarString(1e-5) == "1e-05")
  #expect(numpyScalarString(-.infinity) == "-inf")
}
