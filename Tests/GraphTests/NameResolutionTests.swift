import Testing
@testable import Graph

@Suite struct NameResolutionTests {
    /// Two presidents, a secretary general who followed another, a foreign minister.
    static func graph() throws -> EntityGraph {
        var g = EntityGraph()
        for (name, type) in [("NATO", EntityType.organization), ("France", .country), ("Russia", .country), ("Hungary", .country),
                             ("Mark Rutte", .person), ("Jens Stoltenberg", .person), ("Emmanuel Macron", .person),
                             ("Vladimir Putin", .person), ("Peter Szijjarto", .person)] {
            g.add(Entity(name: name, type: type, aliases: name == "NATO" ? ["North Atlantic Treaty Organization"] : []))
        }
        func role(_ who: String, _ title: String, _ place: String, from: String) throws {
            try g.add(Relation(source: who, kind: .role, target: place, attributes: ["title": title, "from": from]))
        }
        try role("mark-rutte", "Secretary General", "nato", from: "2024-10-01")
        try role("jens-stoltenberg", "Secretary General", "nato", from: "2014-10-01")
        try role("emmanuel-macron", "President", "france", from: "2017-05-14")
        try role("vladimir-putin", "President", "russia", from: "2012-05-07")
        try role("peter-szijjarto", "Foreign Minister", "hungary", from: "2014-09-23")
        return g
    }

    @Test func officesResolveToTheirLatestHolder() throws {
        let g = try Self.graph()
        for phrase in ["NATO Secretary General", "the Secretary General of NATO", "Secretary-General of the North Atlantic Treaty Organization",
                       "Secretary General", "NATO's Secretary General"] {
            #expect(g.entities[try g.resolve(phrase)].id == "mark-rutte", "\(phrase)")
        }
        #expect(g.entities[try g.resolve("Hungary's Foreign Minister")].id == "peter-szijjarto")
        #expect(g.entities[try g.resolve("President of Russia")].id == "vladimir-putin")
    }

    @Test func anOfficeHeldInSeveralPlacesListsItsHolders() throws {
        let g = try Self.graph()
        #expect(throws: QueryError.unknownEntity("President", suggestions: ["Emmanuel Macron", "Vladimir Putin"])) { try g.resolve("President") }
        #expect(throws: QueryError.self) { try g.resolve("Hungary Secretary General") }
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let g = try Self.graph()
        #expect(throws: QueryError.unknownEntity("Hungry", suggestions: ["Hungary"])) { try g.resolve("Hungry") }
        #expect(g.suggestions(for: "Rutte") == ["Mark Rutte"])
    }
}
