import Foundation

/// The typed entity-relationship graph: entities, relations with evidence, the documents
/// they were read from and the conflicts between those documents.
///
/// One edge exists per (source, kind, target); adding the same relation again accumulates
/// its evidence. Entities are stored densely: `entities[i]` is the entity with index `i`,
/// which algorithms use instead of string ids.
///
/// ```swift
/// var g = EntityGraph()
/// g.add(Entity(name: "NATO", type: .organization, aliases: ["the alliance"]))
/// g.add(Entity(name: "Ukraine", type: .country))
/// try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine"))
/// g.entity(named: "The Alliance")?.id // "nato"
/// ```
public struct EntityGraph: Sendable, Equatable {
    /// Entities in insertion order; an entity's position is its dense index.
    public private(set) var entities: [Entity] = []
    /// Relations in insertion order.
    public private(set) var relations: [Relation] = []
    /// Documents read, sorted by id.
    public private(set) var documents: [Document] = []
    /// Conflicts between sources, sorted.
    public private(set) var conflicts: [Conflict] = []

    private var indexByID: [String: Int] = [:]
    private var indexByAlias: [String: Int] = [:]
    /// Whether names and aliases are indexed as entities are added. A graph built only to be
    /// merged into another (one document's) skips it; `index(ofName:)` then scans.
    private var indexesAliases = true
    /// Relation position by its ends' dense indices and kind, packed into one integer
    /// (`packedKey`), so adding an edge hashes one word instead of two strings.
    private var relationIndex: [UInt64: Int] = [:]
    /// Dense index of each relation's source and target, parallel to `relations`.
    private var relationEnds: [(source: Int32, target: Int32)] = []

    /// Creates an empty graph.
    public init() {}

    /// An empty graph that does not index names as entities are added: cheaper to build,
    /// slower to look names up in (`index(ofName:)` scans). For a graph made to be merged.
    init(indexingAliases: Bool) { indexesAliases = indexingAliases }

    /// Number of entities.
    public var entityCount: Int { entities.count }
    /// Number of relations.
    public var relationCount: Int { relations.count }

    /// Reserves room for this many entities and relations, for bulk loads whose size is known.
    /// - Complexity: O(n + r).
    public mutating func reserveCapacity(entities n: Int, relations r: Int) {
        entities.reserveCapacity(n)
        indexByID.reserveCapacity(n)
        if indexesAliases { indexByAlias.reserveCapacity(n) }
        relations.reserveCapacity(r)
        relationEnds.reserveCapacity(r)
        relationIndex.reserveCapacity(r)
    }

    // MARK: Entities

    /// Adds an entity, or merges its aliases and attributes into the entity with the same id.
    /// - Parameter entity: the entity to add.
    /// - Returns: the dense index of the (possibly existing) entity.
    /// - Complexity: O(a log a) in the number of aliases; O(1) lookups otherwise.
    @discardableResult
    public mutating func add(_ entity: Entity) -> Int {
        if let i = indexByID[entity.id] {
            let before = entities[i].aliases
            // merging the same entity again (every document that names it) usually brings no
            // new name: both alias lists are sorted, so one walk tells
            let nameKnown = entity.name == entities[i].name || Self.sortedContains(before, entity.name)
            // (the same list, often the very same storage, is compared first: a lexicon entity's names)
            if !(nameKnown && (entity.aliases == before || Self.sortedSubset(entity.aliases, of: before))) {
                entities[i].addAliases(entity.aliases + (entity.name == entities[i].name ? [] : [entity.name]))
            }
            if !entity.attributes.isEmpty, entity.attributes != entities[i].attributes {
                for (k, v) in entity.attributes where entities[i].attributes[k] == nil {
                    entities[i].attributes[k] = v
                }
            }
            // aliases only grow: the same count means nothing new to index, and the names
            // indexed before are indexed still
            if entities[i].aliases.count != before.count, indexesAliases {
                index(names: Self.sortedDifference(entities[i].aliases, before), of: i)
            }
            return i
        }
        let i = entities.count
        precondition(i < 1 << 29, "more than 2^29 entities")
        entities.append(entity)
        indexByID[entity.id] = i
        if indexesAliases { indexAliases(of: i) }
        return i
    }

