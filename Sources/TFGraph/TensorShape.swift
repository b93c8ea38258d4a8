/// A static (graph-time) tensor shape as TensorFlow 1.x knows it: unknown rank, or a list of
/// dimensions each either known (`Int`) or unknown (`nil`, printed `?`).
public struct TensorShape: Hashable, Sendable, CustomStringConvertible {
  /// The dimensions, or `nil` when even the rank is unknown.
  public var dims: [Int?]?

  /// Creates a shape from dimensions (`nil` entries are unknown); `nil` means unknown rank.
  public init(_ dims: [Int?]?) { self.dims = dims }
  /// Creates a fully known shape.
  public init(known: [Int]) { self.dims = known.map { Optional($0) } }

  /// The shape of unknown rank (`<unknown>`).
  public static let unknown = TensorShape(nil)
  /// The scalar shape `()`.
  public static let scalar = TensorShape([])

  /// The rank, or `nil` when unknown.
  public var rank: Int? { dims?.count }
  /// True when the rank and every dimension are known.
  public var isFullyDefined: Bool { dims.map { $0.allSatisfy { $0 != nil } } ?? false }
  /// The dimensions when fully defined.
  public var known: [Int]? { isFullyDefined ? dims!.map { $0! } : nil }
  /// The number of elements when fully defined.
  public var numElements: Int? { known.map { $0.reduce(1, *) } }

  /// TensorFlow's `str(shape)`: `(?, 10)`, `(10,)`, `()`, `<unknown>`.
  public var description: String {
    guard let dims else { return "<unknown>" }
    let parts = dims.map { $0.map(String.init) ?? "?" }
    return parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
  }

  /// The compact form TensorFlow uses inside error messages: `[?,784]`, `[]`, or `?` for unknown rank.
  public var bracketed: String {
    guard let dims else { return "?" }
    return "[" + dims.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
  }

  /// Python's `as_list()` view: known dims as numbers, unknown as `nil` (`None`).
  public var asList: [Int?]? { dims }

  /// True when a concrete shape could be a value of this static shape.
  public func isCompatible(with concrete: [Int]) -> Bool {
    guard let dims else { return true }
    guard dims.count == concrete.count else { return false }
    for (d, c) in zip(dims, concrete) where d != nil && d != c { return false }
    return true
  }

  /// The most specific shape compatible with both (used when merging static knowledge).
  func merged(with other: TensorShape) -> TensorShape {
    guard let a = dims else { return other }
    guard let b = other.dims, a.count == b.count else { return self }
    return TensorShape(zip(a, b).map { $0 ?? $1 })
  }
}
