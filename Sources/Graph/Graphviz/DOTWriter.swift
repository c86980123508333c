import Foundation

/// What a `DOTWriter` draws besides the graph itself.
public struct DOTOptions: Sendable {
    /// Adds a legend cluster with one sample node per entity type and one sample edge per
    /// relation kind present in the graph (all of them for an empty graph).
    public var legend: Bool
    /// Groups nodes into one cluster per entity type; each cluster has its own id.
    public var clusterByType: Bool
    /// Prefix of every SVG element id (graph, nodes, edges, clusters), so several SVGs can
    /// share one HTML page. Characters other than `[A-Za-z0-9-]` are hex-escaped.
    public var idPrefix: String
    /// Entity ids drawn emphasised (bold outline).
    public var highlightedEntities: Set<String>
    /// Relations drawn emphasised (thick line).
    public var highlightedRelations: Set<RelationKey>
    /// The link of a node, or nil for none. Only `#anchor`, relative and http(s) links are
    /// emitted; other schemes (`javascript:`, `data:`) and protocol-relative `//host` links
    /// are dropped.
    public var entityLink: (@Sendable (Entity) -> String?)?
    /// A title drawn above the graph.
    public var title: String?
    /// When edges carry a text label (kind, amount, title); their tooltips and colours are
    /// written either way.
    public var edgeLabels: EdgeLabels = .auto

    /// Whether edges are labelled.
    public enum EdgeLabels: String, Sendable, CaseIterable {
        /// Labelled while the graph has at most `DOTOptions.edgeLabelLimit` edges: beyond
        /// that the labels cover each other, and Graphviz's label placement for force-directed
        /// layouts grows much faster than the layout (18,000 labelled edges: 26 s with sfdp,
        /// 1.8 s without labels; BENCHMARKS.md).
        case auto
        /// Every edge labelled.
        case always
        /// No edge labelled.
        case never
    }

    /// Most edges a drawing has with `EdgeLabels.auto` and labels on.
    public static let edgeLabelLimit = 500

    /// Creates options; every parameter defaults to a plain drawing.
    /// - Parameters:
    ///   - legend: add a legend cluster (default false).
    ///   - clusterByType: one cluster per entity type (default false).
    ///   - idPrefix: prefix of SVG element ids (default "g").
    ///   - highlightedEntities: entity ids to emphasise.
    ///   - highlightedRelations: relations to emphasise.
    ///   - entityLink: link of a node, nil for none.
    ///   - title: graph title.
    public init(legend: Bool = false, clusterByType: Bool = false, idPrefix: String = "g",
                highlightedEntities: Set<String> = [], highlightedRelations: Set<RelationKey> = [],
                entityLink: (@Sendable (Entity) -> String?)? = nil, title: String? = nil) {
        self.legend = legend
        self.clusterByType = clusterByType
        self.idPrefix = idPrefix
        self.highlightedEntities = highlightedEntities
        self.highlightedRelations = highlightedRelations
        self.entityLink = entityLink
        self.title = title
    }
}

/// Writes an `EntityGraph` as DOT text for Graphviz: our own writer, never Graphviz's.
///
/// ```swift
/// let dot = DOTWriter(options: DOTOptions(legend: true)).write(graph)
/// let svg = try GraphvizRenderer.shared.render(dot: dot)
/// ```
///
/// Guarantees:
/// - Node names are entity ids; every id, label, tooltip and URL is quoted and escaped
///   (see `DOTEscaping`), so hostile names come out literally.
/// - Output is deterministic: nodes sorted by id, edges by (source, kind, target).
/// - The output never contains what crashes Graphviz 2.42 (GRAPHVIZ.md): no `concentrate`,
///   no `splines=ortho`, no `newrank`, no node in two clusters, numeric attributes clamped,
///   no HTML labels and no record shapes.
public struct DOTWriter {
    /// The options in effect.
    public let options: DOTOptions

    /// Creates a writer.
    /// - Parameter options: legend, clusters, ids, highlighting, links and title.
    public init(options: DOTOptions = DOTOptions()) {
        self.options = options
    }

    /// Range of `penwidth` we ever write.
    static let penwidthRange: ClosedRange<Double> = 0.5...6
    /// Range of `weight` we ever write (dot segfaults near 2^30).
    static let weightRange: ClosedRange<Double> = 1...10
    /// Range of `fontsize` we ever write.
    static let fontsizeRange: ClosedRange<Double> = 6...32
    /// Longest evidence sentence put in a tooltip, in characters.
    static let tooltipLimit = 300

