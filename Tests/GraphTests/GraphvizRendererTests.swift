import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

@Suite struct GraphvizRendererTests {
    static let magic: [RenderFormat: [UInt8]] = [
        .svg: Array("<svg".utf8),
        .png: [0x89, 0x50, 0x4E, 0x47],
        .pdf: Array("%PDF".utf8),
    ]

    static func hasMagic(_ data: Data, _ format: RenderFormat) -> Bool {
        let m = magic[format]!
        if format == .svg {
            // After the XML prologue.
            return String(decoding: data, as: UTF8.self).contains("<svg") && String(decoding: data.suffix(16), as: UTF8.self).contains("</svg>")
        }
        return Array(data.prefix(m.count)) == m
    }

    static func shapes() throws -> [(String, EntityGraph)] {
        var single = EntityGraph()
        single.add(Entity(name: "NATO", type: .organization))
        var loops = single
        try loops.add(Relation(source: "nato", kind: .statement, target: "nato"))
        try loops.add(Relation(source: "nato", kind: .opposition, target: "nato"))
        var parallel = EntityGraph()
        parallel.add(Entity(name: "Ukraine", type: .country))
        parallel.add(Entity(name: "Hungary", type: .country))
        for kind in RelationKind.allCases {
            try parallel.add(Relation(source: "hungary", kind: kind, target: "ukraine"))
        }
        try parallel.add(Relation(source: "ukraine", kind: .statement, target: "hungary"))
        return [("empty", EntityGraph()), ("single", single), ("self-loops", loops), ("parallel", parallel)]
    }

    @Test(arguments: [RenderFormat.svg, .png, .pdf])
    func rendersEdgeCaseGraphs(format: RenderFormat) throws {
        for (name, graph) in try Self.shapes() {
            let data = try GraphvizRenderer.shared.render(graph, options: DOTOptions(legend: name == "parallel"), format: format)
            #expect(Self.hasMagic(data, format), "\(name) as \(format)")
            if format == .svg {
                let doc = try SVGDoc.parse(data)
                let entityNodes = try SVGDoc.nodeGroups(doc).filter { $0.value(of: "id")?.hasPrefix("g-node-") == true }
                #expect(entityNodes.count == graph.entityCount, "\(name)")
                let entityEdges = try SVGDoc.edgeGroups(doc).filter { $0.value(of: "id")?.hasPrefix("g-edge-") == true }
                #expect(entityEdges.count == graph.relationCount, "\(name)")
            }
        }
    }

