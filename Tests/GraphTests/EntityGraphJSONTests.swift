import Foundation
import Testing
@testable import Graph

@Suite struct EntityGraphJSONTests {
    static func sample() throws -> EntityGraph {
        var g = EntityGraph()
        g.add(Entity(name: "NATO", type: .organization, aliases: ["the alliance", "North Atlantic Treaty Organization"]))
        g.add(Entity(name: "Ukraine", type: .country, aliases: ["Kyiv"]))
        g.add(Entity(name: "Péter Szijjártó", type: .person, aliases: ["Siyarto"]))
        let ev = Evidence(document: "a.txt", start: 3, end: 10, text: "NATO pledged \"aid\" to Kyiv.")
        try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine", evidence: [ev],
                           amount: Amount(value: 1_000_000_000, currency: "EUR", period: "month"), items: ["arms"], status: .pledged))
        try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine",
                           evidence: [Evidence(document: "b.txt", start: 0, end: 4, text: "More.")]))
        g.add(Document(id: "a.txt", title: "A", sha256: "00"))
        return g
    }

    @Test func oneEdgePerKeyAccumulatesEvidence() throws {
        let g = try Self.sample()
        #expect(g.relationCount == 1)
        #expect(g.relations[0].evidence.map(\.document) == ["a.txt", "b.txt"])
    }

    @Test func aliasLookupFoldsCaseDiacriticsAndArticle() throws {
        let g = try Self.sample()
        #expect(g.entity(named: "The Alliance")?.id == "nato")
        #expect(g.entity(named: "Peter Szijjarto")?.id == "peter-szijjarto")
        #expect(g.entity(named: "kyiv")?.id == "ukraine")
        #expect(g.entity(named: "Kremlin") == nil)
    }

    @Test func roundTripIsByteIdentical() throws {
        let g = try Self.sample()
        let data = g.jsonData()
        let back = try EntityGraph(jsonData: data)
        #expect(back == g)
        #expect(back.jsonData() == data)
    }

    @Test func danglingEdgeIsRefused() {
        let json = #"{"directed":true,"multigraph":true,"graph":{},"nodes":[{"id":"a","type":"country"}],"edges":[{"source":"a","target":"b","kind":"pledge"}]}"#
        #expect(throws: GraphError.self) { try EntityGraph(jsonData: Data(json.utf8)) }
    }

    @Test func malformedJSONHasLineAndColumn() {
        let json = "{\n  \"nodes\": [\n    {\"id\": \"a\",, }\n  ]\n}"
        do {
            _ = try EntityGraph(jsonData: Data(json.utf8), file: "g.json")
            Issue.record("expected an error")
        } catch let GraphError.malformedJSON(_, line, column, _) {
            #expect(line == 3)
            #expect(column == 16)
        } catch { Issue.record("wrong error \(error)") }
    }
}

