import CorpusStore
import Foundation
import GRDB
import Graph
import Testing

@Suite("Schema and migrations")
struct SchemaMigrationTests {
    @Test func createsTheNormalizedTablesOnceAndRecordsTheMigration() async throws {
        let url = try temporaryDirectory().appendingPathComponent("c.sqlite")
        let a = hostileArticle()
        for _ in 0..<2 {   // the second open finds the schema and migrates nothing
            let store = try await openStore(.sqlite(url))
            _ = try await store.ingest(document: a.document, text: a.text, graph: a.graph)
            try await store.close()
        }
        let db = try DatabaseQueue(path: url.path)
        let tables = try await db.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == ["conflict_values", "conflicts", "documents", "entities", "entity_aliases", "entity_attributes",
                           "entity_versions", "evidence", "grdb_migrations", "merge_facts", "relation_attributes",
                           "relation_items", "relation_versions", "relations"])
        let migrations = try await db.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1-corpus", "v2-merge-facts", "v3-facts-cite-text"])
        let mode = try await db.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let counts = try await db.read { db in
            try ["documents", "entities", "relations", "evidence", "entity_aliases"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
        #expect(counts == [1, 2, 2, 2, 3])
        try db.close()
    }

    @Test func refusesAStoreFromANewerVersion() async throws {
        let url = try temporaryDirectory().appendingPathComponent("c.sqlite")
        try await openStore(.sqlite(url)).close()
        let db = try DatabaseQueue(path: url.path)
        try await db.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try db.close()
        await #expect(throws: StoreError.newerSchema(applied: ["v9-from-the-future"])) { _ = try await openStore(.sqlite(url)) }
    }

    @Test func aBrokenFileIsCannotOpen() async throws {
        let url = try temporaryDirectory().appendingPathComponent("not-a-db.sqlite")
        try Data(repeating: 0x42, count: 4096).write(to: url)
        await #expect {
            _ = try await openStore(.sqlite(url))
        } throws: { error in
            guard let e = error as? StoreError, case .cannotOpen = e else { return false }
            return e.category == .cannotCreate
        }
    }

    @Test func aStoreFromBeforeMergeFactsIsMigratedAndStillLoads() async throws {
        let url = try temporaryDirectory().appendingPathComponent("c.sqlite")
        let a = hostileArticle()
        let store = try await openStore(.sqlite(url))
        _ = try await store.ingest(document: a.document, text: a.text, graph: a.graph)
        try await store.close()
        // Turn it into a store written before migration v2-merge-facts.
        let db = try DatabaseQueue(path: url.path)
        try await db.write { db in
            try db.execute(sql: "DROP TABLE merge_facts")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v2-merge-facts', 'v3-facts-cite-text')")
        }
        try db.close()
        let reopened = try await openStore(.sqlite(url))
        #expect(try await reopened.loadGraph().jsonData() == directMerge([a]).jsonData(), "versions without facts count with their graph")
        #expect(try await reopened.checkIntegrity() == [])
        try await reopened.close()
        let migrated = try DatabaseQueue(path: url.path)
        #expect(try await migrated.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            == ["v1-corpus", "v2-merge-facts", "v3-facts-cite-text"])
        try migrated.close()
    }

    @Test func factsWrittenBeforeV3WithTheirSentencesStillLoad() async throws {
        let url = try temporaryDirectory().appendingPathComponent("c.sqlite")
        let lexicon = try Lexicon.bundled()
        let seeds = CorpusIngestTests.seeds
        let store = try await openStore(.sqlite(url))
        _ = try await CorpusIngest.run(inputDirectory: seeds, lexicon: lexicon, into: store)
        let expected = try await store.loadGraph().jsonData()
        try await store.close()
        // Write every version's facts as before v3: each sentence with its text.
        let extractor = Extractor(lexicon: lexicon)
        let (docs, _) = try BuildPipeline.loadDocuments(from: seeds)
        let db = try DatabaseQueue(path: url.path)
        let (before, after) = try await db.write { db in
            let before = try Int.fetchOne(db, sql: "SELECT SUM(LENGTH(facts)) FROM merge_facts")!
            for d in docs {
                let facts = extractor.extract(documentID: d.id, text: d.text, sha256: d.sha256).mergeFacts
                try db.execute(sql: "UPDATE merge_facts SET facts = ? WHERE doc_id = ?", arguments: [String(decoding: facts.jsonData(), as: UTF8.self), d.id])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-facts-cite-text'")
            return (before, try Int.fetchOne(db, sql: "SELECT SUM(LENGTH(facts)) FROM merge_facts")!)
        }
        try db.close()
        #expect(before * 2 < after, "the sentences are most of the facts")
        let reopened = try await openStore(.sqlite(url))
        #expect(try await reopened.loadGraph().jsonData() == expected)
        #expect(try await reopened.checkIntegrity() == [])
        try await reopened.close()
    }
}
