/// Finds the names a function body binds (its locals) and its `global`/`nonlocal` declarations.
struct ScopeScan {
  var assigned: Set<String> = []
  var globals: Set<String> = []
  var nonlocals: Set<String> = []

  mutating func scan(_ body: [Stmt]) {
    for stmt in body { scan(stmt) }
  }

  mutating func scan(_ stmt: Stmt) {
    switch stmt.kind {
    case .assign(let targets, _):
      for t in targets { target(t) }
    case .augAssign(let t, _, _), .annAssign(let t, _, _):
      target(t)
    case .import(let names):
      for n in names {
        assigned.insert(n.asName ?? String(n.name.split(separator: ".").first ?? ""))
      }
    case .importFrom(_, let names):
      for n in names { assigned.insert(n.asName ?? n.name) }
    case .functionDef(let def):
      assigned.insert(def.name)
    case .classDef(let name):
      assigned.insert(name)
    case .if(_, let a, let b), .while(_, let a, let b):
      scan(a)
      scan(b)
    case .for(let t, _, let a, let b):
      target(t)
      scan(a)
      scan(b)
    case .with(let items, let body):
      for (_, t) in items { if let t { target(t) } }
      scan(body)
    case .global(let names):
      globals.formUnion(names)
    case .nonlocal(let names):
      nonlocals.formUnion(names)
    case .del(let targets):
      for t in targets { target(t) }
    case .try(let body, let handlers, let orelse, let final):
      scan(body)
      for h in handlers {
        if let n = h.name { assigned.insert(n) }
        scan(h.body)
      }
      scan(orelse)
      scan(final)
    default:
      break
    }
  }

  mutating func target(_ e: Expr) {
    switch e.kind {
    case .name(let n): assigned.insert(n)
    case .tuple(let items), .list(let items): for i in items { target(i) }
    case .starred(let inner): target(inner)
    default: break
    }
  }
}
