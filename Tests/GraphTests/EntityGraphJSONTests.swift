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
