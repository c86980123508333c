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
    /// The extractor table whose slots `lexiconEdges` has positions for (the first one seen).
    private var lexiconEdgeTable: LexiconEdgeTable?
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
        var x = x
        add(taking: &x)
    }

    /// `add(_:)` that moves the extraction's edges into the graph instead of copying them,
    /// leaving `x` without edges: for a fold that drops each extraction once added.
    /// - Complexity: O(size of the extraction) lookups plus the evidence merges of its edges.
    mutating func add(taking x: inout DocumentExtraction) {
        documentsRead += 1
        graph.merge(taking: &x.graph)
        // an extractor's edges by their table's slots, while every extraction comes from one table
        // (the slots of another extractor's table are other edges: those are read out as relations)
        // (a list holds either uses or relations; relations are moved out of it, not copied)
        if let table = x.lexiconEdgeTable, lexiconEdgeTable == nil || lexiconEdgeTable === table {
            lexiconEdgeTable = table
            let roleUses = x.takeRoleUses(), membershipUses = x.takeMembershipUses()
            lexiconEdges.touch(roleUses)
            lexiconEdges.touch(membershipUses)
            for use in roleUses { lexiconEdges.add(use, of: table) }
            var roles = exchange(&x.lexiconRoles, with: [])
            for k in roles.indices { lexiconEdges.add(exchange(&roles[k], with: Relation.placeholder)) }
            for use in membershipUses { lexiconEdges.add(use, of: table) }
            var memberships = exchange(&x.memberships, with: [])
            for k in memberships.indices { lexiconEdges.add(exchange(&memberships[k], with: Relation.placeholder)) }
        } else {
            var roles = exchange(&x.lexiconRoles, with: [])
            for k in roles.indices { lexiconEdges.add(exchange(&roles[k], with: Relation.placeholder)) }
            var memberships = exchange(&x.memberships, with: [])
            for k in memberships.indices { lexiconEdges.add(exchange(&memberships[k], with: Relation.placeholder)) }
        }
        for e in x.expansions {
            var k = AliasKey.normalize(e.expansion)
            if k.utf8.contains(0x7A), k.contains("prioritized") { k = k.replacingOccurrences(of: "prioritized", with: "prioritised") }
            // mutated in place: a copy taken out and stored back copied the set and both lists
            // (an acronym with hundreds of expansions, once per document naming it)
            if expansions[e.entity, default: ([], [], [])].seen.insert(k).inserted {
                expansions[e.entity]!.values.append(e.expansion)
                expansions[e.entity]!.documents.append(x.document.id)
            }
        }
        for (k, a) in x.amounts {
            let v = BuildPipeline.describe(a)
            if amounts[k]?.values.contains(v) != true {
                amounts[k, default: ([], [])].values.append(v)
                amounts[k]!.documents.append(x.document.id)
            }
        }
    }

    /// The merged graph and its report (without timing or file warnings): surnames folded
    /// into full names, lexicon edges whose ends are both in the graph, conflicts.
    /// - Complexity: O(n log n + e log e) in the entities and edges.
    public func finish() -> (EntityGraph, BuildReport) {
        // a lone surname that is some other document's full name joins it
        var g = BuildPipeline.mergeSurnames(graph)
        for r in lexiconEdges.relations where g.entity(id: r.source) != nil && g.entity(id: r.target) != nil {
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
struct EntityGraphEdges: Sendable {
    private(set) var relations: [Relation] = []
    private var index: [RelationKey: Int] = [:]

    /// The position in `relations` of each slot of one `LexiconEdgeTable` once added, else -1.
    private var positionOfSlot: [Int32] = []

    /// Adds a relation; returns its position in `relations`.
    /// - Complexity: O(1) lookups plus the evidence merge.
    @discardableResult
    mutating func add(_ relation: consuming Relation) -> Int {
        let key = relation.key
        guard let i = index[key] else {
            index[key] = relations.count
            relations.append(relation)
            return relations.count - 1
        }
        relations[i].absorb(relation)
        return i
    }

    /// What `touch` read (stored, so that the reads are not optimized away).
    private var touched = 0

    /// Reads the last evidence of the edge of each use already added. Adding evidence waits
    /// for two cache misses per edge (its evidence list's count, then its last element, in
    /// lists spread over the heap); read here first, the misses of different edges overlap
    /// instead of coming one after another, and `add` then finds them in the cache.
    /// Changes nothing.
    /// - Complexity: O(uses).
    mutating func touch(_ uses: [LexiconEdgeTable.Use]) {
        var sum = 0
        for use in uses {
            let slot = Int(use.slot)
            guard slot < positionOfSlot.count, positionOfSlot[slot] >= 0 else { continue }
            sum &+= relations[Int(positionOfSlot[slot])].evidence.last?.end ?? 0
        }
        touched = sum
    }

    /// `add(table.relation(use))`: the first use of a slot adds its edge by key; later ones add
    /// only their evidence to the edge at the slot's position. (Absorbing the same slot's edge
    /// again changes nothing but the evidence: its attributes were absorbed the first time,
    /// and a table edge has no items, amount, status or quote.) Every call must pass the same table.
    /// - Complexity: O(1), plus the evidence merge.
    mutating func add(_ use: LexiconEdgeTable.Use, of table: LexiconEdgeTable) {
        let slot = Int(use.slot)
        if slot < positionOfSlot.count, positionOfSlot[slot] >= 0 {
            relations[Int(positionOfSlot[slot])].addEvidence(use.evidence)
            return
        }
        let p = add(table.relation(use))
        if positionOfSlot.count <= slot { positionOfSlot.append(contentsOf: repeatElement(-1, count: slot + 1 - positionOfSlot.count)) }
        positionOfSlot[slot] = Int32(p)
    }
}
