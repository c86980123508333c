/// An article the graph was read from.
public struct Document: Hashable, Codable, Sendable, Comparable {
    /// The file name, used as the evidence's document id.
    public var id: String
    /// The headline (first line), if any.
    public var title: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Publication date (ISO 8601 day) where the article carries one.
    public var date: String?

    public init(id: String, title: String, sha256: String, date: String? = nil) {
        self.id = id
        self.title = title
        self.sha256 = sha256
        self.date = date
    }

    public static func < (a: Document, b: Document) -> Bool { a.id < b.id }
}

/// Sources that disagree on one fact: an acronym's expansion, a pledge's amount.
public struct Conflict: Hashable, Codable, Sendable, Comparable {
    /// The entity id the fact is about (for a pledge, `"source|pledge|target"`).
    public var entity: String
    /// The field in dispute ("expansion", "amount").
    public var field: String
    /// The competing values, in document order.
    public var values: [String]
    /// The document each value came from, parallel to `values`.
    public var documents: [String]

    public init(entity: String, field: String, values: [String], documents: [String]) {
        self.entity = entity
        self.field = field
        self.values = values
        self.documents = documents
    }

    public static func < (a: Conflict, b: Conflict) -> Bool {
        (a.entity, a.field, a.values.joined(separator: "\u{1}")) < (b.entity, b.field, b.values.joined(separator: "\u{1}"))
    }
}
