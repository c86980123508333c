import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

/// What keeps reports and drawings of large graphs small and fast: capped ego and overview
/// diagrams, capped quotes and source lists, edge labels dropped from dense drawings.
@Suite struct ReportScaleTests {
    /// A hub with `n` country neighbours; neighbour k shares k evidence sentences with it,
    /// and neighbours k and k+1 are linked to each other.
    static func hub(_ n: Int) throws -> EntityGraph {
        var g = EntityGraph()
        g.add(Entity(name: "Hub", type: .organization))
        for k in 1...n { g.add(Entity(name: "Land \(k)", type: .country)) }
        for k in 1...n {
            let ev = (0..<k).map { Evidence(document: "d\($0).txt", start: 0, end: 10, text: "Hub and Land \(k), sentence \($0).") }
            try g.add(Relation(source: "hub", kind: .statement, target: "land-\(k)", evidence: ev))
            if k < n {
                try g.add(Relation(source: "land-\(k)", kind: .opposition, target: "land-\(k + 1)",
                                   evidence: [Evidence(document: "x.txt", start: 0, end: 5, text: "Land \(k) opposes Land \(k + 1).")]))
            }
        }
        return g
    }

    @Test func egoDiagramOfAHubKeepsItsStrongestNeighboursAndOwnEdges() throws {
        let g = try Self.hub(10)
        var options = ReportOptions()
        options.maxEgoNeighbours = 3
        let content = try ReportContent(graph: g, options: options)
        let hub = try #require(content.sections.first { $0.entity.id == "hub" }?.diagram)
        #expect(Set(hub.graph.entities.map(\.id)) == ["hub", "land-10", "land-9", "land-8"])
        // only the hub's own edges: none of the neighbours' oppositions among themselves
        #expect(hub.graph.relations.allSatisfy { $0.source == "hub" || $0.target == "hub" })
        #expect(hub.graph.relationCount == 3)
        #expect(hub.caption.contains("3 of its 10 neighbours"))
        // an entity under the cap keeps its whole ego network, edges among neighbours included
        let land5 = try #require(content.sections.first { $0.entity.id == "land-5" }?.diagram)
        #expect(Set(land5.graph.entities.map(\.id)) == ["hub", "land-4", "land-5", "land-6"])
        #expect(land5.graph.relations.contains { $0.source == "land-4" && $0.target == "land-5" })
        #expect(land5.caption.hasSuffix("and its direct relations"))
    }

    @Test func overviewOfALargeGraphDrawsTheBestAttestedEntities() throws {
        let g = try Self.hub(10)
        var options = ReportOptions()
        options.maxOverviewEntities = 4
        let content = try ReportContent(graph: g, options: options)
        // weights: hub 55 + the neighbours' own; land-10: 10 + 1, land-9: 9 + 2, land-8: 8 + 2
        #expect(Set(content.overview.graph.entities.map(\.id)) == ["hub", "land-10", "land-9", "land-8"])
        #expect(content.overview.caption.contains("the 4 of 11 entities"))
        // the focus is always drawn, even when weaker
        options.focus = "Land 1"
        options.depth = 2
        let focused = try ReportContent(graph: g, options: options)
        #expect(focused.overview.graph.entity(id: "land-1") != nil)
        #expect(focused.overview.graph.entityCount == 4)
        // under the cap: the whole graph
        let whole = try ReportContent(graph: g, options: ReportOptions())
        #expect(whole.overview.graph.entityCount == 11)
        #expect(whole.overview.caption == "Overview")
    }

    @Test func quotesAndSourcesAreCappedAndCounted() throws {
        let g = try Self.hub(10)
        var options = ReportOptions()
        options.maxQuotes = 2
        options.maxSources = 3
        let html = try HTMLReport(graph: g, options: options).render()
        _ = try XMLDocument(data: Data(html.utf8), options: [])
        // hub -> land-10 has 10 sentences: 2 quoted (once, in the hub's section), 8 counted
        #expect(html.components(separatedBy: "<p>Hub and Land 10, sentence").count - 1 == 2)
        #expect(html.contains("(10 sentences, quoted under <a href=\"#entity-hub\">Hub</a>)"))
        #expect(html.contains("8 more sentences (graph.json has them all)"))
        #expect(html.contains("and 7 more</span>"))  // 10 documents, 3 listed
        // without caps every sentence is quoted
        options.maxQuotes = .max
        let all = try HTMLReport(graph: g, options: options).render()
        #expect(all.components(separatedBy: "<p>Hub and Land 10, sentence").count - 1 == 10)
        #expect(!all.contains("more sentences"))
        // Markdown says the same
        options.maxQuotes = 2
        let md = try MarkdownReport(graph: g, options: options, assetFolder: "f").render().markdown
        #expect(md.components(separatedBy: "> Hub and Land 10, sentence").count - 1 == 2)
        #expect(md.contains("← Hub (10 sentences, quoted under Hub)"))
        #expect(md.contains("8 more sentences"))
    }

