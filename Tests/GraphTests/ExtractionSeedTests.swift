import Foundation
import Testing
@testable import Graph

/// What a careful reader puts in the graph for each seed article (ANNOTATION.md).
@Suite struct ExtractionSeedTests {
    @Test func seed000PressureAndGiverList() throws {
        let s = try ExtractionFixture.seed("000")
        let t = ExtractionFixture.triples(s.text, id: s.id)
        for giver in ["canada", "germany", "norway", "poland"] { #expect(t.contains("pledge \(giver) ukraine")) }
        #expect(t.contains("opposition nato russia"))  // "the alliance's commitment to maintaining pressure on Moscow"
        #expect(t.contains("statement mark-rutte nato"))
        #expect(t.contains("statement mark-rutte ukraine"))
        #expect(!t.contains { $0.hasPrefix("pledge") && $0.hasSuffix(" nato") })
    }

    @Test func seed001UndeliveredAndItems() throws {
        let s = try ExtractionFixture.seed("001")
        let x = ExtractionFixture.extractor.extract(documentID: s.id, text: s.text)
        let uk = x.graph.relation(RelationKey(source: "united-kingdom", kind: .pledge, target: "ukraine"))
        #expect(uk?.status == .undelivered)
        #expect(uk?.items.contains("Storm Shadow cruise missiles") == true)
        let fr = x.graph.relation(RelationKey(source: "france", kind: .pledge, target: "ukraine"))
        #expect(fr?.items.contains("Mirage fighter jets") == true)
        let t = ExtractionFixture.triples(s.text, id: s.id)
        #expect(t.contains("statement emmanuel-macron ukraine"))
        #expect(t.contains("statement mark-rutte france"))
    }

    @Test func seed002ReportedSpeechAndCounter() throws {
        let s = try ExtractionFixture.seed("002")
        let t = ExtractionFixture.triples(s.text, id: s.id)
        #expect(t.contains("statement united-states russia"))
        #expect(t.contains("opposition united-states russia"))
        #expect(t.contains("opposition nato russia"))
        #expect(t.contains("statement mark-rutte russia"))
    }

    @Test func seed003RefusalTargetsTheMechanism() throws {
        let s = try ExtractionFixture.seed("003")
        let x = ExtractionFixture.extractor.extract(documentID: s.id, text: s.text)
        let t = ExtractionFixture.triples(s.text, id: s.id)
        #expect(t.contains("opposition hungary purl"))
        #expect(t.contains("opposition united-states hungary"))
        #expect(t.contains("statement jens-stoltenberg nato"))
        let nato = x.graph.relation(RelationKey(source: "nato", kind: .pledge, target: "ukraine"))
        #expect(nato?.amount == Amount(value: 1_000_000_000, currency: "EUR", period: "month"))
        #expect(x.graph.entity(named: "Peter Siyarto")?.id == "peter-szijjarto")
    }

    @Test func seed004GiversAfterIncludingAndHypothetical() throws {
        let s = try ExtractionFixture.seed("004")
        let x = ExtractionFixture.extractor.extract(documentID: s.id, text: s.text)
        let t = ExtractionFixture.triples(s.text, id: s.id)
        for giver in ["canada", "germany", "netherlands", "norway", "poland"] {
            #expect(t.contains("pledge \(giver) ukraine"))
            #expect(t.contains("pledge \(giver) purl"))
        }
        #expect(t.contains("statement mark-rutte purl"))
        #expect(t.contains("opposition nato russia"))
        // "Foreign Minister Sybiha briefed us on … Ukraine's urgent requirements"
        let sybiha = x.graph.entities.first { $0.name.contains("Sybiha") }
        #expect(sybiha != nil)
        if let sybiha { #expect(t.contains("statement \(sybiha.id) ukraine")) }
        #expect(x.graph.entities.filter { $0.name.contains("Kallas") }.count == 1)
    }

    @Test func seedsBuildWithConflictAndVerbatimEvidence() throws {
        let dir = ExtractionFixture.repoRoot.appendingPathComponent("seeds")
        let (docs, warnings) = try BuildPipeline.loadDocuments(from: dir)
        #expect(warnings.isEmpty)
        let (g, report) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        #expect(report.documentsRead == 5)
        let purl = report.conflicts.first { $0.entity == "purl" && $0.field == "expansion" }
        #expect(purl?.values.count == 2)
        #expect(purl?.documents.map { String($0.prefix(3)) } == ["003", "004"])
        let texts = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, Array($0.text.unicodeScalars)) })
        for r in g.relations {
            #expect(!r.evidence.isEmpty)
            for e in r.evidence {
                var v = String.UnicodeScalarView(); v.append(contentsOf: texts[e.document]![e.start..<e.end])
                #expect(String(v) == e.text)
            }
        }
        // one node per entity: "Rutte", "Mark Rutte", "the Secretary General"
        #expect(g.entities.filter { $0.name.contains("Rutte") }.count == 1)
        // byte-identical on a second run
        let (g2, _) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        #expect(g.jsonData() == g2.jsonData())
    }
}
