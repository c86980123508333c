import Foundation

/// What one document contributes to the graph.
public struct DocumentExtraction: Sendable {
    /// The document (id, title, digest, date).
    public var document: Document
    /// Entities mentioned and the statement, pledge, opposition and textual role edges read.
    public var graph: EntityGraph
    /// Acronym expansions written in this document: (entity id, expansion).
    public var expansions: [Expansion]
    /// Amounts of pledges read in this document.
    public var amounts: [RelationKey: Amount]
    /// Role edges of lexicon people mentioned (kept when both ends are in the final graph).
    /// - Complexity: O(edges) to read: an extractor's are made from `lexiconEdgeTable` when read.
    public var lexiconRoles: [Relation] {
        get { roleUses.isEmpty ? explicitRoles : roleUses.map { lexiconEdgeTable!.relation($0) } }
        set { explicitRoles = newValue; roleUses = [] }
    }
    /// Member edges of lexicon countries mentioned (kept when both ends are in the final graph).
    /// - Complexity: O(edges) to read: an extractor's are made from `lexiconEdgeTable` when read.
    public var memberships: [Relation] {
        get { membershipUses.isEmpty ? explicitMemberships : membershipUses.map { lexiconEdgeTable!.relation($0) } }
        set { explicitMemberships = newValue; membershipUses = [] }
    }
    /// `lexiconRoles` and `memberships` as set (empty while the uses below stand for them).
    private var explicitRoles: [Relation]
    private var explicitMemberships: [Relation]
    /// The extractor's lexicon edges, which `roleUses` and `membershipUses` point into.
    private(set) var lexiconEdgeTable: LexiconEdgeTable?
    /// `lexiconRoles` as the extractor records them: a lexicon edge and its one evidence each
    /// (the edge is made only when read; the build's fold adds the evidence to its edge by slot,
    /// without making a relation or hashing its key). Empty when `explicitRoles` holds them.
    private(set) var roleUses: [LexiconEdgeTable.Use] = []
    /// `memberships` as the extractor records them (see `roleUses`).
    private(set) var membershipUses: [LexiconEdgeTable.Use] = []

    /// An extraction with explicit lexicon edges (none recorded as uses); `lexiconEdgeTable`
    /// is the table that later `appendRole` / `appendMembership` calls point into.
    init(document: Document, graph: EntityGraph, expansions: [Expansion], amounts: [RelationKey: Amount],
         lexiconRoles: [Relation], memberships: [Relation], lexiconEdgeTable: LexiconEdgeTable? = nil) {
        self.document = document; self.graph = graph; self.expansions = expansions; self.amounts = amounts
        self.explicitRoles = lexiconRoles; self.explicitMemberships = memberships; self.lexiconEdgeTable = lexiconEdgeTable
    }

    /// Appends a role edge of the extractor's table: as a use, or as a relation when the list
    /// already holds explicit relations (a list is all uses or all relations, in reading order).
    /// - Complexity: O(1) amortized.
    mutating func appendRole(_ use: LexiconEdgeTable.Use) {
        if !explicitRoles.isEmpty { explicitRoles.append(lexiconEdgeTable!.relation(use)); return }
        roleUses.append(use)
    }

    /// Appends a member edge of the extractor's table (see `appendRole`).
    /// - Complexity: O(1) amortized.
    mutating func appendMembership(_ use: LexiconEdgeTable.Use) {
        if !explicitMemberships.isEmpty { explicitMemberships.append(lexiconEdgeTable!.relation(use)); return }
        membershipUses.append(use)
    }

    /// Hands the role uses to the fold, leaving none (the roles are then empty).
    mutating func takeRoleUses() -> [LexiconEdgeTable.Use] { exchange(&roleUses, with: []) }

    /// Hands the membership uses to the fold, leaving none.
    mutating func takeMembershipUses() -> [LexiconEdgeTable.Use] { exchange(&membershipUses, with: []) }

    /// An acronym's expansion as one document writes it.
    public struct Expansion: Hashable, Sendable {
        public var entity: String
        public var expansion: String
    }
}

