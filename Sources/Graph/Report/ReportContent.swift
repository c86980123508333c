import Foundation

/// Everything a report shows, computed once from the graph and then written as HTML or
/// Markdown, so both formats always say the same.
struct ReportContent {
    struct Diagram {
        /// Prefix of every SVG element id, unique on the page.
        var id: String
        var caption: String
        var graph: EntityGraph
        var options: DOTOptions
        var engine: LayoutEngine
    }

    struct EdgeLine {
        var relation: Relation
        var other: Entity
        var outgoing: Bool
    }

    struct EntitySection {
        var entity: Entity
        var anchor: String
        var roles: [EdgeLine]
        var groups: [(kind: RelationKind, lines: [EdgeLine])]
        var diagram: Diagram?
    }

    var title: String
    var graph: EntityGraph
    var overview: Diagram
    var pledges: [Relation]
    var totals: [PledgeTotal]
    var oppositions: [Relation]
    var sections: [EntitySection]
    var focus: Entity?
    /// Evidence sentences quoted and documents listed per relation.
    var maxQuotes: Int
    var maxSources: Int

    /// The anchor of an entity's section.
    static func anchor(_ id: String) -> String { "entity-\(id)" }

    init(graph full: EntityGraph, options: ReportOptions) throws {
        var graph = full
        if let name = options.focus {
            let i = try full.resolve(name)
            focus = full.entities[i]
            graph = try full.egoNetwork(of: full.entities[i].id, depth: options.depth)
            for c in full.conflicts where graph.index(ofID: c.entity) != nil { graph.add(c) }
        } else {
            focus = nil
        }
        self.graph = graph
        title = options.title
        maxQuotes = max(0, options.maxQuotes)
        maxSources = max(0, options.maxSources)
        let link: @Sendable (Entity) -> String? = { "#" + ReportContent.anchor($0.id) }

        let byKey: (Relation, Relation) -> Bool = { a, b in
            let ga = graph.entity(id: a.source)?.name ?? a.source, gb = graph.entity(id: b.source)?.name ?? b.source
            let ta = graph.entity(id: a.target)?.name ?? a.target, tb = graph.entity(id: b.target)?.name ?? b.target
            return (ga, ta) < (gb, tb)
        }
        pledges = graph.relations.filter { $0.kind == .pledge }.sorted(by: byKey)
        oppositions = graph.relations.filter { $0.kind == .opposition }.sorted(by: byKey)

        totals = try graph.pledges().totals

        // Entity sections, most connected first within type order; ego diagrams for the top ones.
        var degree: [String: Int] = [:]
        for r in graph.relations {
            degree[r.source, default: 0] += 1
            if r.target != r.source { degree[r.target, default: 0] += 1 }
        }
        let ranked = graph.entities.sorted {
            (degree[$0.id] ?? 0, $1.id) > (degree[$1.id] ?? 0, $0.id)
        }
        let withDiagram = Set(ranked.prefix(max(0, options.maxEgoDiagrams)).filter { (degree[$0.id] ?? 0) > 0 }.map(\.id))
        let finder = PathFinder(GraphIndex(graph))
        var outgoing: [String: [Relation]] = [:], incoming: [String: [Relation]] = [:]
        for r in graph.relations {
            outgoing[r.source, default: []].append(r)
            if r.target != r.source { incoming[r.target, default: []].append(r) }
        }

        // the overview: the whole (or focused) graph, or its best-attested entities when it is large
        var overviewOptions = DOTOptions()
        overviewOptions.idPrefix = "overview"
        overviewOptions.entityLink = link
        if let focus { overviewOptions.highlightedEntities = [focus.id] }
        var overviewCaption = focus.map { "Neighbourhood of \($0.name), \(options.depth) hop(s)" } ?? "Overview"
        var overviewGraph = graph
        let overviewLimit = max(1, options.maxOverviewEntities)
        if graph.entityCount > overviewLimit {
            var weight: [String: Int] = [:]
            for r in graph.relations {
                weight[r.source, default: 0] += r.evidence.count
                if r.target != r.source { weight[r.target, default: 0] += r.evidence.count }
            }
            let kept = Self.strongest(graph.entities.map(\.id), weight: weight, limit: overviewLimit, always: focus?.id)
            overviewGraph = graph.subgraph(inducedBy: kept.compactMap { graph.index(ofID: $0) }, index: finder.index)
            overviewCaption += ": the \(kept.count) of \(graph.entityCount) entities with the most evidence"
        }
        overview = Diagram(id: "overview", caption: overviewCaption, graph: overviewGraph, options: overviewOptions, engine: options.engine)
        sections = try graph.entities.sorted { ($0.type, $0.name, $0.id) < ($1.type, $1.name, $1.id) }.map { e in
            let lines = (outgoing[e.id] ?? []).compactMap { r in graph.entity(id: r.target).map { EdgeLine(relation: r, other: $0, outgoing: true) } }
                + (incoming[e.id] ?? []).compactMap { r in graph.entity(id: r.source).map { EdgeLine(relation: r, other: $0, outgoing: false) } }
            let sorted = lines.sorted { ($0.relation.kind.rawValue, $0.outgoing ? 0 : 1, $0.other.name) < ($1.relation.kind.rawValue, $1.outgoing ? 0 : 1, $1.other.name) }
            var groups: [(RelationKind, [EdgeLine])] = []
            for kind in [RelationKind.statement, .pledge, .opposition, .member] {
                let ls = sorted.filter { $0.relation.kind == kind }
                if !ls.isEmpty { groups.append((kind, ls)) }
            }
            var diagram: Diagram?
            if withDiagram.contains(e.id) {
                var o = DOTOptions()
                o.idPrefix = "ego-\(e.id)"
                o.entityLink = link
                o.highlightedEntities = [e.id]
                // the neighbours, by the evidence sentences they share with this entity
                var shared: [String: Int] = [:]
                for r in outgoing[e.id] ?? [] { shared[r.target, default: 0] += r.evidence.count }
                for r in incoming[e.id] ?? [] { shared[r.source, default: 0] += r.evidence.count }
                shared[e.id] = nil
                let limit = max(1, options.maxEgoNeighbours)
                if shared.count > limit {
                    // a hub: its strongest neighbours and its own edges with them (the edges among
                    // them would fill the drawing)
                    let kept = Set(Self.strongest(Array(shared.keys), weight: shared, limit: limit, always: nil) + [e.id])
                    var star = EntityGraph(indexingAliases: false)  // drawn, never looked up by name
                    for i in kept.compactMap({ graph.index(ofID: $0) }).sorted() { star.add(graph.entities[i]) }
                    var cited = Set<String>()
                    for r in (outgoing[e.id] ?? []) + (incoming[e.id] ?? []) where kept.contains(r.source) && kept.contains(r.target) {
                        try? star.add(r)
                        for ev in r.evidence { cited.insert(ev.document) }
                    }
                    for d in graph.documents(withIDs: cited) { star.add(d) }
                    diagram = Diagram(id: "ego-\(e.id)",
                                      caption: "\(e.name) and its relations with the \(limit) of its \(shared.count) neighbours with the most evidence",
                                      graph: star, options: o, engine: .auto)
                } else {
                    diagram = Diagram(id: "ego-\(e.id)", caption: "\(e.name) and its direct relations",
                                      graph: try graph.egoNetwork(of: e.id, depth: 1, finder: finder),
                                      options: o, engine: .auto)
                }
            }
            return EntitySection(entity: e, anchor: Self.anchor(e.id),
                                 roles: sorted.filter { $0.relation.kind == .role },
                                 groups: groups.map { (kind: $0.0, lines: $0.1) }, diagram: diagram)
        }
    }

