import Foundation
import GRDB
import Graph

/// The embedded backend: one SQLite file in WAL mode through a GRDB `DatabasePool`.
///
/// Every ingest (one document or a batch) is one `BEGIN IMMEDIATE` transaction, so several processes (and tasks) can
/// ingest into the same file: writers wait for each other up to the busy timeout, readers
/// never block. The file is created with its directory when missing.
final class SQLiteCorpusStore: CorpusStore {
    private let pool: DatabasePool
    private let path: String

    /// How long a writer waits for another process's transaction before failing.
    static let busyTimeout: TimeInterval = 60

    init(url: URL) async throws {
        path = url.path
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "nato-graph.corpus"
        config.prepareDatabase { db in
            // Full durability: a committed ingest survives a crash of the process and of the machine.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: url.path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(location: url.path, reason: Self.describe(error))
        }
        let migrator = Self.migrator()
        do {
            let applied = try await pool.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(Schema.migrations.map(\.identifier))
            guard unknown.isEmpty else { throw StoreError.newerSchema(applied: unknown.sorted()) }
            // GRDB reads the applied migrations before its migration transaction, so a
            // second process opening a new file at the same moment can try a migration the
            // first has just applied; its transaction then fails and a retry finds it done.
            var attempt = 0
            while true {
                attempt += 1
                do {
                    try migrator.migrate(pool)
                    break
                } catch where attempt < 3 {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(location: url.path, reason: Self.describe(error))
        }
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for m in Schema.migrations {
            migrator.registerMigration(m.identifier) { db in
                for s in m.statements { try db.execute(sql: s) }
            }
        }
        return migrator
    }

    func ingest(document: Document, text: String, graph: EntityGraph, facts: MergeFacts) async throws -> IngestOutcome {
        try await ingest([IngestItem(document: document, text: text, graph: graph, facts: facts)])[0]
    }

    func ingest(_ items: [IngestItem]) async throws -> [IngestOutcome] {
        try await CorpusSQL.ingestValidPrefix(items) { valid, label in
            let ingestedAt = CorpusSQL.now()
            return try await run(label) { db in
                var outcomes: [IngestOutcome] = []
                try db.inTransaction(.immediate) {
                    var latest: [String: SQLRow] = [:]
                    for id in Set(valid.map(\.document.id)) {
                        if let row = try Self.rows(db, CorpusSQL.latestVersion(of: id)).first { latest[id] = row }
                    }
                    let plan = try CorpusSQL.plan(valid, latest: latest)
                    // (the same few statement shapes come back in every batch, `SQLStatement.insert`: compiled once)
                    for s in CorpusSQL.batchStatements(valid, plan, ingestedAt: ingestedAt) {
                        try db.cachedStatement(sql: s.sql).execute(arguments: Self.arguments(s.arguments))
                    }
                    outcomes = plan.map(\.outcome)
                    return .commit
                }
                return outcomes
            }
        }
    }

    func loadGraph(since: String?, until: String?) async throws -> EntityGraph {
        let statements = try CorpusSQL.loadStatements(since: since, until: until)
        let results = try await read("load") { db in try statements.map { try Self.rows(db, $0) } }
        return try CorpusSQL.assemble(results)
    }

    func documents() async throws -> [StoredDocument] {
        let rows = try await read("listing") { db in try Self.rows(db, CorpusSQL.documentsStatement) }
        return try CorpusSQL.storedDocuments(rows)
    }

    func latestHashes(of ids: [String]) async throws -> [String: String] {
        let statements = CorpusSQL.latestHashStatements(of: ids)
        let rows = try await read("latest hashes") { db in try statements.flatMap { try Self.rows(db, $0) } }
        return try CorpusSQL.latestHashes(rows)
    }

    func checkIntegrity() async throws -> [String] {
        try await read("integrity check") { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity_check: \($0)" } }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key violation in \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1)")
            }
            for check in CorpusSQL.integrityChecks {
                for row in try Self.rows(db, check.statement) { problems.append("\(check.label): \(CorpusSQL.describe(row))") }
            }
            return problems
        }
    }

    func close() async throws {
        do {
            try pool.close()
        } catch {
            throw StoreError.database(operation: "close", reason: Self.describe(error))
        }
    }

    // MARK: Plumbing

    private func run<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.writeWithoutTransaction(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, reason: Self.describe(error))
        }
    }

    private func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, reason: Self.describe(error))
        }
    }

    static func rows(_ db: Database, _ s: SQLStatement) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: s.sql, arguments: arguments(s.arguments)).map { row in
            SQLRow(values: row.databaseValues.map { value in
                switch value.storage {
                case .null: return .null
                case let .int64(i): return .int(i)
                case let .double(d): return .double(d)
                case let .string(s): return .text(s)
                case .blob: return .null
                }
            })
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { v -> (any DatabaseValueConvertible)? in
            switch v {
            case .null: return nil
            case let .int(i): return i
            case let .double(d): return d
            case let .text(s): return s
            }
        })
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError {
            return e.message ?? e.description
        }
        return String(describing: error)
    }
}
