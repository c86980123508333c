import Foundation
import Testing
@testable import Graph

@Suite struct PatternMatcherTests {
    func names(_ r: PatternResult) -> [[String]] {
        r.rows.map { $0.map { v in
            switch v {
            case let .entity(e): e.id
            case let .relations(rs): rs.map { "\($0.source)-\($0.kind.rawValue)->\($0.target)" }.joined(separator: ",")
            }
        } }
    }

    @Test func countriesPledgingToPrograms() throws {
        let g = try SeedFixture.graph()
        let r = try g.match("(c:country)-[:pledge]->(p:program)")
        #expect(r.columns == ["c", "p"])
        #expect(names(r) == [["canada", "purl"], ["germany", "purl"], ["netherlands", "purl"], ["norway", "purl"], ["poland", "purl"]])
        #expect(!r.truncated)
    }

    @Test func whatRutteSaidAboutRussia() throws {
        let g = try SeedFixture.graph()
        let r = try g.match(#"(a {name: "NATO Secretary General"})-[s:statement]->(b {name: "the Kremlin"}) RETURN s"#)
        #expect(r.rows.count == 1)
        guard case let .relations(rs) = r.rows[0][0] else { Issue.record("not a relation"); return }
        #expect(rs.map(\.key) == [RelationKey(source: "mark-rutte", kind: .statement, target: "russia")])
        #expect(rs[0].evidence.contains { $0.text.hasPrefix("NATO Secretary General Mark Rutte stated that Russia is not making") })
    }

    @Test func variableLengthUndirectedFromHungary() throws {
        let g = try SeedFixture.graph()
        let r = try g.match(#"(a {name:"Hungary"})-[r:opposition|pledge*1..3]-(b {name: "Ukraine"}) RETURN r"#)
        #expect(names(r) == ["canada", "germany", "netherlands", "norway", "poland"].map {
            ["hungary-opposition->purl,\($0)-pledge->purl,\($0)-pledge->ukraine"]
        })
        let one = try g.match(#"(a {name:"Hungary"})-[r:opposition|pledge*1..3]-(b {name: "Ukraine"}) RETURN r LIMIT 1"#)
        #expect(one.rows.count == 1)
        var text = ""
        one.writeText(graph: g, to: &text)
        #expect(text.contains("Hungary —opposition→ PURL, Canada —pledge→ PURL, Canada —pledge→ Ukraine"))
        #expect(text.contains("evidence\n  Hungary —opposition→ PURL\n    “On December 3"))
    }

    @Test func incomingAndEitherDirections() throws {
        let g = try SeedFixture.graph()
        let incoming = try g.match(#"(h {id: "hungary"})<-[:opposition]-(x) RETURN x"#)
        #expect(names(incoming) == [["united-states"]])
        let outgoing = try g.match(#"(h {id: "hungary"})-[:opposition]->(x) RETURN x"#)
        #expect(names(outgoing) == [["purl"]])
        let either = try g.match(#"(h {id: "hungary"})-[:opposition]-(x) RETURN x"#)
        #expect(names(either) == [["purl"], ["united-states"]])
    }

    @Test func anchorInTheMiddleAndRepeatedVariables() throws {
        let g = try SeedFixture.graph()
        // Anchor is the pinned PURL in the middle; both sides extend from it.
        let r = try g.match(#"(c:country)-[:pledge]->(p {name: "PURL"})<-[:opposition]-(h:country) RETURN c, h"#)
        #expect(names(r).map { $0[1] } == Array(repeating: "hungary", count: 5))
        // A repeated variable is the same entity: who pledges to a program and to a country
        // that also pledges to that program — nobody, since Ukraine pledges nothing.
        let shared = try g.match("(c:country)-[:pledge]->(p:program)<-[:pledge]-(d:country)-[:pledge]->(c)")
        #expect(shared.rows.isEmpty)
        let same = try g.match("(c:country)-[:pledge]->(u {id: \"ukraine\"})<-[:pledge]-(c) RETURN c")
        #expect(same.rows.isEmpty, "c is one entity and the pledge edge cannot be used twice")
        let cycle = try g.match("(a:country)-[:member]->(n:organization)<-[:member]-(a)")
        #expect(cycle.rows.isEmpty, "the same member edge cannot be used twice in one match")
    }

    @Test func labelsAndLimitAndDefaultColumns() throws {
        let g = try SeedFixture.graph()
        let r = try g.match("(p:person)-[:role]->(o:organization|country) LIMIT 3")
        #expect(r.columns == ["p", "o"])
        #expect(names(r) == [["andrii-sybiha", "ukraine"], ["donald-trump", "united-states"], ["emmanuel-macron", "france"]])
        let anonymous = try g.match("(:program)<-[:opposition]-(:country)")
        #expect(anonymous.columns == ["node1", "node2"])
        #expect(names(anonymous) == [["30-day-ceasefire", "russia"], ["purl", "hungary"]])
    }

    @Test func maxMatchesTruncates() throws {
        let g = try SeedFixture.graph()
        let r = try g.match("(a)-[*1..2]-(b)", maxMatches: 10)
        #expect(r.rows.count == 10 && r.truncated)
    }

    @Test func semanticErrors() throws {
        let g = try SeedFixture.graph()
        #expect(throws: QueryError.semantic(message: "RETURN of unknown variable 'x'", pattern: "(a) RETURN x", column: 12)) {
            try g.match("(a) RETURN x")
        }
        #expect(throws: QueryError.self) { try g.match("(a)-[a]->(b)") }
        #expect(throws: QueryError.self) { try g.match("(a)-[r]->(b)-[r]->(c)") }
        #expect(throws: QueryError.unknownEntity("Hungray", suggestions: ["Hungary"])) { try g.match(#"(a {name: "Hungray"})"#) }
        #expect(throws: QueryError.unknownEntity("hungry", suggestions: ["Hungary"])) { try g.match(#"(a {id: "hungry"})"#) }
        #expect(try g.match(#"(a {name: "Hungary", id: "poland"})"#).rows.isEmpty)
    }

    @Test func jsonRows() throws {
        let g = try SeedFixture.graph()
        var json = ""
        try g.match(#"(c:country)-[r:pledge]->(p {id: "purl"}) RETURN c, r LIMIT 1"#).writeJSON(to: &json)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(obj["columns"] as? [String] == ["c", "r"])
        let row = try #require((obj["rows"] as? [[String: Any]])?.first)
        #expect((row["c"] as? [String: Any])?["id"] as? String == "canada")
        let rel = try #require((row["r"] as? [[String: Any]])?.first)
        #expect(rel["kind"] as? String == "pledge")
        #expect((rel["evidence"] as? [Any])?.count == 1)
    }
}
