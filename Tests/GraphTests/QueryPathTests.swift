import Foundation
import Testing
@testable import Graph

/// Path questions on the seed fixture.
@Suite struct QueryPathTests {
    func arrows(_ p: EntityPath) -> [String] { p.hops.map(\.arrow) }

    @Test func hungaryToUkraineOverPledgesAndOppositions() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Kyiv", kinds: [.pledge, .opposition]))
        #expect(r.from.id == "hungary" && r.to.id == "ukraine")
        let p = try #require(r.paths.first)
        // Hungary refused PURL; the allies that fund PURL pledge to Ukraine: ties by id pick Canada.
        #expect(arrows(p) == ["Hungary —opposition→ PURL", "PURL ←pledge— Canada", "Canada —pledge→ Ukraine"])
        #expect(p.hops.map(\.forward) == [true, false, true])
        let first = try #require(p.hops.first?.relation.evidence.first)
        #expect(first.document == "003_58733491b3223549.txt")
        #expect(first.text.contains("refusal to participate in NATO’s mechanism"))
    }

    @Test func evidenceOffsetsPointAtTheSentenceInTheSeedDocument() throws {
        let g = try SeedFixture.graph()
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds")
        for r in g.relations {
            for ev in r.evidence {
                let text = try String(contentsOf: seeds.appendingPathComponent(ev.document), encoding: .utf8)
                let scalars = Array(text.unicodeScalars)
                #expect(ev.end <= scalars.count)
                guard ev.end <= scalars.count, ev.start < ev.end else { continue }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[ev.start ..< ev.end])
                #expect(String(s) == ev.text, "\(r.key) \(ev.document) \(ev.start)")
            }
        }
    }

    @Test func typesFilterKeepsCountriesAndProgramsInBetween() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", types: [.country, .program]))
        let p = try #require(r.paths.first)
        #expect(p.hopCount == 3)
        for e in p.entities.dropFirst().dropLast() { #expect(e.type == .country || e.type == .program) }
        let direct = try g.paths(PathQuery(from: "Hungary", to: "Ukraine"))
        #expect(direct.paths.first?.hopCount == 2, "through NATO when organizations are allowed")
    }

    @Test func directedFollowsEdgeDirection() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition], directed: true))
        #expect(r.paths.isEmpty, "nothing leads from PURL onward along pledges")
        let rutte = try g.paths(PathQuery(from: "Rutte", to: "Moscow", kinds: [.statement], directed: true))
        let hop = try #require(rutte.paths.first?.hops.first)
        #expect(rutte.paths.first?.hopCount == 1 && hop.forward)
        #expect(hop.relation.evidence.contains { $0.text == "NATO Secretary General Mark Rutte stated that Russia is not making sufficient efforts to end the war in Ukraine." })
    }

    @Test func maxHopsBoundsThePath() throws {
        let g = try SeedFixture.graph()
        let none = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition], maxHops: 2))
        #expect(none.paths.isEmpty)
        var out = ""
        none.writeText(to: &out)
        #expect(out.contains("no path between Hungary and Ukraine with kinds pledge, opposition; at most 2 hops"))
    }

    @Test func allPathsShortestFirstWithLimit() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition], maxHops: 3, mode: .all))
        #expect(r.paths.count == 5)
        #expect(r.paths.map { $0.entities[2].name } == ["Canada", "Germany", "Netherlands", "Norway", "Poland"])
        #expect(!r.truncated)
        let capped = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition], maxHops: 3, mode: .all, limit: 2))
        #expect(capped.paths.count == 2 && capped.truncated)
        let wide = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", mode: .all))
        #expect(zip(wide.paths, wide.paths.dropFirst()).allSatisfy { $0.hopCount <= $1.hopCount })
        #expect(wide.paths.allSatisfy { $0.hopCount <= PathQuery.defaultAllHops })
    }

    @Test func kShortestPaths() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition], mode: .kShortest(3)))
        #expect(r.paths.map { $0.entities.map(\.name) } == [
            ["Hungary", "PURL", "Canada", "Ukraine"], ["Hungary", "PURL", "Germany", "Ukraine"], ["Hungary", "PURL", "Netherlands", "Ukraine"],
        ])
    }

    @Test func namesResolveThroughAliases() throws {
        let g = try SeedFixture.graph()
        #expect(try g.resolve("NATO Secretary General") == g.index(ofID: "mark-rutte"))
        #expect(try g.resolve("Kyiv") == g.index(ofID: "ukraine"))
        #expect(try g.resolve("the Kremlin") == g.index(ofID: "russia"))
        #expect(try g.resolve("Peter Szijjarto") == g.index(ofID: "peter-szijjarto"))
        #expect(try g.resolve("Siyarto") == g.index(ofID: "peter-szijjarto"))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let g = try SeedFixture.graph()
        #expect(throws: QueryError.unknownEntity("Hungry", suggestions: ["Hungary"])) { try g.resolve("Hungary".replacingOccurrences(of: "ar", with: "r")) }
        #expect(g.suggestions(for: "Stoltenbreg").first == "Jens Stoltenberg")
        #expect(g.suggestions(for: "Rute").first == "Mark Rutte")
        #expect(g.suggestions(for: "Norwey") == ["Norway"])
        #expect(g.suggestions(for: "zzzzzzzzzz").isEmpty)
        do {
            _ = try g.paths(PathQuery(from: "Polnd", to: "Ukraine"))
            Issue.record("expected an error")
        } catch let e as QueryError {
            #expect(e.errorDescription == "no entity named 'Polnd' in the graph; did you mean 'Poland'?")
        }
    }

    @Test func invalidArgumentsAreErrors() throws {
        let g = try SeedFixture.graph()
        #expect(throws: QueryError.self) { try g.paths(PathQuery(from: "Hungary", to: "Ukraine", limit: 0)) }
        #expect(throws: QueryError.self) { try g.paths(PathQuery(from: "Hungary", to: "Ukraine", mode: .kShortest(0))) }
        #expect(throws: QueryError.self) { try g.paths(PathQuery(from: "Hungary", to: "Ukraine", maxHops: 0)) }
        #expect(throws: QueryError.invalidValue(field: "edge kind", value: "pldge", allowed: RelationKind.allCases.map(\.rawValue))) {
            try EntityGraph.parseKinds("pledge,pldge")
        }
        #expect(try EntityGraph.parseTypes("country, program") == [.country, .program])
    }

    @Test func missingGraphSaysToBuild() {
        #expect(throws: QueryError.graphMissing(path: "/nonexistent/graph.json")) { try EntityGraph(queryGraphAt: "/nonexistent/graph.json") }
        #expect(QueryError.graphMissing(path: "out/graph.json").errorDescription?.contains("nato-graph build") == true)
    }

    @Test func textAndJSONOutput() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition]))
        var text = ""
        r.writeText(to: &text)
        #expect(text.contains("  Hungary —opposition→ PURL\n    “On December 3, Hungary’s Foreign Minister Peter Siyarto"))
        #expect(text.contains("  PURL ←pledge— Canada\n"))
        #expect(text.contains("— 003_58733491b3223549.txt ["))
        var json = ""
        r.writeJSON(to: &json)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let paths = try #require(obj["paths"] as? [[String: Any]])
        #expect(paths.first?["nodes"] as? [String] == ["hungary", "purl", "canada", "ukraine"])
        let edges = try #require(paths.first?["edges"] as? [[String: Any]])
        #expect(edges.map { $0["direction"] as? String } == ["forward", "backward", "forward"])
    }

    @Test func drawingHighlightsThePathInItsNeighbourhood() throws {
        let g = try SeedFixture.graph()
        let r = try g.paths(PathQuery(from: "Hungary", to: "Ukraine", kinds: [.pledge, .opposition]))
        let d = r.drawing(in: g)
        #expect(d.highlightedEntities == ["hungary", "purl", "canada", "ukraine"])
        #expect(d.highlightedRelations == [RelationKey(source: "hungary", kind: .opposition, target: "purl"),
                                           RelationKey(source: "canada", kind: .pledge, target: "purl"),
                                           RelationKey(source: "canada", kind: .pledge, target: "ukraine")])
        let ids = Set(d.graph.entities.map(\.id))
        #expect(ids.isSuperset(of: d.highlightedEntities))
        #expect(ids.contains("united-states"), "one hop from Hungary over an opposition")
        #expect(!ids.contains("emmanuel-macron"), "statements are filtered out")
        #expect(d.graph.relations.allSatisfy { $0.kind == .pledge || $0.kind == .opposition })
        for key in d.highlightedRelations { #expect(d.graph.relation(key) != nil) }
        let dot = DOTWriter(options: DOTOptions(highlightedEntities: d.highlightedEntities, highlightedRelations: d.highlightedRelations)).write(d.graph)
        #expect(dot.contains("\"hungary\""))
    }

    @Test func egoNetworkAndReport() throws {
        let g = try SeedFixture.graph()
        let ego = try g.egoNetwork(of: "Hungary", depth: 1)
        #expect(Set(ego.entities.map(\.id)) == ["hungary", "purl", "nato", "united-states", "peter-szijjarto"])
        #expect(ego.relation(RelationKey(source: "united-states", kind: .member, target: "nato")) != nil, "edges among the ego's neighbours stay")
        let zero = try g.egoNetwork(of: "Hungary", depth: 0)
        #expect(zero.entities.map(\.id) == ["hungary"] && zero.relations.isEmpty)

        let r = try g.report(on: "Rutte")
        #expect(r.entity.id == "mark-rutte")
        #expect(r.roles.map(\.target) == ["nato"])
        let statements = try #require(r.outgoing.first { $0.kind == .statement })
        #expect(statements.relations.map(\.target).contains("russia"))
        var text = ""
        r.writeText(graph: g, to: &text)
        #expect(text.hasPrefix("Mark Rutte (person, id mark-rutte)\naliases: NATO Secretary General, NATO chief, Rutte, Secretary General\n"))
        #expect(text.contains("    → Russia\n"))
        let onlyRoles = try g.report(on: "NATO", kinds: [.role])
        #expect(onlyRoles.outgoing.isEmpty && onlyRoles.incoming.map(\.kind) == [.role])
        #expect(onlyRoles.incoming[0].relations.map(\.source) == ["jens-stoltenberg", "mark-rutte"])
    }
}
