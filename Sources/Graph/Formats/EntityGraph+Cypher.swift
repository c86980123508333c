import Foundation

extension EntityGraph {
    /// A Cypher script that recreates the graph in Neo4j (5.x) or any openCypher database,
    /// idempotently: running it twice leaves one copy.
    ///
    /// ```
    /// MERGE (n:Entity {id: 'nato'}) SET n:Organization, n.name = 'NATO', n.type = 'organization', n.aliases = ['the alliance'];
    /// MATCH (a:Entity {id: 'nato'}), (b:Entity {id: 'ukraine'}) MERGE (a)-[r:PLEDGE]->(b) SET r.amount = 1000000000.0, r.currency = 'EUR', …;
    /// ```
    ///
    /// One `MERGE` a node and one a relationship, each statement on its own line ending in `;`
    /// (for `cypher-shell -f graph.cypher`), after a uniqueness constraint on `:Entity(id)`.
    /// Every node has the label `Entity` plus its type's (`Person`, `Country`,
    /// `Organization`, `Program`) and the properties `id`, `name`, `type`, `aliases` and one
    /// `attr_KEY` per attribute. Relationship types are the kinds in capitals (`STATEMENT`,
    /// `PLEDGE`, `OPPOSITION`, `ROLE`, `MEMBER`); their properties are `kind`, the parallel
    /// lists `evidence_text`, `evidence_document`, `evidence_start`, `evidence_end`, the list
    /// `documents` (distinct, sorted), and where set `amount` (float), `currency`, `period`,
    /// `items` (list), `status`, `quote` and `attr_KEY`. Empty lists are left out.
    /// Strings are single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` and `\uXXXX` escapes for
    /// other control and separator characters; other Unicode is written as UTF-8.
    /// Output is deterministic: nodes by id, relationships by (source, kind, target).
    /// - Returns: the script.
    /// - Complexity: O((n + r) log(n + r)) plus the size of the text written.
    public func cypherScript() -> String {
        var out = "// nato-graph Cypher export: \(entities.count) nodes, \(relations.count) relationships.\n"
        out += "// Run with: cypher-shell -f graph.cypher\n"
        out += "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
        for e in sortedEntities {
            var sets = ["n:\(Cypher.label(e.type))", "n.name = \(Cypher.string(e.name))", "n.type = \(Cypher.string(e.type.rawValue))"]
            if !e.aliases.isEmpty { sets.append("n.aliases = \(Cypher.list(e.aliases))") }
            for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) {
                sets.append("n.\(Cypher.identifier("attr_" + k)) = \(Cypher.string(v))")
            }
            out += "MERGE (n:Entity {id: \(Cypher.string(e.id))}) SET \(sets.joined(separator: ", "));\n"
        }
        for r in sortedRelations {
            var sets = ["r.kind = \(Cypher.string(r.kind.rawValue))"]
            if !r.evidence.isEmpty {
                sets.append("r.evidence_text = \(Cypher.list(r.evidence.map(\.text)))")
                sets.append("r.evidence_document = \(Cypher.list(r.evidence.map(\.document)))")
                sets.append("r.evidence_start = [\(r.evidence.map { String($0.start) }.joined(separator: ", "))]")
                sets.append("r.evidence_end = [\(r.evidence.map { String($0.end) }.joined(separator: ", "))]")
                sets.append("r.documents = \(Cypher.list(Array(Set(r.evidence.map(\.document))).sorted()))")
            }
            if let a = r.amount {
                if let number = Cypher.float(a.value) { sets.append("r.amount = \(number)") }
                sets.append("r.currency = \(Cypher.string(a.currency))")
                if let p = a.period { sets.append("r.period = \(Cypher.string(p))") }
            }
            if !r.items.isEmpty { sets.append("r.items = \(Cypher.list(r.items))") }
            if let s = r.status { sets.append("r.status = \(Cypher.string(s.rawValue))") }
            if let q = r.quote { sets.append("r.quote = \(Cypher.string(q))") }
            for (k, v) in r.attributes.sorted(by: { $0.key < $1.key }) {
                sets.append("r.\(Cypher.identifier("attr_" + k)) = \(Cypher.string(v))")
            }
            out += "MATCH (a:Entity {id: \(Cypher.string(r.source))}), (b:Entity {id: \(Cypher.string(r.target))}) "
            out += "MERGE (a)-[r:\(r.kind.rawValue.uppercased())]->(b) SET \(sets.joined(separator: ", "));\n"
        }
        return out
    }
}

/// Cypher literals and names.
public enum Cypher {
    /// The node label of an entity type: `Person`, `Country`, `Organization`, `Program`.
    public static func label(_ type: EntityType) -> String {
        type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()
    }

    /// A single-quoted Cypher string literal. Backslash, quotes, newline, carriage return and
    /// tab get their escapes; other C0/C1 controls, DEL and U+2028/U+2029 become `\uXXXX`;
    /// everything else is kept as it is.
    /// - Complexity: O(n).
    public static func string(_ s: String) -> String {
        var out = "'"
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    /// A list literal of strings: `['a', 'b']`.
    public static func list(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// A property or label name, backtick-quoted (backticks doubled) unless it is a plain
    /// identifier (ASCII letter, then letters, digits and underscores).
    public static func identifier(_ name: String) -> String {
        let plain = name.unicodeScalars.enumerated().allSatisfy { i, c in
            c.isASCII && (CharacterSet.letters.contains(c) || c == "_" || (i > 0 && CharacterSet.decimalDigits.contains(c)))
        }
        if plain, !name.isEmpty { return name }
        return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A float literal (`1000000000.0`, `2.5`, `1e-07`), or nil for NaN and infinities,
    /// which Cypher cannot write.
    public static func float(_ v: Double) -> String? {
        guard v.isFinite else { return nil }
        if v == v.rounded(), abs(v) < 1e15 { return "\(Int64(v)).0" }
        return String(v).replacingOccurrences(of: "e+", with: "e")
    }
}