/// Reads entities and relations from articles with a compiled lexicon.
///
/// ```swift
/// let extractor = Extractor(lexicon: try Lexicon.bundled())
/// let x = extractor.extract(documentID: "a.txt", text: "Germany pledged €500 million to the Green Climate Fund.")
/// x.graph.relations.map(\.key) // germany -pledge-> green-climate-fund
/// ```
public struct Extractor: Sendable {
    let compiled: CompiledLexicon
    /// Per lexicon actor (as `CompiledLexicon.actor(id:)` has it), its roles with the attributes
    /// of each role's edge, and the organizations it is a member of, made once: every document
    /// that names the actor shares them (merging compares storage), and reading them is one
    /// lookup and one retain rather than a copy of the whole entry.
    /// (Parallel to `CompiledLexicon.actorIDs`.)
    private let lexiconEdges: [LexiconEdges]
    /// Every actor's role and member edges without evidence, one slot each (see `LexiconEdges.roleSlot`).
    private let lexiconEdgeTable: LexiconEdgeTable
    /// The attributes of every lexicon membership edge.
    private static let membershipAttributes = ["source": "lexicon"]
    /// Documents longer than this many scalars are read in segments cut at sentence ends.
    public static let segmentLength = 1 << 20

    /// Compiles the lexicon into phrase tables.
    /// - Complexity: O(size of the lexicon).
    public init(lexicon: Lexicon) {
        compiled = CompiledLexicon(lexicon)
        // a later actor with the same id replaces an earlier one, as in `CompiledLexicon.actor(id:)`
        let actorsByID = compiled.actorsByID
        var templates: [Relation] = []
        lexiconEdges = compiled.actorIDs.map { id in
            let actor = actorsByID[id]!
            let roleAttributes = actor.roles.map { role in
                var attrs = ["title": role.title, "source": "lexicon"]
                if let f = role.from { attrs["from"] = f }
                if let t = role.to { attrs["to"] = t }
                if let p = role.portfolio { attrs["portfolio"] = p }
                return attrs
            }
            // the edges as `extractSegment` made them, without their evidence
            let roleSlot = Int32(templates.count)
            for (k, role) in actor.roles.enumerated() {
                templates.append(Relation(source: id, kind: .role, target: role.of, attributes: roleAttributes[k]))
            }
            let memberSlot = Int32(templates.count)
            for org in actor.memberOf {
                templates.append(Relation(source: id, kind: .member, target: org, attributes: Extractor.membershipAttributes))
            }
            return LexiconEdges(roles: actor.roles, roleAttributes: roleAttributes, memberOf: actor.memberOf,
                                roleSlot: roleSlot, memberSlot: memberSlot)
        }
        lexiconEdgeTable = LexiconEdgeTable(templates: templates)
    }

    /// Extracts one document.
    /// - Parameters:
    ///   - documentID: the document id (file name) cited by evidence.
    ///   - text: the article.
    ///   - sha256: the digest of the file's bytes; computed from the text when omitted.
    /// - Returns: the document's entities, edges and the facts used for cross-document conflicts.
    /// - Complexity: O(n) in the length of the text (sentences are capped in length).
    public func extract(documentID: String, text: String, sha256: String? = nil) -> DocumentExtraction {
        extract(documentID: documentID, text: text, sha256: sha256, workspace: Workspace())
    }

