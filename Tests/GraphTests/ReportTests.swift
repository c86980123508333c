import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Graph

@Suite struct ReportTests {
    /// A small graph with hostile names, a conflict, a role, and pledges to sum.
    static func graph() throws -> EntityGraph {
        var g = try EntityGraphGraphMLTests.hostile()
        g.add(Entity(name: "Canada", type: .country))
        g.add(Entity(name: "Mark Rutte", type: .person, aliases: ["Rutte"]))
        g.add(Entity(name: "PURL", type: .program))
        let ev = Evidence(document: "a.txt", start: 0, end: 20, text: "Canada pledged $2 billion to Ukraine.")
        try g.add(Relation(source: "canada", kind: .pledge, target: "ukraine", evidence: [ev],
                           amount: Amount(value: 2e9, currency: "EUR", period: "month")))
        try g.add(Relation(source: "mark-rutte", kind: .role, target: "nato", evidence: [ev], attributes: ["title": "Secretary General"]))
        try g.add(Relation(source: "mark-rutte", kind: .statement, target: "ukraine", evidence: [ev], quote: "We stand <with> Ukraine & more"))
        g.add(Conflict(entity: "purl", field: "expansion", values: ["Prioritised Ukraine Requirements List", "Partnership for Ukraine's Reform"], documents: ["a.txt", "b.txt"]))
        g.add(Document(id: "b.txt", title: "B & <b>", sha256: "ff"))
        return g
    }

    @Test func htmlIsWellFormedSelfContainedAndLinked() throws {
        let g = try Self.graph()
        let html = try HTMLReport(graph: g).render()
        let doc = try XMLDocument(data: Data(html.utf8), options: [])
        // One <svg> per diagram: the overview plus an ego diagram per connected entity.
        let svgs = try doc.nodes(forXPath: "//*[local-name()='svg']")
        let connected = Set(g.relations.flatMap { [$0.source, $0.target] }).count
        #expect(svgs.count == 1 + connected)
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
        // Element ids are unique across all inline SVGs.
        let ids = try doc.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        // Every in-page link resolves; no link leaves the page.
        let hrefs = try doc.nodes(forXPath: "//@href | //@*[local-name()='href']").compactMap(\.stringValue)
        #expect(!hrefs.isEmpty)
        for h in hrefs {
            #expect(h.hasPrefix("#"), "external link \(h)")
            #expect(ids.contains(String(h.dropFirst())), "dangling link \(h)")
        }
        // Each entity has its section, each node links to it.
        for e in g.entities { #expect(ids.contains("entity-\(e.id)")) }
        #expect(html.contains("&lt;AT&amp;T&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    @Test func pledgeTotalsOnlyAddLikeAmounts() throws {
        var g = try Self.graph()
        g.add(Entity(name: "Norway", type: .country))
        try g.add(Relation(source: "norway", kind: .pledge, target: "ukraine",
                           amount: Amount(value: 1e9, currency: "EUR", period: "month")))
        g.add(Entity(name: "Poland", type: .country))
        try g.add(Relation(source: "poland", kind: .pledge, target: "ukraine", amount: Amount(value: 5e8, currency: "USD")))
        let content = try ReportContent(graph: g, options: ReportOptions())
        let ukraine = content.totals.filter { $0.recipient.id == "ukraine" }
        #expect(ukraine.count == 2) // NATO's, Canada's and Norway's €/month share one bucket; Poland's one-off USD is apart
        let month = try #require(ukraine.first { $0.currency == "EUR" && $0.period == "month" })
        #expect(month.value == 4e9)
        #expect(month.count == 3)
    }

    @Test func focusDrawsANeighbourhoodAndUnknownFocusSuggests() throws {
        let g = try Self.graph()
        let c = try ReportContent(graph: g, options: ReportOptions(focus: "Canada", depth: 1))
        #expect(Set(c.graph.entities.map(\.id)) == ["canada", "ukraine"])
        #expect(throws: QueryError.unknownEntity("Canda", suggestions: ["Canada"])) {
            try ReportContent(graph: g, options: ReportOptions(focus: "Canda"))
        }
    }

    @Test func markdownLinksItsSVGFiles() throws {
        let g = try Self.graph()
        let out = try MarkdownReport(graph: g, assetFolder: "r-files").render()
        #expect(out.markdown.contains("![Overview](r-files/overview.svg)"))
        #expect(out.assets.count == 1 + Set(g.relations.flatMap { [$0.source, $0.target] }).count)
        for a in out.assets {
            #expect(out.markdown.contains("(\(a.path))"))
            #expect(String(decoding: a.data, as: UTF8.self).contains("<svg"))
        }
        #expect(out.markdown.contains("\\<AT&T\\>"))
    }

    @Test func emptyGraphStillGivesAPage() throws {
        let html = try HTMLReport(graph: EntityGraph()).render()
        let doc = try XMLDocument(data: Data(html.utf8), options: [])
        #expect(try doc.nodes(forXPath: "//*[local-name()='svg']").isEmpty)
        #expect(html.contains("No pledges in the graph."))
    }
}
