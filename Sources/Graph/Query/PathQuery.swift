import Foundation

/// A question "how is A connected to B?": which paths, over which edge kinds and through
/// which node types.
///
/// ```swift
/// var q = PathQuery(from: "Hungary", to: "Kyiv")
/// q.kinds = [.pledge, .opposition]
/// let answer = try graph.paths(q)
/// answer.paths.first?.hops.map(\.relation.kind) // [.opposition, .pledge]
/// ```
public struct PathQuery: Hashable, Sendable {
    /// Which paths to return.
    public enum Mode: Hashable, Sendable {
        /// One shortest path.
        case shortest
        /// Every simple path up to `maxHops` (default `PathQuery.defaultAllHops`), shortest first.
        case all
        /// The k shortest simple paths (Yen).
        case kShortest(Int)
    }

    /// Hop limit of `.all` when `maxHops` is not given.
    public static let defaultAllHops = 4
    /// Default cap on the paths enumerated.
    public static let defaultLimit = 100

    /// Start: an id, name or alias.
    public var from: String
    /// End: an id, name or alias.
    public var to: String
    /// Edge kinds allowed; empty allows all.
    public var kinds: [RelationKind]
    /// Node types allowed strictly between the ends; empty allows all.
    public var types: [EntityType]
    /// Follow edges only from source to target.
    public var directed: Bool
    /// Longest path accepted.
    public var maxHops: Int?
    /// Which paths.
    public var mode: Mode
    /// Most paths enumerated and returned, always applied.
    public var limit: Int

    public init(from: String, to: String, kinds: [RelationKind] = [], types: [EntityType] = [],
                directed: Bool = false, maxHops: Int? = nil, mode: Mode = .shortest, limit: Int = PathQuery.defaultLimit) {
        self.from = from
        self.to = to
        self.kinds = kinds
        self.types = types
        self.directed = directed
        self.maxHops = maxHops
        self.mode = mode
        self.limit = limit
    }

    /// The traversal filter this query implies.
    public var filter: PathFilter { PathFilter(kinds: kinds, types: types, directed: directed) }
}

/// One hop of a path as walked: from `from` to `to` over `relation`, along its direction
/// (`forward`) or against it.
public struct PathHop: Hashable, Sendable {
    /// The entity the hop leaves.
    public var from: Entity
    /// The entity the hop reaches.
    public var to: Entity
    /// The edge, with its evidence.
    public var relation: Relation
    /// Whether the hop follows the edge from its source to its target.
    public var forward: Bool

    public init(from: Entity, to: Entity, relation: Relation, forward: Bool) {
        self.from = from
        self.to = to
        self.relation = relation
        self.forward = forward
    }
}

/// A path between two entities, hop by hop.
public struct EntityPath: Hashable, Sendable {
    /// The entities along the path, ends included.
    public var entities: [Entity]
    /// The hops; one fewer than `entities`.
    public var hops: [PathHop]
    /// Number of hops.
    public var hopCount: Int { hops.count }

    public init(entities: [Entity], hops: [PathHop]) {
        self.entities = entities
        self.hops = hops
    }
}

/// The answer to a `PathQuery`.
public struct PathResult: Hashable, Sendable {
    /// The query answered.
    public var query: PathQuery
    /// The resolved start.
    public var from: Entity
    /// The resolved end.
    public var to: Entity
    /// The paths, shortest first; empty when the ends are not connected under the filter.
    public var paths: [EntityPath]
    /// Whether `limit` cut the enumeration short (there may be more paths).
    public var truncated: Bool

    public init(query: PathQuery, from: Entity, to: Entity, paths: [EntityPath], truncated: Bool) {
        self.query = query
        self.from = from
        self.to = to
        self.paths = paths
        self.truncated = truncated
    }
}

extension EntityGraph {
    /// Answers a path query.
    ///
    /// - Parameters:
    ///   - query: ends, filters and mode.
    ///   - finder: a finder over `GraphIndex(self)` to reuse across queries; built when `nil`.
    /// - Throws: `QueryError.unknownEntity` (with suggestions) for an end that names no
    ///   entity, `QueryError.invalidArgument` for a limit, k or hop count below 1.
    /// - Complexity: that of the chosen search (see `PathFinder`), plus O(n + r) to build
    ///   the index when no finder is given.
    public func paths(_ query: PathQuery, finder: PathFinder? = nil) throws -> PathResult {
        guard query.limit >= 1 else { throw QueryError.invalidArgument("--limit must be at least 1 (got \(query.limit))") }
        if let h = query.maxHops, h < 1 { throw QueryError.invalidArgument("--max-hops must be at least 1 (got \(h))") }
        if case let .kShortest(k) = query.mode, k < 1 { throw QueryError.invalidArgument("--k must be at least 1 (got \(k))") }
        let s = try resolve(query.from)
        let t = try resolve(query.to)
        let f = finder ?? PathFinder(GraphIndex(self))
        let filter = query.filter
        var raw: [GraphPath]
        var truncated = false
        switch query.mode {
        case .shortest:
            raw = f.canonicalShortestPath(from: s, to: t, filter: filter, maxHops: query.maxHops ?? .max).map { [$0] } ?? []
        case .all:
            raw = f.simplePaths(from: s, to: t, filter: filter, maxHops: query.maxHops ?? PathQuery.defaultAllHops,
                                limit: query.limit + 1)
            if raw.count > query.limit { truncated = true; raw.removeLast(raw.count - query.limit) }
        case let .kShortest(k):
            raw = f.kShortestPaths(from: s, to: t, k: min(k, query.limit), filter: filter, maxHops: query.maxHops ?? .max, canonical: true)
            truncated = k > query.limit && raw.count == query.limit
        }
        return PathResult(query: query, from: entities[s], to: entities[t],
                          paths: raw.map { entityPath($0, index: f.index) }, truncated: truncated)
    }

    /// The entity-level view of an index path.
    /// - Complexity: O(hops).
    public func entityPath(_ p: GraphPath, index: GraphIndex) -> EntityPath {
        var hops: [PathHop] = []
        for (i, e) in p.edges.enumerated() {
            let a = Int(p.nodes[i]), b = Int(p.nodes[i + 1])
            let forward = index.source(ofEdge: Int(e)) == a && index.target(ofEdge: Int(e)) == b
            hops.append(PathHop(from: entities[a], to: entities[b], relation: relations[Int(e)], forward: forward))
        }
        return EntityPath(entities: p.nodes.map { entities[Int($0)] }, hops: hops)
    }
}
