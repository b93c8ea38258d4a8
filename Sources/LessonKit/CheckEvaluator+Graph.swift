extension CheckEvaluator {
  /// The placeholder and variable ids a role stands for: itself for a placeholder or
  /// variable, everything it depends on for a tensor; `nil` when it can't be resolved.
  func leafIDs(of role: String) -> Set<String>? {
    switch session.inspect(name(of: role)) {
    case .placeholder(let id, _, _), .variable(let id, _, _, _, _): return [id]
    case .tensor(let id, _, _, _):
      guard let deps = session.dependencies(of: id) else { return nil }
      return deps.placeholders.union(deps.variables)
    default: return nil
    }
  }

  /// What is wrong with tensor `name` against `uses` and `via`, or `nil` when nothing is.
  func tensorProblem(name: String, id: String, constant: Bool, uses: [String], via: [[String]]) -> String? {
    guard let deps = session.dependencies(of: id) else {
      return "`\(name)` isn't part of the graph."
    }
    let leaves = deps.placeholders.union(deps.variables)
    if constant && !leaves.isEmpty {
      return "`\(name)` depends on placeholders or variables; here it should be built from constants only."
    }
    for role in uses {
      guard let needed = leafIDs(of: role) else {
        return "`\(name)` can't be checked until `\(self.name(of: role))` exists."
      }
      if !needed.isSubset(of: leaves) {
        let all = uses.map { "`\(self.name(of: $0))`" }
        return "`\(name)` doesn't depend on `\(self.name(of: role))`; it should be computed from \(listPhrase(all))."
      }
    }
    guard !via.isEmpty else { return nil }
    let present = Set(deps.opTypes.map(Self.normalOp))
    if via.contains(where: { group in group.allSatisfy { present.contains(Self.normalOp($0)) } }) {
      return nil
    }
    if via.count == 1 {
      let missing = via[0].filter { !present.contains(Self.normalOp($0)) }
      return "`\(name)` is computed without \(listPhrase(missing, joiner: "or")); it needs \(listPhrase(via[0]))."
    }
    let options = via.map { listPhrase($0) }
    return "`\(name)` is not computed the expected way: it needs either \(options.joined(separator: ", or "))."
  }

  /// Op type names compared loosely: `ReduceSum`≈`Sum`, `AddV2`≈`BiasAdd`≈`Add`, case and `_` ignored.
  static func normalOp(_ op: String) -> String {
    var s = op.lowercased().filter { $0 != "_" }
    if s.hasPrefix("reduce") && s.count > 6 { s.removeFirst(6) }
    if s.hasSuffix("v2") { s.removeLast(2) }
    if s == "biasadd" { s = "add" }
    return s
  }
}

/// `a, b and c`.
func listPhrase(_ items: [String], joiner: String = "and") -> String {
  switch items.count {
  case 0: return ""
  case 1: return items[0]
  default: return items.dropLast().joined(separator: ", ") + " \(joiner) " + items[items.count - 1]
  }
}
