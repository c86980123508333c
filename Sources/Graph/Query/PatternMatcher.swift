import Foundation

/// One value in a pattern result row.
public enum PatternValue: Hashable, Sendable {
    /// A node variable: the entity.
    case entity(Entity)
    /// A relation variable: its edges in the order walked (one for a fixed-length relation).
    case relations([Relation])
}

/// The rows a pattern matched.
public struct PatternResult: Sendable {
    /// Column names: the RETURN variables.
    public var columns: [String]
    /// Rows of values, parallel to `columns`, sorted, LIMIT applied.
    public var rows: [[PatternValue]]
    /// Every edge each shown row rests on (named or not), in walk order, parallel to `rows`.
    public var support: [[Relation]]
    /// Whether enumeration stopped at `maxMatches` (there may be more rows).
    public var truncated: Bool
}

extension EntityGraph {
    /// Matches a pattern query against the graph.
    ///
    /// ```swift
    /// let r = try graph.match(#"(c:country)-[:pledge]->(p:program {name: "PURL"}) RETURN c"#)
    /// r.rows.count // 5
    /// ```
    /// - Parameters:
    ///   - text: the query (grammar in `Pattern`).
    ///   - finder: a finder over `GraphIndex(self)` to reuse; built when `nil`.
    ///   - maxMatches: most matches enumerated before sorting.
    /// - Throws: `QueryError.syntax` for a pattern that does not parse, `QueryError.semantic`
    ///   for an unknown or conflicting variable, `QueryError.unknownEntity` for a name or id
    ///   that matches nothing.
    /// - Complexity: backtracking from the most selective node pattern; O(matches · path
    ///   length) when every step is selective, exponential in variable-length ranges at worst.
    public func match(_ text: String, finder: PathFinder? = nil, maxMatches: Int = 10_000) throws -> PatternResult {
        try match(Pattern(parsing: text), finder: finder, maxMatches: maxMatches)
    }

    /// Matches a parsed pattern; see `match(_:finder:maxMatches:)`.
    public func match(_ pattern: Pattern, finder: PathFinder? = nil, maxMatches: Int = 10_000) throws -> PatternResult {
        let index = finder?.index ?? GraphIndex(self)
        var m = try PatternMatcher(graph: self, index: index, pattern: pattern)
        return m.run(maxMatches: maxMatches)
    }
}

/// Backtracking matcher of a `Pattern` over a `GraphIndex`.
struct PatternMatcher {
    let graph: EntityGraph
    let index: GraphIndex
    let pattern: Pattern
    /// Per node pattern: the one entity a property pins it to, if any.
    var pinned: [Int?]
    /// Per node pattern: allowed type bits.
    var typeMasks: [UInt8]
    /// Per node pattern: the index of the first node pattern with the same variable.
    var sameAs: [Int]
    /// Returned columns: (name, node position or relation position).
    var columns: [(name: String, node: Int?, relation: Int?)]

    // Search state.
    var nodeBinding: [Int]
    var relBinding: [[Int32]]
    var usedEdges: [Int32] = []
    var matches: [(nodes: [Int], rels: [[Int32]])] = []
    var limitHit = false
    var cap = 0

    init(graph: EntityGraph, index: GraphIndex, pattern: Pattern) throws {
        self.graph = graph
        self.index = index
        self.pattern = pattern
        func semantic(_ m: String, _ col: Int) -> QueryError { .semantic(message: m, pattern: pattern.source, column: col) }
        pinned = []
        typeMasks = []
        for node in pattern.nodes {
            var pin: Int?
            for prop in node.properties {
                let i: Int
                if prop.key == "id" {
                    guard let j = graph.index(ofID: prop.value) else {
                        throw QueryError.unknownEntity(prop.value, suggestions: graph.suggestions(for: prop.value))
                    }
                    i = j
                } else {
                    i = try graph.resolve(prop.value)
                }
                if let pin, pin != i { pinned.append(-1); break }
                pin = i
            }
            if pinned.count < typeMasks.count + 1 { pinned.append(pin) }
            typeMasks.append(TypeMask(node.labels).rawValue)
        }
        // Variables: a node variable may repeat (same entity), a relation variable may not,
        // and no name may be both.
        var nodeVar: [String: Int] = [:], relVar: [String: Int] = [:]
        sameAs = []
        for (i, node) in pattern.nodes.enumerated() {
            if let v = node.variable {
                if relVar[v] != nil { throw semantic("'\(v)' is already a relation variable", node.column + 1) }
                if let first = nodeVar[v] { sameAs.append(first) } else { nodeVar[v] = i; sameAs.append(i) }
            } else {
                sameAs.append(i)
            }
        }
        for (i, rel) in pattern.relations.enumerated() {
            guard let v = rel.variable else { continue }
            if nodeVar[v] != nil || relVar[v] != nil { throw semantic("variable '\(v)' is already used", rel.column) }
            relVar[v] = i
        }
        columns = []
        if pattern.returns.isEmpty {
            var seen = Set<String>()
            var order: [(String, Int)] = []
            for (i, n) in pattern.nodes.enumerated() { if let v = n.variable { order.append((v, n.column)); _ = i } }
            for r in pattern.relations { if let v = r.variable { order.append((v, r.column)) } }
            order.sort { $0.1 < $1.1 }
            for (v, _) in order where seen.insert(v).inserted { columns.append((v, nodeVar[v], relVar[v])) }
            if columns.isEmpty {
                columns = pattern.nodes.indices.map { ("node\($0 + 1)", $0, nil) }
            }
        } else {
            for item in pattern.returns {
                guard nodeVar[item.name] != nil || relVar[item.name] != nil else {
                    throw semantic("RETURN of unknown variable '\(item.name)'", item.column)
                }
                columns.append((item.name, nodeVar[item.name], relVar[item.name]))
            }
        }
        nodeBinding = [Int](repeating: -1, count: pattern.nodes.count)
        relBinding = [[Int32]](repeating: [], count: pattern.relations.count)
    }

