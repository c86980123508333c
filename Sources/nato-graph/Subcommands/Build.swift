import ArgumentParser
import Foundation
@_spi(Testing) import Graph

extension NatoGraph {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract entities and relations; write graph.json, graph.dot, graph.svg and report.html.",
            discussion: """
            With --store, the graph comes from a corpus store (filled by nato-graph ingest) \
            instead of a folder: the same graph build makes of the same files. --since and \
            --until keep only evidence from documents dated in the range.
            """)

        @Argument(help: "Folder of articles (.txt, .md), read in name order (default: seeds; not with --store).")
        var input: String?

        @Option(name: .long, help: ArgumentHelp("Build from a corpus store instead of a folder: an SQLite file or a postgres:// URL.", valueName: "store"))
        var store: String?

        @Option(name: .long, help: "Output folder.")
        var out: String = "out"

        @Option(name: .long, help: "A lexicon YAML file merged over the bundled one (same schema).")
        var lexicon: String?

        @Option(name: .long, help: "Documents extracted in parallel (default: the number of active processors). The output does not depend on it.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var dates: DateRangeOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            guard store != nil else { return }
            if let input { throw ValidationError("give a folder ('\(input)') or --store, not both") }
            if lexicon != nil { throw ValidationError("--lexicon cannot be used with --store: the store holds documents already extracted") }
        }

        func run() throws {
            let started = Date()
            let range = try dates.range()
            let whole: EntityGraph
            var report: BuildReport
            if let store {
                whole = try StoreAccess.loadGraph(store)
                report = BuildReport(summarizing: whole)
            } else {
                var lex = try Lexicon.bundled()
                if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
                let (lexiconValue, folder, jobs) = (lex, input ?? "seeds", jobs)
                // the progress bar only when a person watches standard error
                let bar: ProgressBar? = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
                var callback: (@Sendable (BuildProgress) -> Void)? = nil
                if let bar { callback = { bar.update($0) } }
                let progress = callback
                (whole, report) = try StoreAccess.blocking {
                    try await BuildPipeline.run(inputDirectory: URL(fileURLWithPath: folder), lexicon: lexiconValue, jobs: jobs,
                                                progress: progress)
                }
                bar?.finish()
            }
            let graph = whole.filtered(documentsIn: range)
            var inRange: Int?
            if !range.isUnbounded {
                // the counts of what is written; documents read stay those read
                var cut = BuildReport(summarizing: graph)
                cut.documentsRead = report.documentsRead
                cut.warnings = report.warnings
                report = cut
                inRange = graph.documents.count
            }
            let files = try BuildPipeline.outputFiles(graph, in: URL(fileURLWithPath: out))
            try Build.writeSet(files)
            var err = StandardError()
            for w in report.warnings { print("warning: \(w)", to: &err) }
            report.seconds = Date().timeIntervalSince(started)
            print(Build.summary(report, documentsInRange: inRange, files: files.map { $0.url.relativePath }))
        }

        /// Writes the output set with `AtomicWriter.writeAll`.
        ///
        /// Test hook, not for users: with `NATO_GRAPH_TEST_KILL_AFTER_RENAMES=N` in the
        /// environment the process kills itself with SIGKILL after N of the set's renames,
        /// as `kill -9` at that moment would, leaving a mix of the two sets and the journal
        /// (Tests/NatoGraphCLITests/KilledBuildTests.swift).
        static func writeSet(_ files: [(url: URL, content: AtomicWriter.Content)]) throws {
            guard let n = ProcessInfo.processInfo.environment["NATO_GRAPH_TEST_KILL_AFTER_RENAMES"].flatMap({ Int($0) }) else {
                return try AtomicWriter.writeAll(files)
            }
            var renames = 0
            try AtomicWriter.writeAll(files, rename: { from, to in
                if renames == n { kill(getpid(), SIGKILL) }
                renames += 1
                return rename(from, to)
            })
        }

        /// Conflicts, and values per conflict, that the summary lists.
        static let maxConflictsListed = 10
        static let maxConflictValuesListed = 4

        /// The lines `build` prints; `documentsInRange` is given when `--since`/`--until` cut the graph.
        static func summary(_ r: BuildReport, documentsInRange: Int? = nil, files: [String]) -> String {
            var lines: [String] = []
            lines.append("documents read: \(r.documentsRead)")
            if let documentsInRange { lines.append("documents in date range: \(documentsInRange)") }
            let ents = EntityType.allCases.map { "\($0.rawValue) \(r.entitiesByType[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("entities: \(r.entitiesByType.values.reduce(0, +)) (\(ents))")
            let edges = RelationKind.allCases.map { "\($0.rawValue) \(r.edgesByKind[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("edges: \(r.edgesByKind.values.reduce(0, +)) (\(edges))")
            lines.append("conflicts: \(r.conflicts.count)")
            // a large corpus can disagree a lot: a few conflicts and values, the rest counted
            for c in r.conflicts.prefix(maxConflictsListed) {
                var pairs = zip(c.values, c.documents).prefix(maxConflictValuesListed).map { "\"\($0)\" (\($1))" }.joined(separator: " vs ")
                if c.values.count > maxConflictValuesListed { pairs += " vs \(c.values.count - maxConflictValuesListed) more" }
                lines.append("  \(c.entity) \(c.field): \(pairs)")
            }
            if r.conflicts.count > maxConflictsListed {
                lines.append("  and \(r.conflicts.count - maxConflictsListed) more (all in graph.json and report.html)")
            }
            if !r.warnings.isEmpty { lines.append("warnings: \(r.warnings.count)") }
            lines.append("wrote: \(files.joined(separator: ", "))")
            lines.append(String(format: "time: %.2fs", r.seconds))
            return lines.joined(separator: "\n")
        }
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
