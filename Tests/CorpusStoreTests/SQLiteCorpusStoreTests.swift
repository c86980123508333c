import CorpusStore
import Foundation
import Graph
import Testing

@Suite("SQLite corpus store")
struct SQLiteCorpusStoreTests {
    let dir: URL
    init() throws { dir = try temporaryDirectory() }

    func opener(_ name: String = "corpus.sqlite") -> StoreBehaviour.Opener {
        let url = dir.appendingPathComponent("sub/\(name)")
        return { try await openStore(.sqlite(url)) }
    }

    @Test func ingestIsAddedThenUnchangedThenNewVersion() async throws {
        try await StoreBehaviour.ingestOutcomes(opener())
    }

    @Test func loadGraphEqualsBuildOfTheSameFiles() async throws {
        try await StoreBehaviour.loadEqualsBuild(opener())
    }

    @Test func dateRangeEqualsBuildOfTheDocumentsInRange() async throws {
        try await StoreBehaviour.dateRangeEqualsBuildOfDocumentsInRange(opener())
    }

    @Test func loadGraphEqualsDirectMerge() async throws {
        try await StoreBehaviour.loadEqualsDirectMerge(opener())
    }

    @Test func dateRangeSelectsLatestVersionsByDay() async throws {
        try await StoreBehaviour.dateRange(opener())
    }

    @Test func batchIsDecidedItemByItemAndStopsAtABadItem() async throws {
        try await StoreBehaviour.batchIngest(opener("batch.sqlite"))
    }

    @Test func rejectsWhatCannotBeStoredAndWritesNothing() async throws {
        try await StoreBehaviour.rejectsWhatCannotBeStored(opener())
    }

    @Test func survivesReopeningAndUsesWAL() async throws {
        let open = opener()
        let a = hostileArticle()
        let first = try await open()
        #expect(try await first.ingest(document: a.document, text: a.text, graph: a.graph) == .added)
        try await first.close()
        let again = try await open()
        #expect(try await again.ingest(document: a.document, text: a.text, graph: a.graph) == .unchanged)
        #expect(try await again.loadGraph().jsonData() == a.graph.jsonData())
        try await again.close()
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sub/corpus.sqlite").path))
        let header = try Data(contentsOf: dir.appendingPathComponent("sub/corpus.sqlite")).prefix(20)
        #expect(header[18] == 2 && header[19] == 2, "file format bytes 18/19 are 2 in WAL mode")
    }

    @Test func parsesLocations() {
        #expect(StoreLocation(parsing: "out/corpus.sqlite") == .sqlite(URL(fileURLWithPath: "out/corpus.sqlite")))
        #expect(StoreLocation(parsing: "sqlite:/tmp/x.db") == .sqlite(URL(fileURLWithPath: "/tmp/x.db")))
        #expect(StoreLocation(parsing: "postgres://u:p@h:5/db") == .postgres("postgres://u:p@h:5/db"))
        #expect(StoreLocation(parsing: "postgresql://h/db") == .postgres("postgresql://h/db"))
    }

    @Test func unreachablePostgresFailsWithOneLine() async throws {
        await #expect {
            _ = try await openStore(.postgres("postgres://nobody:x@127.0.0.1:1/none?sslmode=disable"))
        } throws: { error in
            guard let e = error as? StoreError, case .unreachable = e else { return false }
            return e.category == .unavailable && !e.localizedDescription.contains("\n") && !e.localizedDescription.contains(":x@")
        }
        await #expect(throws: StoreError.self) { _ = try await openStore(.postgres("postgres://h/db?bogus=1")) }
    }

    @Test func readingAMissingFileDoesNotCreateIt() async throws {
        let url = dir.appendingPathComponent("absent/corpus.sqlite")
        await #expect(throws: StoreError.notFound(path: url.relativePath)) { _ = try await openStore(.sqlite(url), mustExist: true) }
        #expect(!FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path))
        #expect(StoreError.notFound(path: "x").category == .noInput)
    }

    @Test func twoStoresOnOneFileIngestConcurrently() async throws {
        try await StoreBehaviour.concurrentIngesters(opener())
    }

    @Test func twoProcessesOnOneFileIngestConcurrently() async throws {
        let path = dir.appendingPathComponent("procs.sqlite")
        try await StoreBehaviour.concurrentProcesses(location: path.path) { try await openStore(.sqlite(path)) }
    }

    @Test func killMinus9LosesNothingCommitted() async throws {
        let path = dir.appendingPathComponent("crash.sqlite")
        try await StoreBehaviour.crashRecovery(location: path.path, open: { try await openStore(.sqlite(path)) },
                                               reference: opener("reference.sqlite"))
    }

    @Test func twoProcessesStoringBatchesOnOneFileIngestConcurrently() async throws {
        let path = dir.appendingPathComponent("procsbatch.sqlite")
        try await StoreBehaviour.concurrentProcesses(location: path.path, open: { try await openStore(.sqlite(path)) }, batch: 8)
    }

    @Test func killMinus9DuringBatchesLosesNothingCommitted() async throws {
        let path = dir.appendingPathComponent("crashbatch.sqlite")
        try await StoreBehaviour.crashRecovery(location: path.path, open: { try await openStore(.sqlite(path)) },
                                               reference: opener("crashbatchref.sqlite"), batch: 16)
    }
}