    /// A step of the search: match relation `relation` from the node at `from` to the node at `to`.
    struct Step {
        var relation: Int
        var from: Int
        var to: Int
        var direction: Pattern.Direction
    }

    func nodeAllowed(_ v: Int, _ position: Int) -> Bool {
        if let p = pinned[position], p != v { return false }
        if index.typeBit(ofNode: v) & typeMasks[position] == 0 { return false }
        let group = sameAs[position]
        for j in sameAs.indices where j != position && sameAs[j] == group {
            if nodeBinding[j] >= 0, nodeBinding[j] != v { return false }
        }
        return true
    }

    mutating func run(maxMatches: Int) -> PatternResult {
        cap = maxMatches
        let n = index.nodeCount
        // Anchor: a pinned node, else the node pattern with the fewest candidates by type.
        let anyPinned = pinned.contains { $0 != nil }
        var typeCount = [UInt8: Int]()
        for v in 0 ..< (anyPinned ? 0 : n) { typeCount[index.typeBit(ofNode: v), default: 0] += 1 }
        func candidates(_ i: Int) -> Int {
            if let p = pinned[i] { return p < 0 ? 0 : 1 }
            if anyPinned { return .max }
            return typeCount.filter { $0.key & typeMasks[i] != 0 }.reduce(0) { $0 + $1.value }
        }
        let anchor = pattern.nodes.indices.min { (candidates($0), $0) < (candidates($1), $1) } ?? 0
        var steps: [Step] = []
        for r in anchor ..< pattern.relations.count {
            steps.append(Step(relation: r, from: r, to: r + 1, direction: pattern.relations[r].direction))
        }
        for r in (0 ..< anchor).reversed() {
            let d: Pattern.Direction = switch pattern.relations[r].direction {
            case .outgoing: .incoming
            case .incoming: .outgoing
            case .either: .either
            }
            steps.append(Step(relation: r, from: r + 1, to: r, direction: d))
        }
        var starts: [Int]
        if let p = pinned[anchor] { starts = p < 0 ? [] : [p] } else {
            starts = (0 ..< n).filter { index.typeBit(ofNode: $0) & typeMasks[anchor] != 0 }
            starts.sort { index.rank(ofNode: $0) < index.rank(ofNode: $1) }
        }
        for v in starts where !limitHit {
            guard nodeAllowed(v, anchor) else { continue }
            nodeBinding[anchor] = v
            extend(steps, 0)
            nodeBinding[anchor] = -1
        }
        return result()
    }

    mutating func extend(_ steps: [Step], _ k: Int) {
        if limitHit { return }
        if k == steps.count {
            matches.append((nodeBinding, relBinding))
            if matches.count >= cap { limitHit = true }
            return
        }
        let step = steps[k]
        let rel = pattern.relations[step.relation]
        walk(steps, k, rel, at: nodeBinding[step.from], hops: 0, edges: [])
    }