    /// The DOT text of `graph`.
    /// - Parameter graph: the graph to draw.
    /// - Returns: a complete `digraph`, ending in a newline.
    /// - Complexity: O((n + r) log(n + r)) for n entities and r relations, plus the text.
    public func write(_ graph: EntityGraph) -> String {
        var out = ""
        let prefix = DOTEscaping.svgID(options.idPrefix)
        out += "digraph \(DOTEscaping.id(options.title ?? "nato-graph")) {\n"
        var graphAttributes: [(String, String)] = [
            ("id", "\"\(prefix)-graph\""),
            ("charset", "\"UTF-8\""),
            ("rankdir", "\"LR\""),
            ("outputorder", "\"edgesfirst\""),
            ("fontname", "\"Helvetica\""),
            ("fontsize", DOTEscaping.number(16, clampedTo: Self.fontsizeRange)),
            ("nodesep", "\"0.3\""),
            ("ranksep", "\"0.5\""),
            ("pad", "\"0.2\""),
        ]
        if let title = options.title {
            graphAttributes += [("label", DOTEscaping.label(title)), ("labelloc", "\"t\"")]
        }
        out += "  graph " + attributeList(graphAttributes) + ";\n"
        out += "  node [fontname=\"Helvetica\", fontsize=\(DOTEscaping.number(11, clampedTo: Self.fontsizeRange)), style=\"filled\", penwidth=\(DOTEscaping.number(1, clampedTo: Self.penwidthRange))];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\(DOTEscaping.number(9, clampedTo: Self.fontsizeRange)), penwidth=\(DOTEscaping.number(1.2, clampedTo: Self.penwidthRange))];\n"

        let entities = graph.sortedEntities
        if options.clusterByType {
            for type in EntityType.allCases {
                let members = entities.filter { $0.type == type }
                if members.isEmpty { continue }
                out += "  subgraph \(DOTEscaping.id("cluster_" + type.rawValue)) {\n"
                out += "    graph " + attributeList([
                    ("id", "\"\(prefix)-cluster-\(type.rawValue)\""),
                    ("label", DOTEscaping.label(Self.clusterTitle(type))),
                    ("style", "\"rounded,dashed\""),
                    ("color", "\"#9e9e9e\""),
                ]) + ";\n"
                for e in members { out += "    " + nodeStatement(e, prefix: prefix) }
                out += "  }\n"
            }
        } else {
            for e in entities { out += "  " + nodeStatement(e, prefix: prefix) }
        }

        let names = Dictionary(entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let labelled: Bool
        switch options.edgeLabels {
        case .auto: labelled = graph.relationCount <= DOTOptions.edgeLabelLimit
        case .always: labelled = true
        case .never: labelled = false
        }
        for i in graph.sortedRelationIndices {
            out += "  " + edgeStatement(graph.relations[i], names: names, prefix: prefix, labelled: labelled)
        }

        if options.legend {
            out += legend(for: graph, prefix: prefix)
        }
        out += "}\n"
        return out
    }

    // MARK: Nodes

    static func clusterTitle(_ type: EntityType) -> String {
        switch type {
        case .person: return "People"
        case .country: return "Countries"
        case .organization: return "Organizations"
        case .program: return "Programs"
        }
    }

    /// Shape, fill and border colour of a node type.
    static func nodeStyle(_ type: EntityType) -> (shape: String, style: String, fill: String, border: String) {
        switch type {
        case .person: return ("ellipse", "filled", "#ffe0b2", "#e65100")
        case .country: return ("box", "rounded,filled", "#c8e6c9", "#2e7d32")
        case .organization: return ("hexagon", "filled", "#bbdefb", "#1565c0")
        case .program: return ("note", "filled", "#e1bee7", "#6a1b9a")
        }
    }

    private func nodeStatement(_ e: Entity, prefix: String) -> String {
        let style = Self.nodeStyle(e.type)
        let highlighted = options.highlightedEntities.contains(e.id)
        var tooltip = "\(e.name) (\(e.type.rawValue))"
        if !e.aliases.isEmpty { tooltip += "\nalso: " + e.aliases.joined(separator: ", ") }
        var attributes: [(String, String)] = [
            ("id", "\"\(prefix)-node-\(DOTEscaping.svgID(e.id))\""),
            ("label", DOTEscaping.label(e.name)),
            ("tooltip", DOTEscaping.tooltip(tooltip)),
            ("shape", "\"\(style.shape)\""),
            ("style", "\"\(style.style)\(highlighted ? ",bold" : "")\""),
            ("fillcolor", "\"\(style.fill)\""),
            ("color", "\"\(style.border)\""),
        ]
        if highlighted {
            attributes.append(("penwidth", DOTEscaping.number(3, clampedTo: Self.penwidthRange)))
        }
        if let link = options.entityLink?(e), Self.isSafeLink(link), let url = DOTEscaping.url(link) {
            attributes.append(("URL", url))
        }
        return DOTEscaping.id(e.id) + " " + attributeList(attributes) + ";\n"
    }

    /// Whether a link may be emitted: a fragment, a relative path or http(s); never another
    /// scheme such as `javascript:` or `data:`.
    static func isSafeLink(_ link: String) -> Bool {
        // empty, or whitespace at either end (what trimming would remove)
        guard let first = link.unicodeScalars.first, let last = link.unicodeScalars.last,
              !first.isWhitespaceOrNewline, !last.isWhitespaceOrNewline else { return false }
        let lower = link.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("#") { return true }
        // Relative reference: not protocol-relative ("//host"), no scheme before the first
        // '/', '?' or '#'.
        if lower.hasPrefix("//") || lower.hasPrefix("\\") { return false }
        let head = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":")
    }