    /// Extracts one document with storage reused from the worker's earlier documents.
    /// - Parameters:
    ///   - documentID: the document id (file name) cited by evidence.
    ///   - text: the article.
    ///   - sha256: the digest of the file's bytes; computed from the text when omitted.
    ///   - workspace: the worker's (see `Workspace`); the result is the same with a new one.
    /// - Returns: the same as `extract(documentID:text:sha256:)`.
    /// - Complexity: O(n) in the length of the text, plus O(capacity) of the workspace's hash tables.
    func extract(documentID: String, text: String, sha256: String? = nil, workspace: Workspace) -> DocumentExtraction {
        let digest = sha256 ?? SHA256.hex(Array(text.utf8))
        let scalars = Extractor.scalars(of: text)
        let date = ArticleDate.find(in: text, scalars: scalars)
        var result = DocumentExtraction(document: Document(id: documentID, title: Extractor.title(of: scalars), sha256: digest, date: date),
                                        graph: EntityGraph(), expansions: [], amounts: [:], lexiconRoles: [], memberships: [],
                                        lexiconEdgeTable: lexiconEdgeTable)
        var base = 0
        while base < scalars.count {
            var end = min(scalars.count, base + Extractor.segmentLength)
            if end < scalars.count {
                // cut after a sentence end or at least at a space
                var k = end
                while k > base + Extractor.segmentLength / 2, !(scalars[k - 1] == "\n" || (scalars[k - 1] == " " && k >= 2 && scalars[k - 2] == ".")) { k -= 1 }
                if k <= base + Extractor.segmentLength / 2 {
                    k = end
                    while k > base + 1, scalars[k - 1] != " " { k -= 1 }
                    if k <= base + 1 { k = end }
                }
                end = k
            }
            extractSegment(scalars[base..<end], offset: base, documentID: documentID, date: date, workspace: workspace, into: &result)
            base = end
        }
        result.graph.add(result.document)
        return result
    }

