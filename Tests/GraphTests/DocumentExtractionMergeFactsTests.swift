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
}
