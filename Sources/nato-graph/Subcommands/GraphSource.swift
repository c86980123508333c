import ArgumentParser
import CorpusStore
import Foundation
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
        let whole: EntityGraph
        if let store {
            whole = try StoreAccess.loadGraph(store)
        } else {
            let path = graph ?? EntityGraph.defaultQueryGraphPath
            OutputFolder.recover(holding: path)
            whole = try EntityGraph(queryGraphAt: path)
        }
        return whole.filtered(documentsIn: try dates.range())
    }
}

/// The folder a command reads a file of an output set from.
enum OutputFolder {
    /// Rolls back, in the folder of the file at `path`, a set whose writer was killed during
    /// its renames (`AtomicWriter.recoverInterruptedSets`), so that the command reads the
    /// previous set rather than a mix of two. Silent and best effort: a folder it cannot
    /// write, or that does not exist, is left as it is and the read goes on.
    static func recover(holding path: String) {
        AtomicWriter.recoverInterruptedSets(in: URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent())
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
