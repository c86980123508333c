import CorpusStore
import Foundation
import Graph
import Testing

/// The same behaviour against PostgreSQL: run `eval "$(scripts/start-postgres.sh)"` first.
/// Each test works in a schema of its own (`?schema=`), so they run in parallel.
@Suite("PostgreSQL corpus store", .enabled(if: TestPostgres.isAvailable, TestPostgres.skipMessage))
struct PostgresCorpusStoreTests {
    func opener(_ name: String) -> StoreBehaviour.Opener {
        let url = TestPostgres.isolatedURL(name)
        return { try await openStore(.postgres(url)) }
    }

    @Test func ingestIsAddedThenUnchangedThenNewVersion() async throws {
        try await StoreBehaviour.ingestOutcomes(opener("outcomes"))
    }

    @Test func loadGraphEqualsBuildOfTheSameFiles() async throws {
        try await StoreBehaviour.loadEqualsBuild(opener("build"))
    }

    @Test func dateRangeEqualsBuildOfTheDocumentsInRange() async throws {
        try await StoreBehaviour.dateRangeEqualsBuildOfDocumentsInRange(opener("buildrange"))
    }

    @Test func loadGraphEqualsDirectMerge() async throws {
        try await StoreBehaviour.loadEqualsDirectMerge(opener("merge"))
    }

    @Test func dateRangeSelectsLatestVersionsByDay() async throws {
        try await StoreBehaviour.dateRange(opener("dates"))
    }

    @Test func batchIsDecidedItemByItemAndStopsAtABadItem() async throws {
        try await StoreBehaviour.batchIngest(opener("batch"))
    }

    @Test func rejectsWhatCannotBeStoredAndWritesNothing() async throws {
        try await StoreBehaviour.rejectsWhatCannotBeStored(opener("reject"))
    }

    @Test func postgresAndSQLiteGiveTheSameGraph() async throws {
        let dir = try temporaryDirectory()
        let pg = try await opener("same")(), lite = try await openStore(.sqlite(dir.appendingPathComponent("c.sqlite")))
        let articles = (0..<25).map { SyntheticCorpus.article($0) } + [hostileArticle()]
        for a in articles {
            #expect(try await pg.ingest(document: a.document, text: a.text, graph: a.graph) == lite.ingest(document: a.document, text: a.text, graph: a.graph))
        }
        #expect(try await pg.loadGraph().jsonData() == lite.loadGraph().jsonData())
        #expect(try await pg.loadGraph(since: "2025-01-03", until: "2025-01-09").jsonData()
            == lite.loadGraph(since: "2025-01-03", until: "2025-01-09").jsonData())
        try await pg.close()
        try await lite.close()
    }

    @Test func twoStoresOnOneDatabaseIngestConcurrently() async throws {
        try await StoreBehaviour.concurrentIngesters(opener("concurrent"))
    }

    @Test func twoProcessesOnOneDatabaseIngestConcurrently() async throws {
        let url = TestPostgres.isolatedURL("procs")
        try await StoreBehaviour.concurrentProcesses(location: url) { try await openStore(.postgres(url)) }
    }

    @Test func killMinus9LosesNothingCommitted() async throws {
        let url = TestPostgres.isolatedURL("crash")
        try await StoreBehaviour.crashRecovery(location: url, open: { try await openStore(.postgres(url)) },
                                               reference: opener("crashref"))
    }

    @Test func twoProcessesStoringBatchesOnOneDatabaseIngestConcurrently() async throws {
        let url = TestPostgres.isolatedURL("procsbatch")
        try await StoreBehaviour.concurrentProcesses(location: url, open: { try await openStore(.postgres(url)) }, batch: 8)
    }

    @Test func killMinus9DuringBatchesLosesNothingCommitted() async throws {
        let url = TestPostgres.isolatedURL("crashbatch")
        try await StoreBehaviour.crashRecovery(location: url, open: { try await openStore(.postgres(url)) },
                                               reference: opener("crashbatchref"), batch: 16)
    }
}
