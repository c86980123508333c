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
/// its graph, one transaction a document.
///
/// ```swift
/// let store = try await openStore(StoreLocation(parsing: "out/corpus.sqlite"))
/// let summary = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: "seeds"), lexicon: try .bundled(), into: store)
/// ```
public enum CorpusIngest {
    /// Reads every `.txt` and `.md` file of a folder (see `BuildPipeline.loadDocuments`) and
    /// ingests it. A file whose hash equals its latest stored version is not extracted again.
    /// Each document is stored as extracted (its graph and its merge facts), so the store's
    /// `loadGraph()` equals the graph `build` makes of the same files.
    /// An interrupted run keeps every document it committed; running it again does the rest.
    /// - Parameters:
    ///   - inputDirectory: the folder of articles.
    ///   - lexicon: the dictionary for extraction.
    ///   - store: where to store.
    /// - Throws: `ExtractionError` for a missing or empty folder, `StoreError` from the store.
    /// - Complexity: O(total text of new and changed files) plus one transaction a document.
    public static func run(inputDirectory: URL, lexicon: Lexicon, into store: any CorpusStore) async throws -> IngestSummary {
        let clock = ContinuousClock()
        let start = clock.now
        var summary = IngestSummary()
        let (documents, warnings) = try BuildPipeline.loadDocuments(from: inputDirectory)
        summary.warnings = warnings
        guard !documents.isEmpty else {
            throw ExtractionError.noReadableDocuments(path: inputDirectory.path, skipped: warnings.count)
        }
        var latest: [String: String] = [:]
        for d in try await store.documents() where d.isLatest { latest[d.document.id] = d.document.sha256 }
        let extractor = Extractor(lexicon: lexicon)
        for source in documents {
            if latest[source.id] == source.sha256 {
                summary.unchanged += 1
                continue
            }
            let extraction = extractor.extract(documentID: source.id, text: source.text, sha256: source.sha256)
            switch try await store.ingest(extraction, text: source.text) {
            case .added: summary.added += 1
            case .unchanged: summary.unchanged += 1
            case .newVersion: summary.newVersions += 1
            }
        }
        let elapsed = clock.now - start
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }
}
