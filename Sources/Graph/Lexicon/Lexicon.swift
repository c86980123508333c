import Foundation

/// The dictionaries extraction reads: actors (countries, organizations, people, programs),
/// predicates (verbs and nouns of statements, pledges and oppositions, with negation,
/// non-event and hypothetical cues), office titles, currencies and item nouns.
///
/// The bundled lexicon is every YAML file in the `lexicon` resource folder; a user's file
/// (same schema) is merged over it with `merge(_:)`:
///
/// ```swift
/// var lexicon = try Lexicon.bundled()
/// try lexicon.merge(Lexicon(contentsOf: URL(fileURLWithPath: "my-actors.yaml")))
/// lexicon.actor(id: "nato")?.name // "NATO"
/// ```
public struct Lexicon: Sendable {
    /// An office held by a person, possibly time-bounded.
    public struct Role: Hashable, Sendable {
        /// Canonical title ("Secretary General").
        public var title: String
        /// Id of the country or organization the office belongs to.
        public var of: String
        /// First day in office (ISO `YYYY-MM-DD`), if known.
        public var from: String?
        /// Last day in office, `nil` while in office.
        public var to: String?
        /// Portfolio of a generic "Minister".
        public var portfolio: String?

        public init(title: String, of: String, from: String? = nil, to: String? = nil, portfolio: String? = nil) {
            self.title = title; self.of = of; self.from = from; self.to = to; self.portfolio = portfolio
        }

        /// Whether the role was held on `date` (ISO day); with no date, whether it is current.
        public func isValid(on date: String?) -> Bool {
            guard let date else { return to == nil }
            if let from, date < from { return false }
            if let to, date > to { return false }
            return true
        }
    }

    /// A named actor or program of the dictionary.
    public struct Actor: Hashable, Sendable {
        public var id: String
        public var name: String
        public var type: EntityType
        /// Other names: short forms, capitals and seats of government, spellings.
        public var aliases: [String]
        /// Adjectives and plurals for a country's people ("Ukrainian").
        public var demonyms: [String]
        /// Common nouns that refer back to the actor once named ("alliance").
        public var references: [String]
        /// Organization ids a country belongs to.
        public var memberOf: [String]
        /// Offices of a person.
        public var roles: [Role]
        /// Organization kind ("alliance", "union", …) or other sub-type.
        public var kind: String?

        public init(id: String? = nil, name: String, type: EntityType, aliases: [String] = [], demonyms: [String] = [],
                    references: [String] = [], memberOf: [String] = [], roles: [Role] = [], kind: String? = nil) {
            self.id = id ?? Slug.make(name)
            self.name = name; self.type = type; self.aliases = aliases; self.demonyms = demonyms
            self.references = references; self.memberOf = memberOf; self.roles = roles; self.kind = kind
        }

        /// Merges another entry with the same id: lists are united, given scalars override.
        mutating func merge(_ other: Actor) {
            func unite(_ a: [String], _ b: [String]) -> [String] {
                var seen = Set(a); var out = a
                for x in b where !seen.contains(x) { seen.insert(x); out.append(x) }
                return out
            }
            if other.name != name { aliases = unite(aliases, [name]); name = other.name }
            aliases = unite(aliases, other.aliases).filter { $0 != name }
            demonyms = unite(demonyms, other.demonyms)
            references = unite(references, other.references)
            memberOf = unite(memberOf, other.memberOf)
            for r in other.roles {
                if let i = roles.firstIndex(where: { $0.title == r.title && $0.of == r.of && $0.from == r.from }) { roles[i] = r }
                else { roles.append(r) }
            }
            if let k = other.kind { kind = k }
            type = other.type
        }
    }

    /// The kind of a predicate entry.
    public enum PredicateKind: String, Sendable, CaseIterable {
        case statement, pledge, opposition
    }

    /// A verb form or noun phrase that signals an event.
    public struct Predicate: Hashable, Sendable {
        public var kind: PredicateKind
        /// Dictionary lemma ("pledge").
        public var lemma: String
        /// Whether the entry is a noun (phrase) rather than a verb form.
        public var isNoun: Bool
        /// Past tense or participle ("delivered"): used for pledge status.
        public var isPast: Bool
        /// The verb reports a transfer that happened when past ("delivered", "provided").
        public var isDelivery: Bool
        /// The act is spoken (a criticism is also a statement).
        public var isSpoken: Bool
        /// The verb's direct object is the recipient ("support Ukraine"); other pledge verbs
        /// need something given ("provide resources").
        public var isDirect: Bool
        /// A noun whose actor follows it and acts on the clause's subject ("pressure from Washington").
        public var isReverse: Bool = false
        /// The verb is itself a promise ("pledge", "commit"): nothing given need be named.
        public var isExplicit: Bool = false
        /// The subject receives; the giver follows "from" ("Kyiv received €2 billion from the EPF").
        public var isReceive: Bool = false
    }