    /// The `limit` ids with the largest weight (ties by id), plus `always` when given.
    /// - Complexity: O(n log n) in the ids.
    static func strongest(_ ids: [String], weight: [String: Int], limit: Int, always: String?) -> [String] {
        let ranked = ids.filter { $0 != always }.sorted { (weight[$0] ?? 0, $1) > (weight[$1] ?? 0, $0) }
        return Array(ranked.prefix(always == nil ? limit : max(0, limit - 1))) + (always.map { [$0] } ?? [])
    }

    /// The documents a relation's evidence comes from, sorted by id.
    static func sourceDocuments(_ r: Relation) -> [String] { Array(Set(r.evidence.map(\.document))).sorted() }

    /// The documents to list: those recorded in the graph and any other cited by evidence
    /// (with an empty title), sorted by id.
    var documents: [Document] {
        var byID = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0) })
        for r in graph.relations {
            for e in r.evidence where byID[e.document] == nil {
                byID[e.document] = Document(id: e.document, title: "", sha256: "")
            }
        }
        for c in graph.conflicts {
            for d in c.documents where byID[d] == nil { byID[d] = Document(id: d, title: "", sha256: "") }
        }
        return byID.values.sorted()
    }

    /// All diagrams in page order.
    var diagrams: [Diagram] { [overview] + sections.compactMap(\.diagram) }

    /// A human amount: "€1 billion per month", "$5 billion".
    static func format(_ a: Amount) -> String {
        let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]
        let v = a.value
        let (scaled, unit): (Double, String) =
            v >= 1e12 ? (v / 1e12, " trillion") : v >= 1e9 ? (v / 1e9, " billion") : v >= 1e6 ? (v / 1e6, " million") : (v, "")
        var number = String(format: "%.2f", scaled)
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        let body = symbols[a.currency].map { "\($0)\(number)\(unit)" } ?? "\(number)\(unit) \(a.currency)"
        return a.period.map { "\(body) per \($0)" } ?? body
    }
}
