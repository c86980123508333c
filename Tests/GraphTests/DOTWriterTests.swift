import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

/// Reading back what Graphviz made of our DOT, re-implemented here (not shared with the
/// writer) so a bug in the writer's escaping cannot hide in the test.
enum GraphvizMeaning {
    /// A node name as the DOT lexer left it (`\"` already undone): our id encoding undone.
    static func id(_ name: String) -> String {
        var out = ""
        var it = Array(name.unicodeScalars).makeIterator()
        while let u = it.next() {
            guard u == "\\", let next = it.next() else { out.unicodeScalars.append(u); continue }
            switch next {
            case "n": out += "\n"
            case "r": out += "\r"
            case "u":
                var hex = ""
                for _ in 0..<4 { if let h = it.next() { hex.unicodeScalars.append(h) } }
                out.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            default: out.unicodeScalars.append(next)
            }
        }
        return out
    }

    /// Graphviz's label layer: `\\` → `\`, `\n` → line break, other `\x` → `x`.
    static func backslashes(_ s: String) -> String {
        var out = ""
        var it = Array(s.unicodeScalars).makeIterator()
        while let u = it.next() {
            guard u == "\\", let next = it.next() else { out.unicodeScalars.append(u); continue }
            out += next == "n" ? "\n" : String(next)
        }
        return out
    }

    /// One pass of XML entity decoding, as Graphviz applies to labels.
    static func entities(_ s: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let semi = tail.firstIndex(of: ";"), tail.distance(from: amp, to: semi) <= 10 {
                let body = String(tail[tail.index(after: amp)..<semi])
                if let v = named[body] {
                    out += v; rest = tail[tail.index(after: semi)...]; continue
                }
                if body.hasPrefix("#"), let n = UInt32(body.dropFirst()), let u = Unicode.Scalar(n) {
                    out.unicodeScalars.append(u); rest = tail[tail.index(after: semi)...]; continue
                }
            }
            out += "&"
            rest = tail.dropFirst()
        }
        return out + rest
    }

    static func label(_ value: String) -> String { entities(backslashes(value)) }
}

/// Test graphs.
enum Samples {
    /// Names with every character that troubles DOT or Graphviz's label processing.
    static let hostileNames: [String] = [
        "\\N", "\\G", "&amp;", "C:\\New", "<AT&T>", "node", "STRICT", "1abc", "a:b",
        "trailing\\", "line one\nline two", "emoji 😀🇺🇦", "say \"hi\"", "\\E \\T \\H \\L",
        "Zoë Ünal-Łódź", "&lt;b&gt;", "{rec|ord} <port>", "edge", "Graph", "subgraph",
        "quote\\\"mix", "back\\\\slashes", "%1", "%percent",
    ]

    /// Entities whose ids and names are hostile, chained by relations of every kind plus a
    /// self-loop.
    static func hostile() throws -> EntityGraph {
        var g = EntityGraph()
        for (i, name) in hostileNames.enumerated() {
            let type = EntityType.allCases[i % EntityType.allCases.count]
            g.add(Entity(id: name, name: name, type: type, aliases: ["alias of \(name)"]))
        }
        for i in 0..<(hostileNames.count - 1) {
            let kind = RelationKind.allCases[i % RelationKind.allCases.count]
            let ev = Evidence(document: "d\\N.txt", start: i, end: i + 1, text: "Sentence about \(hostileNames[i]) & \(hostileNames[i + 1]).")
            try g.add(Relation(source: hostileNames[i], kind: kind, target: hostileNames[i + 1], evidence: [ev]))
        }
        try g.add(Relation(source: "node", kind: .statement, target: "node"))
        return g
    }

    /// A small news-like graph.
    static func news() throws -> EntityGraph {
        var g = EntityGraph()
        g.add(Entity(name: "NATO", type: .organization, aliases: ["the alliance"]))
        g.add(Entity(name: "Ukraine", type: .country))
        g.add(Entity(name: "Hungary", type: .country))
        g.add(Entity(name: "Mark Rutte", type: .person))
        g.add(Entity(name: "PURL", type: .program))
        let ev1 = Evidence(document: "a.txt", start: 0, end: 30, text: "NATO pledged €1 billion a month to Ukraine.")
        let ev2 = Evidence(document: "b.txt", start: 5, end: 40, text: "Allies confirmed the monthly aid.")
        try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine", evidence: [ev1, ev2],
                           amount: Amount(value: 1_000_000_000, currency: "EUR", period: "month")))
        try g.add(Relation(source: "hungary", kind: .opposition, target: "ukraine"))
        try g.add(Relation(source: "ukraine", kind: .statement, target: "hungary"))
        try g.add(Relation(source: "mark-rutte", kind: .role, target: "nato", attributes: ["title": "Secretary General"]))
        try g.add(Relation(source: "hungary", kind: .member, target: "nato"))
        try g.add(Relation(source: "purl", kind: .pledge, target: "ukraine", amount: Amount(value: 5e9, currency: "USD")))
        return g
    }
}

