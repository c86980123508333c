import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw graph.json with Graphviz (in-process) as SVG, PNG, PDF or DOT.",
            discussion: """
                The auto engine uses dot up to \(LayoutEngine.autoDotMaxNodes) nodes and \
                \(LayoutEngine.autoDotMaxEdges) edges and sfdp with overlap removal beyond. \
                Without -o, text formats (svg, dot) go to standard output; png and pdf go to \
                standard output only when it is not a terminal.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case svg, png, pdf, dot
            var renderFormat: RenderFormat { RenderFormat(rawValue: rawValue)! }
        }

        enum Engine: String, ExpressibleByArgument, CaseIterable {
            case auto, dot, neato, fdp, sfdp, circo, twopi
            var layoutEngine: LayoutEngine { LayoutEngine(rawValue: rawValue)! }
        }

        @Argument(help: "The graph.json to draw.")
        var graph: String

        @Option(help: "Output format.")
        var format: Format = .svg

        @Option(help: "Layout engine; auto picks dot for small graphs and sfdp for large ones.")
        var engine: Engine = .auto

        @Option(name: .shortAndLong, help: "Where to write (atomically); standard output when omitted.")
        var output: String?

        @Flag(help: "Add a legend of node types and edge kinds.")
        var legend = false

        @Flag(help: "Group nodes in one cluster per entity type.")
        var clusters = false

        @Option(name: .customLong("edge-labels"),
                help: "Edge labels: auto (up to \(DOTOptions.edgeLabelLimit) edges), always or never. Unlabelled edges say their label in their tooltip.")
        var edgeLabels: DOTOptions.EdgeLabels = .auto

        func validate() throws {
            if output == nil, !format.renderFormat.isText, isatty(STDOUT_FILENO) != 0 {
                throw ValidationError("\(format.rawValue) is binary: give -o FILE or redirect standard output")
            }
        }

        func run() throws {
            OutputFolder.recover(holding: graph)
            let g = try EntityGraph(contentsOf: URL(fileURLWithPath: graph))
            var options = DOTOptions(legend: legend, clusterByType: clusters)
            options.edgeLabels = edgeLabels
            let data = try GraphvizRenderer.shared.render(g, options: options, engine: engine.layoutEngine, format: format.renderFormat)
            if let output {
                try AtomicWriter.write(data, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

extension DOTOptions.EdgeLabels: ExpressibleByArgument {}
