import Foundation

/// Output formats of the query commands.
public enum QueryFormat: String, CaseIterable, Sendable {
    case text, json, csv, dot, svg
}

/// Helpers shared by the query renderers: evidence lines, aligned tables, JSON, CSV.
enum QueryOutput {
    /// Writes up to `limit` evidence sentences, each with its document and offsets, indented.
    static func writeEvidence<W: TextOutputStream>(_ evidence: [Evidence], indent: String, limit: Int, to out: inout W) {
        for ev in evidence.prefix(limit) {
            // A sentence that opens with its own quotation mark is shown as it is.
            let quoted = ev.text.first.map { "“\"‘'«".contains($0) } ?? false
            out.write(quoted ? "\(indent)\(ev.text)\n" : "\(indent)“\(ev.text)”\n")
            out.write("\(indent)  — \(ev.document) [\(ev.start)–\(ev.end)]\n")
        }
        if evidence.count > limit { out.write("\(indent)(+\(evidence.count - limit) more)\n") }
        if evidence.isEmpty { out.write("\(indent)(no evidence recorded)\n") }
    }

    /// Writes rows as a table with columns padded to their widest cell (in characters).
    static func writeTable<W: TextOutputStream>(header: [String], rows: [[String]], to out: inout W) {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            return s + "\n"
        }
        out.write(line(header))
        out.write(line(widths.map { String(repeating: "-", count: $0) }))
        for r in rows { out.write(line(r)) }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Pretty, key-sorted JSON followed by a newline.
    static func json<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let d = try? enc.encode(value) else { return "{}\n" }
        return String(decoding: d, as: UTF8.self) + "\n"
    }

    /// "1,000,000,000" for 1e9, "2.5" for 2.5: grouping independent of the locale.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e18 {
            let digits = String(Int64(abs(v)))
            var s = ""
            for (i, ch) in digits.enumerated() {
                if i > 0, (digits.count - i) % 3 == 0 { s.append(",") }
                s.append(ch)
            }
            return (v < 0 ? "-" : "") + s
        }
        return String(v)
    }

    /// "1,000,000,000 EUR per month".
    static func amount(_ a: Amount?) -> String {
        guard let a else { return "" }
        return "\(number(a.value)) \(a.currency)" + (a.period.map { " per \($0)" } ?? "")
    }
}

/// An evidence sentence as JSON.
struct EvidenceJSON: Encodable {
    var document: String
    var start: Int
    var end: Int
    var text: String
    init(_ e: Evidence) { document = e.document; start = e.start; end = e.end; text = e.text }
}

/// An edge as JSON, with its evidence and attributes.
struct RelationJSON: Encodable {
    var source: String
    var target: String
    var kind: String
    var amount: Amount?
    var items: [String]?
    var status: String?
    var quote: String?
    var attributes: [String: String]?
    var evidence: [EvidenceJSON]
    init(_ r: Relation) {
        source = r.source; target = r.target; kind = r.kind.rawValue
        amount = r.amount; items = r.items.isEmpty ? nil : r.items; status = r.status?.rawValue
        quote = r.quote; attributes = r.attributes.isEmpty ? nil : r.attributes
        evidence = r.evidence.map(EvidenceJSON.init)
    }
}

/// An entity as JSON.
struct EntityJSON: Encodable {
    var id: String
    var name: String
    var type: String
    var aliases: [String]
    init(_ e: Entity) { id = e.id; name = e.name; type = e.type.rawValue; aliases = e.aliases }
}

/// Writes to standard output; for the command-line layer.
public struct StandardOutput: TextOutputStream {
    public init() {}
    public mutating func write(_ string: String) {
        FileHandle.standardOutput.write(Data(string.utf8))
    }
}
