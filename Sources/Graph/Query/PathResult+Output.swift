import Foundation

extension PathHop {
    /// "Hungary —opposition→ PURL", or for a hop against the edge "Ukraine ←pledge— Canada".
    public var arrow: String {
        forward ? "\(from.name) —\(relation.kind.rawValue)→ \(to.name)" : "\(from.name) ←\(relation.kind.rawValue)— \(to.name)"
    }
}

extension PathResult {
    /// Writes the paths, one line per hop with its evidence sentences and documents under it.
    ///
    /// ```text
    /// Hungary → Ukraine: 1 path
    ///
    /// path 1 (2 hops)
    ///   Hungary —opposition→ PURL
    ///     “On December 3, Hungary’s Foreign Minister …”
    ///       — 003_58733491b3223549.txt [2860–3011]
    /// ```
    /// - Parameters:
    ///   - out: where to write.
    ///   - evidenceLimit: most sentences shown per hop.
    /// - Complexity: O(total hops · evidence shown).
    public func writeText<W: TextOutputStream>(to out: inout W, evidenceLimit: Int = 2) {
        let noun = paths.count == 1 ? "path" : "paths"
        out.write("\(from.name) → \(to.name): \(paths.count) \(noun)\(truncated ? " (limit reached; there may be more)" : "")\n")
        if paths.isEmpty {
            out.write("no path between \(from.name) and \(to.name)\(filterDescription.isEmpty ? "" : " with \(filterDescription)")\n")
            return
        }
        for (i, p) in paths.enumerated() {
            out.write("\npath \(i + 1) (\(p.hopCount) \(p.hopCount == 1 ? "hop" : "hops"))\n")
            for hop in p.hops {
                out.write("  \(hop.arrow)\n")
                QueryOutput.writeEvidence(hop.relation.evidence, indent: "    ", limit: evidenceLimit, to: &out)
            }
        }
    }

    /// The filters in words ("kinds pledge, opposition; types country; directed; at most 3 hops").
    public var filterDescription: String {
        var parts: [String] = []
        if !query.kinds.isEmpty { parts.append("kinds \(query.kinds.map(\.rawValue).joined(separator: ", "))") }
        if !query.types.isEmpty { parts.append("types \(query.types.map(\.rawValue).joined(separator: ", ")) in between") }
        if query.directed { parts.append("edge direction followed") }
        if let h = query.maxHops { parts.append("at most \(h) hops") }
        return parts.joined(separator: "; ")
    }

    private struct PathJSON: Encodable {
        struct Hop: Encodable {
            var from: String
            var to: String
            var direction: String
            var relation: RelationJSON
        }
        var hops: Int
        var nodes: [String]
        var edges: [Hop]
    }

    private struct ResultJSON: Encodable {
        var from: EntityJSON
        var to: EntityJSON
        var truncated: Bool
        var paths: [PathJSON]
    }

    /// Writes the result as JSON: ends, and per path its node ids and hops with evidence.
    /// - Complexity: O(total hops · evidence).
    public func writeJSON<W: TextOutputStream>(to out: inout W) {
        let r = ResultJSON(from: EntityJSON(from), to: EntityJSON(to), truncated: truncated, paths: paths.map { p in
            PathJSON(hops: p.hopCount, nodes: p.entities.map(\.id), edges: p.hops.map {
                .init(from: $0.from.id, to: $0.to.id, direction: $0.forward ? "forward" : "backward", relation: RelationJSON($0.relation))
            })
        })
        out.write(QueryOutput.json(r))
    }
}
