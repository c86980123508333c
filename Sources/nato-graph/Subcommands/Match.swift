import ArgumentParser
import Graph

extension NatoGraph {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find a Cypher-style pattern, e.g. '(c:country)-[:pledge]->(p:program) RETURN c, p LIMIT 10'.",
            discussion: """
                Nodes: (var:type {name: "…"}) with types person, country, organization, program; \
                name matches aliases, id is exact. Relations: -[var:kind|kind*min..max]-> , <-[…]- , -[…]- \
                with kinds statement, pledge, opposition, role, member. RETURN names variables \
                (all named ones by default); LIMIT caps the rows. Rows are sorted by entity id.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var source: GraphSource
        @Argument(help: "The pattern.") var pattern: String
        @Option(help: "Output format.") var format: Format = .text
        @Option(name: .customLong("max-matches"), help: "Most matches enumerated before sorting.") var maxMatches = 10_000

        func run() throws {
            let graph = try source.load()
            let result = try graph.match(pattern, maxMatches: maxMatches)
            var out = StandardOutput()
            switch format {
            case .text: result.writeText(graph: graph, to: &out)
            case .json: result.writeJSON(to: &out)
            }
        }
    }
}
