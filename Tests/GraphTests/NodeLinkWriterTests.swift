import Foundation
import Testing
@testable import Graph

/// graph.json is written by `NodeLinkWriter`; `JSONEncoder` over `NodeLinkFile` is the
/// description it must match byte for byte.
@Suite struct NodeLinkWriterTests {
    /// Pieces of names and sentences: escapes, control characters, non-ASCII, slashes.
    static let pieces = ["NATO", " ", "a", "Kyiv", "é", "“", "”", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{c}",
                         "\u{1}", "\u{1f}", "\u{7f}", "\u{2028}", "😀", "Z", "_", "10", "9", "-", "'s"]

    /// A graph with every optional field both set and unset, drawn from `seed`.
    static func generated(seed: UInt64) throws -> EntityGraph {
        var rng = SplitMix64(seed: seed)
        let words = GeneratedText.strings(from: pieces, count: 64, length: 4, seed: seed)
        func word() -> String { words[rng.below(words.count)] }
        let values: [Double] = [0, -0.0, 1, 0.1, 1.5, 100, 1e9, 2.5e15, 1e16, 1e21, 1e-7, 1.0 / 3, 123_456_789_012_345_678, 7.25e6]
        var g = EntityGraph()
        var ids: [String] = []
        for i in 0..<(4 + rng.below(12)) {
            var attributes: [String: String] = [:]
            for _ in 0..<rng.below(3) { attributes[word()] = word() }
            let aliases = (0..<rng.below(3)).map { _ in word() }
            let type = EntityType.allCases[rng.below(EntityType.allCases.count)]
            let k = g.add(Entity(id: "e\(i)-\(rng.below(100))", name: word() + "\(i)", type: type,
                                 aliases: aliases, attributes: attributes))
            ids.append(g.entities[k].id)
        }
        for _ in 0..<(rng.below(20)) {
            let evidence = (0..<rng.below(4)).map { k in
                Evidence(document: "d\(rng.below(3)).txt", start: k * 10, end: k * 10 + rng.below(9), text: word())
            }
            var attributes: [String: String] = [:]
            for _ in 0..<rng.below(3) { attributes[word()] = word() }
            let amount = rng.below(2) == 0 ? nil
                : Amount(value: values[rng.below(values.count)], currency: "EUR", period: rng.below(2) == 0 ? nil : "month")
            try g.add(Relation(source: ids[rng.below(ids.count)], kind: RelationKind.allCases[rng.below(RelationKind.allCases.count)],
                               target: ids[rng.below(ids.count)], evidence: evidence, amount: amount,
                               items: (0..<rng.below(3)).map { _ in word() },
                               status: rng.below(2) == 0 ? nil : PledgeStatus.allCases[rng.below(3)],
                               quote: rng.below(3) == 0 ? word() : nil, attributes: attributes))
        }
        for i in 0..<rng.below(3) {
            g.add(Document(id: "d\(i).txt", title: word(), sha256: "00", date: rng.below(2) == 0 ? nil : "2024-0\(i + 1)-01"))
        }
        for _ in 0..<rng.below(3) {
            g.add(Conflict(entity: ids[rng.below(ids.count)], field: "expansion", values: [word(), word()], documents: ["d0.txt", "d1.txt"]))
        }
        return g
    }

    @Test(arguments: 0..<40) func matchesJSONEncoder(seed: UInt64) throws {
        let g = try Self.generated(seed: seed)
        let written = g.jsonData()
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: g.jsonDataViaEncoder(), as: UTF8.self))
        #expect(try EntityGraph(jsonData: written) == g)
    }

    @Test func emptyGraphMatchesJSONEncoder() {
        let g = EntityGraph()
        #expect(g.jsonData() == g.jsonDataViaEncoder())
        #expect(String(decoding: g.jsonData(), as: UTF8.self).contains("\"nodes\" : [\n\n  ]"))
    }

    @Test func seedGraphMatchesJSONEncoder() throws {
        let (g, _) = try BuildPipeline.run(inputDirectory: ExtractionFixture.repoRoot.appendingPathComponent("seeds"), lexicon: try .bundled())
        #expect(g.jsonData() == g.jsonDataViaEncoder())
    }

    /// Output larger than one 64 KB chunk arrives whole and in order.
    @Test func chunksArriveInOrder() throws {
        var g = EntityGraph()
        for i in 0..<2000 { g.add(Entity(id: String(format: "entity-%05d", i), name: "Entity \(i) “quoted”", type: .person)) }
        var chunks = 0
        var data = Data()
        NodeLinkWriter.write(g) { chunks += 1; data.append($0.assumingMemoryBound(to: UInt8.self)) }
        #expect(chunks > 1)
        #expect(data == g.jsonDataViaEncoder())
    }

    @Test func nonFiniteAmountIsWrittenAsNull() throws {
        var g = EntityGraph()
        g.add(Entity(name: "A", type: .country))
        g.add(Entity(name: "B", type: .country))
        try g.add(Relation(source: "a", kind: .pledge, target: "b", amount: Amount(value: .infinity, currency: "EUR")))
        #expect(String(decoding: g.jsonData(), as: UTF8.self).contains("\"value\" : null"))
    }
}
