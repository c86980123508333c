import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert graph.json to an exchange format: node-link JSON, GraphML or DOT.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, graphml, dot
        }

        @Argument(help: "The graph.json to read.")
        var graph: String

        @Option(name: .shortAndLong, help: "Output format.")
        var format: Format = .json

        @Option(name: .shortAndLong, help: "Where to write; standard output when omitted.")
        var output: String?

        func run() throws {
            let g = try EntityGraph(contentsOf: URL(fileURLWithPath: graph))
            let data: Data
            switch format {
            case .json: data = g.jsonData()
            case .graphml: data = g.graphMLData()
            case .dot: data = Data(DOTWriter().write(g).utf8)
            }
            try Output.write(data, to: output)
        }
    }
}

/// Where command output goes: a file (written atomically) or standard output.
enum Output {
    static func write(_ data: Data, to path: String?) throws {
        if let path {
            try AtomicWriter.write(data, to: URL(fileURLWithPath: path))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
