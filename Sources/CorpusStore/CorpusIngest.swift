import Foundation
import Graph

/// What `CorpusIngest.run` did; the CLI prints it as one line.
public struct IngestSummary: Sendable, Equatable {
    /// Documents stored for the first time.
    public var added = 0
    /// Documents whose latest stored version has the same hash (not extracted again).
    public var unchanged = 0
    /// Documents stored as a new version of a known id.
    public var newVersions = 0
    /// Files skipped or decoded with replacements, one line each.
    public var warnings: [String] = []
    /// Wall-clock seconds.
    public var seconds: Double = 0

    public init() {}

    /// `added 3, unchanged 10, new versions 1 (0.42 s)`.
    public var line: String {
        String(format: "added %d, unchanged %d, new versions %d (%.2f s)", added, unchanged, newVersions, seconds)
    }
}

/// `nato-graph ingest`: extracts each new or changed article of a folder and stores it with
/// its graph, a batch of documents a transaction.
///
/// ```swift
/// let store = try await openStore(StoreLocation(parsing: "out/corpus.sqlite"))
/// let summary = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: "seeds"), lexicon: try .bundled(), into: store)
/// ```
public enum CorpusIngest {
    /// Documents stored in one transaction by default: enough that a commit (and SQLite's
    /// disk flush) is a small part of each document's cost, few enough that another ingester
    /// waits for a fraction of a second.
    public static let batchSize = 64

    /// Reads every `.txt` and `.md` file of a folder (see `BuildPipeline.listDocuments` and
    /// `readDocument`) and ingests it. A file whose hash equals its latest stored version is
    /// not extracted again (the store is asked for each batch's hashes,
    /// `CorpusStore.latestHashes(of:)`, never listed whole). Each document is stored as
    /// extracted (its graph and its merge facts), so the store's `loadGraph()` equals the
    /// graph `build` makes of the same files.
    ///
    /// Files are read and extracted `jobs` at a time, a batch of `batchSize` files while the
    /// previous batch is being stored (in one transaction, `CorpusStore.ingest(_:)`), in file
    /// order: the store's content does not depend on `jobs` or `batchSize`, and at most two
    /// batches of text are held. An interrupted run keeps every batch it committed; running
    /// it again does the rest.
    /// - Parameters:
    ///   - inputDirectory: the folder of articles.
    ///   - lexicon: the dictionary for extraction.
    ///   - store: where to store.
    ///   - jobs: documents read and extracted at once (at least 1).
    ///   - batchSize: documents a transaction (at least 1).
    ///   - progress: called after each batch is stored, with the files done so far.
    /// - Throws: `ExtractionError` for a missing or empty folder or when no file is readable,
    ///   `StoreError` from the store.
    /// - Complexity: O(total text of new and changed files); one transaction a batch.
    public static func run(inputDirectory: URL, lexicon: Lexicon, into store: any CorpusStore, jobs: Int = 1,
                           batchSize: Int = CorpusIngest.batchSize,
                           progress: (@Sendable (BuildProgress) -> Void)? = nil) async throws -> IngestSummary {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var summary = IngestSummary()
        let files = try BuildPipeline.listDocuments(in: inputDirectory)
        let extractor = Extractor(lexicon: lexicon)
        let size = max(1, batchSize), jobs = max(1, jobs)
        let batches = stride(from: 0, to: files.count, by: size).map { files[$0..<min(files.count, $0 + size)] }
        func prepare(_ k: Int) -> Task<[Prepared], any Error> {
            let batch = batches[k]
            return Task {
                // the batch's stored hashes only: memory stays flat however large the store grows
                let stored = try await store.latestHashes(of: batch.map(\.id))
                return await Self.prepare(batch, extractor: extractor, stored: stored, jobs: jobs)
            }
        }
        var next = batches.isEmpty ? nil : prepare(0)
        defer { next?.cancel() }
        var readable = 0, done = 0, bytesDone = 0
        let bytesTotal = files.reduce(0) { $0 + $1.size }
        for k in batches.indices {
            guard let current = next else { break }
            let prepared = try await current.value
            // the next batch is read and extracted while this one is stored
            next = k + 1 < batches.count ? prepare(k + 1) : nil
            var items: [IngestItem] = []
            for p in prepared {
                if let w = p.warning { summary.warnings.append(w) }
                switch p.kind {
                case .skipped: break
                case .unchanged: readable += 1; summary.unchanged += 1
                case let .extracted(item): readable += 1; items.append(item)
                }
            }
            for outcome in try await store.ingest(items) {
                switch outcome {
                case .added: summary.added += 1
                case .unchanged: summary.unchanged += 1
                case .newVersion: summary.newVersions += 1
                }
            }
            done += batches[k].count
            bytesDone += batches[k].reduce(0) { $0 + $1.size }
            progress?(BuildProgress(documentsDone: done, documentsTotal: files.count, bytesDone: bytesDone, bytesTotal: bytesTotal, seconds: seconds()))
        }
        guard readable > 0 else {
            throw ExtractionError.noReadableDocuments(path: inputDirectory.path, skipped: summary.warnings.count, first: summary.warnings.first ?? "")
        }
        summary.seconds = seconds()
        return summary
    }

    /// One file of a batch, read and (unless its hash is stored already) extracted.
    struct Prepared: Sendable {
        enum Kind: Sendable {
            case skipped
            case unchanged
            case extracted(IngestItem)
        }
        var kind: Kind
        var warning: String?
    }

    /// Reads and extracts a batch, `jobs` runs of consecutive files at once; results in file order.
    static func prepare(_ batch: ArraySlice<DocumentFile>, extractor: Extractor, stored: [String: String], jobs: Int) async -> [Prepared] {
        let files = Array(batch)
        let runs = min(jobs, files.count)
        guard runs > 1 else { return files.map { prepare($0, extractor: extractor, stored: stored) } }
        return await withTaskGroup(of: (Int, [Prepared]).self) { group in
            for r in 0..<runs {
                let part = files[(files.count * r / runs)..<(files.count * (r + 1) / runs)]
                group.addTask { (r, part.map { prepare($0, extractor: extractor, stored: stored) }) }
            }
            var parts = [[Prepared]](repeating: [], count: runs)
            for await (r, part) in group { parts[r] = part }
            return parts.flatMap { $0 }
        }
    }

    static func prepare(_ file: DocumentFile, extractor: Extractor, stored: [String: String]) -> Prepared {
        guard !Task.isCancelled else { return Prepared(kind: .skipped, warning: nil) }
        switch BuildPipeline.readDocument(file) {
        case let .skipped(warning):
            return Prepared(kind: .skipped, warning: warning)
        case let .document(source, warning):
            if stored[source.id] == source.sha256 { return Prepared(kind: .unchanged, warning: warning) }
            let x = extractor.extract(documentID: source.id, text: source.text, sha256: source.sha256)
            return Prepared(kind: .extracted(IngestItem(x, text: source.text)), warning: warning)
        }
    }
}
