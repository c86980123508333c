import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML report (or Markdown with SVG files) of a graph.",
            discussion: """
            The HTML page embeds every diagram as inline SVG and needs no other file and no network. \
            With --format md, the Markdown file is written with its SVG files in a folder beside it \
            (report-files/ for report.md).
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case html, md
        }

        @OptionGroup var source: GraphSource

        @Option(name: .shortAndLong, help: "Output format.")
        var format: Format = .html

        @Option(name: .shortAndLong, help: "Where to write (default: out/report.html or out/report.md).")
        var output: String?

        @Option(name: .long, help: "Centre the report on this entity (name, alias or id).")
        var focus: String?

        @Option(name: .long, help: "Hops around --focus (0-10).")
        var depth: Int = 1

        @Option(name: .long, help: "Page title.")
        var title: String = "nato-graph report"

        @Option(name: .long, help: "Evidence sentences quoted per relation: a number, or 'all' (default 5; the rest are counted with their documents).")
        var quotes: String = "5"

        func validate() throws {
            if depth < 0 || depth > 10 { throw ValidationError("--depth must be between 0 and 10") }
            if quotesLimit == nil { throw ValidationError("--quotes takes a number of at least 0 or 'all' (got '\(quotes)')") }
        }

        /// `--quotes` as a limit; nil when it is neither a count nor "all".
        var quotesLimit: Int? {
            if quotes == "all" { return Int.max }
            return Int(quotes).flatMap { $0 >= 0 ? $0 : nil }
        }

        func run() throws {
            let g = try source.load()
            var options = ReportOptions(title: title, focus: focus, depth: depth)
            options.maxQuotes = quotesLimit ?? options.maxQuotes
            switch format {
            case .html:
                let html = try HTMLReport(graph: g, options: options).render()
                try AtomicWriter.write(Data(html.utf8), to: URL(fileURLWithPath: output ?? "out/report.html"))
            case .md:
                let target = URL(fileURLWithPath: output ?? "out/report.md")
                let folder = target.deletingPathExtension().lastPathComponent + "-files"
                let md = try MarkdownReport(graph: g, options: options, assetFolder: folder).render()
                let dir = target.deletingLastPathComponent()
                try AtomicWriter.writeAll([(target, Data(md.markdown.utf8))]
                    + md.assets.map { (dir.appendingPathComponent($0.path), $0.data) })
            }
        }
    }
}