    /// `Array(text.unicodeScalars)` in one pass over the UTF-8 (the initializer counts the
    /// scalars first, then decodes them).
    /// - Complexity: O(n) in the length of `text`.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                // a String's UTF-8 is valid: every sequence is complete and decodes to a scalar
                var i = 0, k = 0
                while i < bytes.count {
                    let b = UInt32(bytes[i])
                    var v: UInt32
                    if b < 0x80 {
                        v = b; i += 1
                    } else if b < 0xE0 {
                        v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                    } else if b < 0xF0 {
                        v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    out[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    k += 1
                }
                count = k
            }
        }
    }

    /// The first non-blank line among the first 4096 Unicode scalars, trimmed, at most 300
    /// characters: `title(ofText:)` over the decoded scalars, with a plain-ASCII line copied
    /// as it is (its characters are its scalars).
    /// - Complexity: O(scalars up to the end of that line), at most 4096.
    static func title(of scalars: [Unicode.Scalar]) -> String {
        var lineStart = 0, i = 0
        let limit = min(scalars.count, 4096)
        func line(_ r: Range<Int>) -> String? {
            let raw = scalars[r]
            guard let first = raw.first, let last = raw.last else { return nil }
            let plain = first.isASCII && first != " " && first != "\t" && last.isASCII && last != " " && last != "\t"
            if plain, raw.allSatisfy(\.isASCII) { return String(scalars: raw.prefix(300)) }
            let s = String(scalars: raw)
            let t = plain ? Substring(s) : Substring(s.trimmingCharacters(in: .whitespaces))
            return t.isEmpty ? nil : String(t.prefix(300))
        }
        while i < limit {
            let s = scalars[i]
            if s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                if let t = line(lineStart..<i) { return t }
                lineStart = i + 1
            }
            i += 1
        }
        return line(lineStart..<i) ?? ""
    }

    /// The plain description of `title(of:)` over the text itself; tests compare the two.
    static func title(ofText text: String) -> String {
        let scalars = text.unicodeScalars
        var i = scalars.startIndex, lineStart = i, seen = 0
        func line(_ r: Range<String.Index>) -> String? {
            let raw = text.unicodeScalars[r]
            guard let first = raw.first, let last = raw.last else { return nil }
            // trimming through Foundation is slow: only when an end is a space
            let plain = first.isASCII && first != " " && first != "\t" && last.isASCII && last != " " && last != "\t"
            let t = plain ? Substring(raw) : Substring(Substring(raw).trimmingCharacters(in: .whitespaces))
            return t.isEmpty ? nil : String(t.prefix(300))
        }
        while i < scalars.endIndex, seen < 4096 {
            let s = scalars[i]
            let next = scalars.index(after: i)
            // Character.isNewline's scalars (a CR LF pair leaves an empty line between, skipped)
            if s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                if let t = line(lineStart..<i) { return t }
                lineStart = next
            }
            i = next
            seen += 1
        }
        return line(lineStart..<i) ?? ""
    }

    /// Reads one segment (the whole text for all but huge documents); `offset` is its first
    /// scalar's offset in the document, `date` the document's.
    private func extractSegment(_ scalars: ArraySlice<Unicode.Scalar>, offset: Int, documentID: String, date: String?,
                                workspace ws: Workspace, into result: inout DocumentExtraction) {
        let a = DocumentAnalyzer(lexicon: compiled, documentID: documentID, scalars: scalars, date: date, workspace: ws)
        a.findAcronyms()
        a.quotes.reserveCapacity(a.sentences.count)
        for s in a.sentences { a.quotes.append(a.findQuotes(s)) }
        var drafts = Workspace.take(&ws.drafts)
        var memory = Workspace.take(&ws.memory)
        defer {
            // given back for the next document (emptied when taken)
            ws.drafts = drafts
            ws.memory = memory
        }
        for si in a.sentences.indices {
            var ms = a.findMentions(si)
            a.applyRules(si, &ms, memory: &memory, into: &drafts)
            a.returnMentions(ms)
        }
        // one node per person: a lone surname joins the full name written elsewhere in the document
        var canonical = Workspace.take(&ws.canonical)
        canonical.append(contentsOf: a.entities.indices)
        defer { ws.canonical = canonical }
        for i in a.entities.indices where a.entities[i].type == .person && !a.entities[i].fromLexicon {
            let keys = a.nameKeys(i)
            guard keys.count == 1 else { continue }
            if let j = a.entities.indices.first(where: { $0 != i && a.entities[$0].type == .person && a.nameKeys($0).count > 1 && a.nameKeys($0).last == keys[0] }) {
                canonical[i] = j
                a.entities[j].surfaces.formUnion(a.entities[i].surfaces)
                a.entities[j].textRoles += a.entities[i].textRoles
            }
        }
        func id(_ e: Int) -> String { a.entities[canonical[e]].id }
        // one Evidence (one copy of the sentence's text) per sentence, shared by every edge citing it
        var evidenceCache = Workspace.take(&ws.evidence)
        evidenceCache.append(contentsOf: repeatElement(nil, count: a.sentences.count))
        defer { ws.evidence = evidenceCache }
        func evidence(_ si: Int) -> Evidence {
            if let e = evidenceCache[si] { return e }
            let s = a.sentences[si]
            let e = Evidence(document: documentID, start: s.start + offset, end: s.end + offset, text: a.slice(s.start, s.end))
            evidenceCache[si] = e
            return e
        }
        // merged into the build's graph, which indexes the names: no index of its own
        var g = EntityGraph(indexingAliases: false)
        // room for the segment's entities and edges at once (a new graph grew each list and index
        // one reallocation at a time): one per canonical entity, per edge group and text role
        var canonicalCount = 0, textRoleCount = 0
        for i in a.entities.indices where canonical[i] == i { canonicalCount += 1; textRoleCount += a.entities[i].textRoles.count }
        g.reserveCapacity(entities: canonicalCount, relations: 0)
        // the graph's dense index of each canonical entity, so edges go in without id lookups
        var graphIndex = Workspace.take(&ws.graphIndex)
        graphIndex.append(contentsOf: repeatElement(-1, count: a.entities.count))
        defer { ws.graphIndex = graphIndex }
        for (i, e) in a.entities.enumerated() where canonical[i] == i {
            // a lexicon entity starts from its entry's names, sorted once when the lexicon was compiled
            // (by the actor's index: a lexicon entity always has one, and the entry of its id)
            var entity = e.fromLexicon && e.actorIndex >= 0 ? compiled.entityByIndex[e.actorIndex] : Entity(id: e.id, name: e.name, type: e.type)
            entity.addAliases(e.surfaces)
            if let x = e.expansion { entity.attributes["expansion"] = x }
            graphIndex[i] = g.add(entity)
        }
        // one relation per key, its evidence gathered first (merging one by one would be quadratic)
        // keyed by canonical entity indices (ids are unique per entity, so the same grouping)
        // (grouped in place in an array: a copy out of a dictionary would copy the sentence set at each merge)
        var groupOf = Workspace.take(&ws.groupOf)
        var groups = Workspace.take(&ws.groups)
        defer {
            ws.groupOf = groupOf
            ws.groups = groups
        }
        // (drafts and groups are moved out of, not copied: both lists are emptied when next taken)
        for di in drafts.indices {
            let s = canonical[drafts[di].source], t = canonical[drafts[di].target]
            guard s != t else { continue }
            let key = DraftKey(source: s, kind: drafts[di].kind, target: t)
            if let g = groupOf[key] {
                let d = exchange(&drafts[di], with: DraftRelation.moved)
                groups[g].draft.sentences.append(contentsOf: d.sentences)
                for item in d.items where !groups[g].draft.items.contains(item) { groups[g].draft.items.append(item) }
                if groups[g].draft.amount == nil { groups[g].draft.amount = d.amount }
                if groups[g].draft.sharedAmount == nil { groups[g].draft.sharedAmount = d.sharedAmount }
                if groups[g].draft.status == nil { groups[g].draft.status = d.status }
                if groups[g].draft.quote == nil { groups[g].draft.quote = d.quote }
            } else {
                groupOf[key] = groups.count
                groups.append((key, exchange(&drafts[di], with: DraftRelation.moved)))
            }
        }
        g.reserveCapacity(entities: canonicalCount, relations: groups.count + textRoleCount)
        // each group's sentences, written into one list the worker keeps
        var sentences = Workspace.take(&ws.groupSentences)
        defer { ws.groupSentences = sentences }
        for gi in groups.indices {
            let key = groups[gi].key
            let d = exchange(&groups[gi].draft, with: DraftRelation.moved)
            // the group's sentences in order, each once (nearly always in order already, as the
            // sentences were read: then they are not sorted)
            d.sentences.write(into: &sentences)
            if !Extractor.isAscending(sentences) { sentences.sort() }
            var evidenceList: [Evidence] = []
            evidenceList.reserveCapacity(sentences.count)
            for (k, si) in sentences.enumerated() where k == 0 || sentences[k - 1] != si { evidenceList.append(evidence(si)) }
            let r = Relation(source: a.entities[key.source].id, kind: key.kind, target: a.entities[key.target].id,
                             evidence: evidenceList,
                             amount: d.amount, items: d.items, status: d.status, quote: d.quote,
                             attributes: d.amount == nil ? d.sharedAmount.map { ["shared_amount": QueryOutput.amount($0)] } ?? [:] : [:])
            if let amount = d.amount, key.kind == .pledge, result.amounts[r.key] == nil { result.amounts[r.key] = amount }
            g.insert(r, source: graphIndex[key.source], target: graphIndex[key.target])
        }
        // by index in a local array: a copy of each entity (its names and surfaces) retained all its strings
        let entities = a.entities
        for i in entities.indices where canonical[i] == i {
            for role in entities[i].textRoles {
                let r = Relation(source: entities[i].id, kind: .role, target: id(role.owner), evidence: [evidence(entities[i].firstSentence)],
                                 attributes: ["title": role.title, "source": "text"])
                try? g.add(r)
            }
            // only people's roles and countries' memberships come from the lexicon
            let type = entities[i].type
            guard entities[i].fromLexicon, type == .person || type == .country, entities[i].actorIndex >= 0 else { continue }
            let edges = lexiconEdges[entities[i].actorIndex]
            let source = entities[i].id
            // the table's edges have the actor's id as source (a lexicon entity's id is its actor's)
            let tabled = source == compiled.actorIDs[entities[i].actorIndex]
            if type == .person {
                let roles = edges.roles
                var chosen = roles.indices.filter { roles[$0].isValid(on: date) }
                if chosen.isEmpty, let latest = roles.indices.max(by: { (roles[$0].from ?? "") < (roles[$1].from ?? "") }) { chosen = [latest] }
                for k in chosen {
                    if tabled {
                        result.appendRole(.init(slot: edges.roleSlot + Int32(k), evidence: evidence(entities[i].firstSentence)))
                    } else {
                        result.lexiconRoles.append(Relation(source: source, kind: .role, target: roles[k].of, evidence: [evidence(entities[i].firstSentence)],
                                                            attributes: edges.roleAttributes[k]))
                    }
                }
            }
            if type == .country {
                for (k, org) in edges.memberOf.enumerated() {
                    if tabled {
                        result.appendMembership(.init(slot: edges.memberSlot + Int32(k), evidence: evidence(entities[i].firstSentence)))
                    } else {
                        result.memberships.append(Relation(source: source, kind: .member, target: org, evidence: [evidence(entities[i].firstSentence)],
                                                           attributes: Extractor.membershipAttributes))
                    }
                }
            }
        }
        for x in a.acronymExpansions {
            let ex = DocumentExtraction.Expansion(entity: id(x.entity), expansion: x.expansion)
            if !result.expansions.contains(ex) { result.expansions.append(ex) }
        }
        // one segment (nearly every document): the graph is the segment's, no need to merge it in
        if result.graph.entityCount == 0, result.graph.relationCount == 0, result.graph.documents.isEmpty, result.graph.conflicts.isEmpty {
            result.graph = g
        } else {
            result.graph.merge(g)
        }
    }
}

