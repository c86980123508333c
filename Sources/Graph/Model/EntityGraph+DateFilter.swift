/// An inclusive range of days that documents are selected by (`--since` / `--until`).
///
/// Bounds are ISO days (`YYYY-MM-DD`) and compare with the first ten characters of
/// `Document.date`. With either bound given, a document without a date (or with a date
/// that does not start with an ISO day) is outside the range; with neither, every document
/// is inside.
///
/// ```swift
/// let june = try DocumentDateRange(since: "2025-06-01", until: "2025-06-30")
/// june.contains(Document(id: "a.txt", title: "", sha256: "", date: "2025-06-24"))  // true
/// ```
public struct DocumentDateRange: Sendable, Equatable {
    /// The first day included, or nil for no lower bound.
    public let since: String?
    /// The last day included, or nil for no upper bound.
    public let until: String?

    /// Every document, dated or not.
    public static let all = DocumentDateRange(validSince: nil, until: nil)

    /// Creates a range.
    /// - Parameters:
    ///   - since: the first day included (`"2025-06-01"`), or nil.
    ///   - until: the last day included, or nil. A range whose `since` is after its
    ///     `until` is valid and contains nothing.
    /// - Throws: `GraphError.invalidDate` for a bound that is not a valid ISO day.
    public init(since: String?, until: String?) throws {
        for bound in [since, until] {
            if let bound, !Self.isISODay(bound) { throw GraphError.invalidDate(bound) }
        }
        self.init(validSince: since, until: until)
    }

    private init(validSince: String?, until: String?) {
        self.since = validSince
        self.until = until
    }

    /// Whether no bound is given (every document is inside).
    public var isUnbounded: Bool { since == nil && until == nil }

    /// Whether the document's date lies in the range (see the type's summary for undated
    /// documents).
    /// - Complexity: O(1).
    public func contains(_ document: Document) -> Bool {
        if isUnbounded { return true }
        guard let date = document.date.map({ String($0.prefix(10)) }), Self.hasISODayShape(date) else { return false }
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }

    /// Whether `s` is an ISO day: `YYYY-MM-DD` with month 1–12 and day 1–31.
    /// - Complexity: O(1).
    public static func isISODay(_ s: String) -> Bool {
        guard hasISODayShape(s) else { return false }
        let month = Int(s.dropFirst(5).prefix(2))!, day = Int(s.suffix(2))!
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `DDDD-DD-DD`: digits and dashes where a day has them.
    static func hasISODayShape(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[$0]) }
    }
}

extension EntityGraph {
    /// The part of the graph that documents dated from `since` through `until` support.
    ///
    /// - Documents: those in the range (see `DocumentDateRange`: undated documents are left
    ///   out once a bound is given).
    /// - Relations: each keeps only its evidence from those documents; a relation with no
    ///   evidence left is dropped. Its other attributes (amount, items, status, quote) stay
    ///   as the whole graph has them.
    /// - Entities: those at an end of a kept relation. An entity without any kept edge is
    ///   dropped, even one that never had edges: the graph does not record which documents
    ///   mention an entity, so nothing places it in the range.
    /// - Conflicts: each keeps the values from documents in the range, and is kept while
    ///   two or more values are left and its entity (or pledge edge) is still in the graph.
    ///
    /// With neither bound the graph is returned unchanged.
    ///
    /// ```swift
    /// let june = try graph.filtered(documentsFrom: "2025-06-01", through: "2025-06-30")
    /// ```
    /// - Parameters:
    ///   - since: the first day included (`YYYY-MM-DD`), or nil for no lower bound.
    ///   - until: the last day included, or nil for no upper bound.
    /// - Throws: `GraphError.invalidDate` for a bound that is not an ISO day.
    /// - Complexity: O(n + r + v) for n entities, r relations and v evidence sentences.
    public func filtered(documentsFrom since: String?, through until: String?) throws -> EntityGraph {
        filtered(documentsIn: try DocumentDateRange(since: since, until: until))
    }

    /// The part of the graph that documents in `range` support
    /// (see `filtered(documentsFrom:through:)`).
    /// - Complexity: O(n + r + v).
    public func filtered(documentsIn range: DocumentDateRange) -> EntityGraph {
        if range.isUnbounded { return self }
        let kept = Set(documents.filter(range.contains).map(\.id))
        var relationsKept: [Relation] = []
        var endpoints = Set<String>()
        for r in relations {
            let evidence = r.evidence.filter { kept.contains($0.document) }
            guard !evidence.isEmpty else { continue }
            relationsKept.append(Relation(source: r.source, kind: r.kind, target: r.target, evidence: evidence,
                                          amount: r.amount, items: r.items, status: r.status, quote: r.quote,
                                          attributes: r.attributes))
            endpoints.insert(r.source)
            endpoints.insert(r.target)
        }
        var out = EntityGraph()
        for e in entities where endpoints.contains(e.id) { out.add(e) }
        for r in relationsKept { try? out.add(r) }
        for d in documents where kept.contains(d.id) { out.add(d) }
        for c in conflicts {
            let pairs = zip(c.values, c.documents).filter { kept.contains($0.1) }
            guard Set(pairs.map(\.0)).count > 1 else { continue }
            let parts = c.entity.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let subjectKept = c.field == "amount" && parts.count == 3
                ? RelationKind(rawValue: parts[1]).flatMap { out.relation(RelationKey(source: parts[0], kind: $0, target: parts[2])) } != nil
                : out.entity(id: c.entity) != nil
            guard subjectKept else { continue }
            out.add(Conflict(entity: c.entity, field: c.field, values: pairs.map(\.0), documents: pairs.map(\.1)))
        }
        return out
    }
}
