import Foundation
import Testing
@testable import Graph

@Suite struct DocumentExtractionMergeFactsTests {
    @Test func mergeFactsSurviveJSONAndMergeAsExtracted() throws {
        let lexicon = try Lexicon.bundled()
        let (docs, _) = try BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent("seeds"))
        let extractor = Extractor(lexicon: lexicon)
        let extractions = docs.map { extractor.extract(documentID: $0.id, text: $0.text, sha256: $0.sha256) }
        #expect(extractions.contains { !$0.mergeFacts.lexiconRoles.isEmpty } && extractions.contains { !$0.mergeFacts.amounts.isEmpty })
        let restored = try extractions.map { x in
            let data = x.mergeFacts.jsonData()
            #expect(data == (try MergeFacts(jsonData: data)).jsonData(), "deterministic bytes")
            return DocumentExtraction(document: x.document, graph: x.graph, facts: try MergeFacts(jsonData: data))
        }
        #expect(restored.map(\.mergeFacts) == extractions.map(\.mergeFacts))
        #expect(BuildPipeline.merge(restored).0.jsonData() == BuildPipeline.merge(extractions).0.jsonData())
        #expect(throws: GraphError.self) { try MergeFacts(jsonData: Data("{\"expansions\": 1}".utf8)) }
    }

    /// `jsonData()` writes the facts itself; its bytes must stay the encoder's, for real
    /// extractions and for every value its fast paths leave to the encoder.
    @Test func writtenJSONIsTheEncodersBytes() throws {
        let lexicon = try Lexicon.bundled()
        let extractor = Extractor(lexicon: lexicon)
        var facts: [MergeFacts] = []
        for folder in ["seeds", "Tests/GraphTests/Fixtures/heldout", "Tests/GraphTests/Fixtures/heldout2"] {
            let (docs, _) = try BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent(folder))
            facts += docs.map { extractor.extract(documentID: $0.id, text: $0.text, sha256: $0.sha256).mergeFacts }
        }
        #expect(facts.count > 10 && facts.contains { !$0.memberships.isEmpty })
        // strings to escape, numbers the encoder formats, keys outside ASCII, optionals set and nil
        let texts = ["plain", "q\"uote", "back\\slash", "slash/", "tab\tnew\nline\r", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", "é😀\u{2028}", ""]
        let values: [Double] = [1e9, 0.5, 1.0 / 3, 2.5e15, 9.99e14, 1e15, 1e16, 1.2345678901234568e17, 1e-7, -0.0, 0, -3, 100.25]
        var edges: [Relation] = []
        for (k, t) in texts.enumerated() {
            edges.append(Relation(source: "s\(t)", kind: RelationKind.allCases[k % RelationKind.allCases.count], target: t,
                                  evidence: [Evidence(document: t + ".txt", start: k, end: k * 1000, text: t)],
                                  amount: k % 2 == 0 ? Amount(value: values[k], currency: t, period: k % 4 == 0 ? nil : t) : nil,
                                  items: k % 3 == 0 ? [] : [t, "b"], status: k % 2 == 0 ? .pledged : nil, quote: k % 3 == 1 ? t : nil,
                                  attributes: k % 2 == 0 ? ["title": t, "from": "2024", "B": "x", "_": "y", "a b": "z", "10": "9"]
                                      : ["é": t, "e": "x"]))
        }
        var amounts: [RelationKey: Amount] = [:]
        for (k, v) in values.enumerated() {
            amounts[RelationKey(source: "n\(k)", kind: .pledge, target: texts[k % texts.count])] = Amount(value: v, currency: "EUR", period: k % 2 == 0 ? "month" : nil)
        }
        facts.append(MergeFacts(expansions: texts.map { DocumentExtraction.Expansion(entity: $0, expansion: $0 + "!") },
                                amounts: amounts, lexiconRoles: edges, memberships: edges.reversed()))
        facts.append(.none)
        for f in facts {
            let written = f.jsonData()
            #expect(written == f.encodedJSONData(), "\(String(decoding: written, as: UTF8.self).prefix(300))")
            #expect(try MergeFacts(jsonData: written) == f)
        }
    }

    /// Facts written for a store leave out the sentences that are the document's own text
    /// and get them back from that text; anything else keeps its text.
    @Test func sentencesOfTheDocumentAreCitedByOffsetAndCutBack() throws {
        let extractor = Extractor(lexicon: try Lexicon.bundled())
        let (docs, _) = try BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent("seeds"))
        var cited = 0
        for d in docs {
            let facts = extractor.extract(documentID: d.id, text: d.text, sha256: d.sha256).mergeFacts
            let short = facts.jsonData(documentID: d.id, text: d.text)
            #expect(try MergeFacts(jsonData: short, documentID: d.id, text: d.text) == facts)
            let sentences = (facts.lexiconRoles + facts.memberships).flatMap(\.evidence)
            if !sentences.isEmpty {
                cited += sentences.count
                #expect(short.count < facts.jsonData().count)
                let json = String(decoding: short, as: UTF8.self)
                #expect(sentences.allSatisfy { !json.contains($0.text) })
                // without the text, the facts cannot be read back
                #expect(throws: GraphError.self) { try MergeFacts(jsonData: short) }
                #expect(throws: GraphError.self) { try MergeFacts(jsonData: short, documentID: "other.txt", text: d.text) }
                #expect(throws: GraphError.self) { try MergeFacts(jsonData: short, documentID: d.id, text: "short") }
            }
            // the full form still reads, with or without the text
            #expect(try MergeFacts(jsonData: facts.jsonData(), documentID: d.id, text: d.text) == facts)
        }
        #expect(cited > 10)

        // a sentence that is not the text at its offsets, or of another document, keeps its text
        let text = "Title\nThe minister said so. Then more."
        let evidence = [Evidence(document: "a.txt", start: 6, end: 27, text: "The minister said so."),
                        Evidence(document: "a.txt", start: 6, end: 27, text: "The minister said no."),
                        Evidence(document: "b.txt", start: 6, end: 27, text: "The minister said so."),
                        Evidence(document: "a.txt", start: 28, end: 99, text: "Then more.")]
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[6..<27])) == evidence[0].text)
        let facts = MergeFacts(expansions: [], amounts: [:],
                               lexiconRoles: [Relation(source: "x", kind: .role, target: "y", evidence: evidence)], memberships: [])
        let short = facts.jsonData(documentID: "a.txt", text: text)
        let json = String(decoding: short, as: UTF8.self)
        #expect(json.contains("said no.") && json.contains("Then more."))
        #expect(json.components(separatedBy: "The minister said so.").count == 2, "only b.txt's copy is written")
        #expect(try MergeFacts(jsonData: short, documentID: "a.txt", text: text) == facts)
    }
}