    /// Extends the relation of step `k` hop by hop from `v`, closing it at every allowed length.
    mutating func walk(_ steps: [Step], _ k: Int, _ rel: Pattern.RelationPattern, at v: Int, hops: Int, edges: [Int32]) {
        if limitHit { return }
        let step = steps[k]
        if hops >= rel.minHops, nodeAllowed(v, step.to) {
            let previous = nodeBinding[step.to]
            // A node pattern already bound (the anchor side of a cycle) must agree.
            if previous < 0 || previous == v {
                nodeBinding[step.to] = v
                relBinding[step.relation] = step.from < step.to ? edges : edges.reversed()
                extend(steps, k + 1)
                relBinding[step.relation] = []
                nodeBinding[step.to] = previous
            }
        }
        guard hops < rel.maxHops else { return }
        let kinds = KindMask(rel.kinds).rawValue
        let s = index.storage
        for pass in 0 ..< 2 {
            if pass == 0 && step.direction == .incoming { continue }
            if pass == 1 && step.direction == .outgoing { continue }
            let offs = pass == 0 ? s.outOffsets : s.inOffsets
            let nbr = pass == 0 ? s.outNbr : s.inNbr
            let eid = pass == 0 ? s.outEdge : s.inEdge
            for p in Int(offs[v]) ..< Int(offs[v + 1]) {
                let e = eid[p]
                guard s.edgeKind[Int(e)] & kinds != 0, !usedEdges.contains(e) else { continue }
                // Either way, a self-loop is one step, not one per adjacency list.
                if pass == 1, step.direction == .either, Int(nbr[p]) == v { continue }
                usedEdges.append(e)
                walk(steps, k, rel, at: Int(nbr[p]), hops: hops + 1, edges: edges + [e])
                usedEdges.removeLast()
                if limitHit { return }
            }
        }
    }

    func result() -> PatternResult {
        func key(_ m: (nodes: [Int], rels: [[Int32]])) -> [Int] {
            var k: [Int] = []
            for c in columns {
                if let n = c.node { k.append(index.rank(ofNode: m.nodes[n])) }
                if let r = c.relation {
                    for e in m.rels[r] {
                        k.append(index.rank(ofNode: index.source(ofEdge: Int(e))))
                        k.append(Int(index.kindBit(ofEdge: Int(e))))
                        k.append(index.rank(ofNode: index.target(ofEdge: Int(e))))
                    }
                    k.append(-1)
                }
            }
            return k
        }
        let sorted = matches.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        let shown = sorted.prefix(pattern.limit ?? .max)
        let rows: [[PatternValue]] = shown.map { m in
            columns.map { c in
                if let n = c.node { return .entity(graph.entities[m.nodes[n]]) }
                return .relations(m.rels[c.relation!].map { graph.relations[Int($0)] })
            }
        }
        let support = shown.map { m in m.rels.flatMap { $0.map { graph.relations[Int($0)] } } }
        return PatternResult(columns: columns.map(\.name), rows: rows, support: support, truncated: limitHit)
    }
}

extension PatternResult {
    /// Writes the rows as an aligned table (entities by name, edges as "A —kind→ B"), then
    /// the evidence of every edge the shown rows rest on.
    /// - Complexity: O(rows · columns + edges · evidence shown).
    public func writeText<W: TextOutputStream>(graph: EntityGraph, to out: inout W, evidenceLimit: Int = 1) {
        func name(_ id: String) -> String { graph.entity(id: id)?.name ?? id }
        func cell(_ v: PatternValue) -> String {
            switch v {
            case let .entity(e): return e.name
            case let .relations(rs): return rs.map { "\(name($0.source)) —\($0.kind.rawValue)→ \(name($0.target))" }.joined(separator: ", ")
            }
        }
        if rows.isEmpty { out.write("no matches\n"); return }
        QueryOutput.writeTable(header: columns, rows: rows.map { $0.map(cell) }, to: &out)
        out.write("\(rows.count) \(rows.count == 1 ? "row" : "rows")\(truncated ? " (match limit reached; there may be more)" : "")\n")
        var seen = Set<RelationKey>()
        let edges = support.flatMap { $0 }.filter { seen.insert($0.key).inserted }
        if !edges.isEmpty {
            out.write("\nevidence\n")
            for r in edges {
                out.write("  \(name(r.source)) —\(r.kind.rawValue)→ \(name(r.target))\n")
                QueryOutput.writeEvidence(r.evidence, indent: "    ", limit: evidenceLimit, to: &out)
            }
        }
    }

    private struct Cell: Encodable {
        var entity: EntityJSON?
        var relations: [RelationJSON]?
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if let entity { try c.encode(entity) } else { try c.encode(relations ?? []) }
        }
    }

    private struct ResultJSON: Encodable {
        var columns: [String]
        var rows: [[String: Cell]]
        var truncated: Bool
    }

    /// Writes `{"columns": […], "rows": [{column: entity | [edge]}], "truncated": …}`,
    /// edges with their evidence.
    public func writeJSON<W: TextOutputStream>(to out: inout W) {
        let j = ResultJSON(columns: columns, rows: rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row.map { v -> Cell in
                switch v {
                case let .entity(e): Cell(entity: EntityJSON(e))
                case let .relations(rs): Cell(relations: rs.map(RelationJSON.init))
                }
            }))
        }, truncated: truncated)
        out.write(QueryOutput.json(j))
    }
}
