import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Convert graph.json to another exchange format.")

        @Argument(help: "The graph.json to read.")
        var graph: String

        @Option(name: .shortAndLong, help: "Where to write; standard output when omitted.")
        var output: String?

        func run() throws {
            let g = try EntityGraph(contentsOf: URL(fileURLWithPath: graph))
            let data = g.jsonData()
            if let output { try AtomicWriter.write(data, to: URL(fileURLWithPath: output)) }
            else { FileHandle.standardOutput.write(data) }
        }
    }
}
