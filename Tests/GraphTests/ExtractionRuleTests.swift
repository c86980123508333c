import Foundation
import Testing
@testable import Graph

/// Rules on sentences of other wordings and other domains than the seeds.
@Suite struct ExtractionRuleTests {
    func triples(_ s: String) -> Set<String> { ExtractionFixture.triples(s) }

    @Test func climatePledgeWithAmount() {
        let x = ExtractionFixture.extractor.extract(documentID: "c.txt", text: "Germany pledged €500 million to the Green Climate Fund on Monday.")
        let r = x.graph.relations.first { $0.kind == .pledge && $0.source == "germany" }
        #expect(r != nil)
        #expect(r.map { x.graph.entity(id: $0.target)?.type } == .program)
        #expect(r?.amount == Amount(value: 500_000_000, currency: "EUR"))
    }

    @Test func anAmountSeveralGiversShareIsNoOnesAmount() {
        let x = ExtractionFixture.extractor.extract(documentID: "s.txt", text: "Canada and Norway will provide $1 billion to Ukraine. Japan pledged $300 million to Ukraine.")
        for giver in ["canada", "norway"] {
            let r = x.graph.relation(RelationKey(source: giver, kind: .pledge, target: "ukraine"))
            #expect(r != nil, "\(giver)")
            #expect(r?.amount == nil, "\(giver)")
            #expect(r?.attributes["shared_amount"] == "1,000,000,000 USD", "\(giver)")
        }
        let japan = x.graph.relation(RelationKey(source: "japan", kind: .pledge, target: "ukraine"))
        #expect(japan?.amount == Amount(value: 300_000_000, currency: "USD"))
        #expect(japan?.attributes["shared_amount"] == nil)
        let totals = (try? x.graph.pledges(PledgeQuery(to: "Ukraine")).totals) ?? []
        #expect(totals.map(\.value) == [300_000_000])
    }

    @Test func tradeDisputeOppositions() {
        #expect(triples("China condemned the tariffs imposed by Washington.").contains("opposition china united-states"))
        #expect(triples("The EU rejected Beijing's proposal to cap steel exports.").contains("opposition eu china"))
        #expect(triples("Japan and South Korea expressed concern over Chinese export controls.").isSuperset(of: ["opposition japan china", "opposition south-korea china"]))
    }

    @Test func negationHypotheticalAndNonEvents() {
        #expect(triples("Japan did not pledge any new funds to Ukraine.").filter { $0.hasPrefix("pledge") }.isEmpty)
        #expect(triples("Officials rejected the idea that Germany could stop providing aid to Ukraine.").filter { $0.hasPrefix("pledge") }.isEmpty)
        #expect(triples("Mark Rutte refrained from commenting on Russia.").isEmpty)
        #expect(triples("France and Spain met in Paris.").isEmpty)  // co-occurrence is no edge
    }

    @Test func undeliveredAndDelivered() {
        let x = ExtractionFixture.extractor.extract(documentID: "u.txt", text: "Reports said Britain hadn't delivered promised Storm Shadow missiles to Ukraine. Sweden delivered CV90 infantry fighting vehicles to Kyiv.")
        #expect(x.graph.relation(RelationKey(source: "united-kingdom", kind: .pledge, target: "ukraine"))?.status == .undelivered)
        #expect(x.graph.relation(RelationKey(source: "sweden", kind: .pledge, target: "ukraine"))?.status == .delivered)
    }

    @Test func giverListInTheNextSentence() {
        let t = triples("New air defence systems will be sent to Ukraine this winter. Canada, Norway and Poland are among the donors.")
        #expect(t.isSuperset(of: ["pledge canada ukraine", "pledge norway ukraine", "pledge poland ukraine"]))
    }

    @Test func titledUnknownPersonGetsRoleAndSurnameMerges() {
        let text = "Canadian Foreign Minister Jane Marlowe said Ottawa would send drones to Ukraine. Marlowe added that Russia must withdraw."
        let x = ExtractionFixture.extractor.extract(documentID: "p.txt", text: text)
        let people = x.graph.entities.filter { $0.type == .person }
        #expect(people.map(\.name) == ["Jane Marlowe"])
        #expect(x.graph.relation(RelationKey(source: "jane-marlowe", kind: .role, target: "canada"))?.attributes["title"] == "Foreign Minister")
        #expect(ExtractionFixture.triples(text).contains("statement jane-marlowe russia"))
    }

    @Test func acronymProgramAndReferenceBack() {
        let text = "Japan will provide 30 billion yen to the Loss and Damage Fund (LDF) over three years. The Netherlands also committed money to the fund."
        let x = ExtractionFixture.extractor.extract(documentID: "a.txt", text: text)
        let ldf = x.graph.entity(named: "LDF")
        #expect(ldf?.type == .program)
        #expect(x.graph.entity(named: "Loss and Damage Fund")?.id == ldf?.id)
        let t = ExtractionFixture.triples(text)
        #expect(t.contains("pledge japan \(ldf?.id ?? "?")"))
        #expect(t.contains("pledge netherlands \(ldf?.id ?? "?")"))
    }

