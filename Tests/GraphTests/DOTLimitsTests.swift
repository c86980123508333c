import Foundation
import Testing
@testable import Graph

/// Graphviz 2.42's lexer refuses quoted strings over 16,384 bytes: ids, labels, tooltips
/// and links of any length must still give DOT it parses, meaning what was written.
@Suite struct DOTLimitsTests {
    @Test func longIdsLabelsTooltipsAndLinksStillParse() throws {
        let longID = String(repeating: "\\\"&", count: 10_000)         // 30,000 scalars, escapes to 70,000 bytes
        let longName = String(repeating: "é&\\", count: 20_000)
        let longAlias = String(repeating: "a", count: 40_000)
        let longSentence = String(repeating: "e\u{301}", count: 30_000)  // one grapheme cluster per pair
        var g = EntityGraph()
        g.add(Entity(id: longID, name: longName, type: .person, aliases: [longAlias]))
        g.add(Entity(id: "short", name: "Short", type: .country))
        try g.add(Relation(source: longID, kind: .role, target: "short",
                           evidence: [Evidence(document: "d.txt", start: 0, end: 1, text: longSentence)],
                           attributes: ["title": longName]))
        let options = DOTOptions(entityLink: { _ in "report.html#entity-" + longName }, title: longName)
        let dot = DOTWriter(options: options).write(g)
        let drawn = try GraphvizRenderer.shared.readBack(dot: dot)

        let name = DOTWriter.nodeName(for: longID)
        #expect(name.hasPrefix("\\long-") && name.count == 6 + 64)
        #expect(DOTWriter.nodeName(for: "short") == "short")
        #expect(Set(drawn.nodes.map(\.id)) == [name, "short"])
        #expect(drawn.name == DOTWriter.nodeName(for: longName))
        let node = try #require(drawn.nodes.first { $0.id == name })
        #expect(node.label == DOTWriter.displayedText(longName))
        #expect(node.label?.unicodeScalars.count == 1_001 && node.label?.hasSuffix("…") == true)
        #expect(node.tooltip?.unicodeScalars.count == 1_001)
        let edge = try #require(drawn.edges.first)
        #expect(edge.source == name && edge.target == "short")
        #expect(edge.label?.unicodeScalars.count == 1_001)
        #expect((edge.tooltip?.unicodeScalars.count ?? 0) <= 1_001)
        // The link would be too long to write: it is left out rather than breaking the file.
        #expect(!dot.contains("URL="))
        // Two long ids differ by their digest; the SVG ids stay short and distinct.
        #expect(DOTWriter.nodeName(for: longID + "x") != name)
        #expect(DOTEscaping.svgID(longID).count == 2 + 64)
        #expect(DOTEscaping.svgID(longID) != DOTEscaping.svgID(longID + "x"))

        // And Graphviz lays it out.
        let svg = try GraphvizRenderer.shared.render(dot: dot, engine: .dot)
        #expect(!svg.isEmpty)
    }

    @Test func graphsAboveTheLayoutLimitAreRefusedBeforeLayout() throws {
        var g = EntityGraph()
        for i in 0...LayoutEngine.maxLayoutNodes { g.add(Entity(id: "n\(i)", name: "N\(i)", type: .country)) }
        #expect(throws: GraphvizError.tooLarge(nodes: LayoutEngine.maxLayoutNodes + 1, edges: 0)) {
            try GraphvizRenderer.shared.render(g, engine: .sfdp)
        }
        // DOT text needs no layout.
        #expect(try !GraphvizRenderer.shared.render(g, format: .dot).isEmpty)
        #expect(GraphvizError.tooLarge(nodes: 1, edges: 2).category == .software)
    }
}
