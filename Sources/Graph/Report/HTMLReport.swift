import Foundation

/// Writes a self-contained HTML report: inline SVG diagrams, no scripts, no external
/// resources, so the page opens anywhere with no other file and no network.
///
/// ```swift
/// let html = try HTMLReport(graph: graph).render()
/// try AtomicWriter.write(Data(html.utf8), to: URL(fileURLWithPath: "out/report.html"))
/// ```
///
/// The page is well-formed XML as well as HTML5 (every element closed, only XML's own
/// entities), every SVG element id carries its diagram's prefix, and the only links are
/// in-page anchors the report built.
public struct HTMLReport {
    private let content: ReportContent
    private let renderer: GraphvizRenderer

    /// Prepares a report.
    /// - Parameters:
    ///   - graph: the graph to report on.
    ///   - options: title, focus, engine.
    ///   - renderer: the Graphviz owner that draws the diagrams.
    /// - Throws: `QueryError.unknownEntity` (with suggestions) when the focus names no entity.
    public init(graph: EntityGraph, options: ReportOptions = ReportOptions(), renderer: GraphvizRenderer = .shared) throws {
        content = try ReportContent(graph: graph, options: options)
        self.renderer = renderer
    }

    /// Renders the page.
    /// - Returns: the HTML text.
    /// - Throws: `GraphvizError` when a diagram cannot be drawn.
    /// - Complexity: one Graphviz layout per diagram; the rest is linear in the graph's size.
    public func render() throws -> String {
        var h = HTMLBuilder()
        let c = content
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        h.element("title", c.title)
        h.raw("<style>\n\(Self.css)</style>\n</head>\n<body>\n")
        h.raw("<header>\n")
        h.element("h1", c.title)
        let g = c.graph
        h.element("p", "\(g.documents.count) documents, \(g.entityCount) entities, \(g.relationCount) relations"
                  + (c.focus.map { ", centred on \($0.name)" } ?? "") + ".", cls: "summary")
        h.raw("<nav><ul>")
        for (id, name) in [("overview", "Overview"), ("pledges", "Pledges"), ("oppositions", "Oppositions"),
                           ("conflicts", "Conflicts"), ("entities", "Entities"), ("documents", "Documents")] {
            h.raw("<li><a href=\"#\(id)\">\(name)</a></li>")
        }
        h.raw("</ul></nav>\n</header>\n<main>\n")

        h.raw("<section id=\"overview\">\n")
        h.element("h2", "Overview")
        try figure(c.overview, into: &h)
        legend(into: &h)
        h.raw("</section>\n")

        pledgeTable(into: &h)
        oppositionTable(into: &h)
        conflictTable(into: &h)

        h.raw("<section id=\"entities\">\n")
        h.element("h2", "Entities")
        for s in c.sections { try entitySection(s, into: &h) }
        h.raw("</section>\n")

        h.raw("<section id=\"documents\">\n")
        h.element("h2", "Documents read")
        let documents = c.documents
        if documents.isEmpty { h.element("p", "No documents recorded in the graph.", cls: "empty") }
        h.raw("<ol class=\"documents\">\n")
        for d in documents {
            h.raw("<li id=\"\(HTMLBuilder.escape(Self.documentAnchor(d.id)))\">")
            h.element("strong", d.title.isEmpty ? d.id : d.title)
            h.raw(" ")
            h.element("span", "\(d.id)\(d.date.map { ", \($0)" } ?? "")", cls: "doc")
            if !d.sha256.isEmpty {
                h.raw(" ")
                h.element("code", "sha256 \(d.sha256.prefix(12))…")
            }
            h.raw("</li>\n")
        }
        h.raw("</ol>\n</section>\n</main>\n</body>\n</html>\n")
        return h.text
    }

    static func documentAnchor(_ id: String) -> String { "doc-" + Slug.make(id) }

    private func figure(_ d: ReportContent.Diagram, into h: inout HTMLBuilder) throws {
        h.raw("<figure class=\"diagram\" id=\"\(HTMLBuilder.escape(d.id))-figure\">\n")
        if d.graph.entityCount == 0 {
            h.element("p", "Nothing to draw.", cls: "empty")
        } else {
            let svg = try renderer.render(d.graph, options: d.options, engine: d.engine, format: .svg)
            h.raw(SVG.inlineable(String(decoding: svg, as: UTF8.self)))
        }
        h.element("figcaption", d.caption)
        h.raw("</figure>\n")
    }

    /// A legend in the diagrams' own colours (the DOT writer's styles).
    private func legend(into h: inout HTMLBuilder) {
        h.raw("<table class=\"legend\"><caption>Legend</caption><tr><th>Node types</th><th>Edge kinds</th></tr><tr><td><ul>")
        for t in EntityType.allCases {
            let s = DOTWriter.nodeStyle(t)
            h.raw("<li><span class=\"swatch\" style=\"background:\(s.fill);border-color:\(s.border)\"></span>\(t.rawValue)</li>")
        }
        h.raw("</ul></td><td><ul>")
        for k in RelationKind.allCases {
            let s = DOTWriter.edgeStyle(k)
            h.raw("<li><span class=\"line\" style=\"border-top-color:\(s.color);border-top-style:\(s.style == "solid" ? "solid" : s.style)\"></span>\(k.rawValue)</li>")
        }
        h.raw("</ul></td></tr></table>\n")
    }

