extension EntityGraph {
    /// The graph induced by a set of entities: those entities and every relation between
    /// two of them, with documents and the conflicts about them.
    /// - Parameter ids: entity ids to keep; unknown ids are ignored.
    /// - Returns: the induced subgraph.
    /// - Complexity: O(n + r) plus the copies.
    public func subgraph(entityIDs ids: Set<String>) -> EntityGraph {
        var g = EntityGraph()
        for e in entities where ids.contains(e.id) { g.add(e) }
        for r in relations where ids.contains(r.source) && ids.contains(r.target) { try? g.add(r) }
        let docs = Set(g.relations.flatMap { $0.evidence.map(\.document) })
        for d in documents where docs.contains(d.id) { g.add(d) }
        for c in conflicts where ids.contains(c.entity) { g.add(c) }
        return g
    }

    /// The ids of the entities within `depth` hops of `id`, following relations in either
    /// direction.
    /// - Parameters:
    ///   - id: the centre's entity id.
    ///   - depth: the number of hops (0 gives the centre alone).
    ///   - kinds: relation kinds to follow; all when `nil`.
    /// - Returns: the ids, the centre included; empty when `id` is unknown.
    /// - Complexity: O(n + r) per call (it scans the relation list once per hop).
    public func neighbourhood(of id: String, depth: Int, kinds: Set<RelationKind>? = nil) -> Set<String> {
        guard index(ofID: id) != nil else { return [] }
        var seen: Set<String> = [id]
        var frontier: Set<String> = [id]
        for _ in 0..<max(0, depth) where !frontier.isEmpty {
            var next: Set<String> = []
            for r in relations where kinds?.contains(r.kind) ?? true {
                if frontier.contains(r.source), !seen.contains(r.target) { next.insert(r.target) }
                if frontier.contains(r.target), !seen.contains(r.source) { next.insert(r.source) }
            }
            seen.formUnion(next)
            frontier = next
        }
        return seen
    }
}
