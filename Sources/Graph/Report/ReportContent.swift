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

    struct PledgeTotal {
        var recipient: Entity
        var currency: String
        var period: String?
        var value: Double
        var count: Int
    }

    var title: String
    var graph: EntityGraph
    var overview: Diagram
    var pledges: [Relation]
    var totals: [PledgeTotal]
    var oppositions: [Relation]
    var sections: [EntitySection]
    var focus: Entity?

    /// The anchor of an entity's section.
    static func anchor(_ id: String) -> String { "entity-\(id)" }

    init(graph full: EntityGraph, options: ReportOptions) throws {
        var graph = full
        if let name = options.focus {
            guard let i = full.index(ofName: name) else {
                throw ReportError.unknownFocus(name, suggestions: NameSuggestions.closest(to: name, in: full))
            }
            focus = full.entities[i]
            graph = full.subgraph(entityIDs: full.neighbourhood(of: full.entities[i].id, depth: options.depth))
            for c in full.conflicts where graph.index(ofID: c.entity) != nil { graph.add(c) }
        } else {
            focus = nil
        }
        self.graph = graph
        title = options.title
        let link: @Sendable (Entity) -> String? = { "#" + ReportContent.anchor($0.id) }
        var overviewOptions = DOTOptions()
        overviewOptions.legend = true
        overviewOptions.idPrefix = "overview"
        overviewOptions.entityLink = link
        if let focus { overviewOptions.highlightedEntities = [focus.id] }
        overview = Diagram(id: "overview", caption: focus.map { "Neighbourhood of \($0.name), \(options.depth) hop(s)" } ?? "Overview",
                           graph: graph, options: overviewOptions, engine: options.engine)

        let byKey: (Relation, Relation) -> Bool = { a, b in
            let ga = graph.entity(id: a.source)?.name ?? a.source, gb = graph.entity(id: b.source)?.name ?? b.source
            let ta = graph.entity(id: a.target)?.name ?? a.target, tb = graph.entity(id: b.target)?.name ?? b.target
            return (ga, ta) < (gb, tb)
        }
        pledges = graph.relations.filter { $0.kind == .pledge }.sorted(by: byKey)
        oppositions = graph.relations.filter { $0.kind == .opposition }.sorted(by: byKey)

        var sums: [String: PledgeTotal] = [:]
        for p in pledges {
            guard let a = p.amount, let recipient = graph.entity(id: p.target) else { continue }
            let key = [p.target, a.currency, a.period ?? ""].joined(separator: "|")
            sums[key, default: PledgeTotal(recipient: recipient, currency: a.currency, period: a.period, value: 0, count: 0)].value += a.value
            sums[key]?.count += 1
        }
        totals = sums.keys.sorted().compactMap { sums[$0] }

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
        var outgoing: [String: [Relation]] = [:], incoming: [String: [Relation]] = [:]
        for r in graph.relations {
            outgoing[r.source, default: []].append(r)
            if r.target != r.source { incoming[r.target, default: []].append(r) }
        }
        sections = graph.entities.sorted { ($0.type, $0.name, $0.id) < ($1.type, $1.name, $1.id) }.map { e in
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
                diagram = Diagram(id: "ego-\(e.id)", caption: "\(e.name) and its direct relations",
                                  graph: graph.subgraph(entityIDs: graph.neighbourhood(of: e.id, depth: 1)),
                                  options: o, engine: .auto)
            }
            return EntitySection(entity: e, anchor: Self.anchor(e.id),
                                 roles: sorted.filter { $0.relation.kind == .role },
                                 groups: groups.map { (kind: $0.0, lines: $0.1) }, diagram: diagram)
        }
    }

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

/// Closest known names to a misspelt one, for "did you mean" messages.
enum NameSuggestions {
    /// Up to `limit` entity names nearest to `name` by edit distance over names and aliases.
    /// - Complexity: O(k · m · n) for k names of length m against a query of length n.
    static func closest(to name: String, in graph: EntityGraph, limit: Int = 3) -> [String] {
        let q = AliasKey.normalize(name)
        var best: [String: Int] = [:]
        for e in graph.entities {
            for candidate in [e.name] + e.aliases {
                let d = distance(q, AliasKey.normalize(candidate))
                if d < (best[e.name] ?? .max) { best[e.name] = d }
            }
        }
        return best.filter { $0.value <= max(2, q.count / 2) }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