    /// The elements of sorted `a` that sorted `b` lacks, in order; with `firstOnly`, at most
    /// the first of them (enough to tell whether `a` is a subset of `b`).
    /// - Complexity: O(|a| + |b|).
    private static func sortedDifference(_ a: [String], _ b: [String], firstOnly: Bool = false) -> [String] {
        var out: [String] = []
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j < b.count, b[j] == x {
                j += 1
            } else {
                out.append(x)
                if firstOnly { break }
            }
        }
        return out
    }

    /// Whether sorted `list` has `x`.
    /// - Complexity: O(log n).
    static func sortedContains(_ list: [String], _ x: String) -> Bool {
        let at = list.lowerBound(of: x) { $0 }
        return at < list.count && list[at] == x
    }

    /// Whether every element of sorted `a` is in sorted `b`.
    /// - Complexity: O(|a| + |b|).
    ///   A few names against many (a document's names of an entity with hundreds) are
    ///   looked up by binary search instead: O(|a| log |b|).
    private static func sortedSubset(_ a: [String], of b: [String]) -> Bool {
        if a.count * 16 < b.count { return a.allSatisfy { sortedContains(b, $0) } }
        return sortedDifference(a, b, firstOnly: true).isEmpty
    }

    private mutating func indexAliases(of i: Int) {
        let e = entities[i]
        index(names: [e.name, e.id] + e.aliases, of: i)
    }

    /// Points each name's alias key at entity `i` unless another entity has it already.
    private mutating func index(names: [String], of i: Int) {
        for name in names {
            let key = AliasKey.normalize(name)
            if !key.isEmpty, indexByAlias[key] == nil { indexByAlias[key] = i }
        }
    }

    /// The dense index of the entity with this id.
    /// - Complexity: O(1).
    public func index(ofID id: String) -> Int? { indexByID[id] }

    /// The entity with this id.
    /// - Complexity: O(1).
    public func entity(id: String) -> Entity? { indexByID[id].map { entities[$0] } }

    /// The entity a name refers to: its id, canonical name or any alias, compared after
    /// `AliasKey.normalize` (case, diacritics, a leading "the", punctuation runs).
    /// - Complexity: O(n) in the length of `name`.
    public func entity(named name: String) -> Entity? { index(ofName: name).map { entities[$0] } }

    /// The dense index of the entity a name refers to (see `entity(named:)`).
    /// - Complexity: O(n) in the length of `name` (O(names in the graph) in one that does not
    ///   index aliases).
    public func index(ofName name: String) -> Int? {
        if let i = indexByID[name] { return i }
        let key = AliasKey.normalize(name)
        guard indexesAliases else {
            // the first entity to carry the name, as the index would have it
            guard !key.isEmpty else { return nil }
            return entities.indices.first { i in
                AliasKey.normalize(entities[i].name) == key || AliasKey.normalize(entities[i].id) == key
                    || entities[i].aliases.contains { AliasKey.normalize($0) == key }
            }
        }
        return indexByAlias[key]
    }

    /// Replaces the attributes of an existing entity.
    /// - Parameters:
    ///   - key: attribute name.
    ///   - value: new value, or `nil` to remove it.
    ///   - id: the entity's id.
    public mutating func setAttribute(_ key: String, _ value: String?, ofEntity id: String) {
        guard let i = indexByID[id] else { return }
        entities[i].attributes[key] = value
    }

    /// Adds aliases to an existing entity.
    public mutating func addAliases(_ names: [String], toEntity id: String) {
        guard let i = indexByID[id] else { return }
        entities[i].addAliases(names)
        if indexesAliases { indexAliases(of: i) }
    }

    // MARK: Relations

    /// Adds a relation, or merges it into the existing edge with the same (source, kind,
    /// target): evidence and items are united, an amount, status or quote already set is kept.
    /// - Parameter relation: the relation; both ends must already be in the graph.
    /// - Throws: `GraphError.unknownEntity` when an end is not in the graph.
    /// - Complexity: O(e log e) in the edge's evidence count.
    public mutating func add(_ relation: Relation) throws {
        guard let s = indexByID[relation.source] else { throw GraphError.unknownEntity(relation.source, relation: relation.key) }
        guard let t = indexByID[relation.target] else { throw GraphError.unknownEntity(relation.target, relation: relation.key) }
        insert(relation, source: s, target: t)
    }

    /// `add(_:)` for a relation whose ends' dense indices the caller already looked up.
    /// A new relation is moved into the graph, not copied, when the caller hands it over.
    mutating func insert(_ relation: consuming Relation, source s: Int, target t: Int) {
        let key = Self.packedKey(s, relation.kind, t)
        if let i = relationIndex[key] {
            relations[i].absorb(relation)
        } else {
            relationIndex[key] = relations.count
            relations.append(relation)
            relationEnds.append((Int32(truncatingIfNeeded: s), Int32(truncatingIfNeeded: t)))
        }
    }

    /// One word for (source index, kind, target index): 29 bits of source, 32 of target,
    /// 3 of kind. Entity counts stay far below 2^29 (half a billion) in any graph that fits
    /// in memory.
    private static func packedKey(_ source: Int, _ kind: RelationKind, _ target: Int) -> UInt64 {
        let k: UInt64
        switch kind {
        case .statement: k = 0
        case .pledge: k = 1
        case .opposition: k = 2
        case .role: k = 3
        case .member: k = 4
        }
        return UInt64(truncatingIfNeeded: source) << 35 | UInt64(truncatingIfNeeded: target) << 3 | k
    }

    /// The position of the relation with this key in `relations`.
    private func relationPosition(_ key: RelationKey) -> Int? {
        guard let s = indexByID[key.source], let t = indexByID[key.target] else { return nil }
        return relationIndex[Self.packedKey(s, key.kind, t)]
    }

    /// The dense indices of relation `i`'s source and target entities.
    /// - Parameter i: a position in `relations`.
    /// - Complexity: O(1).
    public func endpoints(ofRelation i: Int) -> (source: Int, target: Int) {
        let e = relationEnds[i]
        return (Int(e.source), Int(e.target))
    }

    /// The relation with this (source, kind, target), if any.
    /// - Complexity: O(1).
    public func relation(_ key: RelationKey) -> Relation? { relationPosition(key).map { relations[$0] } }

    /// Replaces the relation with the same key (which must exist).
    public mutating func replace(_ relation: Relation) {
        guard let i = relationPosition(relation.key) else { return }
        relations[i] = relation
    }

    /// Relations sorted by (source, kind, target): the serialization order.
    /// - Complexity: O(r log r).
    public var sortedRelations: [Relation] { sortedRelationIndices.map { relations[$0] } }

    /// Positions in `relations` in serialization order (by source, kind, target): sorting
    /// positions moves integers, where sorting the edges copied each (retaining its strings
    /// and arrays) and made two `RelationKey`s per comparison.
    /// - Complexity: O(r log r).
    public var sortedRelationIndices: [Int] {
        relations.indices.sorted { Relation.keyPrecedes(relations[$0], relations[$1]) }
    }

    /// Entities sorted by id: the serialization order.
    /// - Complexity: O(n log n).
    public var sortedEntities: [Entity] { entities.sorted { $0.id < $1.id } }

    // MARK: Documents and conflicts

    /// Records a document read (replacing one with the same id).
    public mutating func add(_ document: Document) {
        // documents usually arrive in id order: append without re-sorting
        if let last = documents.last, last.id < document.id { documents.append(document); return }
        documents.removeAll { $0.id == document.id }
        documents.append(document)
        documents.sort()
    }

    /// The recorded documents whose ids are in `ids`, in id order.
    /// - Parameter ids: document ids; ids not recorded are ignored.
    /// - Complexity: O(k log k + k log n) for k ids and n documents.
    public func documents(withIDs ids: Set<String>) -> [Document] {
        ids.sorted().compactMap { id in
            let i = documents.lowerBound(of: id) { $0.id }
            return i < documents.count && documents[i].id == id ? documents[i] : nil
        }
    }

    /// Records a conflict between sources (ignoring an exact duplicate).
    public mutating func add(_ conflict: Conflict) {
        guard !conflicts.contains(conflict) else { return }
        conflicts.append(conflict)
        conflicts.sort()
    }

    // MARK: Merging

    /// Merges another graph into this one: entities by id, relations by key, documents by id.
    /// Merging graphs in any grouping gives the same serialized result.
    /// - Parameter other: the graph to merge in.
    /// - Complexity: O(n + r) lookups plus the evidence merges.
    public mutating func merge(_ other: EntityGraph) {
        var other = other
        merge(taking: &other)
    }

    /// `merge(_:)` that moves `other`'s relations into this graph instead of copying them
    /// (a copy retains, and the dropped original releases, every string and array of every
    /// edge): `other` is left without relations. For a fold that drops each graph once merged.
    /// - Complexity: O(n + r) lookups plus the evidence merges.
    mutating func merge(taking other: inout EntityGraph) {
        // each entity of `other` looked up once; its edges then go in by dense index, with
        // no id hashing per edge
        var index: [Int] = []
        index.reserveCapacity(other.entities.count)
        for e in other.entities { index.append(add(e)) }
        var moved = exchange(&other.relations, with: [])
        let ends = other.relationEnds
        other.relationEnds = []
        other.relationIndex = [:]
        for k in moved.indices {
            insert(exchange(&moved[k], with: Relation.placeholder), source: index[Int(ends[k].source)], target: index[Int(ends[k].target)])
        }
        for d in other.documents { add(d) }
        for c in other.conflicts { add(c) }
    }

    public static func == (a: EntityGraph, b: EntityGraph) -> Bool {
        a.sortedEntities == b.sortedEntities && a.sortedRelations == b.sortedRelations
            && a.documents == b.documents && a.conflicts == b.conflicts
    }
}

