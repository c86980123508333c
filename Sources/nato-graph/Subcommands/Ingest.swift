import ArgumentParser
import CorpusStore
import Dispatch
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

        @Option(name: .long, help: "With --output: only documents dated on or after this day (YYYY-MM-DD).")
        var since: String?

        @Option(name: .long, help: "With --output: only documents dated on or before this day (YYYY-MM-DD).")
        var until: String?

        func validate() throws {
            for (name, value) in [("--since", since), ("--until", until)] {
                guard let value else { continue }
                if output == nil { throw ValidationError("\(name) needs --output") }
                if !Self.isISODay(value) { throw ValidationError("\(name) '\(value)' is not a day like 2025-06-24") }
            }
            if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
        }

        func run() throws {
            var lex = try Lexicon.bundled()
            if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
            let lexiconValue = lex
            let (input, store, output, since, until) = (input, store, output, since, until)
            let summary = try Self.blocking {
                let corpus = try await openStore(StoreLocation(parsing: store))
                do {
                    let summary = try await CorpusIngest.run(inputDirectory: URL(fileURLWithPath: input), lexicon: lexiconValue, into: corpus)
                    if let output {
                        let graph = try await corpus.loadGraph(since: since, until: until)
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
            print("ingest \(input) → \(Self.redacted(store)): \(summary.line)")
        }

        static func isISODay(_ s: String) -> Bool {
            s.range(of: #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) != nil
        }

        /// The store location without a password.
        static func redacted(_ location: String) -> String {
            location.replacingOccurrences(of: #"(://[^:/@]*):[^@/]*@"#, with: "$1:***@", options: .regularExpression)
        }

        /// Runs async library code from this synchronous command (the root command is
        /// synchronous). The main thread waits; the work runs on the cooperative pool.
        static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
            let box = BlockingResult<T>()
            let done = DispatchSemaphore(value: 0)
            Task {
                do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
                done.signal()
            }
            done.wait()
            return try box.result!.get()
        }
    }
}

/// The result of async work a synchronous caller waits for (written once, before the signal).
private final class BlockingResult<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