    @Test func dotFormatIsOurWriterText() throws {
        let graph = try Samples.news()
        let data = try GraphvizRenderer.shared.render(graph, format: .dot)
        #expect(String(decoding: data, as: UTF8.self) == DOTWriter().write(graph))
        let text = "digraph { a -> b }"
        #expect(try GraphvizRenderer.shared.render(dot: text, format: .dot) == Data(text.utf8))
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.shared.render(dot: "digraph { a -> }", format: .dot) }
    }

    @Test func formatsAndEnginesAreAvailable() {
        #expect(GraphvizRenderer.shared.availableFormats == RenderFormat.allCases)
        #expect(GraphvizRenderer.shared.availableEngines == LayoutEngine.allCases.filter { $0 != .auto })
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineRendersASmallGraph(engine: LayoutEngine) throws {
        let graph = try Samples.news()
        let svg = try GraphvizRenderer.shared.render(graph, options: DOTOptions(clusterByType: true), engine: engine)
        let doc = try SVGDoc.parse(svg)
        #expect(try SVGDoc.nodeGroups(doc).count == graph.entityCount)
        #expect(try SVGDoc.edgeGroups(doc).count == graph.relationCount)
    }

    @Test func autoPicksDotBelowAndSfdpAboveTheThreshold() {
        let n = LayoutEngine.autoDotMaxNodes, e = LayoutEngine.autoDotMaxEdges
        #expect(GraphvizRenderer.resolve(.auto, nodeCount: 0, edgeCount: 0) == .dot)
        #expect(GraphvizRenderer.resolve(.auto, nodeCount: n, edgeCount: e) == .dot)
        #expect(GraphvizRenderer.resolve(.auto, nodeCount: n + 1, edgeCount: 0) == .sfdp)
        #expect(GraphvizRenderer.resolve(.auto, nodeCount: 10, edgeCount: e + 1) == .sfdp)
        for engine in LayoutEngine.allCases where engine != .auto {
            #expect(GraphvizRenderer.resolve(engine, nodeCount: 100_000, edgeCount: 0) == engine)
        }
    }

    @Test func autoLaysOutALargeGraphQuickly() throws {
        // Beyond the threshold dot would take tens of seconds; sfdp takes well under one.
        var g = EntityGraph()
        let count = LayoutEngine.autoDotMaxNodes * 2
        for i in 0..<count { g.add(Entity(id: "n\(i)", name: "Entity number \(i)", type: EntityType.allCases[i % 4])) }
        for i in 1..<count {
            // Hub-heavy and deterministic: every third edge goes to one of five hubs.
            let target = i % 3 == 0 ? (i * 7) % min(i, 5) : (i * 31) % i
            try g.add(Relation(source: "n\(i)", kind: RelationKind.allCases[i % 5], target: "n\(target)"))
        }
        #expect(GraphvizRenderer.resolve(.auto, nodeCount: g.entityCount, edgeCount: g.relationCount) == .sfdp)
        let svg = try GraphvizRenderer.shared.render(g, engine: .auto)
        #expect(try SVGDoc.nodeGroups(SVGDoc.parse(svg)).count == count)
    }

    @Test func malformedDOTThrowsGraphvizMessageAndNextRenderWorks() throws {
        do {
            _ = try GraphvizRenderer.shared.render(dot: "digraph { a -> ; }")
            Issue.record("no error thrown")
        } catch let GraphvizError.syntaxError(messages) {
            #expect(messages.contains { $0.contains("syntax error in line 1") }, "\(messages)")
        }
        let error = GraphvizError.syntaxError(messages: ["Error: syntax error in line 1 near ';'"])
        #expect(error.errorDescription?.contains("syntax error in line 1") == true)

        #expect(throws: GraphvizError.syntaxError(messages: ["no graph in input"])) {
            try GraphvizRenderer.shared.render(dot: "")
        }
        let svg = try GraphvizRenderer.shared.render(dot: "digraph { a -> b }")
        #expect(try SVGDoc.nodeGroups(SVGDoc.parse(svg)).count == 2)
    }

    @Test func malformedHTMLLabelIsAnError() throws {
        // gvLayout returns 0 here; only the error callback tells.
        do {
            _ = try GraphvizRenderer.shared.render(dot: "digraph { a [label=<AT&T>] }", engine: .dot)
            Issue.record("no error thrown")
        } catch let error as GraphvizError {
            guard case let .layoutFailed(engine, messages) = error else {
                Issue.record("unexpected \(error)"); return
            }
            #expect(engine == "dot")
            #expect(!messages.isEmpty)
        }
        #expect(try GraphvizRenderer.shared.render(dot: "digraph { a }").count > 0)
    }

    @Test func unknownEngineInDOTIsReported() throws {
        let error = GraphvizError.engineUnavailable("dot", available: [])
        #expect(error.errorDescription?.contains("plugin configuration") == true)
        let format = GraphvizError.formatUnavailable("png", available: ["svg", "dot"])
        #expect(format.errorDescription == "output format 'png' is not available in this Graphviz (available: svg, dot)")
    }

    @Test func concurrentRendersAreSerialized() async throws {
        let graph = try Samples.news()
        let results = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var ok = 0
                    for i in 0..<20 {
                        let format: RenderFormat = (t + i) % 5 == 0 ? .png : .svg
                        if let data = try? GraphvizRenderer.shared.render(graph, options: DOTOptions(idPrefix: "t\(t)"), engine: .dot, format: format),
                           Self.hasMagic(data, format) { ok += 1 }
                    }
                    return ok
                }
            }
            return await group.reduce(0, +)
        }
        #expect(results == 160)
    }

    @Test func inlineableSVGHasNoPrologue() throws {
        let svg = try GraphvizRenderer.shared.render(try Samples.news(), engine: .dot)
        let raw = String(decoding: svg, as: UTF8.self)
        #expect(raw.hasPrefix("<?xml") && raw.contains("<!DOCTYPE") && raw.contains("<!--"))
        let inline = SVG.inlineable(svg)
        #expect(inline.hasPrefix("<svg"))
        #expect(!inline.contains("<?xml") && !inline.contains("<!DOCTYPE") && !inline.contains("<!--"))
        #expect(inline.hasSuffix("</svg>\n"))
        let doc = try SVGDoc.parse(Data(inline.utf8))
        #expect(try SVGDoc.nodeGroups(doc).count == 5)
        #expect(SVG.inlineable("<?xml version=\"1.0\"?>\n<!-- a -- b -->\n<svg><!--x--><g/></svg>") == "<svg><g/></svg>\n")
    }

    /// The byte scanner against the plain description of what it does (the implementation it
    /// replaced), on deterministic mixes of prologues, comments, tags, blank and CRLF lines.
    @Test func inlineableMatchesReference() {
        func reference(_ svg: String) -> String {
            var out = ""
            var rest = Substring(svg)
            while let open = rest.firstIndex(of: "<") {
                out += rest[..<open]
                let tail = rest[open...]
                let close: String? = tail.hasPrefix("<!--") ? "-->" : tail.hasPrefix("<?") ? "?>"
                    : tail.hasPrefix("<!DOCTYPE") || tail.hasPrefix("<!doctype") ? ">" : nil
                if let close {
                    guard let r = tail.range(of: close) else { rest = ""; break }
                    rest = tail[r.upperBound...]
                } else {
                    out += "<"
                    rest = tail.dropFirst()
                }
            }
            out += rest
            return out.split(separator: "\n", omittingEmptySubsequences: true)
                .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n") + "\n"
        }
        let pieces = ["<?xml version=\"1.0\"?>", "<!-- c -->", "<!-->", "<?>", "<!DOCTYPE svg>", "<!doctype x>", "\n", "\r\n",
                      "  \n", "\u{2003}\n", "<g id=\"a\">", "</g>", "text é", "<", ">", "-->", "<!--", "<?x", "\t"]
        for svg in GeneratedText.strings(from: pieces, count: 300, length: 20, seed: 7) {
            #expect(SVG.inlineable(svg) == reference(svg), "\(svg.debugDescription)")
        }
    }

    @Test func twoPrefixedSVGsShareOnePage() throws {
        let g = try Samples.news()
        let a = SVG.inlineable(try GraphvizRenderer.shared.render(g, options: DOTOptions(idPrefix: "left"), engine: .dot))
        let b = SVG.inlineable(try GraphvizRenderer.shared.render(g, options: DOTOptions(idPrefix: "right"), engine: .dot))
        let page = "<html xmlns:xlink=\"http://www.w3.org/1999/xlink\"><body>" + a + b + "</body></html>"
        let doc = try XMLDocument(data: Data(page.utf8), options: [])
        let ids = try doc.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(ids.count > 20)
        #expect(Set(ids).count == ids.count)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["NATO_GRAPH_RENDER_LOOP"] != nil))
    func renderLoopForLeakCheck() throws {
        let count = Int(ProcessInfo.processInfo.environment["NATO_GRAPH_RENDER_LOOP"] ?? "") ?? 0
        let graph = try Samples.news()
        var bytes = 0
        for _ in 0..<count { bytes += try GraphvizRenderer.shared.render(graph, engine: .dot).count }
        #expect(bytes > 0)
    }
}

@Suite struct GraphvizParserStateTests {
    @Test func textLeftAfterOneGraphDoesNotLeakIntoTheNextParse() throws {
        // The 2.42 lexer keeps unread input between agread calls; a second graph on the
        // same line would otherwise be what the next call parses.
        let first = try GraphvizRenderer.shared.parse(dot: "digraph one { a } digraph two { b }")
        #expect(first.nodes.map(\.name) == ["a"])
        let next = try GraphvizRenderer.shared.parse(dot: "digraph three { c }")
        #expect(next.name == "three")
        #expect(next.nodes.map(\.name) == ["c"])
        // And line numbers start again at 1 after a text that ended in a newline.
        _ = try GraphvizRenderer.shared.parse(dot: "digraph { x }\n\n\n")
        #expect(throws: GraphvizError.syntaxError(messages: ["Error: syntax error in line 1 near '}'"])) {
            _ = try GraphvizRenderer.shared.parse(dot: "digraph { x -> }")
        }
    }
}