extension Extractor {
    /// Whether every element is at most the next one (sorting would change nothing).
    /// - Complexity: O(n).
    static func isAscending(_ list: [Int]) -> Bool {
        var i = 1
        while i < list.count { if list[i - 1] > list[i] { return false }; i += 1 }
        return true
    }
}

/// The lexicon edges of one actor (see `Extractor.lexiconEdges`).
private final class LexiconEdges: Sendable {
    let roles: [Lexicon.Role]
    /// The attributes of each role's edge, parallel to `roles`.
    let roleAttributes: [[String: String]]
    let memberOf: [String]
    /// The slot in `LexiconEdgeTable.templates` of the edge of `roles[0]` (`roles[k]`'s is `roleSlot + k`).
    let roleSlot: Int32
    /// The slot of the edge to `memberOf[0]` (`memberOf[k]`'s is `memberSlot + k`).
    let memberSlot: Int32

    init(roles: [Lexicon.Role], roleAttributes: [[String: String]], memberOf: [String], roleSlot: Int32, memberSlot: Int32) {
        self.roles = roles; self.roleAttributes = roleAttributes; self.memberOf = memberOf
        self.roleSlot = roleSlot; self.memberSlot = memberSlot
    }
}

/// The lexicon role and member edges of an extractor, without evidence, one per slot: a
/// document records the edges it reads as (slot, evidence) pairs, and the build's fold adds
/// each evidence to its edge by slot (one array index) instead of making a relation, hashing
/// its key and dropping it again.
final class LexiconEdgeTable: Sendable {
    /// One edge of the table read with one sentence.
    struct Use: Sendable, Equatable {
        var slot: Int32
        var evidence: Evidence
    }

    /// Each slot's edge, with no evidence.
    let templates: [Relation]

    init(templates: [Relation]) { self.templates = templates }

    /// The edge of a use with its evidence (as the extractor made each edge before the table).
    /// - Complexity: O(1) plus copying the edge's attributes reference.
    func relation(_ use: Use) -> Relation {
        let t = templates[Int(use.slot)]
        return Relation(source: t.source, kind: t.kind, target: t.target, evidence: [use.evidence], attributes: t.attributes)
    }
}

/// A draft edge's key within one document: canonical entity indices and the kind.
struct DraftKey: Hashable {
    var source: Int
    var kind: RelationKind
    var target: Int
}
