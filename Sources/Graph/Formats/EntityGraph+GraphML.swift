import Foundation

extension EntityGraph {
    /// Serializes the graph as GraphML that networkx's `read_graphml` and Gephi open.
    ///
    /// Nodes carry `label`, `type` and `aliases` (joined with "; "); edges carry `kind`,
    /// the first evidence sentence and its document, the evidence count, and the pledge
    /// attributes where set. Edge ids are the kind, so networkx's multigraph keys match
    /// graph.json's. Output is deterministic.
    /// - Returns: UTF-8 XML.
    /// - Complexity: O((n + r) log(n + r)) plus the size of the text written.
    public func graphMLData() -> Data {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        let nodeKeys: [(String, String)] = [("label", "string"), ("type", "string"), ("aliases", "string")]
        let edgeKeys: [(String, String)] = [
            ("kind", "string"), ("evidence", "string"), ("document", "string"), ("evidence_count", "int"),
            ("documents", "string"), ("amount", "double"), ("currency", "string"), ("period", "string"),
            ("items", "string"), ("status", "string"), ("quote", "string"),
        ]
        for (name, type) in nodeKeys {
            out += "  <key id=\"n_\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (name, type) in edgeKeys {
            out += "  <key id=\"e_\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <graph id=\"nato-graph\" edgedefault=\"directed\">\n"
        for e in sortedEntities {
            out += "    <node id=\"\(XML.escape(e.id))\">\n"
            out += data("n_label", e.name)
            out += data("n_type", e.type.rawValue)
            if !e.aliases.isEmpty { out += data("n_aliases", e.aliases.joined(separator: "; ")) }
            out += "    </node>\n"
        }
        for r in sortedRelations {
            out += "    <edge id=\"\(r.kind.rawValue)\" source=\"\(XML.escape(r.source))\" target=\"\(XML.escape(r.target))\">\n"
            out += data("e_kind", r.kind.rawValue)
            if let first = r.evidence.first {
                out += data("e_evidence", first.text)
                out += data("e_document", first.document)
            }
            out += data("e_evidence_count", String(r.evidence.count))
            let docs = Array(Set(r.evidence.map(\.document))).sorted()
            if !docs.isEmpty { out += data("e_documents", docs.joined(separator: "; ")) }
            if let a = r.amount {
                out += data("e_amount", Self.formatNumber(a.value))
                out += data("e_currency", a.currency)
                if let p = a.period { out += data("e_period", p) }
            }
            if !r.items.isEmpty { out += data("e_items", r.items.joined(separator: "; ")) }
            if let s = r.status { out += data("e_status", s.rawValue) }
            if let q = r.quote { out += data("e_quote", q) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return Data(out.utf8)
    }

    private func data(_ key: String, _ value: String) -> String {
        "      <data key=\"\(key)\">\(XML.escape(value))</data>\n"
    }

    /// A number as GraphML's `double` reads it, without exponent for whole values.
    static func formatNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// XML text and attribute escaping.
public enum XML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0 forbids
    /// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) with U+FFFD.
    /// - Complexity: O(n).
    public static func escape(_ s: String) -> String {
        // most text has nothing to escape: printable ASCII without the five, or any non-ASCII
        // byte (a multi-byte scalar is never one of them; U+FFFE/U+FFFF go the long way)
        if s.utf8.allSatisfy({ b in
            b >= 0x20 ? b != UInt8(ascii: "&") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">") && b != UInt8(ascii: "\"")
                && b != UInt8(ascii: "'") && b != 0xEF : b == 0x09 || b == 0x0A || b == 0x0D
        }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
