import Foundation

/// Everything the graph says about one entity: aliases, roles, and its edges in and out,
/// grouped by kind, with evidence (the `show` command).
///
/// ```swift
/// let r = try graph.report(on: "Rutte")
/// r.outgoing.first { $0.kind == .statement }?.relations.map(\.target) // ["nato", "russia", …]
/// ```
public struct EntityReport: Sendable {
    /// Edges of one kind.
    public struct Group: Sendable {
        public var kind: RelationKind
        public var relations: [Relation]
    }

    /// The entity.
    public var entity: Entity
    /// Offices it holds (its outgoing role edges) or, for an organization or country, the
    /// people holding offices in it (incoming role edges).
    public var roles: [Relation]
    /// Edges from the entity, grouped by kind (kinds in `RelationKind` order), by target id.
    public var outgoing: [Group]
    /// Edges to the entity, grouped by kind, by source id.
    public var incoming: [Group]
}

extension EntityGraph {
    /// The report on one entity.
    /// - Parameters:
    ///   - name: id, name or alias.
    ///   - kinds: edge kinds listed; empty for all.
    /// - Throws: `QueryError.unknownEntity` with suggestions.
    /// - Complexity: O(r) over the relations (no index needed for one entity).
    public func report(on name: String, kinds: [RelationKind] = []) throws -> EntityReport {
        let i = try resolve(name)
        let e = entities[i]
        let allowed = Set(kinds.isEmpty ? RelationKind.allCases : kinds)
        var out: [RelationKind: [Relation]] = [:], inc: [RelationKind: [Relation]] = [:]
        var roles: [Relation] = []
        for r in relations {
            if r.kind == .role, r.source == e.id || r.target == e.id { roles.append(r) }
            guard allowed.contains(r.kind) else { continue }
            if r.source == e.id { out[r.kind, default: []].append(r) }
            if r.target == e.id { inc[r.kind, default: []].append(r) }
        }
        func groups(_ d: [RelationKind: [Relation]], by end: (Relation) -> String) -> [EntityReport.Group] {
            RelationKind.allCases.compactMap { k in
                d[k].map { EntityReport.Group(kind: k, relations: $0.sorted { (end($0), $0.source) < (end($1), $1.source) }) }
            }
        }
        return EntityReport(entity: e, roles: roles.sorted { $0.key < $1.key },
                            outgoing: groups(out) { $0.target }, incoming: groups(inc) { $0.source })
    }
}

extension EntityReport {
    /// Writes the report as text: header, aliases, roles, then each group's edges with evidence.
    /// - Parameters:
    ///   - graph: the graph, to print names instead of ids.
    ///   - out: where to write.
    ///   - evidenceLimit: most sentences shown per edge.
    /// - Complexity: O(edges · evidence shown).
    public func writeText<W: TextOutputStream>(graph: EntityGraph, to out: inout W, evidenceLimit: Int = 2) {
        func name(_ id: String) -> String { graph.entity(id: id)?.name ?? id }
        out.write("\(entity.name) (\(entity.type.rawValue), id \(entity.id))\n")
        out.write("aliases: \(entity.aliases.isEmpty ? "—" : entity.aliases.joined(separator: ", "))\n")
        for (k, v) in entity.attributes.sorted(by: { $0.key < $1.key }) { out.write("\(k): \(v)\n") }
        if roles.isEmpty {
            out.write("roles: —\n")
        } else {
            out.write("roles:\n")
            for r in roles {
                let title = r.attributes["title"].map { "\($0), " } ?? ""
                out.write("  \(name(r.source)) —role→ \(name(r.target))\(title.isEmpty ? "" : " (\(title.dropLast(2)))")\n")
            }
        }
        for (label, groups, outgoing) in [("outgoing", self.outgoing, true), ("incoming", incoming, false)] {
            let total = groups.reduce(0) { $0 + $1.relations.count }
            out.write("\n\(label) (\(total))\n")
            for g in groups {
                out.write("  \(g.kind.rawValue) (\(g.relations.count))\n")
                for r in g.relations {
                    var line = outgoing ? "    → \(name(r.target))" : "    ← \(name(r.source))"
                    if let a = r.amount { line += "  \(QueryOutput.amount(a))" }
                    if !r.items.isEmpty { line += "  [\(r.items.joined(separator: "; "))]" }
                    if let s = r.status { line += "  (\(s.rawValue))" }
                    out.write(line + "\n")
                    QueryOutput.writeEvidence(r.evidence, indent: "        ", limit: evidenceLimit, to: &out)
                }
            }
        }
    }

    private struct ReportJSON: Encodable {
        struct Group: Encodable { var kind: String; var relations: [RelationJSON] }
        var entity: EntityJSON
        var attributes: [String: String]
        var roles: [RelationJSON]
        var outgoing: [Group]
        var incoming: [Group]
    }

    /// Writes the report as JSON.
    /// - Complexity: O(edges · evidence).
    public func writeJSON<W: TextOutputStream>(to out: inout W) {
        let j = ReportJSON(entity: EntityJSON(entity), attributes: entity.attributes, roles: roles.map(RelationJSON.init),
                           outgoing: outgoing.map { .init(kind: $0.kind.rawValue, relations: $0.relations.map(RelationJSON.init)) },
                           incoming: incoming.map { .init(kind: $0.kind.rawValue, relations: $0.relations.map(RelationJSON.init)) })
        out.write(QueryOutput.json(j))
    }
}
