import ArgumentParser

@main
struct NatoGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nato-graph",
        abstract: "Turn news articles into a typed entity-relationship graph; draw, query and report it.",
        subcommands: [Export.self, Build.self]
    )
}
