import Foundation

/// What `BuildPipeline.merge` needs from one document besides its graph: the acronym
/// expansions and pledge amounts it compares across documents (conflicts), and the lexicon
/// role and member edges it adds once both ends are in the merged graph.
///
/// A store keeps these next to the document's graph, so that merging stored documents gives
/// exactly the graph `build` makes of the same files.
///
/// ```swift
/// let x = Extractor(lexicon: try .bundled()).extract(documentID: "a.txt", text: text)
/// let data = x.mergeFacts.jsonData()                       // store it
/// let back = DocumentExtraction(document: x.document, graph: x.graph,
///                               facts: try MergeFacts(jsonData: data))
/// BuildPipeline.merge([back]).0 == BuildPipeline.merge([x]).0  // true
/// ```
public struct MergeFacts: Sendable, Equatable {
    /// Acronym expansions written in the document, in reading order.
    public var expansions: [DocumentExtraction.Expansion]
    /// Amounts of the document's pledges.
    public var amounts: [RelationKey: Amount]
    /// Role edges of lexicon people the document mentions.
    public var lexiconRoles: [Relation]
    /// Member edges of lexicon countries the document mentions.
    public var memberships: [Relation]

    /// No facts: what a document ingested as a bare graph contributes besides that graph.
    public static let none = MergeFacts(expansions: [], amounts: [:], lexiconRoles: [], memberships: [])

    /// Creates the facts of one document.
    public init(expansions: [DocumentExtraction.Expansion], amounts: [RelationKey: Amount],
                lexiconRoles: [Relation], memberships: [Relation]) {
        self.expansions = expansions
        self.amounts = amounts
        self.lexiconRoles = lexiconRoles
        self.memberships = memberships
    }

    /// Whether there is nothing to store.
    public var isEmpty: Bool { expansions.isEmpty && amounts.isEmpty && lexiconRoles.isEmpty && memberships.isEmpty }

    /// The facts as compact JSON with sorted keys (amounts sorted by edge): equal facts give
    /// equal bytes.
    /// - Complexity: O(size of the facts).
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail.
        return (try? encoder.encode(Wire(self))) ?? Data("{}".utf8)
    }

    /// Reads facts written by `jsonData()`.
    /// - Throws: `GraphError.malformedJSON` (file `merge facts`) when the data is not such JSON.
    public init(jsonData data: Data) throws {
        do {
            self = try JSONDecoder().decode(Wire.self, from: data).facts
        } catch {
            throw GraphError.malformedJSON(file: "merge facts", line: nil, column: nil, reason: String(describing: error))
        }
    }

    /// The JSON shape: one object with four arrays.
    private struct Wire: Codable {
        struct ExpansionRow: Codable { var entity: String, expansion: String }
        struct AmountRow: Codable { var source: String, kind: RelationKind, target: String, amount: Amount }
        struct Edge: Codable {
            var source: String, kind: RelationKind, target: String
            var evidence: [Evidence]
            var amount: Amount?
            var items: [String]
            var status: PledgeStatus?
            var quote: String?
            var attributes: [String: String]

            init(_ r: Relation) {
                (source, kind, target, evidence) = (r.source, r.kind, r.target, r.evidence)
                (amount, items, status, quote, attributes) = (r.amount, r.items, r.status, r.quote, r.attributes)
            }

            var relation: Relation {
                Relation(source: source, kind: kind, target: target, evidence: evidence, amount: amount,
                         items: items, status: status, quote: quote, attributes: attributes)
            }
        }

        var expansions: [ExpansionRow]
        var amounts: [AmountRow]
        var lexiconRoles: [Edge]
        var memberships: [Edge]

        init(_ f: MergeFacts) {
            expansions = f.expansions.map { ExpansionRow(entity: $0.entity, expansion: $0.expansion) }
            amounts = f.amounts.sorted { $0.key < $1.key }
                .map { AmountRow(source: $0.key.source, kind: $0.key.kind, target: $0.key.target, amount: $0.value) }
            lexiconRoles = f.lexiconRoles.map(Edge.init)
            memberships = f.memberships.map(Edge.init)
        }

        var facts: MergeFacts {
            var amountsByKey: [RelationKey: Amount] = [:]
            for a in amounts { amountsByKey[RelationKey(source: a.source, kind: a.kind, target: a.target)] = a.amount }
            return MergeFacts(expansions: expansions.map { DocumentExtraction.Expansion(entity: $0.entity, expansion: $0.expansion) },
                              amounts: amountsByKey, lexiconRoles: lexiconRoles.map(\.relation),
                              memberships: memberships.map(\.relation))
        }
    }
}

extension DocumentExtraction {
    /// Puts a document, its own graph and its merge facts back together (for instance as
    /// read from a store), ready for `BuildPipeline.merge`.
    /// - Parameters:
    ///   - document: the document (id, title, digest, date).
    ///   - graph: the graph extraction read from it (`DocumentExtraction.graph`).
    ///   - facts: its merge facts; `.none` for a bare graph.
    public init(document: Document, graph: EntityGraph, facts: MergeFacts) {
        self.init(document: document, graph: graph, expansions: facts.expansions, amounts: facts.amounts,
                  lexiconRoles: facts.lexiconRoles, memberships: facts.memberships)
    }

    /// The expansions, amounts, lexicon roles and memberships `BuildPipeline.merge` reads.
    public var mergeFacts: MergeFacts {
        MergeFacts(expansions: expansions, amounts: amounts, lexiconRoles: lexiconRoles, memberships: memberships)
    }
}
