import CorpusStore
import Foundation
import Graph
import Testing

@Suite("Ingesting a folder of articles")
struct CorpusIngestTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func copySeeds() throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent("articles")
        try FileManager.default.copyItem(at: Self.seeds, to: dir)
        return dir
    }

    @Test func ingestsSeedsThenSkipsThemThenStoresAChangedOne() async throws {
        let articles = try copySeeds()
        let lexicon = try Lexicon.bundled()
        let store = try await openStore(.sqlite(articles.deletingLastPathComponent().appendingPathComponent("corpus.sqlite")))
        let count = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.count
        #expect(count >= 3)

        let first = try await CorpusIngest.run(inputDirectory: articles, lexicon: lexicon, into: store)
        #expect((first.added, first.unchanged, first.newVersions) == (count, 0, 0))
        let second = try await CorpusIngest.run(inputDirectory: articles, lexicon: lexicon, into: store)
        #expect((second.added, second.unchanged, second.newVersions) == (0, count, 0))

        // The store's graph is the graph build makes of the same files, byte for byte.
        let (docs, _) = try BuildPipeline.loadDocuments(from: articles)
        let built = try BuildPipeline.run(inputDirectory: articles, lexicon: lexicon).0
        let loaded = try await store.loadGraph()
        #expect(loaded.relationCount > 0)
        #expect(loaded.jsonData() == built.jsonData())

        // Change one file: a new version, whose graph replaces the old one's.
        let victim = articles.appendingPathComponent(docs[0].id)
        let changed = try String(contentsOf: victim, encoding: .utf8) + "\nNATO pledged 5 billion euros to Ukraine on Tuesday.\n"
        try changed.write(to: victim, atomically: true, encoding: .utf8)
        let third = try await CorpusIngest.run(inputDirectory: articles, lexicon: lexicon, into: store)
        #expect((third.added, third.unchanged, third.newVersions) == (0, count - 1, 1))
        let versions = try await store.documents().filter { $0.document.id == docs[0].id }
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[1].document.sha256 == SHA256.hex(Array(changed.utf8)))
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    /// Batches and parallel extraction change how fast, not what is stored.
    @Test func jobsAndBatchSizeDoNotChangeTheStore() async throws {
        let articles = try copySeeds()
        let fixtures = Self.seeds.deletingLastPathComponent().appendingPathComponent("Tests/GraphTests/Fixtures/heldout")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: articles.appendingPathComponent(name))
        }
        try Data().write(to: articles.appendingPathComponent("zz-empty.txt"))  // skipped with a warning, in its place
        let count = try FileManager.default.contentsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".txt") }.count
        #expect(count >= 10)
        let lexicon = try Lexicon.bundled()
        let built = try BuildPipeline.run(inputDirectory: articles, lexicon: lexicon).0.jsonData()
        var graphs: [Data] = []
        var listings: [[String]] = []
        for (jobs, batch) in [(1, 1), (2, 3), (2, 64)] {
            let store = try await openStore(.sqlite(articles.deletingLastPathComponent().appendingPathComponent("c\(jobs)-\(batch).sqlite")))
            let seen = ProgressLog()
            let first = try await CorpusIngest.run(inputDirectory: articles, lexicon: lexicon, into: store, jobs: jobs, batchSize: batch) { seen.add($0) }
            #expect((first.added, first.unchanged, first.newVersions) == (count - 1, 0, 0))
            #expect(first.warnings.count == 1 && first.warnings[0].hasPrefix("zz-empty.txt"))
            let done = seen.values.map(\.documentsDone)
            #expect(done == Array(stride(from: batch, to: count, by: batch)) + [count], "one report a batch")
            let second = try await CorpusIngest.run(inputDirectory: articles, lexicon: lexicon, into: store, jobs: jobs, batchSize: batch)
            #expect((second.added, second.unchanged, second.newVersions) == (0, count - 1, 0))
            graphs.append(try await store.loadGraph().jsonData())
            listings.append(try await store.documents().map { "\($0.document.id) \($0.version) \($0.document.sha256) \($0.relationCount)" })
            #expect(try await store.checkIntegrity() == [])
            try await store.close()
        }
        #expect(graphs.allSatisfy { $0 == built })
        #expect(listings.allSatisfy { $0 == listings[0] } && listings[0].count == count - 1)
    }

    @Test func missingFolderIsAnExtractionError() async throws {
        let store = try await openStore(.sqlite(try temporaryDirectory().appendingPathComponent("c.sqlite")))
        await #expect(throws: ExtractionError.self) {
            _ = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: "/nonexistent/articles"), lexicon: try Lexicon.bundled(), into: store)
        }
        try await store.close()
    }
}

/// Progress reports collected from the ingest's task.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [BuildProgress] = []
    func add(_ p: BuildProgress) { lock.lock(); list.append(p); lock.unlock() }
    var values: [BuildProgress] { lock.lock(); defer { lock.unlock() }; return list }
}