/// How names are compared when looking entities up.
public enum AliasKey {
    /// Folds case and diacritics, turns curly apostrophes straight, drops a leading "the ",
    /// a trailing possessive "'s" and collapses whitespace, hyphens and dots
    /// ("The Kremlin" → "kremlin", "U.S." → "us", "NATO's" → "nato").
    /// - Complexity: O(n) in the length of `name`.
    public static func normalize(_ name: String) -> String {
        if let ascii = normalizeASCII(name) { return ascii }
        if let cached = foldedNames.value(for: name) { return cached }
        let out = normalizeFolding(name)
        foldedNames.store(out, for: name)
        return out
    }

    /// Non-ASCII names go through Foundation's folding, which is slow; the same names
    /// (lexicon aliases) come back in every document.
    private static let foldedNames = StringMemo()

    /// The general path of `normalize` (Foundation folding), not memoized; tests compare the fast paths with it.
    static func normalizeFolding(_ name: String) -> String {
        var s = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "\u{2019}", with: "'")
        if s.hasSuffix("'s") { s.removeLast(2) } else if s.hasSuffix("s'") { s.removeLast(1) }
        var out = ""
        var space = false
        for ch in s {
            if ch == "." || ch == "'" { continue }
            if ch.isWhitespace || ch == "-" || ch == "_" {
                space = true
            } else {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }

    /// `normalize` for pure-ASCII names (ids, most names) without Foundation's folding:
    /// the same rules on bytes. `nil` when the name has a non-ASCII byte.
    static func normalizeASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var end = bytes.count
            for b in bytes where b >= 0x80 { return nil }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
            // a trailing possessive, compared after case folding
            if end >= 2, bytes[end - 2] == 0x27, lower(bytes[end - 1]) == 0x73 { end -= 2 }
            else if end >= 2, lower(bytes[end - 2]) == 0x73, bytes[end - 1] == 0x27 { end -= 1 }
            guard end > 0 else { return "" }
            // written straight into the string's storage (at most `end` bytes): no byte array first
            return String(unsafeUninitializedCapacity: end) { out in
                var n = 0
                var space = false
                for k in 0 ..< end {
                    let b = bytes[k]
                    if b == 0x2E || b == 0x27 { continue }
                    // Character.isWhitespace in ASCII: \t \n \v \f \r and space; plus '-' and '_'
                    if (b >= 0x09 && b <= 0x0D) || b == 0x20 || b == 0x2D || b == 0x5F {
                        space = true
                    } else {
                        if space, n > 0 { out[n] = 0x20; n += 1 }
                        space = false
                        out[n] = lower(b); n += 1
                    }
                }
                // a leading "the " dropped: the rest moved to the front
                if n >= 4, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65, out[3] == 0x20 {
                    for k in 4 ..< n { out[k - 4] = out[k] }
                    n -= 4
                }
                return n
            }
        }
    }
}
