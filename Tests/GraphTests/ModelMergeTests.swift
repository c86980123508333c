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
}
