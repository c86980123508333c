import Foundation
import Testing
@testable import Graph

/// The merge fast paths of the model (sorted walks, binary searches, shared storage) against
/// their plain descriptions on generated inputs.
@Suite struct ModelMergeTests {
    /// Names that sort close together (a long shared prefix), with duplicates and spaces.
    private static func names(_ rng: inout SplitMix64, count: Int) -> [String] {
        (0..<count).map { _ in
            let n = "Partnership for Country\(rng.below(400))’s Reform"
            switch rng.below(8) {
            case 0: return " " + n
            case 1: return n + "\n"
            case 2: return "Name"
            default: return n
            }
        }
    }

    @Test(arguments: 0..<12) func addAliasesIsTheSortedUnionWithoutTheName(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var entity = Entity(id: "e", name: "Name", type: .program)
        var reference = Set<String>()
        for _ in 0..<(1 + rng.below(6)) {
            let more = Self.names(&rng, count: rng.below(seed.isMultiple(of: 2) ? 5 : 300))
            entity.addAliases(more)
            reference.formUnion(more.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            reference.remove("Name")
            #expect(entity.aliases == reference.sorted())
        }
    }

    @Test(arguments: 0..<12) func mergingEntitiesKeepsEveryNameAndFindsEach(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var graph = EntityGraph()
        var reference = Set<String>()
        let base = Entity(id: "purl", name: "PURL", type: .program, aliases: Self.names(&rng, count: 200))
        reference.formUnion(base.aliases)
        graph.add(base)
        for _ in 0..<40 {
            // a document's few names, often all known already; sometimes the very same list
            var e = rng.below(4) == 0 ? base : Entity(id: "purl", name: rng.below(3) == 0 ? "Purl" : "PURL", type: .program)
            e.addAliases(rng.below(2) == 0 ? Array(base.aliases.prefix(3)) : Self.names(&rng, count: rng.below(4)))
            graph.add(e)
            reference.formUnion(e.aliases)
            if e.name != "PURL" { reference.insert(e.name) }
        }
        let merged = graph.entity(id: "purl")!
        #expect(merged.aliases == reference.subtracting(["PURL"]).sorted())
        for name in merged.aliases { #expect(graph.entity(named: name)?.id == "purl", "\(name)") }
    }

    @Test(arguments: 0..<8) func lowerBoundIsTheFirstNotLess(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let list = (0..<rng.below(50)).map { _ in rng.below(40) }.sorted()
        for x in -1...41 {
            #expect(list.lowerBound(of: x) { $0 } == (list.firstIndex { $0 >= x } ?? list.count), "\(list) \(x)")
        }
    }

    @Test(arguments: 0..<12) func absorbUnitesEvidenceItemsAndAttributes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        func evidence() -> [Evidence] {
            (0..<rng.below(5)).map { _ in
                let d = rng.below(6), s = rng.below(3) * 10
                return Evidence(document: "d\(d).txt", start: s, end: s + 5, text: "s\(s)")
            }
        }
        let shared = ["title": "Minister", "source": "lexicon"]
        func attributes() -> [String: String] {
            switch rng.below(4) {
            case 0: return [:]
            case 1: return shared
            case 2: return ["title": "Minister", "source": "lexicon"]
            default: return ["title": "Chief \(rng.below(3))", "from": "2024-0\(1 + rng.below(9))-01"]
            }
        }
        var r = Relation(source: "a", kind: .role, target: "b", evidence: evidence(), attributes: attributes())
        var allEvidence = Set(r.evidence)
        var expectedAttributes = r.attributes
        for _ in 0..<8 {
            let other = Relation(source: "a", kind: .role, target: "b", evidence: evidence(), attributes: attributes())
            r.absorb(other)
            allEvidence.formUnion(other.evidence)
            for (k, v) in other.attributes where expectedAttributes[k] == nil { expectedAttributes[k] = v }
            #expect(r.evidence == allEvidence.sorted())
            #expect(r.attributes == expectedAttributes)
        }
    }

    /// A random graph over a few ids, with repeated edges (evidence accumulates) and kinds.
    private static func graph(_ rng: inout SplitMix64, ids: [String]) -> EntityGraph {
        var g = EntityGraph()
        for id in ids where rng.below(3) > 0 { g.add(Entity(id: id, name: id.uppercased(), type: .country, aliases: ["\(id) \(rng.below(3))"])) }
        let present = g.entities.map(\.id)
        guard !present.isEmpty else { return g }
        for _ in 0..<rng.below(30) {
            let s = rng.below(2) == 0 ? "A\(rng.below(3))" : "a\(rng.below(3))"
            let d = rng.below(4)
            try? g.add(Relation(source: present[rng.below(present.count)], kind: RelationKind.allCases[rng.below(5)],
                                target: present[rng.below(present.count)],
                                evidence: [Evidence(document: "d\(d).txt", start: d, end: d + 1, text: s)],
                                attributes: rng.below(2) == 0 ? [:] : ["title": s]))
        }
        return g
    }

    /// Merging (copying or moving the other graph's edges) gives what adding the other
    /// graph's entities and edges one by one gives; moving leaves the other graph without
    /// edges and a copy of it with them. The positions in serialization order are the edges
    /// sorted by key.
    @Test(arguments: 0..<16) func mergeIsAddingEachAndSortedIndicesFollowTheKeys(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let ids = (0..<8).map { "c\($0)" }
        var copied = Self.graph(&rng, ids: ids), moved = copied, reference = copied
        for _ in 0..<4 {
            var other = Self.graph(&rng, ids: ids)
            let kept = other, count = other.relationCount
            for e in other.entities { reference.add(e) }
            for r in other.relations { try reference.add(r) }
            copied.merge(other)
            moved.merge(taking: &other)
            #expect(other.relationCount == 0)
            #expect(kept.relationCount == count)
            #expect(copied.relations == reference.relations)
            #expect(moved.relations == reference.relations)
            #expect(moved.entities == reference.entities)
        }
        #expect(moved.relationCount > 0)
        let order = moved.sortedRelationIndices
        #expect(order.sorted() == Array(moved.relations.indices))
        #expect(order.map { moved.relations[$0].key } == moved.relations.map(\.key).sorted())
        #expect(moved.sortedRelations == order.map { moved.relations[$0] })
    }

    @Test func exchangeReturnsTheOldValueAndLeavesTheNew() {
        var list = ["a", "b"]
        let old = exchange(&list, with: ["c"])
        #expect(old == ["a", "b"])
        #expect(list == ["c"])
    }
}
