import Foundation
import Graph

/// A deterministic corpus of made-up articles with their per-document graphs, for
/// benchmarks and crash tests of the store (no extraction involved).
///
/// ```swift
/// let (doc, text, graph) = SyntheticCorpus.article(7)
/// try await store.ingest(document: doc, text: text, graph: graph)
/// ```
public enum SyntheticCorpus {
    private static let actors: [(String, EntityType, [String])] = [
        ("NATO", .organization, ["the alliance", "North Atlantic Treaty Organization"]),
        ("European Union", .organization, ["EU"]),
        ("Ukraine", .country, ["Kyiv"]),
        ("Germany", .country, ["Berlin"]),
        ("France", .country, ["Paris"]),
        ("Poland", .country, ["Warsaw"]),
        ("United States", .country, ["U.S.", "Washington"]),
        ("Hungary", .country, ["Budapest"]),
        ("Mark Rutte", .person, ["Rutte", "NATO Secretary General"]),
        ("Péter Szijjártó", .person, ["Szijjártó"]),
        ("Emmanuel Macron", .person, ["Macron"]),
        ("PURL", .program, ["Prioritized Ukraine Requirements List"]),
    ]
    private static let items = ["Patriot systems", "artillery shells", "F-16 jets", "drones", "Storm Shadow cruise missiles"]

    /// Article `index` of the corpus, as revised `revision` times (a revision changes the
    /// text, hence the hash, and part of the graph).
    /// - Returns: the document (dated `2025-01-01` plus `index` days, except every seventh
    ///   article, which has no date), its text and its graph.
    /// - Complexity: O(1): a few sentences and about ten relations.
    public static func article(_ index: Int, revision: Int = 0) -> (document: Document, text: String, graph: EntityGraph) {
        let id = String(format: "%04d_synthetic.txt", index)
        var rng = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 &+ UInt64(revision))
        var text = "Synthetic article \(index) (revision \(revision)): \"quotes\", back\\slashes; semi;colons, and ünïcödé 🛰.\n"
        var g = EntityGraph()
        func sentence(_ s: String) -> Evidence {
            let start = text.unicodeScalars.count
            text += s
            let end = text.unicodeScalars.count
            text += " "
            return Evidence(document: id, start: start, end: end, text: s)
        }
        let chosen = (0..<6).map { _ in actors[Int(rng.next() % UInt64(actors.count))] }
        for (name, type, aliases) in chosen {
            g.add(Entity(name: name, type: type, aliases: Array(aliases.prefix(Int(rng.next() % 3))),
                         attributes: rng.next() % 4 == 0 ? ["note": "seen in \(id)"] : [:]))
        }
        let ids = g.entities.map(\.id)
        for n in 0..<10 {
            let a = ids[Int(rng.next() % UInt64(ids.count))], b = ids[Int(rng.next() % UInt64(ids.count))]
            guard a != b else { continue }
            let kind = RelationKind.allCases[Int(rng.next() % UInt64(RelationKind.allCases.count))]
            var evidence = [sentence("\(a) and \(b) met (\(kind.rawValue) \(n)); officials said so.")]
            if rng.next() % 2 == 0 { evidence.append(sentence("A second report on \(a) — \"\(b)\" — followed.")) }
            var relation = Relation(source: a, kind: kind, target: b, evidence: evidence)
            if kind == .pledge {
                relation.amount = Amount(value: Double(1 + rng.next() % 900) * 1_000_000, currency: rng.next() % 2 == 0 ? "EUR" : "USD",
                                         period: rng.next() % 3 == 0 ? "month" : nil)
                relation.addItems([items[Int(rng.next() % UInt64(items.count))]])
                relation.status = PledgeStatus.allCases[Int(rng.next() % 3)]
            }
            if kind == .statement { relation.quote = "We stand together, \(n)." }
            if kind == .role { relation.attributes = ["title": "envoy"] }
            try? g.add(relation)
        }
        if rng.next() % 5 == 0 {
            g.add(Conflict(entity: "purl", field: "expansion", values: ["A", "B \(index)"], documents: [id, id]))
        }
        let date: String? = index % 7 == 3 ? nil : day(index)
        let document = Document(id: id, title: "Synthetic article \(index)", sha256: SHA256.hex(Array(text.utf8)), date: date)
        g.add(document)
        return (document, text, g)
    }

    /// The ISO day `offset` days after 2025-01-01.
    public static func day(_ offset: Int) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let start = cal.date(from: DateComponents(year: 2025, month: 1, day: 1))!
        let d = cal.date(byAdding: .day, value: offset, to: start)!
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