    private func name(_ id: String) -> String { content.graph.entity(id: id)?.name ?? id }

    private func link(_ id: String, into h: inout HTMLBuilder) {
        h.raw("<a href=\"#\(HTMLBuilder.escape(ReportContent.anchor(id)))\">\(HTMLBuilder.escape(name(id)))</a>")
    }

    /// Links to the documents of a relation's evidence, the first `maxSources`, then a count.
    private func sources(_ r: Relation, into h: inout HTMLBuilder) {
        let docs = ReportContent.sourceDocuments(r)
        for (i, d) in docs.prefix(content.maxSources).enumerated() {
            if i > 0 { h.raw(", ") }
            h.raw("<a href=\"#\(HTMLBuilder.escape(Self.documentAnchor(d)))\">\(HTMLBuilder.escape(d))</a>")
        }
        if docs.count > content.maxSources {
            h.raw("\(content.maxSources > 0 ? " " : "")<span class=\"more\">and \(docs.count - content.maxSources) more</span>")
        }
    }

    /// The first `maxQuotes` evidence sentences, each with its document and offsets; then how
    /// many more there are and where from.
    private func evidence(_ r: Relation, into h: inout HTMLBuilder) {
        for e in r.evidence.prefix(content.maxQuotes) {
            h.raw("<blockquote>")
            h.element("p", e.text)
            h.raw("<cite><a href=\"#\(HTMLBuilder.escape(Self.documentAnchor(e.document)))\">\(HTMLBuilder.escape(e.document))</a>, characters \(e.start)–\(e.end)</cite></blockquote>\n")
        }
        guard r.evidence.count > content.maxQuotes else { return }
        let more = r.evidence.count - content.maxQuotes
        h.raw("<p class=\"more\">\(more) more sentence\(more == 1 ? "" : "s") (graph.json has them all). Sources: ")
        sources(r, into: &h)
        h.raw("</p>\n")
    }