    @Test func denseDrawingsDropEdgeLabelsButKeepThemInTooltips() throws {
        var g = EntityGraph()
        for k in 0..<40 { g.add(Entity(name: "E\(k)", type: .country)) }
        var added = 0
        outer: for a in 0..<40 {
            for b in 0..<40 where a != b {
                try g.add(Relation(source: "e\(a)", kind: .pledge, target: "e\(b)", amount: Amount(value: 1e6, currency: "EUR")))
                added += 1
                if added == DOTOptions.edgeLabelLimit { break outer }
            }
        }
        func edgeLines(_ dot: String) -> [Substring] { dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("legend") } }
        let atLimit = DOTWriter().write(g)
        #expect(edgeLines(atLimit).allSatisfy { $0.contains("label=\"pledge €1M\"") })
        try g.add(Relation(source: "e39", kind: .pledge, target: "e0"))
        let over = DOTWriter().write(g)
        #expect(edgeLines(over).count == DOTOptions.edgeLabelLimit + 1)
        #expect(edgeLines(over).allSatisfy { !$0.contains("label=") })
        #expect(edgeLines(over).contains { $0.contains("tooltip=\"pledge €1M: ") })
        var always = DOTOptions()
        always.edgeLabels = .always
        #expect(edgeLines(DOTWriter(options: always).write(g)).allSatisfy { $0.contains("label=\"pledge") })
        var never = DOTOptions()
        never.edgeLabels = .never
        #expect(edgeLines(DOTWriter(options: never).write(try Samples.news())).allSatisfy { !$0.contains("label=") })
    }
}

/// The fast paths of the escapers give what the scalar-by-scalar rules give.
@Suite struct EscapingFastPathTests {
    /// XML's escapes as a table; controls XML cannot carry become U+FFFD.
    static let xmlEntities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]

    static func reference(xml s: String) -> String {
        s.unicodeScalars.map { u -> String in
            if let entity = xmlEntities[u] { return entity }
            let forbidden = (u.value < 0x20 && !["\t", "\n", "\r"].contains(u)) || u.value == 0xFFFE || u.value == 0xFFFF
            return forbidden ? "\u{FFFD}" : String(u)
        }.joined()
    }

    static func reference(label s: String, backslash: String) -> String {
        let text = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var shown = String.UnicodeScalarView()
        var count = 0
        for u in text.unicodeScalars {
            if count == DOTEscaping.textLimit { shown.append("…"); break }
            count += 1
            if u == "\t" { shown.append(" ") } else if u != "\n", DOTEscaping.isXMLUnsafe(u) { shown.append("\u{FFFD}") } else { shown.append(u) }
        }
        let escapes: [Unicode.Scalar: String] = ["\\": backslash, "\"": "\\\"", "&": "&amp;", "\n": "\\n"]
        return "\"" + shown.map { escapes[$0] ?? String($0) }.joined() + "\""
    }

    @Test func escapersMatchTheirScalarRules() {
        let pieces = ["a", "Zelensky", " ", "&", "<", ">", "\"", "'", "\\", "\n", "\r", "\r\n", "\t", "\u{1}", "\u{7F}", "\u{85}",
                      "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "é", "€", "😀", "-", "%", String(repeating: "x", count: 400)]
        for s in GeneratedText.strings(from: pieces, count: 400, length: 12, seed: 11) {
            #expect(XML.escape(s) == Self.reference(xml: s), "\(s.debugDescription)")
            #expect(DOTEscaping.label(s) == Self.reference(label: s, backslash: "\\\\"), "\(s.debugDescription)")
            #expect(DOTEscaping.tooltip(s) == Self.reference(label: s, backslash: "\\\\\\\\"), "\(s.debugDescription)")
        }
        // the plain inputs the fast paths return as they are
        #expect(XML.escape("Mark Rutte said so.") == "Mark Rutte said so.")
        #expect(DOTEscaping.label("NATO") == "\"NATO\"")
        #expect(DOTEscaping.id("mark-rutte") == "\"mark-rutte\"")
        #expect(DOTEscaping.id("%3") == "\"\\%3\"")
        #expect(DOTEscaping.svgID("mark-rutte") == "mark-rutte")
        #expect(DOTEscaping.svgID("a b") == "a_20b")
    }
}
