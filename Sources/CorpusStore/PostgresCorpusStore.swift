import Foundation
import Graph
import PostgresNIO

/// The shared backend: a PostgreSQL database through a postgres-nio connection pool.
///
/// Same schema, SQL and behaviour as the SQLite backend. Each ingest (one document or a
/// batch) is one transaction that first takes a transaction-scoped advisory lock on each of
/// its document ids (in its schema), in sorted order, so two ingesters handling the same
/// document serialize on it; global rows (`entities`, `relations`) are
/// inserted in sorted order with `ON CONFLICT DO NOTHING`, so ingesters of different
/// documents never duplicate them and never deadlock. A transaction that still fails with
/// a serialization failure or deadlock is retried.
final class PostgresCorpusStore: CorpusStore {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let location: String
    private let schema: String?

    /// How long opening waits for the server before giving up, unless the URL's
    /// `connect_timeout` says otherwise.
    static let connectTimeout: Duration = .seconds(10)

    init(url: String) async throws {
        let parsed = try PostgresURL(url)
        location = parsed.redacted
        schema = parsed.schema
        var quiet = Logger(label: "nato-graph.corpus-store")
        quiet.logLevel = .critical
        let logger = quiet
        self.logger = logger
        let client = PostgresClient(configuration: parsed.configuration)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await Self.withTimeout(parsed.connectTimeout ?? Self.connectTimeout) {
                try await client.withConnection { conn in
                    _ = try await conn.query("SELECT 1", logger: logger)
                }
            }
        } catch {
            runner.cancel()
            throw StoreError.unreachable(location: location, reason: Self.describe(error))
        }
        do {
            try await migrate()
        } catch {
            runner.cancel()
            throw error
        }
    }

    deinit { runner.cancel() }

    // MARK: CorpusStore

    func ingest(document: Document, text: String, graph: EntityGraph, facts: MergeFacts) async throws -> IngestOutcome {
        try await ingest([IngestItem(document: document, text: text, graph: graph, facts: facts)])[0]
    }

    func ingest(_ items: [IngestItem]) async throws -> [IngestOutcome] {
        try await CorpusSQL.ingestValidPrefix(items) { valid, label in
            let ingestedAt = CorpusSQL.now()
            return try await transaction(label) { conn, logger in
                // one lock per document id, taken in sorted order: two batches wait for each
                // other instead of deadlocking. The key names the schema too: corpora in other
                // schemas of the database do not wait for each other.
                let ids = Set(valid.map(\.document.id)).sorted()
                for id in ids {
                    try await Self.execute(conn, SQLStatement("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 7263))", [.text(id)]), logger)
                }
                var latest: [String: SQLRow] = [:]
                for id in ids {
                    if let row = try await Self.rows(conn, CorpusSQL.latestVersion(of: id), logger).first { latest[id] = row }
                }
                let plan = try CorpusSQL.plan(valid, latest: latest)
                try await Self.pipeline(conn, CorpusSQL.batchStatements(valid, plan, ingestedAt: ingestedAt), logger)
                return plan.map(\.outcome)
            }
        }
    }

    func loadGraph(since: String?, until: String?) async throws -> EntityGraph {
        let statements = try CorpusSQL.loadStatements(since: since, until: until)
        let results = try await snapshot("load") { conn, logger in
            var results: [[SQLRow]] = []
            for s in statements { results.append(try await Self.rows(conn, s, logger)) }
            return results
        }
        return try CorpusSQL.assemble(results)
    }

    func documents() async throws -> [StoredDocument] {
        let rows = try await snapshot("listing") { conn, logger in try await Self.rows(conn, CorpusSQL.documentsStatement, logger) }
        return try CorpusSQL.storedDocuments(rows)
    }

    func latestHashes(of ids: [String]) async throws -> [String: String] {
        let statements = CorpusSQL.latestHashStatements(of: ids)
        let rows = try await snapshot("latest hashes") { conn, logger in
            var rows: [SQLRow] = []
            for s in statements { rows += try await Self.rows(conn, s, logger) }
            return rows
        }
        return try CorpusSQL.latestHashes(rows)
    }

    func checkIntegrity() async throws -> [String] {
        try await snapshot("integrity check") { conn, logger in
            var problems: [String] = []
            for check in CorpusSQL.integrityChecks {
                for row in try await Self.rows(conn, check.statement, logger) { problems.append("\(check.label): \(CorpusSQL.describe(row))") }
            }
            return problems
        }
    }

    func close() async throws {
        runner.cancel()
        await runner.value
    }

    // MARK: Migrations

    private func migrate() async throws {
        let schema = self.schema
        try await transaction("migration") { conn, logger in
            try await Self.execute(conn, SQLStatement("SELECT pg_advisory_xact_lock(7263540001)"), logger)
            if let schema {
                try await Self.execute(conn, SQLStatement("CREATE SCHEMA IF NOT EXISTS \(PostgresURL.quoteIdentifier(schema))"), logger)
            }
            try await Self.execute(conn, SQLStatement("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)"), logger)
            let applied = Set(try await Self.rows(conn, SQLStatement("SELECT identifier FROM schema_migrations"), logger).map { try $0.string(0) })
            let unknown = applied.subtracting(Schema.migrations.map(\.identifier))
            guard unknown.isEmpty else { throw StoreError.newerSchema(applied: unknown.sorted()) }
            for m in Schema.migrations where !applied.contains(m.identifier) {
                for s in m.statements { try await Self.execute(conn, SQLStatement(s), logger) }
                try await Self.execute(conn, SQLStatement("INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, ?)",
                                                          [.text(m.identifier), .text(CorpusSQL.now())]), logger)
            }
        }
    }

    // MARK: Plumbing

    /// Runs `body` in a read-write transaction, retrying on serialization failures and deadlocks.
    private func transaction<T: Sendable>(_ operation: String,
                                          _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = self.logger
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { conn in
                    try await conn.withTransaction(logger: logger) { conn in try await body(conn, logger) }
                }
            } catch {
                if let storeError = Self.storeError(in: error) { throw storeError }
                let state = Self.sqlState(error)
                if attempt < 8, let state, ["40001", "40P01", "23505"].contains(state) {
                    try await Task.sleep(for: .milliseconds(5 * attempt * attempt))
                    continue
                }
                throw StoreError.database(operation: operation, reason: Self.describe(error))
            }
        }
    }

    /// Runs `body` in a repeatable-read, read-only transaction: one consistent snapshot.
    private func snapshot<T: Sendable>(_ operation: String,
                                       _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await transaction(operation) { conn, logger in
            try await Self.execute(conn, SQLStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"), logger)
            return try await body(conn, logger)
        }
    }

    static func query(_ s: SQLStatement) -> PostgresQuery {
        var binds = PostgresBindings(capacity: s.arguments.count)
        for a in s.arguments {
            switch a {
            case .null: binds.appendNull()
            case let .int(i): binds.append(i)
            case let .double(d): binds.append(d)
            case let .text(t): binds.append(t)
            }
        }
        return PostgresQuery(unsafeSQL: s.postgresSQL, binds: binds)
    }

    static func execute(_ conn: PostgresConnection, _ s: SQLStatement, _ logger: Logger) async throws {
        let rows = try await conn.query(query(s), logger: logger)
        for try await _ in rows {}
    }

    /// Sends all statements at once (they run in order on the connection) and waits for
    /// every answer: one round trip instead of one a statement. Throws the first error.
    static func pipeline(_ conn: PostgresConnection, _ statements: [SQLStatement], _ logger: Logger) async throws {
        let answers: [EventLoopFuture<PostgresQueryResult>] = statements.map { conn.query(query($0), logger: logger) }
        var first: (any Error)?
        for answer in answers {
            do { _ = try await answer.get() } catch { if first == nil { first = error } }
        }
        if let first { throw first }
    }

    static func rows(_ conn: PostgresConnection, _ s: SQLStatement, _ logger: Logger) async throws -> [SQLRow] {
        var out: [SQLRow] = []
        for try await row in try await conn.query(query(s), logger: logger) {
            var values: [SQLValue] = []
            values.reserveCapacity(row.count)
            for cell in row {
                guard cell.bytes != nil else { values.append(.null); continue }
                switch cell.dataType {
                case .int8: values.append(.int(try cell.decode(Int64.self)))
                case .int4: values.append(.int(Int64(try cell.decode(Int32.self))))
                case .int2: values.append(.int(Int64(try cell.decode(Int16.self))))
                case .float8, .float4: values.append(.double(try cell.decode(Double.self)))
                case .text, .varchar, .bpchar, .name: values.append(.text(try cell.decode(String.self)))
                default: values.append(.null)
                }
            }
            out.append(SQLRow(values: values))
        }
        return out
    }

    private static func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw StoreError.database(operation: "connect", reason: "no answer within \(limit)")
            }
            return value
        }
    }

    // MARK: Errors

    private static func unwrap(_ error: any Error) -> any Error {
        if let t = error as? PostgresTransactionError {
            return t.closureError ?? t.commitError ?? t.beginError ?? t.rollbackError ?? error
        }
        return error
    }

    private static func storeError(in error: any Error) -> StoreError? {
        unwrap(error) as? StoreError
    }

    static func sqlState(_ error: any Error) -> String? {
        (unwrap(error) as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func describe(_ error: any Error) -> String {
        let e = unwrap(error)
        if let s = e as? StoreError { return s.localizedDescription }
        if let p = e as? PSQLError {
            if let info = p.serverInfo, let message = info[.message] {
                return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
            }
            if let underlying = p.underlying { return "\(p.code): \(underlying)" }
            return "\(p.code)"
        }
        return String(describing: e)
    }
}

/// A parsed `postgres://user:password@host:port/database?sslmode=…` URL.
struct PostgresURL {
    var configuration: PostgresClient.Configuration
    /// The URL without its password, for messages.
    var redacted: String
    /// The schema named by `?schema=NAME`: created when missing and put first on the search path.
    var schema: String?
    /// `?connect_timeout=SECONDS` (as in libpq): how long opening waits for the server.
    var connectTimeout: Duration?

    /// The largest `connect_timeout` accepted, in seconds.
    static let maxConnectTimeout = 3600

    init(_ raw: String) throws {
        // errors show the URL without its password
        let string = Self.redact(raw)
        guard let c = URLComponents(string: raw), let scheme = c.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError.invalidLocation(string, reason: "expected postgres://user:password@host:port/database")
        }
        let host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        let port = c.port ?? 5432
        let user = c.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        var mode = "prefer"
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode": mode = item.value ?? mode
            case "schema": schema = item.value.flatMap { $0.isEmpty ? nil : $0 }
            case "connect_timeout":
                guard let seconds = item.value.flatMap({ Int($0) }), (1...Self.maxConnectTimeout).contains(seconds) else {
                    throw StoreError.invalidLocation(string, reason: "connect_timeout must be whole seconds from 1 to \(Self.maxConnectTimeout)")
                }
                connectTimeout = .seconds(seconds)
            default: throw StoreError.invalidLocation(string, reason: "unknown parameter '\(item.name)' (known: sslmode, schema, connect_timeout)")
            }
        }
        let tls: PostgresClient.Configuration.TLS
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch mode {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(unverified)
        case "require": tls = .require(unverified)
        case "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw StoreError.invalidLocation(string, reason: "unknown sslmode '\(mode)'")
        }
        var config = PostgresClient.Configuration(host: host, port: port, username: user, password: c.password,
                                                  database: database.isEmpty ? nil : database, tls: tls)
        config.options.maximumConnections = 4
        if let schema {
            config.options.additionalStartupParameters = [("search_path", Self.quoteIdentifier(schema))]
        }
        configuration = config
        var shown = c
        if shown.password != nil { shown.password = "***" }
        redacted = shown.string ?? "postgres://\(host):\(port)/\(database)"
    }

    /// `url` with the password of its `user:password@` part as `***`, parsed or not.
    static func redact(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        // the authority ends at the path, query or fragment (a valid password encodes those)
        let authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }

    /// An SQL identifier in double quotes, quotes doubled.
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
