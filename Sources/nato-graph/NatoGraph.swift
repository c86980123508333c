import ArgumentParser

@main
struct NatoGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nato-graph",
        abstract: "Turn news articles into a typed entity-relationship graph; draw, query and report it.",
        subcommands: [Export.self, Render.self, Path.self, Pledges.self, Show.self, Match.self]
    )
}
