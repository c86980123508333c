import Foundation
import Testing
@testable import Graph

/// An extractor records lexicon role and member edges as slots of its `LexiconEdgeTable`, and
/// the fold adds their evidence by slot. These tests compare that path with the plain one:
/// the same edges as explicit relations, folded by key.
@Suite struct LexiconEdgeTableTests {
    /// Extractions of the seeds and both held-out fixture sets, in file order.
    static func extractions(_ extractor: Extractor) throws -> [DocumentExtraction] {
        var out: [DocumentExtraction] = []
        for folder in ["seeds", "Tests/GraphTests/Fixtures/heldout", "Tests/GraphTests/Fixtures/heldout2"] {
            let (docs, _) = try BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent(folder))
            out += docs.map { extractor.extract(documentID: folder + "/" + $0.id, text: $0.text, sha256: $0.sha256) }
        }
        return out
    }

    /// The same extraction with its lexicon edges as plain relations (no table).
    static func explicit(_ x: DocumentExtraction) -> DocumentExtraction {
        DocumentExtraction(document: x.document, graph: x.graph, facts: x.mergeFacts)
    }

    @Test func tableUsesReadAsTheRelationsTheyStandFor() throws {
        let lexicon = try Lexicon.bundled()
        let extractor = Extractor(lexicon: lexicon)
        let xs = try Self.extractions(extractor)
        #expect(xs.contains { !$0.roleUses.isEmpty } && xs.contains { !$0.membershipUses.isEmpty })
        for x in xs {
            #expect(x.lexiconRoles.count == x.roleUses.count && x.memberships.count == x.membershipUses.count)
            for (r, u) in zip(x.lexiconRoles, x.roleUses) {
                #expect(r.kind == .role && r.evidence == [u.evidence] && r.attributes["source"] == "lexicon")
            }
            for (r, u) in zip(x.memberships, x.membershipUses) {
                #expect(r.kind == .member && r.evidence == [u.evidence] && r.attributes == ["source": "lexicon"])
            }
        }
    }

    @Test func foldingBySlotGivesTheGraphOfFoldingByKey() throws {
        let lexicon = try Lexicon.bundled()
        let extractor = Extractor(lexicon: lexicon)
        let xs = try Self.extractions(extractor)
        let plain = BuildPipeline.merge(xs.map(Self.explicit)).0.jsonData()
        #expect(BuildPipeline.merge(xs).0.jsonData() == plain)
        // every other document without its table: slots and keys meet in the same edges
        let mixed = xs.enumerated().map { $0.offset % 2 == 0 ? $0.element : Self.explicit($0.element) }
        #expect(BuildPipeline.merge(mixed).0.jsonData() == plain)
        // a second extractor's table has slots of its own: its extractions go by key
        let other = try Self.extractions(Extractor(lexicon: lexicon))
        let twoTables = xs.indices.map { $0 % 2 == 0 ? xs[$0] : other[$0] }
        #expect(BuildPipeline.merge(twoTables).0.jsonData() == plain)
        // out of order: evidence that does not sort last is merged, not appended
        #expect(BuildPipeline.merge(xs.reversed()).0.jsonData() == BuildPipeline.merge(xs.reversed().map(Self.explicit)).0.jsonData())
    }

    @Test func explicitEditsKeepTheReadingOrder() throws {
        let lexicon = try Lexicon.bundled()
        let extractor = Extractor(lexicon: lexicon)
        guard var x = try Self.extractions(extractor).first(where: { $0.roleUses.count >= 1 && $0.membershipUses.count >= 1 }) else {
            Issue.record("no document with lexicon roles and memberships"); return
        }
        let roles = x.lexiconRoles, memberships = x.memberships
        let extra = Relation(source: "a", kind: .role, target: "b", evidence: [Evidence(document: "d", start: 0, end: 1, text: "t")])
        x.lexiconRoles.append(extra)
        #expect(x.lexiconRoles == roles + [extra] && x.roleUses.isEmpty)
        #expect(x.memberships == memberships, "the other list keeps its uses")
        var y = x
        y.memberships = []
        #expect(y.memberships.isEmpty && y.membershipUses.isEmpty && y.lexiconRoles == roles + [extra])
    }
}
