import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

@Suite struct EntityGraphGraphMLTests {
    static func hostile() throws -> EntityGraph {
        var g = try EntityGraphJSONTests.sample()
        g.add(Entity(id: "at-t", name: "<AT&T> \"quoted\" 'x'", type: .organization))
        try g.add(Relation(source: "at-t", kind: .opposition, target: "nato",
                           evidence: [Evidence(document: "c.txt", start: 0, end: 5, text: "A & B <c>\u{1}")]))
        try g.add(Relation(source: "at-t", kind: .statement, target: "nato"))
        try g.add(Relation(source: "nato", kind: .role, target: "nato"))
        return g
    }

    @Test func isWellFormedXMLWithEveryNodeAndEdge() throws {
        let g = try Self.hostile()
        let data = g.graphMLData()
        let doc = try XMLDocument(data: data)
        let nodes = try doc.nodes(forXPath: "//*[local-name()='node']")
        let edges = try doc.nodes(forXPath: "//*[local-name()='edge']")
        #expect(nodes.count == g.entityCount)
        #expect(edges.count == g.relationCount)
        #expect(String(decoding: data, as: UTF8.self).contains("&lt;AT&amp;T&gt;"))
        #expect(g.graphMLData() == data)
    }

    @Test(.enabled(if: Python.networkxAvailable, "python3 with networkx is not installed"))
    func networkxReadsGraphML() throws {
        let g = try Self.hostile()
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.graphml")
        try g.graphMLData().write(to: file)
        let r = try Python.run("""
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1], force_multigraph=True)
            print(g.number_of_nodes(), g.number_of_edges())
            print(g.nodes['at-t']['label'])
            print(sorted(k for _, _, k in g.edges(keys=True)))
            """, arguments: [file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(g.entityCount) \(g.relationCount)")
        #expect(lines.dropFirst().first == "<AT&T> \"quoted\" 'x'")
        #expect(lines.last == "['opposition', 'pledge', 'role', 'statement']")
    }
}

@Suite struct NetworkxInteropTests {
    @Test(.enabled(if: Python.networkxAvailable, "python3 with networkx is not installed"))
    func networkxLoadsOurGraphJSON() throws {
        let g = try EntityGraphGraphMLTests.hostile()
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("graph.json")
        try g.jsonData().write(to: file)
        let r = try Python.run("""
            import sys, json, networkx as nx
            g = nx.node_link_graph(json.load(open(sys.argv[1])), edges="edges")
            print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
            d = g.get_edge_data('nato', 'ukraine')['pledge']
            print(d['amount']['currency'], len(d['evidence']), g.nodes['peter-szijjarto']['label'])
            """, arguments: [file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "MultiDiGraph \(g.entityCount) \(g.relationCount)\nEUR 2 Péter Szijjártó\n")
    }

    @Test(.enabled(if: Python.networkxAvailable, "python3 with networkx is not installed"))
    func weLoadWhatNetworkxWrites() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("nx.json")
        let r = try Python.run("""
            import sys, json, networkx as nx
            g = nx.MultiDiGraph()
            g.add_node("hungary", label="Hungary", type="country", aliases=["Budapest"])
            g.add_node("purl", label="PURL", type="program")
            g.add_edge("hungary", "purl", key="opposition", kind="opposition",
                       evidence=[{"document": "d.txt", "start": 0, "end": 9, "text": "Hungary refused."}])
            json.dump(nx.node_link_data(g, edges="edges"), open(sys.argv[1], "w"))
            """, arguments: [file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let g = try EntityGraph(contentsOf: file)
        #expect(g.entityCount == 2)
        #expect(g.entity(named: "Budapest")?.id == "hungary")
        let rel = try #require(g.relation(RelationKey(source: "hungary", kind: .opposition, target: "purl")))
        #expect(rel.evidence.first?.text == "Hungary refused.")
    }
}

@Suite struct EdgeCaseExportTests {
    /// The empty graph, a single node, self-loops and parallel edges of every kind export to
    /// every format, and JSON reads back to the same graph.
    @Test func edgeCaseGraphsExportEverywhere() throws {
        for (name, graph) in try GraphvizRendererTests.shapes() {
            let json = graph.jsonData()
            #expect(try EntityGraph(jsonData: json) == graph, "\(name)")
            let xml = try XMLDocument(data: graph.graphMLData())
            #expect(try xml.nodes(forXPath: "//*[local-name()='edge']").count == graph.relationCount, "\(name)")
            let dot = DOTWriter().write(graph)
            #expect(dot.hasPrefix("digraph") || dot.hasPrefix("strict digraph"), "\(name)")
            let parsed = try GraphvizRenderer.shared.parse(dot: dot)
            #expect(parsed.edges.count == graph.relationCount, "\(name)")
            #expect(!graph.cypherScript().isEmpty)
            #expect(graph.neo4jCSV().count == 2)
        }
    }
}
