import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract entities and relations; write graph.json, graph.dot, graph.svg and report.html.")

        @Argument(help: "Folder of articles (.txt, .md), read in name order.")
        var input: String = "seeds"

        @Option(name: .long, help: "Output folder.")
        var out: String = "out"

        @Option(name: .long, help: "A lexicon YAML file merged over the bundled one (same schema).")
        var lexicon: String?

        @Option(name: .long, help: "Documents extracted in parallel (default: the number of active processors). The output does not depend on it.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let started = Date()
            var lex = try Lexicon.bundled()
            if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
            let (lexiconValue, input, jobs) = (lex, input, jobs)
            // the progress bar only when a person watches standard error
            let bar: ProgressBar? = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            var callback: (@Sendable (BuildProgress) -> Void)? = nil
            if let bar { callback = { bar.update($0) } }
            let progress = callback
            let (graph, report) = try Ingest.blocking {
                try await BuildPipeline.run(inputDirectory: URL(fileURLWithPath: input), lexicon: lexiconValue, jobs: jobs,
                                            progress: progress)
            }
            bar?.finish()
            let files = try BuildPipeline.outputFiles(graph, in: URL(fileURLWithPath: out))
            try AtomicWriter.writeAll(files)
            var err = StandardError()
            for w in report.warnings { print("warning: \(w)", to: &err) }
            var total = report
            total.seconds = Date().timeIntervalSince(started)
            print(Build.summary(total, files: files.map { $0.url.relativePath }))
        }

        static func summary(_ r: BuildReport, files: [String]) -> String {
            var lines: [String] = []
            lines.append("documents read: \(r.documentsRead)")
            let ents = EntityType.allCases.map { "\($0.rawValue) \(r.entitiesByType[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("entities: \(r.entitiesByType.values.reduce(0, +)) (\(ents))")
            let edges = RelationKind.allCases.map { "\($0.rawValue) \(r.edgesByKind[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("edges: \(r.edgesByKind.values.reduce(0, +)) (\(edges))")
            lines.append("conflicts: \(r.conflicts.count)")
            for c in r.conflicts {
                let pairs = zip(c.values, c.documents).map { "\"\($0)\" (\($1))" }.joined(separator: " vs ")
                lines.append("  \(c.entity) \(c.field): \(pairs)")
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
