import ArgumentParser
import Graph

extension NatoGraph {
    struct Pledges: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who pledged what to whom: giver, recipient, amount, items, status, documents, with totals.",
            discussion: """
                Totals add up a recipient's amounts only within one currency and one period: \
                per-month and one-off amounts, or euros and dollars, are never summed together.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var source: GraphSource
        @Option(help: "Only pledges from this giver (id, name or alias).") var from: String?
        @Option(help: "Only pledges to this recipient (id, name or alias).") var to: String?
        @Option(help: "Output format.") var format: Format = .text

        func run() throws {
            let report = try source.load().pledges(PledgeQuery(from: from, to: to))
            var out = StandardOutput()
            switch format {
            case .text: report.writeText(to: &out)
            case .json: report.writeJSON(to: &out)
            case .csv: report.writeCSV(to: &out)
            }
        }
    }
}
