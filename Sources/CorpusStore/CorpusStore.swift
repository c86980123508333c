import Foundation
import Graph

/// A corpus of ingested articles and the graph read from each, kept in a database so that
/// runs accumulate instead of starting over.
///
/// Documents are identified by id (the file name) and versioned by content hash
/// (`Document.sha256`): ingesting the same bytes again changes nothing, ingesting changed
/// bytes under the same id adds a new version. The latest version of each document counts;
/// older versions are kept. Each ingest is one transaction: a crash (even `kill -9`) loses
/// nothing committed before it and leaves the store consistent.
///
/// Two backends share one schema and one behaviour: SQLite (embedded, the default) and
/// PostgreSQL (shared, for several ingesters at once). Both are safe to use from several
/// tasks and several processes at the same time.
///
/// ```swift
/// let store = try await openStore(StoreLocation(parsing: "out/corpus.sqlite"))
/// let outcome = try await store.ingest(extraction, text: text)   // from Extractor.extract
/// let merged = try await store.loadGraph()                       // what `build` makes of them
/// let june = try await store.loadGraph(since: "2025-06-01", until: "2025-06-30")
/// try await store.close()
/// ```
public protocol CorpusStore: Sendable {
    /// Stores a document version, the graph read from it and its merge facts, in one
    /// transaction.
    ///
    /// The graph is stored as the document's own graph: its entities (with aliases and
    /// attributes), relations (with amount, items, status, quote, attributes) and evidence,
    /// and its conflicts. Its `documents` list is not stored: `document` takes its place.
    /// - Parameters:
    ///   - document: the document; `sha256` decides whether it is new, unchanged or changed.
    ///   - text: the document's text, kept with the version.
    ///   - graph: the graph read from this document alone (`DocumentExtraction.graph`). Every
    ///     relation needs at least one evidence sentence, and all evidence must name
    ///     `document.id`.
    ///   - facts: what merging across documents needs besides the graph
    ///     (`DocumentExtraction.mergeFacts`); `.none` for a bare graph.
    /// - Returns: `.added` for a new id, `.unchanged` when the latest version has the same
    ///   hash (nothing is written), `.newVersion` when the hash differs.
    /// - Throws: `StoreError`.
    /// - Complexity: O(e + r + v) rows written for e entities, r relations and v evidence
    ///   sentences, in multi-row inserts of up to 900 values (about 12 statements for a
    ///   typical article); nothing but one lookup when the document is unchanged.
    func ingest(document: Document, text: String, graph: EntityGraph, facts: MergeFacts) async throws -> IngestOutcome
    /// Stores several document versions in one transaction: all of them or, after a crash,
    /// none. Each is decided as `ingest(document:text:graph:facts:)` decides (an id that comes
    /// twice is decided against the version the batch wrote before it).
    ///
    /// One transaction for many documents spares a commit (and, in SQLite, a disk flush and
    /// rewritten index pages) per document: `CorpusIngest` stores its documents this way.
    /// - Parameter items: the documents, in the order they are decided and written.
    /// - Returns: each item's outcome, in order.
    /// - Throws: `StoreError`. A document that cannot be stored (`StoreError.invalidInput`)
    ///   stops the batch there: the documents before it are stored, then the error is thrown.
    /// - Complexity: O(rows) written, in multi-row inserts; one lookup per document.
    func ingest(_ items: [IngestItem]) async throws -> [IngestOutcome]

