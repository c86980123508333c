import Foundation

/// Folds per-document extractions, in document order, into one graph, keeping only the small
/// facts the final merge needs: lexicon role and member edges (added at the end when both ends
/// are in the graph), the distinct acronym expansions and the distinct pledge amounts (for
/// conflicts). An extraction can be dropped once added, so a streaming build holds one graph
/// plus those facts, never every document.
///
/// ```swift
/// var acc = BuildAccumulator()
/// for x in extractions { acc.add(x) }   // in document order
/// let (graph, report) = acc.finish()
/// ```
///
/// Adding the same extractions in the same order always gives the same graph; a different
/// order may give a different graph (evidence order, first conflicting value, surname merges).
public struct BuildAccumulator: Sendable {
    private var graph = EntityGraph()
    /// Lexicon role and member edges, merged per (source, kind, target) in order of first appearance.
    private var lexiconEdges = EntityGraphEdges()
    /// Per entity: the distinct expansions (normalized key → first spelling and its document).
    private var expansions: [String: (seen: Set<String>, values: [String], documents: [String])] = [:]
    /// Per pledge: the distinct amounts (as described) with the first document of each.
    private var amounts: [RelationKey: (values: [String], documents: [String])] = [:]
    /// Documents added.
    public private(set) var documentsRead = 0

    /// An empty accumulator.
    public init() {}

    /// Folds one document's extraction in; call in document order.
    /// - Complexity: O(size of the extraction) lookups plus the evidence merges of its edges.
    public mutating func add(_ x: DocumentExtraction) {
        documentsRead += 1
        graph.merge(x.graph)
        for r in x.lexiconRoles { lexiconEdges.add(r) }
        for r in x.memberships { lexiconEdges.add(r) }
        for e in x.expansions {
            var k = AliasKey.normalize(e.expansion)
            if k.utf8.contains(0x7A), k.contains("prioritized") { k = k.replacingOccurrences(of: "prioritized", with: "prioritised") }
            var entry = expansions[e.entity] ?? ([], [], [])
            if entry.seen.insert(k).inserted { entry.values.append(e.expansion); entry.documents.append(x.document.id) }
            expansions[e.entity] = entry
        }
        for (k, a) in x.amounts {
            let v = BuildPipeline.describe(a)
            var entry = amounts[k] ?? ([], [])
            if !entry.values.contains(v) { entry.values.append(v); entry.documents.append(x.document.id) }
            amounts[k] = entry
        }
    }

    /// The merged graph and its report (without timing or file warnings): surnames folded
    /// into full names, lexicon edges whose ends are both in the graph, conflicts.
    /// - Complexity: O(n log n + e log e) in the entities and edges.
    public func finish() -> (EntityGraph, BuildReport) {
        // a lone surname that is some other document's full name joins it
        var g = BuildPipeline.mergeSurnames(graph)
        for r in lexiconEdges.merged() where g.entity(id: r.source) != nil && g.entity(id: r.target) != nil {
            try? g.add(r)
        }
        for (entity, e) in expansions.sorted(by: { $0.key < $1.key }) where e.values.count > 1 {
            g.add(Conflict(entity: entity, field: "expansion", values: e.values, documents: e.documents))
            g.addAliases(e.values, toEntity: entity)
        }
        for (key, a) in amounts.sorted(by: { $0.key < $1.key }) where a.values.count > 1 && g.relation(key) != nil {
            g.add(Conflict(entity: "\(key.source)|pledge|\(key.target)", field: "amount", values: a.values, documents: a.documents))
        }
        var report = BuildReport()
        report.documentsRead = documentsRead
        for e in g.entities { report.entitiesByType[e.type, default: 0] += 1 }
        for r in g.relations { report.edgesByKind[r.kind, default: 0] += 1 }
        report.conflicts = g.conflicts
        return (g, report)
    }
}

/// Relations merged by (source, kind, target) without requiring their ends to exist, in
/// order of first appearance; merging follows `EntityGraph.add(_:)`.
///
/// Evidence is gathered in one list in order of arrival and given to the edges at the end:
/// the same lexicon edge comes back in most documents, and appending to its own list each
/// time would touch a cold cache line of a different array at every addition.
struct EntityGraphEdges: Sendable {
    /// The edges, each with the evidence of its first addition only (see `merged()`).
    private var relations: [Relation] = []
    private var index: [RelationKey: Int] = [:]
    /// Evidence of later additions: (edge position, evidence), in order of arrival.
    private var pending: [(edge: Int32, evidence: Evidence)] = []

    /// - Complexity: O(1) lookups plus the merge of the edge's other fields.
    mutating func add(_ relation: Relation) {
        let key = relation.key
        guard let i = index[key] else {
            precondition(relations.count < Int(Int32.max), "more than 2^31 lexicon edges")
            index[key] = relations.count
            relations.append(relation)
            return
        }
        relations[i].absorb(relation, includingEvidence: false)
        for e in relation.evidence { pending.append((Int32(truncatingIfNeeded: i), e)) }
    }

    /// The edges with all their evidence: what absorbing each addition in turn would give.
    /// - Complexity: O(n + p) for p pending evidence, plus sorting an edge's evidence when it
    ///   did not arrive in order.
    func merged() -> [Relation] {
        // a counting sort of the pending evidence's positions by edge, stable: each edge's in
        // arrival order (positions, not copies of the evidence)
        var start = [Int](repeating: 0, count: relations.count + 1)
        for p in pending { start[Int(p.edge) + 1] += 1 }
        for i in relations.indices { start[i + 1] += start[i] }
        var next = start
        var order = [Int](repeating: 0, count: pending.count)
        for (k, p) in pending.enumerated() {
            order[next[Int(p.edge)]] = k
            next[Int(p.edge)] += 1
        }
        var out = relations
        for i in out.indices where start[i + 1] > start[i] {
            out[i].addEvidence(order[start[i] ..< start[i + 1]].lazy.map { pending[$0].evidence })
        }
        return out
    }
}
