import ArgumentParser
import Foundation
import Graph

extension NatoGraph {
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How two entities are connected: shortest path, all paths or k shortest, with evidence per hop.",
            discussion: """
                Names resolve through ids, names and aliases ("Rutte", "Kyiv"). Edges are followed \
                in either direction unless --directed; hops against an edge are shown as they are \
                ("Ukraine ←pledge— Canada"). --all lists every simple path up to --max-hops \
                (default \(PathQuery.defaultAllHops)), shortest first; --k lists the k shortest \
                (Yen). --limit caps the paths enumerated.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, dot, svg }

        @OptionGroup var source: GraphSource
        @Argument(help: "Start entity (id, name or alias).") var from: String
        @Argument(help: "End entity (id, name or alias).") var to: String
        @Option(help: ArgumentHelp("Edge kinds allowed, comma-separated (statement, pledge, opposition, role, member).", valueName: "kinds"))
        var kinds: String?
        @Option(help: ArgumentHelp("Node types allowed in between, comma-separated (person, country, organization, program).", valueName: "types"))
        var types: String?
        @Flag(help: "Follow edges only from source to target.") var directed = false
        @Option(name: .customLong("max-hops"), help: "Longest path accepted.") var maxHops: Int?
        @Flag(help: "Every simple path up to --max-hops, shortest first.") var all = false
        @Option(name: .customLong("k"), help: "The k shortest paths (Yen).") var k: Int?
        @Option(help: "Most paths enumerated.") var limit: Int = PathQuery.defaultLimit
        @Option(help: "Output format.") var format: Format = .text

        func validate() throws {
            try validateList(kinds, EntityGraph.parseKinds)
            try validateList(types, EntityGraph.parseTypes)
            if all, k != nil { throw ValidationError("--all and --k cannot be combined") }
            if let k, k < 1 { throw ValidationError("--k must be at least 1") }
            if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let graph = try source.load()
            let finder = PathFinder(GraphIndex(graph))
            let mode: PathQuery.Mode = all ? .all : k.map { .kShortest($0) } ?? .shortest
            let query = PathQuery(from: from, to: to, kinds: try kinds.map(EntityGraph.parseKinds) ?? [],
                                  types: try types.map(EntityGraph.parseTypes) ?? [], directed: directed,
                                  maxHops: maxHops, mode: mode, limit: limit)
            let result = try graph.paths(query, finder: finder)
            var out = StandardOutput()
            switch format {
            case .text: result.writeText(to: &out)
            case .json: result.writeJSON(to: &out)
            case .dot, .svg:
                let drawing = result.drawing(in: graph, finder: finder)
                let options = DOTOptions(highlightedEntities: drawing.highlightedEntities,
                                         highlightedRelations: drawing.highlightedRelations,
                                         title: "\(result.from.name) → \(result.to.name)")
                let data = try GraphvizRenderer.shared.render(drawing.graph, options: options, engine: .auto,
                                                              format: format == .dot ? .dot : .svg)
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