    /// The merged graph of the latest version of every document whose date lies in the range.
    ///
    /// The stored extractions (each document's graph, with its document added, and its merge
    /// facts) are merged by `BuildPipeline.merge` in order of document id, so the result
    /// equals (and serializes byte-identically to) the graph `build` makes of the same files:
    /// with conflicts between documents, lexicon roles and memberships whose ends come from
    /// different documents, and surnames folded into full names. Documents stored with
    /// `.none` facts contribute their graph only. With a range, the graph is what `build`
    /// makes of the documents in range alone (compare `EntityGraph.filtered(documentsFrom:through:)`,
    /// which cuts the whole graph down to their evidence).
    /// - Parameters:
    ///   - since: first ISO day included (`"2025-06-01"`), or nil for no lower bound.
    ///   - until: last ISO day included, or nil for no upper bound.
    ///   When either bound is given, documents without a date are left out; with no bound
    ///   every document counts. The range applies to the latest version's date.
    /// - Throws: `StoreError.invalidDate` for a bound that is not `YYYY-MM-DD`.
    /// - Complexity: O(rows of the selected versions) in a fixed number of queries.
    func loadGraph(since: String?, until: String?) async throws -> EntityGraph

    /// Every stored document version, sorted by (id, version).
    /// - Complexity: one query, O(versions).
    func documents() async throws -> [StoredDocument]

    /// The content hash (`Document.sha256`) of the latest stored version of each of `ids`;
    /// ids the store does not have are left out. `CorpusIngest` asks it for each batch of
    /// files, to skip extracting the unchanged ones without listing the whole store.
    /// - Parameter ids: document ids (file names).
    /// - Returns: id → sha256 of its latest version.
    /// - Throws: `StoreError`.
    /// - Complexity: one query per 500 ids; O(ids) primary-key lookups.
    func latestHashes(of ids: [String]) async throws -> [String: String]

    /// Checks the store: the database's own integrity check (SQLite), that every stored
    /// relation has evidence, every document version is whole, and that no row is orphaned.
    /// - Returns: the problems found; empty when the store is consistent.
    func checkIntegrity() async throws -> [String]

    /// Closes the store; it must not be used afterwards.
    func close() async throws
}

extension CorpusStore {
    /// `ingest(_:)` as one transaction a document, for a store without batches of its own.
    public func ingest(_ items: [IngestItem]) async throws -> [IngestOutcome] {
        var outcomes: [IngestOutcome] = []
        for item in items { outcomes.append(try await ingest(document: item.document, text: item.text, graph: item.graph, facts: item.facts)) }
        return outcomes
    }

    /// Stores a document version and its graph with no merge facts (see
    /// `ingest(document:text:graph:facts:)`).
    public func ingest(document: Document, text: String, graph: EntityGraph) async throws -> IngestOutcome {
        try await ingest(document: document, text: text, graph: graph, facts: .none)
    }

    /// Stores what `Extractor.extract` read from a document: its graph and its merge facts,
    /// so that `loadGraph` merges it exactly as `build` would.
    /// - Parameters:
    ///   - extraction: the document's extraction.
    ///   - text: the document's text.
    public func ingest(_ extraction: DocumentExtraction, text: String) async throws -> IngestOutcome {
        try await ingest(document: extraction.document, text: text, graph: extraction.graph, facts: extraction.mergeFacts)
    }

    /// The merged graph of the latest version of every document (see `loadGraph(since:until:)`).
    public func loadGraph() async throws -> EntityGraph { try await loadGraph(since: nil, until: nil) }
}

/// One document version to store with `CorpusStore.ingest(_:)`.
///
/// An item validates itself and makes the rows it will be stored as when it is made, on the
/// caller's thread: `CorpusIngest` makes items on its extraction workers, so that the store's
/// single writer does not (that was about a third of a batch's time in SQLite). Changing a
/// field afterwards drops them; the store then makes them again.
public struct IngestItem: Sendable {
    /// The document; `sha256` decides whether it is new, unchanged or changed.
    public var document: Document { didSet { prepared = nil } }
    /// Its text, kept with the version.
    public var text: String { didSet { prepared = nil } }
    /// The graph read from it alone.
    public var graph: EntityGraph { didSet { prepared = nil } }
    /// Its merge facts; `.none` for a bare graph.
    public var facts: MergeFacts { didSet { prepared = nil } }
    /// Its validation and rows, made by `init`; nil once a field has changed.
    private(set) var prepared: CorpusSQL.PreparedVersion?