/// SVG parsing helpers.
enum SVGDoc {
    static func parse(_ data: Data) throws -> XMLDocument {
        try XMLDocument(data: data, options: [])
    }

    static func elements(_ doc: XMLDocument, _ xpath: String) throws -> [XMLElement] {
        try doc.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// `<g class="node">` groups.
    static func nodeGroups(_ doc: XMLDocument) throws -> [XMLElement] {
        try elements(doc, "//*[local-name()='g'][@class='node']")
    }

    static func edgeGroups(_ doc: XMLDocument) throws -> [XMLElement] {
        try elements(doc, "//*[local-name()='g'][@class='edge']")
    }

    /// The lines of text drawn inside a group, joined with newlines.
    static func text(of group: XMLElement) throws -> String {
        try group.nodes(forXPath: ".//*[local-name()='text']").compactMap { $0.stringValue }.joined(separator: "\n")
    }

    /// The tooltip Graphviz put on a group's anchor.
    static func tooltip(of group: XMLElement) throws -> String? {
        let anchors = try group.nodes(forXPath: ".//*[local-name()='a']").compactMap { $0 as? XMLElement }
        return anchors.first?.value(of: "xlink:title")
    }
}

@Suite struct DOTWriterTests {
    @Test func hostileNamesRoundTripThroughGraphvizParser() throws {
        let graph = try Samples.hostile()
        let dot = DOTWriter().write(graph)
        let parsed = try GraphvizRenderer.shared.parse(dot: dot)

        // Same node ids: every entity exactly once, nothing else.
        let byID = Dictionary(parsed.nodes.map { (GraphvizMeaning.id($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(parsed.nodes.count == graph.entityCount)
        #expect(Set(byID.keys) == Set(graph.entities.map(\.id)))

        // Same labels, as Graphviz will read them.
        for e in graph.entities {
            let node = try #require(byID[e.id], "missing node \(e.id)")
            #expect(GraphvizMeaning.label(node.attributes["label"] ?? "") == e.name, "label of \(e.id)")
        }

        // Same edges.
        let edges = Set(parsed.edges.map { "\(GraphvizMeaning.id($0.tail))\u{1}\(GraphvizMeaning.label($0.attributes["label"] ?? ""))\u{1}\(GraphvizMeaning.id($0.head))" })
        let expected = Set(graph.relations.map { "\($0.source)\u{1}\(DOTWriter.edgeLabel($0))\u{1}\($0.target)" })
        #expect(edges == expected)
        #expect(parsed.edges.count == graph.relationCount)
    }

    @Test func hostileNamesAreDrawnLiterallyInSVG() throws {
        let graph = try Samples.hostile()
        let svg = try GraphvizRenderer.shared.render(graph, engine: .dot, format: .svg)
        let doc = try SVGDoc.parse(svg)
        let groups = try SVGDoc.nodeGroups(doc)
        #expect(groups.count == graph.entityCount)
        let drawn = Set(try groups.map { try SVGDoc.text(of: $0) })
        #expect(drawn == Set(graph.entities.map(\.name)))

        // Tooltips (a second backslash layer in Graphviz) come out literally too.
        let tooltips = Set(try groups.compactMap { try SVGDoc.tooltip(of: $0) })
        let expected = Set(graph.entities.map { "\($0.name) (\($0.type.rawValue))\nalso: alias of \($0.name)" })
        #expect(tooltips == expected)

        let edgeTips = Set(try SVGDoc.edgeGroups(doc).compactMap { try SVGDoc.tooltip(of: $0) })
        let expectedEdgeTips = Set(graph.relations.map { DOTWriter.edgeTooltip($0, names: Dictionary(uniqueKeysWithValues: graph.entities.map { ($0.id, $0.name) })) })
        #expect(edgeTips == expectedEdgeTips)
        #expect(edgeTips.contains("Sentence about C:\\New & <AT&T>."))
    }

    @Test func everyIdIsQuoted() throws {
        let dot = DOTWriter().write(try Samples.hostile())
        for keyword in ["node", "STRICT", "edge", "Graph", "subgraph", "1abc", "a:b"] {
            #expect(dot.contains("\"\(keyword)\" ["), "\(keyword) must be written quoted")
            #expect(!dot.contains("\n  \(keyword) [id="))
        }
        #expect(dot.contains(#""C:\\New" ["#))
        #expect(dot.contains(#""trailing\\" ["#))
        #expect(dot.contains(#"label="&amp;amp;""#))
    }

    @Test func svgHasOneNodeGroupPerEntityAndPrefixedIds() throws {
        let graph = try Samples.news()
        let options = DOTOptions(idPrefix: "fig2")
        let svg = try GraphvizRenderer.shared.render(graph, options: options, engine: .dot)
        let doc = try SVGDoc.parse(svg)
        let nodes = try SVGDoc.nodeGroups(doc)
        #expect(nodes.count == graph.entityCount)
        let nodeIDs = nodes.compactMap { $0.value(of: "id") }
        #expect(Set(nodeIDs) == Set(graph.entities.map { "fig2-node-\($0.id)" }))
        let edges = try SVGDoc.edgeGroups(doc)
        #expect(edges.count == graph.relationCount)
        #expect(edges.allSatisfy { $0.value(of: "id")?.hasPrefix("fig2-edge-") == true })
        let graphGroup = try SVGDoc.elements(doc, "//*[local-name()='g'][@class='graph']")
        #expect(graphGroup.map { $0.value(of: "id") } == ["fig2-graph"])
        // Every id in the document is ours (prefixed), and unique.
        let allIDs = try doc.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(!allIDs.isEmpty)
        #expect(allIDs.allSatisfy { $0.hasPrefix("fig2-") || $0.hasPrefix("a_fig2-") }, "\(allIDs)")
        #expect(Set(allIDs).count == allIDs.count)
    }

    @Test func hostileIdsGiveSafeUniqueSVGIds() throws {
        let graph = try Samples.hostile()
        let svg = try GraphvizRenderer.shared.render(graph, options: DOTOptions(idPrefix: "x\"y"), engine: .dot)
        let doc = try SVGDoc.parse(svg)
        let ids = try doc.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } })
        #expect(ids.allSatisfy { $0.hasPrefix("x_22y-") || $0.hasPrefix("a_x_22y-") })
    }

    @Test func clustersByTypeHaveDistinctIdsAndEachNodeOnce() throws {
        let graph = try Samples.news()
        let dot = DOTWriter(options: DOTOptions(legend: true, clusterByType: true)).write(graph)
        let parsed = try GraphvizRenderer.shared.parse(dot: dot)
        let clusterIDs = parsed.clusters.compactMap { $0.attributes["id"] }
        #expect(clusterIDs.count == parsed.clusters.count)
        #expect(Set(clusterIDs).count == clusterIDs.count)
        #expect(Set(clusterIDs) == ["g-cluster-person", "g-cluster-country", "g-cluster-organization", "g-cluster-program", "g-cluster-legend"])
        var seen: [String: Int] = [:]
        for c in parsed.clusters { for n in c.nodes { seen[n, default: 0] += 1 } }
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(Set(parsed.clusters.filter { $0.name != "cluster_legend" }.flatMap(\.nodes)) == Set(graph.entities.map(\.id)))

        let svg = try GraphvizRenderer.shared.render(dot: dot, engine: .dot)
        let doc = try SVGDoc.parse(svg)
        let drawnClusters = try SVGDoc.elements(doc, "//*[local-name()='g'][@class='cluster']").compactMap { $0.value(of: "id") }
        #expect(Set(drawnClusters) == Set(clusterIDs))
    }

    @Test func legendShowsTypesAndKindsPresent() throws {
        let graph = try Samples.news()
        let svg = try GraphvizRenderer.shared.render(graph, options: DOTOptions(legend: true), engine: .dot)
        let doc = try SVGDoc.parse(svg)
        let ids = Set(try doc.nodes(forXPath: "//@id").compactMap(\.stringValue))
        for t in EntityType.allCases { #expect(ids.contains("g-legend-\(t.rawValue)")) }
        for k in RelationKind.allCases { #expect(ids.contains("g-legend-edge-\(k.rawValue)")) }
        // Entity nodes are still one per entity.
        let entityNodes = try SVGDoc.nodeGroups(doc).filter { $0.value(of: "id")?.hasPrefix("g-node-") == true }
        #expect(entityNodes.count == graph.entityCount)

        var small = EntityGraph()
        small.add(Entity(name: "Solo", type: .person))
        let dot = DOTWriter(options: DOTOptions(legend: true)).write(small)
        #expect(dot.contains("g-legend-person"))
        #expect(!dot.contains("g-legend-country"))
        #expect(!dot.contains("g-legend-edge-"))
    }

    @Test func stylesByTypeAndKindAndAmountLabels() throws {
        let dot = DOTWriter().write(try Samples.news())
        #expect(dot.contains(#"label="pledge €1B/month""#))
        #expect(dot.contains(#"label="pledge $5B""#))
        #expect(dot.contains(#"label="role: Secretary General""#))
        #expect(dot.contains(#"tooltip="NATO pledged €1 billion a month to Ukraine. (+1 more)""#))
        #expect(dot.contains(#"tooltip="NATO (organization)\nalso: the alliance""#))
        for t in EntityType.allCases { #expect(dot.contains("shape=\"\(DOTWriter.nodeStyle(t).shape)\"")) }
        for k in RelationKind.allCases { #expect(dot.contains("arrowhead=\"\(DOTWriter.edgeStyle(k).arrowhead)\"")) }
        #expect(Set(EntityType.allCases.map { DOTWriter.nodeStyle($0).fill }).count == EntityType.allCases.count)
        #expect(Set(RelationKind.allCases.map { DOTWriter.edgeStyle($0).color }).count == RelationKind.allCases.count)
    }

    @Test func amountText() {
        #expect(AmountText.short(Amount(value: 1e9, currency: "EUR", period: "month")) == "€1B/month")
        #expect(AmountText.short(Amount(value: 5e9, currency: "USD")) == "$5B")
        #expect(AmountText.short(Amount(value: 2.5e6, currency: "GBP")) == "£2.5M")
        #expect(AmountText.short(Amount(value: 250_000_000, currency: "CHF", period: "year")) == "CHF 250M/year")
        #expect(AmountText.short(Amount(value: 1.25e12, currency: "usd")) == "$1.25T")
    }

    @Test func highlightingAndLinks() throws {
        let graph = try Samples.news()
        let key = RelationKey(source: "nato", kind: .pledge, target: "ukraine")
        let options = DOTOptions(highlightedEntities: ["nato"], highlightedRelations: [key],
                                 entityLink: { e in e.id == "hungary" ? "javascript:alert(1)" : "#entity-\(e.id)" })
        let dot = DOTWriter(options: options).write(graph)
        let parsed = try GraphvizRenderer.shared.parse(dot: dot, attributes: ["style", "penwidth", "URL"])
        let nato = try #require(parsed.nodes.first { $0.name == "nato" })
        #expect(nato.attributes["style"]?.contains("bold") == true)
        #expect(Double(nato.attributes["penwidth"] ?? "") == 3)
        let ukraine = try #require(parsed.nodes.first { $0.name == "ukraine" })
        #expect(ukraine.attributes["style"]?.contains("bold") == false)
        let pledge = try #require(parsed.edges.first { $0.tail == "nato" && $0.head == "ukraine" })
        #expect(pledge.attributes["style"]?.contains("bold") == true)
        #expect(!dot.contains("javascript"))
        #expect(parsed.nodes.first { $0.name == "hungary" }?.attributes["URL"] == "")

        let svg = try GraphvizRenderer.shared.render(dot: dot, engine: .dot)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains(##"xlink:href="#entity-ukraine""##))
        #expect(!text.contains("javascript"))
    }

    @Test func linkFilter() {
        #expect(DOTWriter.isSafeLink("#a"))
        #expect(DOTWriter.isSafeLink("https://example.org/x?y=1&z=2"))
        #expect(DOTWriter.isSafeLink("entities/nato.html"))
        #expect(!DOTWriter.isSafeLink("javascript:alert(1)"))
        #expect(!DOTWriter.isSafeLink(" JavaScript:alert(1)"))
        #expect(!DOTWriter.isSafeLink("data:text/html,x"))
        #expect(!DOTWriter.isSafeLink("//evil.example/x"))
        #expect(DOTEscaping.url("#a b\\\"&<") == ##""#a%20b%5C%22&amp;%3C""##)
    }

    @Test func outputIsDeterministic() throws {
        let a = try Samples.news()
        // The same graph built in another order.
        var b = EntityGraph()
        for e in a.entities.reversed() { b.add(e) }
        for r in a.relations.reversed() { try b.add(r) }
        let options = DOTOptions(legend: true, clusterByType: true, title: "Week 12")
        let dotA = DOTWriter(options: options).write(a)
        let dotB = DOTWriter(options: options).write(b)
        #expect(dotA == dotB)
        let svgA = try GraphvizRenderer.shared.render(a, options: options, engine: .dot)
        let svgB = try GraphvizRenderer.shared.render(b, options: options, engine: .dot)
        #expect(svgA == svgB)
    }

    @Test func controlCharactersCannotBreakTheSVG() throws {
        var g = EntityGraph()
        g.add(Entity(id: "ctl\u{1}\u{7F}", name: "bell\u{7}tab\tcr\r\nend\u{FFFF}", type: .person))
        let svg = try GraphvizRenderer.shared.render(g, engine: .dot)
        let doc = try SVGDoc.parse(svg)
        let groups = try SVGDoc.nodeGroups(doc)
        #expect(groups.count == 1)
        #expect(try SVGDoc.text(of: groups[0]) == "bell\u{FFFD}tab cr\nend\u{FFFD}")
        let parsed = try GraphvizRenderer.shared.parse(dot: DOTWriter().write(g))
        #expect(parsed.nodes.map { GraphvizMeaning.id($0.name) } == ["ctl\u{1}\u{7F}"])
    }

    @Test func numbersAreClampedAndPlain() {
        #expect(DOTEscaping.number(1e30, clampedTo: 1...10) == "\"10\"")
        #expect(DOTEscaping.number(-.infinity, clampedTo: 1...10) == "\"1\"")
        #expect(DOTEscaping.number(.nan, clampedTo: 0.5...6) == "\"0.5\"")
        #expect(DOTEscaping.number(1.2345, clampedTo: 0...6) == "\"1.23\"")
        // the C formatter gives Foundation's digits and rounding (ties of the exact binary value to even)
        var rng = SplitMix64(seed: 7)
        let values = [0.125, 0.375, 1.005, 2.675, -0.0, 1e300, -1e-300, 5e-324, 0.995, 1 + log2(3) * 0.5]
            + (0..<500).map { _ in Double(rng.next() % 2_000_000) / 1000 - 1000 }
        for v in values { #expect(DOTEscaping.twoDecimals(v) == String(format: "%.2f", v), "\(v)") }
        // whole numbers skip the formatter: same text as the formatter's, trailing zeros cut
        func reference(_ x: Double) -> String {
            var s = String(format: "%.2f", min(max(x, -1e20), 1e20))
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return "\"" + s + "\""
        }
        for v in values + [0, -0.0, 1, 2, 3, 17, -4, 1e14, 999_999_999_999_999, 1e15, 1e16, 2.5, 1.5] {
            #expect(DOTEscaping.number(v, clampedTo: -1e20...1e20) == reference(v), "\(v)")
        }
    }

    /// The byte-table URL encoder and the scalar-end link check against their plain descriptions.
    @Test func urlEncodingAndLinkCheckMatchTheirDescriptions() {
        func referenceURL(_ s: String) -> String {
            let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$'()*+,;=%".unicodeScalars)
            var out = "\""
            for byte in s.utf8 {
                let u = Unicode.Scalar(byte)
                if byte < 0x80, allowed.contains(u) { out += String(u) } else if byte == UInt8(ascii: "&") { out += "&amp;" } else { out += String(format: "%%%02X", byte) }
            }
            return out + "\""
        }
        func referenceSafe(_ link: String) -> Bool {
            let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed != link { return false }
            let lower = trimmed.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("#") { return true }
            if lower.hasPrefix("//") || lower.hasPrefix("\\") { return false }
            return !lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.contains(":")
        }
        let pieces = ["#", "a", "é", " ", "\t", "\u{a0}", "\u{2028}", "&", "%", "/", ":", "?", "HTTP", "https", "//", "\\",
                      "javascript", "\u{0}", "\u{7f}", "~", "[", "\"", "<", "😀"]
        for s in GeneratedText.strings(from: pieces, count: 600, length: 4, seed: 5) + ["", " ", "\u{a0}x", "x\u{2028}"] {
            #expect(DOTEscaping.encodedURL(s) == referenceURL(s), "\(s)")
            #expect(DOTWriter.isSafeLink(s) == referenceSafe(s), "\(s)")
        }
    }
}

extension XMLElement {
    /// An attribute's value (FoundationXML on Linux misses some via `attribute(forName:)`
    /// in namespaced documents).
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }
}
