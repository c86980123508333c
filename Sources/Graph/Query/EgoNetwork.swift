import Foundation

extension EntityGraph {
    /// The subgraph induced by some entities: those entities and every edge between two of
    /// them whose kind `kinds` allows, with the documents their evidence cites.
    ///
    /// - Parameters:
    ///   - nodes: dense entity indices (duplicates ignored).
    ///   - index: `GraphIndex(self)`.
    ///   - kinds: edge kinds kept.
    /// - Returns: a graph with the entities in id order.
    /// - Complexity: O(sum of out-degrees of `nodes`) plus sorting them.
    public func subgraph(inducedBy nodes: [Int], index: GraphIndex, kinds: KindMask = .all) -> EntityGraph {
        let members = Set(nodes)
        let ordered = members.sorted { index.rank(ofNode: $0) < index.rank(ofNode: $1) }
        var g = EntityGraph()
        for v in ordered { g.add(entities[v]) }
        var cited = Set<String>()
        for v in ordered {
            index.forEachEdge(at: v, filter: PathFilter(kindMask: kinds, typeMask: .all, directed: true)) { w, e, _ in
                guard members.contains(w) else { return }
                let r = relations[e]
                for ev in r.evidence { cited.insert(ev.document) }
                try? g.add(r)
            }
        }
        for d in documents(withIDs: cited) { g.add(d) }
        return g
    }

    /// The ego network of an entity: everything within `depth` hops (either direction) over
    /// the allowed kinds, and the edges among it.
    ///
    /// ```swift
    /// let ego = try graph.egoNetwork(of: "Rutte", depth: 1)
    /// ```
    /// - Parameters:
    ///   - name: id, name or alias of the centre.
    ///   - depth: hops from the centre.
    ///   - kinds: edge kinds followed and kept; empty for all.
    ///   - finder: a finder over `GraphIndex(self)` to reuse; built when `nil`.
    /// - Throws: `QueryError.unknownEntity` with suggestions.
    /// - Complexity: O(nodes and edges within `depth` hops) with a finder.
    public func egoNetwork(of name: String, depth: Int, kinds: [RelationKind] = [], finder: PathFinder? = nil) throws -> EntityGraph {
        guard depth >= 0 else { throw QueryError.invalidArgument("--depth must be at least 0 (got \(depth))") }
        let centre = try resolve(name)
        let f = finder ?? PathFinder(GraphIndex(self))
        var nodes: [Int] = []
        let filter = PathFilter(kinds: kinds)
        f.breadthFirst(from: centre, filter: filter, maxDepth: depth) { v, _ in nodes.append(v) }
        return subgraph(inducedBy: nodes, index: f.index, kinds: filter.kinds)
    }
}

/// What to draw for a path answer: the paths inside their one-hop neighbourhood, and which
/// entities and edges lie on a path (to highlight).
public struct PathDrawing: Sendable {
    /// The neighbourhood subgraph.
    public var graph: EntityGraph
    /// Ids of the entities on a path.
    public var highlightedEntities: Set<String>
    /// Keys of the edges on a path.
    public var highlightedRelations: Set<RelationKey>
}

extension PathResult {
    /// The paths inside their neighbourhood in `graph`: every path entity, up to
    /// `maxNeighbours` neighbours of each (in id order), and the edges among them.
    ///
    /// - Parameters:
    ///   - graph: the graph the result came from.
    ///   - finder: a finder over `GraphIndex(graph)` to reuse; built when `nil`.
    ///   - depth: neighbourhood radius around path entities.
    ///   - maxNeighbours: cap per path entity, so hubs stay drawable.
    /// - Complexity: O(neighbourhood size).
    public func drawing(in graph: EntityGraph, finder: PathFinder? = nil, depth: Int = 1, maxNeighbours: Int = 25) -> PathDrawing {
        let f = finder ?? PathFinder(GraphIndex(graph))
        var nodes: Set<Int> = []
        var onPath: [Int] = []
        for p in paths { for e in p.entities { if let i = graph.index(ofID: e.id) { onPath.append(i) } } }
        if paths.isEmpty { onPath = [from, to].compactMap { graph.index(ofID: $0.id) } }
        nodes.formUnion(onPath)
        for v in Set(onPath) {
            var near: [Int] = []
            f.breadthFirst(from: v, filter: query.filter, maxDepth: depth) { w, _ in if w != v { near.append(w) } }
            near.sort { f.index.rank(ofNode: $0) < f.index.rank(ofNode: $1) }
            nodes.formUnion(near.prefix(maxNeighbours))
        }
        let sub = graph.subgraph(inducedBy: Array(nodes), index: f.index, kinds: query.filter.kinds)
        return PathDrawing(graph: sub,
                           highlightedEntities: Set(paths.flatMap { $0.entities.map(\.id) }),
                           highlightedRelations: Set(paths.flatMap { $0.hops.map(\.relation.key) }))
    }
}
