import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract entities and relations, write graph.json.")

        @Argument(help: "Folder of articles (.txt, .md), read in name order.")
        var input: String = "seeds"

        @Option(name: .long, help: "Output folder.")
        var out: String = "out"

        @Option(name: .long, help: "A lexicon YAML file merged over the bundled one (same schema).")
        var lexicon: String?

        func run() throws {
            var lex = try Lexicon.bundled()
            if let lexicon { lex.merge(try Lexicon(contentsOf: URL(fileURLWithPath: lexicon))) }
            let (graph, report) = try BuildPipeline.run(inputDirectory: URL(fileURLWithPath: input), lexicon: lex)
            let files = BuildPipeline.outputFiles(graph, in: URL(fileURLWithPath: out))
            try AtomicWriter.writeAll(files)
            var err = StandardError()
            for w in report.warnings { print("warning: \(w)", to: &err) }
            print(Build.summary(report, files: files.map { $0.url.path }))
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
