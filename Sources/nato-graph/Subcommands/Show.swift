import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One entity: aliases, roles, and its edges in and out by kind, with evidence; svg draws its ego network."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, svg }

        @OptionGroup var source: GraphSource
        @Argument(help: "The entity (id, name or alias).") var entity: String
        @Option(help: "Ego network radius for svg.") var depth: Int = 1
        @Option(help: ArgumentHelp("Edge kinds listed, comma-separated.", valueName: "kinds")) var kinds: String?
        @Option(help: "Output format.") var format: Format = .text

        func validate() throws {
            try validateList(kinds, EntityGraph.parseKinds)
            if depth < 0 { throw ValidationError("--depth must be at least 0") }
        }

        func run() throws {
            let graph = try source.load()
            let kindList = try kinds.map(EntityGraph.parseKinds) ?? []
            var out = StandardOutput()
            switch format {
            case .text: try graph.report(on: entity, kinds: kindList).writeText(graph: graph, to: &out)
            case .json: try graph.report(on: entity, kinds: kindList).writeJSON(to: &out)
            case .svg:
                let ego = try graph.egoNetwork(of: entity, depth: depth, kinds: kindList)
                let centre = try graph.entities[graph.resolve(entity)]
                let options = DOTOptions(highlightedEntities: [centre.id], title: "\(centre.name), depth \(depth)")
                FileHandle.standardOutput.write(try GraphvizRenderer.shared.render(ego, options: options, engine: .auto, format: .svg))
            }
        }
    }
}
