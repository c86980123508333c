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
        // written directly: Foundation's encoder was the largest cost of an ingest (its
        // lexicon edges carry their evidence sentences); the bytes are the encoder's
        var w = FactsJSONWriter()
        w.write(self)
        return Data(w.bytes)
    }

    /// The facts as `jsonData()` writes them, without the text of the evidence sentences that
    /// are `text` itself at their offsets (evidence of `documentID` whose `text` is the
    /// document's scalars `start..<end`: every sentence extraction cites). A store keeps the
    /// document's text anyway: this way it does not keep each cited sentence a second time.
    /// `init(jsonData:documentID:text:)` puts the sentences back.
    /// - Parameters:
    ///   - documentID: the document the facts were read from.
    ///   - text: its text, as extracted.
    /// - Complexity: O(size of the facts + length of `text`).
    public func jsonData(documentID: String, text: String) -> Data {
        var w = FactsJSONWriter()
        w.sentences = (documentID, Array(text.unicodeScalars))
        w.write(self)
        return Data(w.bytes)
    }

    /// The same bytes through Foundation's `JSONEncoder`: the reference `jsonData()` is
    /// tested against, and what it falls back to for a number or key set outside its fast paths.
    func encodedJSONData() -> Data {
        (try? Self.encoder.encode(Wire(self))) ?? Data("{}".utf8)
    }

    /// Compact, sorted keys, `/` as it is. (Encoding plain value types with string keys cannot fail.)
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads facts written by `jsonData()`.
    /// - Throws: `GraphError.malformedJSON` (file `merge facts`) when the data is not such JSON.
    public init(jsonData data: Data) throws {
        try self.init(jsonData: data, sentencesFrom: nil)
    }

    /// Reads facts written by `jsonData(documentID:text:)` (or `jsonData()`): an evidence
    /// sentence left out is cut from `text` at its offsets.
    /// - Parameters:
    ///   - data: the JSON.
    ///   - documentID: the document the facts were read from.
    ///   - text: its text, as it was passed to `jsonData(documentID:text:)`.
    /// - Throws: `GraphError.malformedJSON` (file `merge facts`) when the data is not such JSON,
    ///   or a sentence left out is not `documentID`'s or lies outside `text`.
    /// - Complexity: O(size of the facts + length of `text`).
    public init(jsonData data: Data, documentID: String, text: String) throws {
        try self.init(jsonData: data, sentencesFrom: (documentID, text))
    }

    private init(jsonData data: Data, sentencesFrom source: (id: String, text: String)?) throws {
        do {
            let wire = try JSONDecoder().decode(Wire.self, from: data)
            // the text's scalars, decoded only when a sentence was left out
            var scalars: [Unicode.Scalar]?
            self = try wire.facts { e in
                if let text = e.text { return text }
                guard let source, e.document == source.id else {
                    throw GraphError.malformedJSON(file: "merge facts", line: nil, column: nil,
                                                   reason: "evidence of \(e.document) at \(e.start)..<\(e.end) has no text and no document text to cut it from")
                }
                if scalars == nil { scalars = Array(source.text.unicodeScalars) }
                guard 0 <= e.start, e.start <= e.end, e.end <= scalars!.count else {
                    throw GraphError.malformedJSON(file: "merge facts", line: nil, column: nil,
                                                   reason: "evidence at \(e.start)..<\(e.end) lies outside the text of \(source.id) (\(scalars!.count) scalars)")
                }
                return String(scalars: scalars![e.start..<e.end])
            }
        } catch let error as GraphError {
            throw error
        } catch {
            throw GraphError.malformedJSON(file: "merge facts", line: nil, column: nil, reason: String(describing: error))
        }
    }

    /// The JSON shape: one object with four arrays.
    private struct Wire: Codable {
        struct ExpansionRow: Codable { var entity: String, expansion: String }
        struct AmountRow: Codable { var source: String, kind: RelationKind, target: String, amount: Amount }
        /// `Evidence`, whose text `jsonData(documentID:text:)` may leave out.
        struct Sentence: Codable {
            var document: String, end: Int, start: Int
            var text: String?
        }
        struct Edge: Codable {
            var source: String, kind: RelationKind, target: String
            var evidence: [Sentence]
            var amount: Amount?
            var items: [String]
            var status: PledgeStatus?
            var quote: String?
            var attributes: [String: String]

            init(_ r: Relation) {
                (source, kind, target) = (r.source, r.kind, r.target)
                evidence = r.evidence.map { Sentence(document: $0.document, end: $0.end, start: $0.start, text: $0.text) }
                (amount, items, status, quote, attributes) = (r.amount, r.items, r.status, r.quote, r.attributes)
            }

            func relation(_ text: (Sentence) throws -> String) throws -> Relation {
                let evidence = try self.evidence.map { Evidence(document: $0.document, start: $0.start, end: $0.end, text: try text($0)) }
                return Relation(source: source, kind: kind, target: target, evidence: evidence, amount: amount,
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

        /// The facts; `text` gives each evidence sentence its text.
        func facts(_ text: (Sentence) throws -> String) throws -> MergeFacts {
            var amountsByKey: [RelationKey: Amount] = [:]
            for a in amounts { amountsByKey[RelationKey(source: a.source, kind: a.kind, target: a.target)] = a.amount }
            return MergeFacts(expansions: expansions.map { DocumentExtraction.Expansion(entity: $0.entity, expansion: $0.expansion) },
                              amounts: amountsByKey, lexiconRoles: try lexiconRoles.map { try $0.relation(text) },
                              memberships: try memberships.map { try $0.relation(text) })
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

/// Writes `MergeFacts` as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes
/// its `Wire` form, byte for byte: keys in UTF-8 order, optionals left out when nil, strings
/// escaped as the encoder escapes them, integral amounts below 10^15 as integers. Other
/// numbers and non-ASCII attribute keys are handed to the encoder itself.
struct FactsJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// A document and its scalars: evidence of it whose text is its scalars at the evidence's
    /// offsets is written without `text` (`MergeFacts.jsonData(documentID:text:)`).
    var sentences: (id: String, scalars: [Unicode.Scalar])?

    mutating func write(_ f: MergeFacts) {
        bytes.reserveCapacity(1024)
        raw("{\"amounts\":[")
        for (n, a) in f.amounts.sorted(by: { $0.key < $1.key }).enumerated() {
            if n > 0 { raw(",") }
            raw("{\"amount\":"); amount(a.value)
            raw(",\"kind\":"); string(a.key.kind.rawValue)
            raw(",\"source\":"); string(a.key.source)
            raw(",\"target\":"); string(a.key.target)
            raw("}")
        }
        raw("],\"expansions\":[")
        for (n, e) in f.expansions.enumerated() {
            if n > 0 { raw(",") }
            raw("{\"entity\":"); string(e.entity)
            raw(",\"expansion\":"); string(e.expansion)
            raw("}")
        }
        raw("],\"lexiconRoles\":"); edges(f.lexiconRoles)
        raw(",\"memberships\":"); edges(f.memberships)
        raw("}")
    }

    private mutating func edges(_ list: [Relation]) {
        raw("[")
        for (n, r) in list.enumerated() {
            if n > 0 { raw(",") }
            raw("{")
            if let a = r.amount { raw("\"amount\":"); amount(a); raw(",") }
            raw("\"attributes\":"); attributes(r.attributes)
            raw(",\"evidence\":[")
            for (k, e) in r.evidence.enumerated() {
                if k > 0 { raw(",") }
                raw("{\"document\":"); string(e.document)
                raw(",\"end\":"); integer(e.end)
                raw(",\"start\":"); integer(e.start)
                if !isDocumentText(e) { raw(",\"text\":"); string(e.text) }
                raw("}")
            }
            raw("],\"items\":[")
            for (k, item) in r.items.enumerated() {
                if k > 0 { raw(",") }
                string(item)
            }
            raw("],\"kind\":"); string(r.kind.rawValue)
            if let q = r.quote { raw(",\"quote\":"); string(q) }
            raw(",\"source\":"); string(r.source)
            if let s = r.status { raw(",\"status\":"); string(s.rawValue) }
            raw(",\"target\":"); string(r.target)
            raw("}")
        }
        raw("]")
    }

    /// Whether `e` cites `sentences`' document and its text is the document's at its offsets.
    private func isDocumentText(_ e: Evidence) -> Bool {
        guard let (id, scalars) = sentences, e.document == id, 0 <= e.start, e.start <= e.end, e.end <= scalars.count else { return false }
        return e.text.unicodeScalars.elementsEqual(scalars[e.start..<e.end])
    }

    private mutating func amount(_ a: Amount) {
        raw("{\"currency\":"); string(a.currency)
        if let p = a.period { raw(",\"period\":"); string(p) }
        raw(",\"value\":"); number(a.value)
        raw("}")
    }

    private mutating func attributes(_ map: [String: String]) {
        guard !map.isEmpty else { raw("{}"); return }
        // UTF-8 order is the encoder's order for ASCII keys; other keys go through it
        guard map.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { encoded(map); return }
        raw("{")
        for (n, key) in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if n > 0 { raw(",") }
            string(key); raw(":"); string(map[key]!)
        }
        raw("}")
    }

    /// As the encoder escapes: `\"`, `\\`, `\b \t \n \f \r`, other controls as `\u00xx`
    /// (lower-case hex); everything else, `/` and non-ASCII included, as it is.
    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: s.utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case ..<0x20: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: bytes.append(b)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func integer(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    private mutating func number(_ v: Double) {
        // the encoder writes these as integers; other values (fractions, 1e+16, -0) it formats itself
        if v == v.rounded(), abs(v) < 1e15, !(v == 0 && v.sign == .minus) {
            integer(Int(v))
        } else {
            encoded(v)
        }
    }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// One value as the encoder writes it (inside a one-element array, whose brackets are cut).
    private mutating func encoded<T: Encodable>(_ value: T) {
        let data = (try? MergeFacts.encoder.encode([value])) ?? Data("[null]".utf8)
        bytes.append(contentsOf: data.dropFirst().dropLast())
    }
}
