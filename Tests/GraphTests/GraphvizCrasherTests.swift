import Foundation
import Testing
@testable import Graph

/// Regression tests for the inputs that crash Graphviz 2.42 (GRAPHVIZ.md,
/// Fixtures/crashers). The real crashers are never handed to libgvc here: a crash would
/// kill the test process. Instead: our writer cannot produce them, and the renderer's
/// guard refuses harmless variants of each construct before layout.
@Suite struct GraphvizCrasherTests {
    /// Repeated and reverse edges of every kind, self-loops, hostile names, every option on.
    static func worstCase() throws -> (EntityGraph, DOTOptions) {
        var g = try Samples.hostile()
        let ids = g.entities.map(\.id)
        for (i, a) in ids.enumerated() {
            let b = ids[(i + 1) % ids.count]
            for kind in RelationKind.allCases {
                let evidence = (0..<(i % 4 + 1)).map { Evidence(document: "d.txt", start: $0, end: $0 + 1, text: "s\($0)") }
                try g.add(Relation(source: a, kind: kind, target: b, evidence: evidence,
                                   amount: kind == .pledge ? Amount(value: 1e30, currency: "EUR") : nil))
                try g.add(Relation(source: b, kind: kind, target: a, evidence: evidence))
            }
            try g.add(Relation(source: a, kind: .statement, target: a))
        }
        // Heavy support: a lot of evidence on one edge must not yield a huge weight or pen.
        let many = (0..<5_000).map { Evidence(document: "m.txt", start: $0, end: $0 + 1, text: "x") }
        try g.add(Relation(source: ids[0], kind: .member, target: ids[1], evidence: many))
        let options = DOTOptions(legend: true, clusterByType: true, idPrefix: "all",
                                 highlightedEntities: Set(ids), highlightedRelations: Set(g.relations.map(\.key)),
                                 entityLink: { "#e-\($0.id)" }, title: "every \\N option & \"quote\"")
        return (g, options)
    }

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: url.appendingPathComponent("crashers").appendingPathComponent(name), encoding: .utf8)
    }

    @Test func fixturesDocumentEachCrasher() throws {
        let expected = [
            "concentrate-reverse-edges.dot": "concentrate=true",
            "huge-weight.dot": "weight=1073741824",
            "ortho-twopi.dot": "splines=ortho",
            "newrank-node-in-two-clusters.dot": "newrank=true",
        ]
        for (file, trigger) in expected {
            let text = try Self.fixture(file)
            #expect(text.contains(trigger), "\(file)")
            #expect(text.contains("Avoided:"), "\(file) says how we avoid it")
        }
    }

    @Test func writerNeverEmitsCrashAttributes() throws {
        let (g, options) = try Self.worstCase()
        let dot = DOTWriter(options: options).write(g)
        let lower = dot.lowercased()
        for forbidden in ["concentrate", "ortho", "newrank", "splines", "shape=\"record\"", "shape=\"mrecord\"", "label=<"] {
            #expect(!lower.contains(forbidden.lowercased()), "\(forbidden)")
        }
        // Numeric attributes are within the clamps (as Graphviz reads them back).
        let parsed = try GraphvizRenderer.shared.parse(dot: dot, attributes: ["weight", "penwidth", "fontsize"])
        for e in parsed.edges where !e.tail.hasPrefix(DOTWriter.legendNodeName("")) {
            let weight = try #require(Double(e.attributes["weight"] ?? ""))
            #expect(DOTWriter.weightRange.contains(weight))
            #expect(DOTWriter.penwidthRange.contains(Double(e.attributes["penwidth"] ?? "") ?? -1))
        }
        #expect(parsed.edges.contains { $0.attributes["weight"] == "10" })
        for n in parsed.nodes { #expect(DOTWriter.fontsizeRange.contains(Double(n.attributes["fontsize"] ?? "") ?? -1)) }
        // Every node in at most one cluster.
        var membership: [String: Int] = [:]
        for c in parsed.clusters { for n in c.nodes { membership[n, default: 0] += 1 } }
        #expect(membership.values.allSatisfy { $0 == 1 })
        #expect(membership.count == parsed.nodes.count)
    }

    @Test(arguments: LayoutEngine.allCases)
    func worstCaseRendersWithEveryEngine(engine: LayoutEngine) throws {
        let (g, options) = try Self.worstCase()
        let svg = try GraphvizRenderer.shared.render(g, options: options, engine: engine)
        let doc = try SVGDoc.parse(svg)
        let entityNodes = try SVGDoc.nodeGroups(doc).filter { $0.value(of: "id")?.hasPrefix("all-node-") == true }
        #expect(entityNodes.count == g.entityCount)
    }

    @Test func guardRefusesCrashConstructsBeforeLayout() throws {
        // Harmless variants (measured: each of these lays out fine in 2.42), so a guard that
        // let them through would fail the test without crashing it.
        let refused = [
            "digraph { concentrate=true; a -> b }": "concentrate",
            "digraph { concentrate=yes; a -> b }": "concentrate",
            "digraph { splines=ortho; a -> b }": "ortho",
            "digraph { splines=\"ORTHO\"; a -> b }": "ortho",
            "digraph { subgraph cluster_a { x } subgraph cluster_b { x } }": "two clusters",
            "digraph { a -> b [weight=2000000] }": "weight",
            "digraph { a [fontsize=5000] }": "fontsize",
            "digraph { a [penwidth=5000] }": "penwidth",
        ]
        for (dot, reason) in refused {
            do {
                _ = try GraphvizRenderer.shared.render(dot: dot, engine: .dot)
                Issue.record("not refused: \(dot)")
            } catch let GraphvizError.unsafeInput(message) {
                #expect(message.contains(reason), "\(dot): \(message)")
                #expect(GraphvizError.unsafeInput(reason: message).errorDescription?.contains("crash") == true)
            }
        }
        // Allowed: nested clusters sharing a node, concentrate=false, ordinary numbers.
        for dot in [
            "digraph { subgraph cluster_a { subgraph cluster_b { x } y } x -> y }",
            "digraph { concentrate=false; splines=true; a -> b [weight=5, penwidth=2] }",
        ] {
            let svg = try GraphvizRenderer.shared.render(dot: dot, engine: .dot)
            #expect(String(decoding: svg, as: UTF8.self).contains("</svg>"))
        }
    }
}
