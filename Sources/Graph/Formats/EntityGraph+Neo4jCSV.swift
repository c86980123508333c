import Foundation

extension EntityGraph {
    /// Node and relationship CSV files for `neo4j-admin database import full`.
    ///
    /// ```sh
    /// neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
    ///     --array-delimiter=';' --multiline-fields=true neo4j
    /// ```
    ///
    /// `nodes.csv` has the columns `id:ID`, `:LABEL` (`Entity;Person`, …), `name`, `type`,
    /// `aliases:string[]` and one `attr_KEY` column per entity attribute key in the graph.
    /// `relationships.csv` has `:START_ID`, `:END_ID`, `:TYPE` (`PLEDGE`, …), `kind`,
    /// `amount:double`, `currency`, `period`, `items:string[]`, `status`, `quote`, the
    /// parallel arrays `evidence_text:string[]`, `evidence_document:string[]`,
    /// `evidence_start:long[]`, `evidence_end:long[]`, `documents:string[]` and one
    /// `attr_KEY` column per relation attribute key.
    ///
    /// Fields follow RFC 4180: CRLF line ends, a field with a comma, quote, CR or LF is
    /// double-quoted with quotes doubled (hence `--multiline-fields=true`). Arrays are
    /// joined with `arrayDelimiter`; neo4j-admin has no escape for it, so an element that
    /// contains the delimiter gets U+FF1B FULLWIDTH SEMICOLON (or, for another delimiter,
    /// U+FFFD) in its place. U+0000 is written as U+FFFD. Attribute keys are reduced to `[A-Za-z0-9_]` for the header.
    /// Output is deterministic: nodes by id, relationships by (source, kind, target).
    /// - Parameter arrayDelimiter: the `--array-delimiter` the import will use.
    /// - Returns: `nodes.csv` and `relationships.csv`, UTF-8.
    /// - Complexity: O((n + r) log(n + r)) plus the size of the text written.
    public func neo4jCSV(arrayDelimiter: Character = ";") -> [(name: String, data: Data)] {
        let csv = Neo4jCSV(delimiter: arrayDelimiter)

        let entityKeys = Array(Set(entities.flatMap(\.attributes.keys))).sorted()
        var nodes = [csv.row(["id:ID", ":LABEL", "name", "type", "aliases:string[]"] + Neo4jCSV.columnNames(entityKeys))]
        for e in sortedEntities {
            nodes.append(csv.row([e.id, "Entity" + String(arrayDelimiter) + Cypher.label(e.type), e.name, e.type.rawValue, csv.array(e.aliases)]
                + entityKeys.map { e.attributes[$0] ?? "" }))
        }

        let relationKeys = Array(Set(relations.flatMap(\.attributes.keys))).sorted()
        var edges = [csv.row([":START_ID", ":END_ID", ":TYPE", "kind", "amount:double", "currency", "period", "items:string[]",
                              "status", "quote", "evidence_text:string[]", "evidence_document:string[]", "evidence_start:long[]",
                              "evidence_end:long[]", "documents:string[]"] + Neo4jCSV.columnNames(relationKeys))]
        for r in sortedRelations {
            var fields = [r.source, r.target, r.kind.rawValue.uppercased(), r.kind.rawValue]
            fields.append(r.amount.flatMap { $0.value.isFinite ? String($0.value) : nil } ?? "")
            fields.append(r.amount?.currency ?? "")
            fields.append(r.amount?.period ?? "")
            fields.append(csv.array(r.items))
            fields.append(r.status?.rawValue ?? "")
            fields.append(r.quote ?? "")
            fields.append(csv.array(r.evidence.map(\.text)))
            fields.append(csv.array(r.evidence.map(\.document)))
            fields.append(csv.array(r.evidence.map { String($0.start) }))
            fields.append(csv.array(r.evidence.map { String($0.end) }))
            fields.append(csv.array(Array(Set(r.evidence.map(\.document))).sorted()))
            fields += relationKeys.map { r.attributes[$0] ?? "" }
            edges.append(csv.row(fields))
        }
        return [("nodes.csv", Data(nodes.joined().utf8)), ("relationships.csv", Data(edges.joined().utf8))]
    }
}

/// RFC 4180 fields and neo4j-admin arrays.
struct Neo4jCSV {
    var delimiter: Character

    /// One record, CRLF-terminated; fields quoted only when they need it.
    func row(_ fields: [String]) -> String {
        fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// An array value: elements joined with the delimiter, which is replaced inside elements.
    func array(_ elements: [String]) -> String {
        let replacement: String = delimiter == ";" ? "\u{FF1B}" : "\u{FFFD}"
        return elements.map { $0.replacingOccurrences(of: String(delimiter), with: replacement) }
            .joined(separator: String(delimiter))
    }

    /// A field, double-quoted (quotes doubled) when it holds a comma, quote, CR or LF.
    /// U+0000, which CSV readers take for the end of the data, becomes U+FFFD.
    static func field(_ raw: String) -> String {
        let s = raw.utf8.contains(0) ? raw.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : raw
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Header names `attr_KEY` for attribute keys, reduced to `[A-Za-z0-9_]` and made unique.
    static func columnNames(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.map { key in
            let base = "attr_" + String(String.UnicodeScalarView(key.unicodeScalars.map {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") ? $0 : "_"
            }))
            var name = base
            var n = 2
            while !seen.insert(name).inserted {
                name = "\(base)_\(n)"
                n += 1
            }
            return name
        }
    }
}
