import Foundation
import Testing
@testable import Graph

@Suite struct EntityGraphDateFilterTests {
    /// Three documents (May, June, undated), an edge from each, one edge supported by May and
    /// June, an entity without edges, and a conflict between May and June.
    static func graph() throws -> EntityGraph {
        var g = EntityGraph()
        for (id, date) in [("may.txt", "2025-05-31"), ("june.txt", "2025-06-01T09:00:00Z"), ("undated.txt", nil)] {
            g.add(Document(id: id, title: id, sha256: String(repeating: "0", count: 64), date: date))
        }
        for (id, type) in [("nato", EntityType.organization), ("ukraine", .country), ("russia", .country),
                           ("germany", .country), ("lonely", .person)] {
            g.add(Entity(id: id, name: id.capitalized, type: type))
        }
        func ev(_ doc: String) -> Evidence { Evidence(document: doc, start: 0, end: 3, text: "\(doc) says so.") }
        try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine", evidence: [ev("may.txt"), ev("june.txt")],
                           amount: Amount(value: 5, currency: "EUR", period: nil)))
        try g.add(Relation(source: "russia", kind: .opposition, target: "nato", evidence: [ev("may.txt")]))
        try g.add(Relation(source: "germany", kind: .member, target: "nato", evidence: [ev("undated.txt")]))
        g.add(Conflict(entity: "nato|pledge|ukraine", field: "amount", values: ["5 EUR", "6 EUR"], documents: ["may.txt", "june.txt"]))
        g.add(Conflict(entity: "nato", field: "expansion", values: ["A", "B", "C"], documents: ["may.txt", "june.txt", "undated.txt"]))
        return g
    }

    @Test func keepsOnlyEvidenceFromDocumentsInRangeAndWhatItSupports() throws {
        let june = try Self.graph().filtered(documentsFrom: "2025-06-01", through: "2025-06-30")
        #expect(june.documents.map(\.id) == ["june.txt"], "the day of a timestamp counts; undated documents are out")
        #expect(june.relations.map(\.key) == [RelationKey(source: "nato", kind: .pledge, target: "ukraine")])
        #expect(june.relations[0].evidence.map(\.document) == ["june.txt"])
        #expect(june.relations[0].amount?.value == 5, "attributes stay")
        #expect(june.sortedEntities.map(\.id) == ["nato", "ukraine"], "entities without a kept edge go, lonely ones too")
        #expect(june.conflicts.isEmpty, "one value left is no conflict")
    }

    @Test func boundsAreInclusiveAndEitherMayBeLeftOut() throws {
        let g = try Self.graph()
        #expect(try g.filtered(documentsFrom: "2025-05-31", through: "2025-06-01").documents.map(\.id) == ["june.txt", "may.txt"])
        #expect(try g.filtered(documentsFrom: nil, through: "2025-05-31").documents.map(\.id) == ["may.txt"])
        #expect(try g.filtered(documentsFrom: "2025-06-02", through: nil).entityCount == 0)
        #expect(try g.filtered(documentsFrom: "2025-06-30", through: "2025-06-01").relationCount == 0, "an inverted range holds nothing")
        let spring = try g.filtered(documentsFrom: "2025-01-01", through: "2025-12-31")
        #expect(spring.relationCount == 2)
        #expect(spring.conflicts.map(\.field) == ["expansion", "amount"], "sorted by entity: nato, then nato|pledge|ukraine")
        #expect(spring.conflicts.first { $0.field == "expansion" }?.documents == ["may.txt", "june.txt"])
    }

    @Test func noBoundIsTheWholeGraph() throws {
        let g = try Self.graph()
        #expect(try g.filtered(documentsFrom: nil, through: nil) == g)
        #expect(try g.filtered(documentsFrom: nil, through: nil).entity(id: "lonely") != nil)
    }

    @Test func malformedBoundsAreRejected() throws {
        let g = try Self.graph()
        for bad in ["2025-6-01", "2025-13-01", "2025-06-32", "June 1", "", "2025-06-01T00:00"] {
            #expect(throws: GraphError.invalidDate(bad)) { try g.filtered(documentsFrom: bad, through: nil) }
            #expect(throws: GraphError.invalidDate(bad)) { try g.filtered(documentsFrom: nil, through: bad) }
        }
        #expect(GraphError.invalidDate("x").category == .usage)
    }
}
