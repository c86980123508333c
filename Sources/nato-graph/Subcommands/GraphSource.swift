import ArgumentParser
import CorpusStore
import Graph

/// The graph the query commands read: `--graph FILE` (by default out/graph.json) or
/// `--store FILE|postgres://URL`, cut down to documents dated `--since` … `--until`.
struct GraphSource: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The graph.json to query (default: \(EntityGraph.defaultQueryGraphPath)).", valueName: "file"))
    var graph: String?

    @Option(name: .long, help: ArgumentHelp("Query a corpus store instead: an SQLite file or a postgres:// URL.", valueName: "store"))
    var store: String?

    @OptionGroup var dates: DateRangeOptions

    func validate() throws {
        if graph != nil, store != nil { throw ValidationError("--graph and --store cannot be combined: give one of them") }
    }

    /// Reads the graph (a missing graph.json says to run `nato-graph build` first, a missing
    /// store file to run `nato-graph ingest`) and keeps what documents in the date range support.
    func load() throws -> EntityGraph {
        let whole = try store.map(StoreAccess.loadGraph) ?? EntityGraph(queryGraphAt: graph ?? EntityGraph.defaultQueryGraphPath)
        return whole.filtered(documentsIn: try dates.range())
    }
}

/// `--since` / `--until`: the document date range, checked as a usage error.
struct DateRangeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only evidence from documents dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only evidence from documents dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DocumentDateRange.isISODay(value) { throw ValidationError("\(name) '\(value)' is not a day like 2025-06-24") }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }

    /// The range; unbounded when neither option is given.
    func range() throws -> DocumentDateRange { try DocumentDateRange(since: since, until: until) }
}

/// Checks a comma-separated kinds/types option in `validate()`, as a usage error.
func validateList<T>(_ value: String?, _ parse: (String) throws -> [T]) throws {
    guard let value else { return }
    do { _ = try parse(value) } catch { throw ValidationError(error.localizedDescription) }
}
