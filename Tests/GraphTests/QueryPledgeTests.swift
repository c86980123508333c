import Foundation
import Testing
@testable import Graph

@Suite struct QueryPledgeTests {
    @Test func whoPledgedToPURL() throws {
        let g = try SeedFixture.graph()
        let r = try g.pledges(PledgeQuery(to: "Prioritised Ukraine Requirements List"))
        #expect(r.rows.map(\.giver.name) == ["Canada", "Germany", "Netherlands", "Norway", "Poland"])
        #expect(r.rows.allSatisfy { $0.recipient.id == "purl" && $0.documents == ["004_012cbf4faaa37c39.txt"] })
        #expect(r.totals.isEmpty)
    }

    @Test func natoPledgesAMonthlyBillionToUkraine() throws {
        let g = try SeedFixture.graph()
        let r = try g.pledges(PledgeQuery(from: "the alliance", to: "Kyiv"))
        let row = try #require(r.rows.first)
        #expect(r.rows.count == 1)
        #expect(row.relation.amount == Amount(value: 1_000_000_000, currency: "EUR", period: "month"))
        #expect(row.relation.items == ["U.S.-manufactured arms"])
        #expect(r.totals == [PledgeTotal(recipient: row.recipient, currency: "EUR", period: "month", value: 1_000_000_000, count: 1)])
        var text = ""
        r.writeText(to: &text)
        #expect(text.contains("1,000,000,000 EUR per month"))
        #expect(text.contains("He revealed that NATO member states plan to allocate 1 billion euros per month"))
    }

    @Test func undeliveredPledgeKeepsItsStatus() throws {
        let g = try SeedFixture.graph()
        let r = try g.pledges(PledgeQuery(from: "UK"))
        #expect(r.rows.map(\.relation.status) == [.undelivered])
        #expect(r.rows.first?.relation.items == ["Storm Shadow cruise missiles"])
    }

    static func mixedAmounts() throws -> EntityGraph {
        var g = EntityGraph()
        for (n, t) in [("A", EntityType.country), ("B", .country), ("C", .country), ("X", .country)] { g.add(Entity(name: n, type: t)) }
        try g.add(Relation(source: "a", kind: .pledge, target: "x", amount: Amount(value: 100, currency: "EUR", period: "month")))
        try g.add(Relation(source: "b", kind: .pledge, target: "x", amount: Amount(value: 50, currency: "EUR", period: "month")))
        try g.add(Relation(source: "c", kind: .pledge, target: "x", amount: Amount(value: 1000, currency: "EUR")))
        try g.add(Relation(source: "a", kind: .pledge, target: "b", amount: Amount(value: 7, currency: "USD"), items: ["tanks, \"old\""]))
        try g.add(Relation(source: "b", kind: .pledge, target: "a", amount: Amount(value: 8, currency: "EUR")))
        try g.add(Relation(source: "c", kind: .pledge, target: "b", amount: Amount(value: 2, currency: "USD")))
        try g.add(Relation(source: "c", kind: .pledge, target: "a"))
        return g
    }

    @Test func totalsOnlyWithinOneCurrencyAndPeriod() throws {
        let r = try Self.mixedAmounts().pledges()
        let x = r.totals.filter { $0.recipient.id == "x" }
        #expect(x.map(\.value) == [1000, 150], "one-off and monthly amounts stay apart")
        #expect(x.map(\.period) == [nil, "month"])
        #expect(x.map(\.count) == [1, 2])
        let b = r.totals.filter { $0.recipient.id == "b" }
        #expect(b.map(\.value) == [9] && b.map(\.currency) == ["USD"])
        let a = r.totals.filter { $0.recipient.id == "a" }
        #expect(a.map(\.value) == [8], "a pledge without amount adds nothing")
    }

    @Test func csvQuotesFields() throws {
        var csv = ""
        try Self.mixedAmounts().pledges(PledgeQuery(from: "A", to: "B")).writeCSV(to: &csv)
        #expect(csv == "giver,recipient,amount,currency,period,items,status,documents\na,b,7,USD,,\"tanks, \"\"old\"\"\",,\n")
    }

    @Test func jsonHasRowsAndTotals() throws {
        var json = ""
        try Self.mixedAmounts().pledges(PledgeQuery(to: "X")).writeJSON(to: &json)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((obj["pledges"] as? [Any])?.count == 3)
        #expect((obj["totals"] as? [Any])?.count == 2)
    }

    @Test func unknownGiverSuggests() throws {
        let g = try SeedFixture.graph()
        #expect(throws: QueryError.unknownEntity("Germny", suggestions: ["Germany"])) { try g.pledges(PledgeQuery(from: "Germny")) }
    }
}