    @Test func quotesBothSidesAndPronouns() {
        let t = triples("Emmanuel Macron met reporters. “Russia must stop,” he said. Macron stated, ‘We will help Ukraine.’")
        #expect(t.contains("statement emmanuel-macron russia"))
        #expect(t.contains("statement emmanuel-macron ukraine"))
        let h = triples("Rutte: ‘Russia Must Do More’, Says NATO Secretary General")
        #expect(h.contains("statement mark-rutte russia"))
    }

    @Test func amountsInManyWritings() throws {
        let p = AmountParser(lexicon: ExtractionFixture.extractor.compiled)
        func amount(_ s: String) -> Amount? {
            let tokens = ExtractionFixture.extractor.compiled.tokenize(s)
            return p.firstAmount(tokens, in: 0..<tokens.count)?.0
        }
        #expect(amount("$5 billion") == Amount(value: 5e9, currency: "USD"))
        #expect(amount("1 billion euros per month") == Amount(value: 1e9, currency: "EUR", period: "month"))
        #expect(amount("EUR6.5 billion") == Amount(value: 6.5e9, currency: "EUR"))
        #expect(amount("€2bn") == Amount(value: 2e9, currency: "EUR"))
        #expect(amount("£300 million a year") == Amount(value: 3e8, currency: "GBP", period: "year"))
        #expect(amount("20,000 soldiers") == nil)
    }
}

@Suite struct ExtractionMergeTests {
    @Test func sameRelationFromTwoArticlesIsOneEdgeAndAmountsConflict() {
        let docs = [
            SourceDocument(id: "a.txt", text: "Germany pledged €500 million to the Green Climate Fund."),
            SourceDocument(id: "b.txt", text: "Germany pledged $600 million to the Green Climate Fund, officials said."),
        ]
        let (g, report) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        let edges = g.relations.filter { $0.kind == .pledge && $0.source == "germany" }
        #expect(edges.count == 1)
        #expect(Set(edges.first?.evidence.map(\.document) ?? []) == ["a.txt", "b.txt"])
        let c = report.conflicts.first { $0.field == "amount" }
        #expect(c?.values == ["500000000 EUR", "600000000 USD"])
        #expect(c?.documents == ["a.txt", "b.txt"])
    }

    @Test func acronymExpansionsConflictAcrossDocuments() {
        let docs = [
            SourceDocument(id: "a.txt", text: "Allies fund the Baltic Drone Initiative (BDI) for Ukraine."),
            SourceDocument(id: "b.txt", text: "Canada joined the BDI (Border Defence Initiative) on Monday."),
        ]
        let (g, report) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        #expect(g.entities.filter { $0.id == "bdi" }.count == 1)
        let c = report.conflicts.first { $0.entity == "bdi" && $0.field == "expansion" }
        #expect(c?.values == ["Baltic Drone Initiative", "Border Defence Initiative"])
    }

    @Test func lexiconRolesAndMembershipsOnlyBetweenMentionedEntities() {
        let docs = [SourceDocument(id: "a.txt", text: "NATO Secretary General Mark Rutte said Poland would send drones to Ukraine.")]
        let (g, _) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        let role = g.relation(RelationKey(source: "mark-rutte", kind: .role, target: "nato"))
        #expect(role?.attributes["title"] == "Secretary General")
        #expect(g.relation(RelationKey(source: "poland", kind: .member, target: "nato"))?.attributes["source"] == "lexicon")
        #expect(g.entity(id: "netherlands") == nil)  // Rutte's former office is not pulled in
        #expect(g.relations.allSatisfy { !$0.evidence.isEmpty })
    }
}

@Suite struct ExtractionDateTests {
    @Test func articleDatesAndRolesValidThen() {
        #expect(ArticleDate.find(in: "Brussels, December 3, 2025 — NATO") == "2025-12-03")
        #expect(ArticleDate.find(in: "Published 3 March 2023\nText") == "2023-03-03")
        #expect(ArticleDate.find(in: "2024-06-01 report") == "2024-06-01")
        #expect(ArticleDate.find(in: "May the alliance hold.") == nil)
        // in 2023 the Secretary General is Jens Stoltenberg, not Mark Rutte
        let x = ExtractionFixture.extractor.extract(documentID: "d.txt", text: "March 3, 2023\nThe NATO Secretary General said Russia must withdraw.")
        #expect(x.graph.relations.contains { $0.kind == .statement && $0.source == "jens-stoltenberg" && $0.target == "russia" })
    }
}

@Suite struct ExtractionCoreferenceTests {
    @Test func lexiconSurnameAndSpeechClauses() {
        let t = ExtractionFixture.triples("Petr Pavel said hello.\nPavel said the three countries would contribute €450 million to Ukraine. Germany said it would send tanks to Ukraine.")
        #expect(t.contains("statement petr-pavel ukraine"))
        #expect(!t.contains("pledge petr-pavel ukraine"))
        #expect(t.contains("pledge germany ukraine"))
    }
}
