import ArgumentParser
import Graph

/// The graph the query commands read: `--graph FILE`, by default out/graph.json.
struct GraphSource: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The graph.json to query.", valueName: "file"))
    var graph: String = EntityGraph.defaultQueryGraphPath

    /// Reads the graph; a missing file says to run `nato-graph build` first.
    func load() throws -> EntityGraph { try EntityGraph(queryGraphAt: graph) }
}

/// Checks a comma-separated kinds/types option in `validate()`, as a usage error.
func validateList<T>(_ value: String?, _ parse: (String) throws -> [T]) throws {
    guard let value else { return }
    do { _ = try parse(value) } catch { throw ValidationError(error.localizedDescription) }
}
