import ArgumentParser
import CorpusStore
import Foundation
import Graph

extension NatoGraph {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a folder of articles to the corpus store: new files are extracted and stored, unchanged files skipped, changed files stored as new versions.",
            discussion: """
            Documents are stored 64 to a transaction: an interrupted run keeps what it \
            committed and the next run does the rest. --store takes an SQLite file (default \
            out/corpus.sqlite) or a postgres://user:password@host:port/database URL, which \
            several ingesters can share.
            """)

        @Argument(help: "Folder of articles (.txt, .md).")
        var input: String

        @Option(name: .long, help: "The corpus store: an SQLite file or a postgres:// URL.")
        var store: String = StoreLocation.defaultPath

        @Option(name: .long, help: "A lexicon YAML file merged over the bundled one (same schema).")
        var lexicon: String?

        @Option(name: .shortAndLong, help: "Afterwards, write the store's merged graph (graph.json) to this file.")
        var output: String?

        @Option(name: .long, help: "Documents extracted in parallel (default: the number of active processors). The store's content does not depend on it.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var dates: DateRangeOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if output == nil, dates.since != nil || dates.until != nil {
                throw ValidationError("\(dates.since != nil ? "--since" : "--until") needs --output")
            }
        }

        func run() throws {
            var lex = try Lexicon.bundled()
            if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
            let lexiconValue = lex
            let (input, store, output, range, jobs) = (input, store, output, try dates.range(), jobs)
            // the progress bar only when a person watches standard error
            let bar: ProgressBar? = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            var callback: (@Sendable (BuildProgress) -> Void)? = nil
            if let bar { callback = { bar.update($0) } }
            let progress = callback
            // a folder that cannot be ingested is reported before a store is opened (or created)
            _ = try BuildPipeline.listDocuments(in: URL(fileURLWithPath: input))
            let summary = try StoreAccess.blocking {
                let corpus = try await openStore(StoreLocation(parsing: store))
                do {
                    let summary = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: input), lexicon: lexiconValue, into: corpus,
                                                             jobs: jobs, progress: progress)
                    bar?.finish()
                    if let output {
                        let graph = try await corpus.loadGraph().filtered(documentsIn: range)
                        try AtomicWriter.write(graph.jsonData(), to: URL(fileURLWithPath: output))
                    }
                    try await corpus.close()
                    return summary
                } catch {
                    bar?.finish()
                    try? await corpus.close()
                    throw error
                }
            }
            var err = StandardError()
            for w in summary.warnings { print("warning: \(w)", to: &err) }
            print("ingest \(input) → \(StoreAccess.redacted(store)): \(summary.line)")
        }
    }
}
