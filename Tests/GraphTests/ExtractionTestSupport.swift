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
