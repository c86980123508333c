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
}
