/// The kind of an edge.
public enum RelationKind: String, Codable, CaseIterable, Sendable, Comparable {
    /// The source says something about the target (quote or reported speech).
    case statement
    /// The source commits, provides, funds or delivers something to the target.
    case pledge
    /// The source refuses, opposes, blocks, criticizes or pressures the target.
    case opposition
    /// A person holds an office in a country or organization.
    case role
    /// A country belongs to an organization.
    case member

    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a relation was read: a document, the sentence verbatim, and its offsets.
public struct Evidence: Hashable, Codable, Sendable, Comparable {
    /// Document id (the file name).
    public var document: String
    /// Offset of the sentence's first Unicode scalar in the document.
    public var start: Int
    /// Offset one past the sentence's last Unicode scalar.
    public var end: Int
    /// The sentence exactly as it stands in the document.
    public var text: String

    public init(document: String, start: Int, end: Int, text: String) {
        self.document = document
        self.start = start
        self.end = end
        self.text = text
    }

    /// By document, then offsets, then text (field by field: no tuple of copied strings).
    public static func < (a: Evidence, b: Evidence) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.text < b.text
    }
}

/// A sum of money, optionally per period ("1 billion euros per month").
public struct Amount: Hashable, Codable, Sendable {
    /// The value in units of `currency` (1_000_000_000 for "1 billion").
    public var value: Double
    /// ISO 4217 code ("USD", "EUR").
    public var currency: String
    /// "month", "year", … when the amount recurs.
    public var period: String?

    public init(value: Double, currency: String, period: String? = nil) {
        self.value = value
        self.currency = currency
        self.period = period
    }
}

/// Whether a pledge was only promised, delivered, or promised and not delivered.
public enum PledgeStatus: String, Codable, CaseIterable, Sendable {
    case pledged, delivered, undelivered
}

/// The identity of an edge: one per (source, kind, target).
public struct RelationKey: Hashable, Sendable, Comparable {
    public var source: String
    public var kind: RelationKind
    public var target: String

    public init(source: String, kind: RelationKind, target: String) {
        self.source = source
        self.kind = kind
        self.target = target
    }

    public static func < (a: RelationKey, b: RelationKey) -> Bool {
        (a.source, a.kind.rawValue, a.target) < (b.source, b.kind.rawValue, b.target)
    }
}

/// An edge of the graph with its evidence and typed attributes.
public struct Relation: Hashable, Sendable {
    /// Id of the source entity (the actor).
    public var source: String
    /// What the edge says.
    public var kind: RelationKind
    /// Id of the target entity.
    public var target: String
    /// Sentences the edge was read from, sorted, without duplicates.
    public private(set) var evidence: [Evidence]
    /// Pledged amount, if any.
    public var amount: Amount?
    /// Pledged items ("Storm Shadow cruise missiles"), sorted, unique.
    public private(set) var items: [String]
    /// Pledge status.
    public var status: PledgeStatus?
    /// A direct quote carried by a statement.
    public var quote: String?
    /// Free-form attributes (for a role: `"title"`, `"from"`, `"to"`), serialized sorted by key.
    public var attributes: [String: String]

    /// An empty relation left in storage a relation was moved out of (`exchange(_:with:)`):
    /// its strings and collections are the static empty ones, so making it allocates nothing.
    static let placeholder = Relation(source: "", kind: .statement, target: "")

    /// `a.key < b.key`, read from the fields (no keys made).
    static func keyPrecedes(_ a: Relation, _ b: Relation) -> Bool {
        if a.source != b.source { return a.source < b.source }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.target < b.target
    }

    /// The (source, kind, target) identity.
    public var key: RelationKey { RelationKey(source: source, kind: kind, target: target) }

    /// Creates a relation.
    /// - Parameters:
    ///   - source: source entity id.
    ///   - kind: edge kind.
    ///   - target: target entity id.
    ///   - evidence: the sentences it rests on.
    ///   - amount: pledged amount.
    ///   - items: pledged items.
    ///   - status: pledge status.
    ///   - quote: direct quote of a statement.
    ///   - attributes: other attributes.
    public init(source: String, kind: RelationKind, target: String, evidence: [Evidence] = [],
                amount: Amount? = nil, items: [String] = [], status: PledgeStatus? = nil,
                quote: String? = nil, attributes: [String: String] = [:]) {
        self.source = source
        self.kind = kind
        self.target = target
        self.evidence = Relation.isStrictlyIncreasing(evidence) ? evidence : Array(Set(evidence)).sorted()
        self.amount = amount
        self.items = items.count < 2 ? items : Array(Set(items)).sorted()
        self.status = status
        self.quote = quote
        self.attributes = attributes
    }

    /// Adds evidence, keeping it sorted and unique.
    /// - Complexity: O((n + m) log(n + m)).
    public mutating func addEvidence<S: Sequence>(_ more: S) where S.Element == Evidence {
        let more = Array(more)
        addEvidence(more, sorted: Relation.isStrictlyIncreasing(more))
    }

    /// `addEvidence([e])` (what absorbing an edge with the same key and only that evidence
    /// changes): appended when it sorts after the last, as the next document's does.
    /// - Complexity: O(1) amortized when `e` sorts last, else O(n log n).
    mutating func addEvidence(_ e: Evidence) {
        if let last = evidence.last, last < e { evidence.append(e); return }
        addEvidence([e], sorted: true)
    }

    /// `addEvidence(_:)` for a list known to be sorted and unique or not (another relation's).
    private mutating func addEvidence(_ more: [Evidence], sorted: Bool) {
        // the common case when documents are merged in order: everything new sorts after the last
        if sorted, let last = evidence.last, let first = more.first, last < first {
            evidence.append(contentsOf: more)
            return
        }
        guard !more.isEmpty else { return }
        if sorted, evidence.isEmpty { evidence = more; return }
        evidence = Array(Set(evidence).union(more)).sorted()
    }

    private static func isStrictlyIncreasing(_ list: [Evidence]) -> Bool {
        var i = 1
        while i < list.count { if !(list[i - 1] < list[i]) { return false }; i += 1 }
        return true
    }

    /// Merges another relation with the same key into this one: evidence and items are
    /// united; an amount, status, quote or attribute already set is kept.
    /// - Complexity: O(m) when the new evidence sorts after this one's, else O((n + m) log(n + m)).
    public mutating func absorb(_ other: Relation) {
        // a relation's evidence is sorted and unique already
        addEvidence(other.evidence, sorted: true)
        if !other.items.isEmpty, !other.items.allSatisfy(items.contains) { addItems(other.items) }
        if amount == nil { amount = other.amount }
        if status == nil { status = other.status }
        if quote == nil { quote = other.quote }
        // the same attributes (often the very same storage: lexicon edges) add nothing
        if !other.attributes.isEmpty, other.attributes != attributes {
            for (k, v) in other.attributes where attributes[k] == nil { attributes[k] = v }
        }
    }

    /// Adds items, keeping them sorted and unique.
    public mutating func addItems<S: Sequence>(_ more: S) where S.Element == String {
        items = Array(Set(items).union(more)).sorted()
    }
}