    /// A document with its graph and merge facts (see `ingest(document:text:graph:facts:)`).
    /// - Complexity: O(the graph's rows and the text): validates the item and makes its rows.
    public init(document: Document, text: String, graph: EntityGraph, facts: MergeFacts = .none) {
        self.document = document
        self.text = text
        self.graph = graph
        self.facts = facts
        self.prepared = CorpusSQL.PreparedVersion(document: document, text: text, graph: graph, facts: facts)
    }

    /// What `Extractor.extract` read from a document, with the document's text.
    public init(_ extraction: DocumentExtraction, text: String) {
        self.init(document: extraction.document, text: text, graph: extraction.graph, facts: extraction.mergeFacts)
    }
}

/// What an ingest did.
public enum IngestOutcome: String, Sendable, Equatable, CaseIterable {
    /// The document id was new: version 1 was stored.
    case added
    /// The latest version has the same content hash: nothing was written.
    case unchanged
    /// The id was known with a different hash: a new version was stored and is now the latest.
    case newVersion
}

/// One stored version of a document.
public struct StoredDocument: Sendable, Equatable {
    /// The document as ingested.
    public var document: Document
    /// 1 for the first version of an id, then 2, 3, …
    public var version: Int
    /// Whether this is the id's latest version (the one `loadGraph` uses).
    public var isLatest: Bool
    /// When it was ingested (ISO 8601, UTC).
    public var ingestedAt: String
    /// Number of entities in the version's own graph.
    public var entityCount: Int
    /// Number of relations in the version's own graph.
    public var relationCount: Int

    public init(document: Document, version: Int, isLatest: Bool, ingestedAt: String, entityCount: Int, relationCount: Int) {
        self.document = document
        self.version = version
        self.isLatest = isLatest
        self.ingestedAt = ingestedAt
        self.entityCount = entityCount
        self.relationCount = relationCount
    }
}

/// Where a corpus store lives.
public enum StoreLocation: Sendable, Equatable {
    /// An SQLite file (created with its directory when missing).
    case sqlite(URL)
    /// A PostgreSQL connection URL: `postgres://user:password@host:port/database`
    /// (`?sslmode=disable|prefer|require`, default `prefer`).
    case postgres(String)

    /// The default location: `out/corpus.sqlite` in the current directory.
    public static let defaultPath = "out/corpus.sqlite"

    /// `postgres://…` or `postgresql://…` names a PostgreSQL database; anything else is
    /// an SQLite file path (`sqlite:` prefix optional).
    public init(parsing string: String) {
        let lower = string.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(string)
        } else if lower.hasPrefix("sqlite:") {
            self = .sqlite(URL(fileURLWithPath: String(string.dropFirst("sqlite:".count))))
        } else {
            self = .sqlite(URL(fileURLWithPath: string))
        }
    }
}

/// Opens (creating and migrating as needed) the store at `location`.
/// - Parameters:
///   - location: the SQLite file or PostgreSQL database.
///   - mustExist: for reading: an SQLite file that does not exist is an error instead of
///     being created.
/// - Throws: `StoreError.notFound` for a missing SQLite file when `mustExist`,
///   `StoreError.cannotOpen` when the file cannot be opened, `StoreError.unreachable` when
///   the PostgreSQL server cannot be reached, `StoreError.invalidLocation` for a malformed
///   PostgreSQL URL.
public func openStore(_ location: StoreLocation, mustExist: Bool = false) async throws -> any CorpusStore {
    switch location {
    case let .sqlite(url):
        var isDirectory: ObjCBool = false
        if mustExist, !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || isDirectory.boolValue {
            throw StoreError.notFound(path: url.relativePath)
        }
        return try await SQLiteCorpusStore(url: url)
    case let .postgres(string): return try await PostgresCorpusStore(url: string)
    }
}