    /// Actors in load order (files by name, entries as written).
    public private(set) var actors: [Actor] = []
    /// Ids written explicitly in the files (never re-targeted by alias).
    var explicitIDs: Set<String> = []
    private var actorIndex: [String: Int] = [:]
    /// Surface form (lower-case, single-spaced) → predicates it signals.
    public internal(set) var predicates: [String: [Predicate]] = [:]
    /// Cue phrases by group: `negation`, `non_event`, `hypothetical`, `undelivered`, `stop`, …
    public internal(set) var cues: [String: Set<String>] = [:]
    /// Title surface form (lower-case) → canonical title.
    public internal(set) var titles: [String: String] = [:]
    /// Title modifiers that say the holder is not the current one ("former").
    public internal(set) var pastTitleModifiers: Set<String> = []
    /// Currency symbol, code or word → ISO code.
    public internal(set) var currencies: [String: String] = [:]
    /// Magnitude word or suffix → multiplier ("billion" → 1e9, "bn" → 1e9).
    public internal(set) var magnitudes: [String: Double] = [:]
    /// Period phrase (lower-case) → period ("per month" → "month").
    public internal(set) var periods: [String: String] = [:]
    /// Item head nouns (lower-case): "missiles", "tanks", "air defence".
    public internal(set) var itemHeads: Set<String> = []
    /// Nouns of what is given ("resources", "aid"): a generic pledge verb needs one, an item or an amount.
    public internal(set) var resourceNouns: Set<String> = []
    /// Words that may precede an item head inside the item phrase ("cruise", "fighter").
    public internal(set) var itemModifiers: Set<String> = []
    /// Head nouns naming a program when ending a capitalized name ("Fund", "Initiative").
    public internal(set) var programHeads: Set<String> = []
    /// Head nouns naming an organization when ending a capitalized name ("Council").
    public internal(set) var organizationHeads: Set<String> = []
    /// Common nouns that refer back to a program named in the document ("the mechanism").
    public internal(set) var programReferences: Set<String> = []
    /// Capitalized words that never start or make up a name (sentence-initial function words, months).
    public internal(set) var nonNameWords: Set<String> = []

    /// An empty lexicon.
    public init() {}

    /// The actor with this id.
    /// - Complexity: O(1).
    public func actor(id: String) -> Actor? { actorIndex[id].map { actors[$0] } }

    /// Adds an actor, or merges it into the entry with the same id (add aliases, override
    /// fields).
    /// - Complexity: O(1) amortized plus the size of the entry.
    public mutating func add(_ actor: Actor) {
        if let i = actorIndex[actor.id] {
            actors[i].merge(actor)
        } else {
            actorIndex[actor.id] = actors.count
            actors.append(actor)
        }
    }

    /// Merges another lexicon over this one: actors by id (aliases added, fields overridden,
    /// new ids added), and every other table entry by entry.
    /// - Parameter other: the lexicon to merge in (a user's `--lexicon` file).
    /// - Parameter matchingAliases: whether an entry with a new id but a known name merges into
    ///   the entry that has that name (true for a user's file; the bundled files keep their ids).
    public mutating func merge(_ other: Lexicon, matchingAliases: Bool = true) {
        // an entry whose id is new but whose name is a known name or alias merges into that entry
        var byAlias: [String: String] = [:]
        if matchingAliases, !actors.isEmpty, !other.actors.isEmpty {
            for a in actors { for n in [a.name] + a.aliases { byAlias[AliasKey.normalize(n)] = byAlias[AliasKey.normalize(n)] ?? a.id } }
        }
        for var a in other.actors {
            if actorIndex[a.id] == nil, !other.explicitIDs.contains(a.id), let known = byAlias[AliasKey.normalize(a.name)],
               let existing = actor(id: known) {
                a.id = known
                a.aliases.append(a.name)
                a.name = existing.name
            }
            add(a)
        }
        explicitIDs.formUnion(other.explicitIDs)
        for (k, v) in other.predicates { predicates[k, default: []] = Array(Set(predicates[k, default: []] + v)).sorted { $0.lemma < $1.lemma } }
        for (k, v) in other.cues { cues[k, default: []].formUnion(v) }
        titles.merge(other.titles) { _, new in new }
        pastTitleModifiers.formUnion(other.pastTitleModifiers)
        currencies.merge(other.currencies) { _, new in new }
        magnitudes.merge(other.magnitudes) { _, new in new }
        periods.merge(other.periods) { _, new in new }
        itemHeads.formUnion(other.itemHeads)
        itemModifiers.formUnion(other.itemModifiers)
        resourceNouns.formUnion(other.resourceNouns)
        programHeads.formUnion(other.programHeads)
        organizationHeads.formUnion(other.organizationHeads)
        programReferences.formUnion(other.programReferences)
        nonNameWords.formUnion(other.nonNameWords)
    }

    /// Whether a cue group contains a phrase (lower-case).
    public func isCue(_ group: String, _ phrase: String) -> Bool { cues[group]?.contains(phrase) ?? false }

    /// The bundled lexicon: every `*.yaml` file of the `lexicon` resource folder, in name order
    /// (so `actors*.yaml` files split by region all load).
    /// - Throws: `LexiconError`.
    public static func bundled() throws -> Lexicon {
        guard let dir = Bundle.module.url(forResource: "lexicon", withExtension: nil) else {
            throw LexiconError.missingBundledLexicon
        }
        return try Lexicon(directory: dir)
    }

    /// Loads every `*.yaml`/`*.yml` file of a directory, in name order, merged.
    /// - Throws: `LexiconError`.
    public init(directory: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        self.init()
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            merge(try Lexicon(contentsOf: directory.appendingPathComponent(name)), matchingAliases: false)
        }
    }

    /// Loads one lexicon file.
    /// - Throws: `LexiconError.unreadable` or `.malformed` (with line and column).
    public init(contentsOf url: URL) throws {
        if FileErrors.isDirectory(url) { throw LexiconError.unreadable(file: url.relativePath, reason: "is a directory, expected a file") }
        let data: Data
        do { data = try FileErrors.contents(of: url) } catch {
            throw LexiconError.unreadable(file: url.relativePath, reason: FileErrors.reason(error, url: url))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError.malformed(file: url.relativePath, line: 1, column: 1, reason: "not UTF-8 text")
        }
        try self.init(yaml: text, file: url.relativePath)
    }
}

extension Lexicon {
    func actorIndexContains(_ id: String) -> Bool { actor(id: id) != nil }
}