    private func pledgeTable(into h: inout HTMLBuilder) {
        h.raw("<section id=\"pledges\">\n")
        h.element("h2", "Pledges")
        guard !content.pledges.isEmpty else {
            h.element("p", "No pledges in the graph.", cls: "empty")
            h.raw("</section>\n")
            return
        }
        h.raw("<table class=\"pledges\">\n<thead><tr><th>Giver</th><th>Recipient</th><th>Amount</th><th>Items</th><th>Status</th><th>Sources</th></tr></thead>\n<tbody>\n")
        for p in content.pledges {
            h.raw("<tr><td>"); link(p.source, into: &h)
            h.raw("</td><td>"); link(p.target, into: &h)
            h.raw("</td><td>\(HTMLBuilder.escape(p.amount.map(ReportContent.format) ?? "–"))</td>")
            h.raw("<td>\(HTMLBuilder.escape(p.items.isEmpty ? "–" : p.items.joined(separator: "; ")))</td>")
            h.raw("<td>\(HTMLBuilder.escape(p.status?.rawValue ?? "pledged"))</td><td>")
            sources(p, into: &h)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n")
        if !content.totals.isEmpty {
            h.element("h3", "Totals per recipient")
            h.raw("<table class=\"totals\"><thead><tr><th>Recipient</th><th>Total</th><th>Pledges</th></tr></thead><tbody>\n")
            for t in content.totals {
                h.raw("<tr><td>"); link(t.recipient.id, into: &h)
                h.raw("</td><td>\(HTMLBuilder.escape(ReportContent.format(Amount(value: t.value, currency: t.currency, period: t.period))))</td><td>\(t.count)</td></tr>\n")
            }
            h.raw("</tbody></table>\n")
            h.element("p", "Totals add only amounts in the same currency and period.", cls: "note")
        }
        h.raw("</section>\n")
    }

    private func oppositionTable(into h: inout HTMLBuilder) {
        h.raw("<section id=\"oppositions\">\n")
        h.element("h2", "Oppositions")
        guard !content.oppositions.isEmpty else {
            h.element("p", "No oppositions in the graph.", cls: "empty")
            h.raw("</section>\n")
            return
        }
        h.raw("<table class=\"oppositions\"><thead><tr><th>Who</th><th>Opposes</th><th>Evidence</th></tr></thead><tbody>\n")
        for o in content.oppositions {
            h.raw("<tr><td>"); link(o.source, into: &h)
            h.raw("</td><td>"); link(o.target, into: &h)
            h.raw("</td><td>"); evidence(o, into: &h)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    private func conflictTable(into h: inout HTMLBuilder) {
        h.raw("<section id=\"conflicts\">\n")
        h.element("h2", "Conflicts between sources")
        let conflicts = content.graph.conflicts
        guard !conflicts.isEmpty else {
            h.element("p", "The sources agree on every recorded fact.", cls: "empty")
            h.raw("</section>\n")
            return
        }
        for c in conflicts {
            h.raw("<div class=\"conflict\">")
            h.element("h3", "\(content.graph.entity(id: c.entity)?.name ?? c.entity): \(c.field)")
            h.raw("<table class=\"side-by-side\"><tr>")
            for (i, v) in c.values.enumerated() {
                h.raw("<td>")
                h.element("p", v, cls: "value")
                if i < c.documents.count {
                    h.raw("<p class=\"source\"><a href=\"#\(HTMLBuilder.escape(Self.documentAnchor(c.documents[i])))\">\(HTMLBuilder.escape(c.documents[i]))</a></p>")
                }
                h.raw("</td>")
            }
            h.raw("</tr></table></div>\n")
        }
        h.raw("</section>\n")
    }

    private func entitySection(_ s: ReportContent.EntitySection, into h: inout HTMLBuilder) throws {
        let e = s.entity
        h.raw("<section class=\"entity type-\(e.type.rawValue)\" id=\"\(HTMLBuilder.escape(s.anchor))\">\n")
        h.element("h3", e.name)
        var facts = "Type: \(e.type.rawValue)."
        if !e.aliases.isEmpty { facts += " Also: \(e.aliases.joined(separator: ", "))." }
        h.element("p", facts, cls: "facts")
        if !s.roles.isEmpty {
            h.raw("<ul class=\"roles\">")
            for r in s.roles {
                h.raw("<li>")
                let title = r.relation.attributes["title"] ?? "role"
                let dates = [r.relation.attributes["from"], r.relation.attributes["to"]].compactMap { $0 }.joined(separator: " – ")
                if r.outgoing {
                    h.raw(HTMLBuilder.escape(title) + " of ")
                } else {
                    h.raw(HTMLBuilder.escape(title) + ": ")
                }
                link(r.other.id, into: &h)
                if !dates.isEmpty { h.raw(" (\(HTMLBuilder.escape(dates)))") }
                h.raw("</li>")
            }
            h.raw("</ul>\n")
        }
        if let d = s.diagram { try figure(d, into: &h) }
        for group in s.groups {
            h.element("h4", group.kind.rawValue.capitalized + (group.kind == .opposition ? "s" : "s"))
            h.raw("<ul class=\"relations kind-\(group.kind.rawValue)\">\n")
            for line in group.lines {
                h.raw("<li>")
                if line.outgoing { h.raw("→ ") } else { h.raw("← ") }
                link(line.other.id, into: &h)
                if let a = line.relation.amount { h.raw(" <span class=\"amount\">\(HTMLBuilder.escape(ReportContent.format(a)))</span>") }
                if !line.relation.items.isEmpty { h.raw(" <span class=\"items\">\(HTMLBuilder.escape(line.relation.items.joined(separator: "; ")))</span>") }
                if let st = line.relation.status, st != .pledged { h.raw(" <span class=\"status\">\(st.rawValue)</span>") }
                if line.outgoing {
                    evidence(line.relation, into: &h)
                } else {
                    // quoted once, in the section of the entity it goes out from
                    let n = line.relation.evidence.count
                    if n > 0 {
                        h.raw(" <span class=\"more\">(\(n) sentence\(n == 1 ? "" : "s"), quoted under ")
                        link(line.other.id, into: &h)
                        h.raw(")</span>")
                    }
                }
                h.raw("</li>\n")
            }
            h.raw("</ul>\n")
        }
        h.raw("</section>\n")
    }

    static let css = """
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1b1b; line-height: 1.45; }
    nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
    figure.diagram { margin: 1rem 0; overflow-x: auto; border: 1px solid #ddd; padding: .5rem; }
    figure.diagram svg { max-width: 100%; height: auto; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; }
    th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
    blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #bbb; color: #333; }
    blockquote p { margin: 0; }
    cite { font-size: .85em; color: #666; }
    section.entity { border-top: 1px solid #eee; margin-top: 1.5rem; }
    .amount { font-weight: 600; } .status { color: #a40000; } .empty, .note, .more { color: #666; font-style: italic; }
    .legend ul { list-style: none; padding-left: .3rem; margin: .2rem 0; }
    .legend .swatch { display: inline-block; width: 1.4em; height: .9em; border: 2px solid; border-radius: 3px; margin-right: .4em; vertical-align: middle; }
    .legend .line { display: inline-block; width: 2em; border-top-width: 3px; margin-right: .4em; vertical-align: middle; }
    .side-by-side td { width: 50%; }

    """
}

/// A small HTML text builder that escapes every piece of user text it is given.
struct HTMLBuilder {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func element(_ name: String, _ content: String, cls: String? = nil) {
        text += "<\(name)\(cls.map { " class=\"\($0)\"" } ?? "")>\(Self.escape(content))</\(name)>\n"
    }

    /// Escapes text for HTML content and attribute values (the XML rules: both parse).
    static func escape(_ s: String) -> String { XML.escape(s) }
}