@Suite struct NodeLinkReaderTests {
    @Test func readsEscapesUnknownKeysLinksAndNumbers() throws {
        let json = #"""
        {"graph": {"name": "x", "nested": {"a": [1, {"b": null}], "c": "\"}"}}, "extra": [[[]]],
         "nodes": [{"id": "a\u00e9\ud83d\ude00", "type": "country", "label": "A \"q\" \\ \n/", "x": {"y": [true, false]}},
                   {"id": "b", "type": "program", "label": null}],
         "links": [{"source": "a\u00e9\ud83d\ude00", "target": "b", "kind": "pledge", "weight": 1.5e3,
                    "amount": {"value": 6.5e9, "currency": "EUR", "period": null},
                    "evidence": [{"document": "d", "start": 0, "end": -0, "text": "t\t"}]}]}
        """#
        let g = try EntityGraph(jsonData: Data(json.utf8))
        let a = try #require(g.entity(id: "aé😀"))
        #expect(a.name == "A \"q\" \\ \n/")
        #expect(g.entity(id: "b")?.name == "b")
        let r = try #require(g.relation(RelationKey(source: "aé😀", kind: .pledge, target: "b")))
        #expect(r.amount == Amount(value: 6.5e9, currency: "EUR"))
        #expect(r.evidence == [Evidence(document: "d", start: 0, end: 0, text: "t\t")])
    }

    @Test func wrongTypesNameTheirPath() {
        let cases: [(String, String)] = [
            (#"{"nodes": [{"id": 3, "type": "country"}]}"#, "nodes[0].id"),
            (#"{"nodes": {}}"#, "nodes"),
            (#"{"edges": []}"#, "missing field 'nodes'"),
            (#"{"nodes": [{"id": "a", "type": "country"}], "edges": [{"source": "a", "target": "a", "kind": "role", "evidence": [{"document": "d"}]}]}"#, "edges[0].evidence[0]"),
        ]
        for (json, fragment) in cases {
            do {
                _ = try EntityGraph(jsonData: Data(json.utf8), file: "g.json")
                Issue.record("accepted \(json)")
            } catch let GraphError.malformedJSON(_, _, _, reason) {
                #expect(reason.contains(fragment), "\(reason)")
            } catch { Issue.record("wrong error \(error)") }
        }
    }

    @Test func hostileStringsRoundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "é", "😀", "\u{2028}", "a", " ", "/", "{", "]", ":"]
        for _ in 0..<50 {
            let name = String((0..<Int.random(in: 1...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            var g = EntityGraph()
            g.add(Entity(id: "x" + name, name: name, type: .person, aliases: [name + "!"], attributes: ["k": name]))
            g.add(Entity(id: "y", name: "Y", type: .country))
            try g.add(Relation(source: "x" + name, kind: .statement, target: "y",
                               evidence: [Evidence(document: name, start: 1, end: 2, text: name)], quote: name))
            let back = try EntityGraph(jsonData: g.jsonData())
            #expect(back == g, "\(name.debugDescription)")
        }
    }

    @Test func edgesBeforeOrAfterNodesReadTheSame() throws {
        let nodes = #""nodes": [{"id": "a", "type": "country"}, {"id": "b", "type": "program"}]"#
        let edges = #""edges": [{"source": "a", "target": "b", "kind": "pledge", "items": ["x]", "{y"]}, {"source": "b", "target": "a", "kind": "opposition", "quote": "\"]},"}]"#
        let before = try EntityGraph(jsonData: Data("{\(edges), \(nodes)}".utf8))
        let after = try EntityGraph(jsonData: Data("{\(nodes), \(edges)}".utf8))
        #expect(before == after)
        #expect(before.relationCount == 2)
        #expect(before.relation(RelationKey(source: "b", kind: .opposition, target: "a"))?.quote == "\"]},")
        #expect(before.relation(RelationKey(source: "a", kind: .pledge, target: "b"))?.items == ["x]", "{y"])
    }

    @Test func emptyAndNullEdgeArrays() throws {
        for edges in ["[]", "[ ]", "null"] {
            let g = try EntityGraph(jsonData: Data(#"{"edges": \#(edges), "nodes": [{"id": "a", "type": "country"}]}"#.utf8))
            #expect(g.relationCount == 0 && g.entityCount == 1, "\(edges)")
        }
    }

    @Test func malformedEdgeArraysAreErrorsNotCrashes() {
        let broken = [
            #"{"edges": [{"source": "a", "target": "a", "kind": "role"},], "nodes": [{"id": "a", "type": "country"}]}"#,
            #"{"edges": [{"source": "a" "target": "a"}], "nodes": []}"#,
            #"{"edges": [{"source": "a", "target": "a", "kind": "role"}}, "nodes": []}"#,
            #"{"edges": ["unterminated], "nodes": []}"#,
            #"{"edges": [1 2], "nodes": []}"#,
            #"{"edges": [{"source": "a\"#,
        ]
        for json in broken {
            #expect(throws: GraphError.self, "\(json)") { try EntityGraph(jsonData: Data(json.utf8)) }
        }
    }

    @Test func endpointsFollowEntityIndices() throws {
        let g = try EntityGraph(jsonData: EntityGraphJSONTests.sample().jsonData())
        for (i, r) in g.relations.enumerated() {
            let ends = g.endpoints(ofRelation: i)
            #expect(g.entities[ends.source].id == r.source)
            #expect(g.entities[ends.target].id == r.target)
        }
    }
}

@Suite struct AliasKeyTests {
    @Test func asciiFastPathAgreesWithFoundationFolding() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["The ", "the ", "THE ", "U.S.", "NATO's", "s'", "'S", "-", "_", " ", "\t", "\r\n", "\u{0B}", "\u{1C}",
                      "a", "Z", "kyiv", "'", ".", "0", "~", "Rutte", "\u{7F}", "\u{1}"]
        for _ in 0 ..< 2000 {
            let n = Int(rng.next() % 7)
            let name = (0 ..< n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(AliasKey.normalizeASCII(name) == AliasKey.normalizeFolding(name), "\(name.debugDescription)")
        }
        #expect(AliasKey.normalizeASCII("Kyïv") == nil)
        #expect(AliasKey.normalize("The U.S.'s") == "us")
    }
}

/// Aliases that arrive over several merges are indexed as they come: a name's key points at
/// the entity that carried it first, as when every name is indexed again after each merge.
@Suite struct AliasIndexTests {
    @Test(arguments: 0..<8) func incrementalIndexMatchesReindexingEverything(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let names = ["NATO", "the Alliance", "Kyiv", "Ukraine", "Kiev", "U.S.", "United States", "Washington", "EU",
                     "European Union", "Brussels", "Rutte", "Mark Rutte", "Zelensky", "Zelenskyy", "PURL"]
        var graph = EntityGraph()
        var reference: [String: String] = [:]  // alias key → entity id
        for _ in 0..<60 {
            let id = "e\(rng.below(6))"
            let aliases = (0..<rng.below(4)).map { _ in names[rng.below(names.count)] }
            graph.add(Entity(id: id, name: "Name \(id)", type: .organization, aliases: aliases))
            let e = graph.entity(id: id)!
            for name in [e.name, e.id] + e.aliases {
                let key = AliasKey.normalize(name)
                if reference[key] == nil { reference[key] = id }
            }
        }
        #expect(reference.count > 10)
        for name in names + ["nato", "the alliance", "e3", "Name e1", "unknown"] {
            let expected = reference[AliasKey.normalize(name)] ?? graph.entity(id: name)?.id
            #expect(graph.entity(named: name)?.id == expected, "\(name)")
        }
    }
}

@Suite struct DocumentLookupTests {
    @Test func documentsWithIDsAreTheRecordedOnesInIDOrder() {
        var g = EntityGraph()
        for id in ["c.txt", "a.txt", "e.txt", "b.txt"] { g.add(Document(id: id, title: id.uppercased(), sha256: "00")) }
        #expect(g.documents(withIDs: ["e.txt", "a.txt", "zz.txt", "b.txt"]).map(\.id) == ["a.txt", "b.txt", "e.txt"])
        #expect(g.documents(withIDs: ["c.txt"]).map(\.title) == ["C.TXT"])
        #expect(g.documents(withIDs: ["0.txt", "d.txt", "f.txt"]).isEmpty)
        #expect(EntityGraph().documents(withIDs: ["a.txt"]).isEmpty)
        let all = Set(g.documents.map(\.id))
        #expect(g.documents(withIDs: all) == g.documents)
    }
}
