import Foundation

/// Writes the report as Markdown with its diagrams as SVG files beside it, for a wiki or a
/// repository.
///
/// ```swift
/// let md = try MarkdownReport(graph: graph, assetFolder: "report-files").render()
/// // md.markdown → report.md; md.assets → report-files/overview.svg, …
/// ```
public struct MarkdownReport {
    private let content: ReportContent
    private let renderer: GraphvizRenderer
    private let assetFolder: String

    /// A rendered Markdown report.
    public struct Output {
        /// The Markdown text.
        public var markdown: String
        /// The SVG files it links to: a path relative to the Markdown file, and the bytes.
        public var assets: [(path: String, data: Data)]
    }

    /// Prepares a report.
    /// - Parameters:
    ///   - graph: the graph.
    ///   - options: title, focus, engine.
    ///   - assetFolder: folder, relative to the Markdown file, that holds the SVG files.
    ///   - renderer: the Graphviz owner.
    /// - Throws: `QueryError.unknownEntity` when the focus names no entity.
    public init(graph: EntityGraph, options: ReportOptions = ReportOptions(), assetFolder: String = "report-files",
                renderer: GraphvizRenderer = .shared) throws {
        content = try ReportContent(graph: graph, options: options)
        self.renderer = renderer
        self.assetFolder = assetFolder
    }

    /// Renders the Markdown and its SVG files.
    /// - Throws: `GraphvizError` when a diagram cannot be drawn.
    public func render() throws -> Output {
        let c = content, g = c.graph
        var md = "# \(Self.inline(c.title))\n\n"
        md += "\(g.documents.count) documents, \(g.entityCount) entities, \(g.relationCount) relations"
        md += (c.focus.map { ", centred on \(Self.inline($0.name))" } ?? "") + ".\n\n"
        var assets: [(String, Data)] = []
        func figure(_ d: ReportContent.Diagram) throws {
            guard d.graph.entityCount > 0 else { md += "_Nothing to draw._\n\n"; return }
            var options = d.options
            options.entityLink = nil  // links to in-page anchors mean nothing in a separate file
            let svg = try renderer.render(d.graph, options: options, engine: d.engine, format: .svg)
            let path = "\(assetFolder)/\(d.id).svg"
            assets.append((path, svg))
            md += "![\(Self.inline(d.caption))](\(path))\n\n"
        }
        md += "## Overview\n\n"
        try figure(c.overview)

        md += "## Pledges\n\n"
        if c.pledges.isEmpty { md += "_No pledges in the graph._\n\n" } else {
            md += "| Giver | Recipient | Amount | Items | Status | Sources |\n|---|---|---|---|---|---|\n"
            for p in c.pledges {
                md += "| \(cell(name(p.source))) | \(cell(name(p.target))) | \(cell(p.amount.map(ReportContent.format) ?? "–")) | "
                md += "\(cell(p.items.isEmpty ? "–" : p.items.joined(separator: "; "))) | \(p.status?.rawValue ?? "pledged") | "
                md += "\(cell(sources(p))) |\n"
            }
            md += "\n"
            if !c.totals.isEmpty {
                md += "### Totals per recipient\n\n| Recipient | Total | Pledges |\n|---|---|---|\n"
                for t in c.totals {
                    md += "| \(cell(t.recipient.name)) | \(cell(ReportContent.format(Amount(value: t.value, currency: t.currency, period: t.period)))) | \(t.count) |\n"
                }
                md += "\n"
            }
        }
        md += "## Oppositions\n\n"
        if c.oppositions.isEmpty { md += "_No oppositions in the graph._\n\n" }
        for o in c.oppositions {
            md += "- **\(Self.inline(name(o.source)))** opposes **\(Self.inline(name(o.target)))**\n"
            md += quotes(o)
        }
        md += "\n## Conflicts between sources\n\n"
        if g.conflicts.isEmpty { md += "_The sources agree on every recorded fact._\n\n" }
        for cf in g.conflicts {
            md += "### \(Self.inline(g.entity(id: cf.entity)?.name ?? cf.entity)): \(Self.inline(cf.field))\n\n"
            md += "| " + cf.documents.map(cell).joined(separator: " | ") + " |\n"
            md += "|" + String(repeating: "---|", count: max(1, cf.documents.count)) + "\n"
            md += "| " + cf.values.map(cell).joined(separator: " | ") + " |\n\n"
        }
        md += "## Entities\n\n"
        for s in c.sections {
            md += "### \(Self.inline(s.entity.name))\n\n"
            md += "Type: \(s.entity.type.rawValue)."
            if !s.entity.aliases.isEmpty { md += " Also: \(Self.inline(s.entity.aliases.joined(separator: ", ")))." }
            md += "\n\n"
            for r in s.roles {
                md += "- \(Self.inline(r.relation.attributes["title"] ?? "role")) \(r.outgoing ? "of" : "held by") \(Self.inline(r.other.name))\n"
            }
            if !s.roles.isEmpty { md += "\n" }
            if let d = s.diagram { try figure(d) }
            for group in s.groups {
                md += "#### \(group.kind.rawValue.capitalized)s\n\n"
                for line in group.lines {
                    md += "- \(line.outgoing ? "→" : "←") \(Self.inline(line.other.name))"
                    if let a = line.relation.amount { md += " (\(Self.inline(ReportContent.format(a))))" }
                    if !line.outgoing, !line.relation.evidence.isEmpty {
                        // quoted once, under the entity it goes out from
                        let n = line.relation.evidence.count
                        md += " (\(n) sentence\(n == 1 ? "" : "s"), quoted under \(Self.inline(line.other.name)))"
                    }
                    md += "\n"
                    if line.outgoing { md += quotes(line.relation) }
                }
                md += "\n"
            }
        }
        md += "## Documents read\n\n"
        for d in c.documents { md += "1. **\(Self.inline(d.title.isEmpty ? d.id : d.title))** (\(Self.inline(d.id)))\n" }
        return Output(markdown: md, assets: assets)
    }

    private func name(_ id: String) -> String { content.graph.entity(id: id)?.name ?? id }

    /// A relation's documents, the first `maxSources`, then a count.
    private func sources(_ r: Relation) -> String {
        let docs = ReportContent.sourceDocuments(r)
        let listed = docs.prefix(content.maxSources).joined(separator: ", ")
        guard docs.count > content.maxSources else { return listed }
        return listed + (listed.isEmpty ? "" : " ") + "and \(docs.count - content.maxSources) more"
    }

    /// The first `maxQuotes` evidence sentences as quote lines, then how many more and where from.
    private func quotes(_ r: Relation) -> String {
        var md = ""
        for e in r.evidence.prefix(content.maxQuotes) { md += "  > \(Self.inline(e.text)) (\(Self.inline(e.document)))\n" }
        let more = r.evidence.count - content.maxQuotes
        if more > 0 {
            md += "  > _\(more) more sentence\(more == 1 ? "" : "s") (graph.json has them all). Sources: \(Self.inline(sources(r)))_\n"
        }
        return md
    }

    private func cell(_ s: String) -> String { Self.inline(s).replacingOccurrences(of: "|", with: "\\|") }

    /// Escapes Markdown syntax in inline text and folds newlines.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\n", "\r": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
