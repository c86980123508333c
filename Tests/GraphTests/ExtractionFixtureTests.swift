import Foundation
@testable import Graph

/// The bundled lexicon and an extractor compiled once for all extraction tests.
enum ExtractionFixture {
    static let lexicon: Lexicon = {
        do { return try Lexicon.bundled() } catch { fatalError("bundled lexicon: \(error)") }
    }()
    static let extractor = Extractor(lexicon: lexicon)
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// "kind source target" of every statement, pledge and opposition edge read from `text`.
    static func triples(_ text: String, id: String = "t.txt") -> Set<String> {
        let x = extractor.extract(documentID: id, text: text)
        return Set(x.graph.relations.filter { [.statement, .pledge, .opposition].contains($0.kind) }
            .map { "\($0.kind.rawValue) \($0.source) \($0.target)" })
    }

    static func seed(_ prefix: String) throws -> (id: String, text: String) {
        let dir = repoRoot.appendingPathComponent("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().first { $0.hasPrefix(prefix) }!
        return (name, try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
    }

    static func tempDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ng-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Testing

/// The held-out articles (written with their expected triples before the extractor ran on
/// them) keep scoring: triples are matched through the gold file's names and aliases.
@Suite struct ExtractionHeldOutTests {
    struct Gold: Decodable {
        struct E: Decodable { var name: String; var aliases: [String]?; var optional: Bool? }
        struct R: Decodable { var kind: String; var source: String; var target: String; var optional: Bool? }
        var entities: [E]
        var relations: [R]
    }

    @Test(arguments: ["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"])
    func heldOutBatchScores(_ batch: String) throws {
        let dir = ExtractionFixture.repoRoot.appendingPathComponent("Tests/GraphTests/Fixtures/\(batch)")
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: dir.appendingPathComponent("\(batch)-gold.json")))
        let (docs, _) = try BuildPipeline.loadDocuments(from: dir)
        let (g, _) = BuildPipeline.build(documents: docs, lexicon: ExtractionFixture.lexicon)
        var byAlias: [String: String] = [:]
        for e in gold.entities { for n in [e.name] + (e.aliases ?? []) { byAlias[AliasKey.normalize(n)] = byAlias[AliasKey.normalize(n)] ?? e.name } }
        func goldName(_ id: String) -> String? {
            guard let e = g.entity(id: id) else { return nil }
            for n in [e.name, e.id] + e.aliases { if let hit = byAlias[AliasKey.normalize(n)] { return hit } }
            return nil
        }
        let predicted = Set(g.relations.filter { [.statement, .pledge, .opposition].contains($0.kind) }
            .map { "\($0.kind.rawValue)|\(goldName($0.source) ?? "?" + $0.source)|\(goldName($0.target) ?? "?" + $0.target)" })
        let required = Set(gold.relations.filter { $0.optional != true }.map { "\($0.kind)|\($0.source)|\($0.target)" })
        let allowed = Set(gold.relations.map { "\($0.kind)|\($0.source)|\($0.target)" })
        let recall = Double(required.intersection(predicted).count) / Double(max(1, required.count))
        let precision = Double(predicted.intersection(allowed).count) / Double(max(1, predicted.count))
        #expect(recall >= 0.8, "\(batch) missed \(required.subtracting(predicted).sorted())")
        #expect(precision >= 0.8, "\(batch) extra \(predicted.subtracting(allowed).sorted())")
    }
}