    // MARK: Edges

    /// Colour, line style and arrowhead of a relation kind.
    static func edgeStyle(_ kind: RelationKind) -> (color: String, style: String, arrowhead: String) {
        switch kind {
        case .statement: return ("#546e7a", "dashed", "vee")
        case .pledge: return ("#2e7d32", "solid", "normal")
        case .opposition: return ("#c62828", "solid", "tee")
        case .role: return ("#6a1b9a", "dotted", "odot")
        case .member: return ("#1565c0", "solid", "empty")
        }
    }

    /// The edge label: the kind, a pledge's amount ("pledge €1B/month"), a role's title.
    static func edgeLabel(_ r: Relation) -> String {
        var label = r.kind.rawValue
        if let amount = r.amount { label += " " + AmountText.short(amount) }
        if r.kind == .role, let title = r.attributes["title"], !title.isEmpty { label += ": " + title }
        if r.status == .undelivered { label += " (undelivered)" }
        return label
    }

    /// The edge tooltip: the first evidence sentence, "(+N more)" when there are more.
    static func edgeTooltip(_ r: Relation, names: [String: String]) -> String {
        guard let first = r.evidence.first else {
            return "\(names[r.source] ?? r.source) \(r.kind.rawValue) \(names[r.target] ?? r.target)"
        }
        var text = first.text
        if text.count > tooltipLimit { text = String(text.prefix(tooltipLimit)) + "…" }
        if r.evidence.count > 1 { text += " (+\(r.evidence.count - 1) more)" }
        return text
    }

    private func edgeStatement(_ r: Relation, names: [String: String], prefix: String, labelled: Bool) -> String {
        let style = Self.edgeStyle(r.kind)
        let highlighted = options.highlightedRelations.contains(r.key)
        let support = Double(max(r.evidence.count, 1))
        let pen = highlighted ? 3.5 : 1 + log2(support) * 0.5
        var attributes: [(String, String)] = [
            ("id", "\"\(prefix)-edge-\(DOTEscaping.svgID(r.source))__\(r.kind.rawValue)__\(DOTEscaping.svgID(r.target))\""),
        ]
        if labelled { attributes.append(("label", DOTEscaping.label(Self.edgeLabel(r)))) }
        attributes += [
            // an edge drawn without its label says it in its tooltip
            ("tooltip", DOTEscaping.tooltip((labelled ? "" : Self.edgeLabel(r) + ": ") + Self.edgeTooltip(r, names: names))),
            ("color", "\"\(style.color)\""),
            ("fontcolor", "\"\(style.color)\""),
            ("style", "\"\(style.style)\(highlighted ? ",bold" : "")\""),
            ("arrowhead", "\"\(style.arrowhead)\""),
            ("penwidth", DOTEscaping.number(pen, clampedTo: Self.penwidthRange)),
            ("weight", DOTEscaping.number(support, clampedTo: Self.weightRange)),
        ]
        return DOTEscaping.id(r.source) + " -> " + DOTEscaping.id(r.target) + " " + attributeList(attributes) + ";\n"
    }

