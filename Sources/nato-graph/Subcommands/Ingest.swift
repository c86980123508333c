import ArgumentParser
import CorpusStore
import Foundation
import Graph

extension NatoGraph {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a folder of articles to the corpus store: new files are extracted and stored, unchanged files skipped, changed files stored as new versions.",
            discussion: """
            Each document is stored in one transaction: an interrupted run keeps what it \
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

        @OptionGroup var dates: DateRangeOptions

        func validate() throws {
            if output == nil, dates.since != nil || dates.until != nil {
                throw ValidationError("\(dates.since != nil ? "--since" : "--until") needs --output")
            }
        }

        func run() throws {
            var lex = try Lexicon.bundled()
            if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
            let lexiconValue = lex
            let (input, store, output, range) = (input, store, output, try dates.range())
            let summary = try StoreAccess.blocking {
                let corpus = try await openStore(StoreLocation(parsing: store))
                do {
                    let summary = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: input), lexicon: lexiconValue, into: corpus)
                    if let output {
                        let graph = try await corpus.loadGraph().filtered(documentsIn: range)
                        try AtomicWriter.write(graph.jsonData(), to: URL(fileURLWithPath: output))
                    }
                    try await corpus.close()
                    return summary
                } catch {
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
