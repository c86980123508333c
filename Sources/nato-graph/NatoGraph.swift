import ArgumentParser
import Foundation
import Graph

@main
struct NatoGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nato-graph",
        abstract: "Turn news articles into a typed entity-relationship graph; draw, query and report it.",
        subcommands: [Build.self, Ingest.self, Render.self, Export.self, Report.self, Path.self, Pledges.self, Show.self, Match.self]
    )

    /// Parses, runs, and turns every library error into one line on standard error and
    /// a documented exit status (see `ExitStatus`); parser errors keep ArgumentParser's
    /// usage messages.
    static func main() {
        // The status is decided inside, the process exits outside: the error is released
        // first, so LeakSanitizer (scripts/sanitize.sh) finds nothing alive but unreachable.
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            return
        } catch let error as CategorizedError {
            FileHandle.standardError.write(Data("nato-graph: \(error.localizedDescription)\n".utf8))
            status = ExitStatus.for(error.category)
        } catch {
            exit(withError: error)
        }
        Foundation.exit(status)
    }
}

/// Exit statuses of the CLI (BSD sysexits): documented in the README.
enum ExitStatus {
    static func `for`(_ category: ErrorCategory) -> Int32 {
        switch category {
        case .dataError: return 65
        case .noInput: return 66
        case .queryError: return 67
        case .usage: return 64
        case .unavailable: return 69
        case .software: return 70
        case .cannotCreate: return 73
        }
    }
}