    // MARK: Legend

    /// Legend node names start with a single backslash followed by "legend": the escaped
    /// name of an entity id can never look like that (its backslashes come doubled).
    static func legendNodeName(_ suffix: String) -> String { "\\legend-" + suffix }

    private func legend(for graph: EntityGraph, prefix: String) -> String {
        var types = Set(graph.entities.map(\.type))
        var kinds = Set(graph.relations.map(\.kind))
        if types.isEmpty && kinds.isEmpty {
            types = Set(EntityType.allCases)
            kinds = Set(RelationKind.allCases)
        }
        // Raw names: written between quotes as they are (they hold no quote and no escape
        // Graphviz would expand in a name).
        func name(_ s: String) -> String { "\"" + Self.legendNodeName(s) + "\"" }
        var out = "  subgraph \"cluster_legend\" {\n"
        out += "    graph " + attributeList([
            ("id", "\"\(prefix)-cluster-legend\""),
            ("label", DOTEscaping.label("Legend")),
            ("style", "\"rounded\""),
            ("color", "\"#bdbdbd\""),
        ]) + ";\n"
        for type in EntityType.allCases where types.contains(type) {
            let style = Self.nodeStyle(type)
            out += "    " + name(type.rawValue) + " " + attributeList([
                ("id", "\"\(prefix)-legend-\(type.rawValue)\""),
                ("label", DOTEscaping.label(type.rawValue)),
                ("tooltip", DOTEscaping.tooltip("entity type: \(type.rawValue)")),
                ("shape", "\"\(style.shape)\""),
                ("style", "\"\(style.style)\""),
                ("fillcolor", "\"\(style.fill)\""),
                ("color", "\"\(style.border)\""),
            ]) + ";\n"
        }
        for kind in RelationKind.allCases where kinds.contains(kind) {
            let style = Self.edgeStyle(kind)
            for end in ["from", "to"] {
                out += "    " + name("\(kind.rawValue)-\(end)") + " " + attributeList([
                    ("id", "\"\(prefix)-legend-\(kind.rawValue)-\(end)\""),
                    ("label", "\"\""),
                    ("tooltip", DOTEscaping.tooltip("relation kind: \(kind.rawValue)")),
                    ("shape", "\"point\""),
                    ("width", "\"0.06\""),
                    ("color", "\"\(style.color)\""),
                ]) + ";\n"
            }
            out += "    " + name("\(kind.rawValue)-from") + " -> " + name("\(kind.rawValue)-to") + " " + attributeList([
                ("id", "\"\(prefix)-legend-edge-\(kind.rawValue)\""),
                ("label", DOTEscaping.label(kind.rawValue)),
                ("tooltip", DOTEscaping.tooltip("relation kind: \(kind.rawValue)")),
                ("color", "\"\(style.color)\""),
                ("fontcolor", "\"\(style.color)\""),
                ("style", "\"\(style.style)\""),
                ("arrowhead", "\"\(style.arrowhead)\""),
            ]) + ";\n"
        }
        out += "  }\n"
        return out
    }

    private func attributeList(_ attributes: [(String, String)]) -> String {
        "[" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "]"
    }
}

/// Short money text for edge labels: "€1B/month", "$5B", "CHF 250M".
enum AmountText {
    static func short(_ amount: Amount) -> String {
        let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]
        let code = amount.currency.uppercased()
        let head = symbols[code] ?? (code.isEmpty ? "" : code + " ")
        let v = abs(amount.value)
        let (scaled, suffix): (Double, String) =
            v >= 1e12 ? (v / 1e12, "T") : v >= 1e9 ? (v / 1e9, "B") : v >= 1e6 ? (v / 1e6, "M") : v >= 1e3 ? (v / 1e3, "K") : (v, "")
        var number = String(format: "%.2f", scaled)
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        var text = (amount.value < 0 ? "-" : "") + head + number + suffix
        if let period = amount.period, !period.isEmpty { text += "/" + period }
        return text
    }
}
