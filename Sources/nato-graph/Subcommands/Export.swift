import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert graph.json to an exchange format: node-link JSON, GraphML, DOT, Cypher or neo4j CSV.",
            discussion: """
            cypher writes a script that recreates the graph with MERGE (cypher-shell -f FILE); \
            neo4j-csv writes nodes.csv and relationships.csv into the folder given with -o, \
            for neo4j-admin database import.
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, graphml, dot, cypher
            case neo4jCSV = "neo4j-csv"
        }

        @Argument(help: "The graph.json to read.")
        var graph: String

        @Option(name: .shortAndLong, help: "Output format.")
        var format: Format = .json

        @Option(name: .shortAndLong, help: "Where to write; standard output when omitted.")
        var output: String?

        func validate() throws {
            if format == .neo4jCSV, output == nil {
                throw ValidationError("--format neo4j-csv writes two files: give a folder with -o")
            }
        }

        func run() throws {
            OutputFolder.recover(holding: graph)
            let g = try EntityGraph(contentsOf: URL(fileURLWithPath: graph))
            let data: Data
            switch format {
            case .json: data = g.jsonData()
            case .graphml: data = g.graphMLData()
            case .dot: data = Data(DOTWriter().write(g).utf8)
            case .cypher: data = Data(g.cypherScript().utf8)
            case .neo4jCSV:
                let dir = URL(fileURLWithPath: output ?? ".")
                try AtomicWriter.writeAll(g.neo4jCSV().map { (dir.appendingPathComponent($0.name), $0.data) })
                return
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
