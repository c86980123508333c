import Foundation

/// Who pledged what to whom: pledges filtered by giver and recipient, with totals.
///
/// ```swift
/// let r = try graph.pledges(PledgeQuery(to: "PURL"))
/// r.rows.map(\.giver.name) // ["Canada", "Germany", "Netherlands", "Norway", "Poland"]
/// ```
public struct PledgeQuery: Hashable, Sendable {
    /// Only pledges from this giver (id, name or alias).
    public var from: String?
    /// Only pledges to this recipient (id, name or alias).
    public var to: String?

    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }
}

/// One pledge edge.
public struct PledgeRow: Hashable, Sendable {
    public var giver: Entity
    public var recipient: Entity
    /// The edge, with amount, items, status and evidence.
    public var relation: Relation
    /// Documents the evidence comes from, sorted, unique.
    public var documents: [String] { Array(Set(relation.evidence.map(\.document))).sorted() }
}

/// The sum of a recipient's pledged amounts in one currency and one period. Amounts in
/// different currencies, or recurring and one-off amounts, are never added together.
public struct PledgeTotal: Hashable, Sendable {
    public var recipient: Entity
    public var currency: String
    /// "month", "year", …; `nil` for one-off amounts.
    public var period: String?
    public var value: Double
    /// How many pledges the total adds up.
    public var count: Int
}

/// The answer to a `PledgeQuery`.
public struct PledgeReport: Hashable, Sendable {
    /// Pledges by (recipient id, giver id).
    public var rows: [PledgeRow]
    /// Totals by (recipient id, currency, period); pledges without an amount are not counted.
    public var totals: [PledgeTotal]
}

extension EntityGraph {
    /// The pledges matching a query, with totals per recipient, currency and period.
    /// - Throws: `QueryError.unknownEntity` with suggestions for a name that matches nothing.
    /// - Complexity: O(r + p log p) for r relations and p matching pledges.
    public func pledges(_ query: PledgeQuery = PledgeQuery()) throws -> PledgeReport {
        let giver = try query.from.map { try resolve($0) }.map { entities[$0].id }
        let recipient = try query.to.map { try resolve($0) }.map { entities[$0].id }
        var rows: [PledgeRow] = []
        for r in relations where r.kind == .pledge {
            if let giver, r.source != giver { continue }
            if let recipient, r.target != recipient { continue }
            guard let g = entity(id: r.source), let t = entity(id: r.target) else { continue }
            rows.append(PledgeRow(giver: g, recipient: t, relation: r))
        }
        rows.sort { ($0.recipient.id, $0.giver.id) < ($1.recipient.id, $1.giver.id) }
        struct Key: Hashable { var recipient: String; var currency: String; var period: String }
        var sums: [Key: PledgeTotal] = [:]
        for row in rows {
            guard let a = row.relation.amount else { continue }
            let key = Key(recipient: row.recipient.id, currency: a.currency, period: a.period ?? "")
            sums[key, default: PledgeTotal(recipient: row.recipient, currency: a.currency, period: a.period, value: 0, count: 0)].value += a.value
            sums[key]!.count += 1
        }
        let totals = sums.sorted { ($0.key.recipient, $0.key.currency, $0.key.period) < ($1.key.recipient, $1.key.currency, $1.key.period) }.map(\.value)
        return PledgeReport(rows: rows, totals: totals)
    }
}

extension PledgeReport {
    /// Writes an aligned table (#, giver, recipient, amount, items, status, documents), the
    /// totals, then each row's evidence.
    /// - Complexity: O(rows · evidence shown).
    public func writeText<W: TextOutputStream>(to out: inout W, evidenceLimit: Int = 2) {
        if rows.isEmpty { out.write("no pledges match\n"); return }
        QueryOutput.writeTable(
            header: ["#", "GIVER", "RECIPIENT", "AMOUNT", "ITEMS", "STATUS", "DOCUMENTS"],
            rows: rows.enumerated().map { i, r in
                [String(i + 1), r.giver.name, r.recipient.name,
                 r.relation.amount.map { QueryOutput.amount($0) } ?? r.relation.attributes["shared_amount"].map { "(\($0), shared)" } ?? "",
                 r.relation.items.joined(separator: "; "), r.relation.status?.rawValue ?? "", r.documents.joined(separator: " ")]
            }, to: &out)
        out.write("\ntotals per recipient (same currency and period only; amounts shared by several givers left out)\n")
        if totals.isEmpty { out.write("  no pledge carries an amount\n") }
        for t in totals {
            let amount = QueryOutput.amount(Amount(value: t.value, currency: t.currency, period: t.period))
            out.write("  \(t.recipient.name): \(amount) (\(t.count) \(t.count == 1 ? "pledge" : "pledges"))\n")
        }
        out.write("\nevidence\n")
        for (i, r) in rows.enumerated() {
            out.write("  [\(i + 1)] \(r.giver.name) —pledge→ \(r.recipient.name)\n")
            QueryOutput.writeEvidence(r.relation.evidence, indent: "      ", limit: evidenceLimit, to: &out)
        }
    }

    /// Writes CSV with a header: giver, recipient, amount, currency, period, items (`; `),
    /// status, documents (space-separated).
    /// - Complexity: O(rows).
    public func writeCSV<W: TextOutputStream>(to out: inout W) {
        out.write("giver,recipient,amount,currency,period,items,status,documents\n")
        for r in rows {
            let a = r.relation.amount
            let fields = [r.giver.id, r.recipient.id, a.map { QueryOutput.number($0.value).replacingOccurrences(of: ",", with: "") } ?? "",
                          a?.currency ?? "", a?.period ?? "", r.relation.items.joined(separator: "; "),
                          r.relation.status?.rawValue ?? "", r.documents.joined(separator: " ")]
            out.write(fields.map(QueryOutput.csvField).joined(separator: ",") + "\n")
        }
    }

    private struct ReportJSON: Encodable {
        struct Row: Encodable {
            var giver: String
            var recipient: String
            var relation: RelationJSON
            var documents: [String]
        }
        struct Total: Encodable {
            var recipient: String
            var currency: String
            var period: String?
            var value: Double
            var count: Int
        }
        var pledges: [Row]
        var totals: [Total]
    }

    /// Writes JSON: `pledges` (with evidence) and `totals`.
    public func writeJSON<W: TextOutputStream>(to out: inout W) {
        out.write(QueryOutput.json(ReportJSON(
            pledges: rows.map { .init(giver: $0.giver.id, recipient: $0.recipient.id, relation: RelationJSON($0.relation), documents: $0.documents) },
            totals: totals.map { .init(recipient: $0.recipient.id, currency: $0.currency, period: $0.period, value: $0.value, count: $0.count) })))
    }
}
