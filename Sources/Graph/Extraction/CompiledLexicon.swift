import Foundation

/// A phrase dictionary keyed by the first token: each phrase's token keys with its value,
/// longest phrases first, so a match at a position costs one hash lookup plus a few compares.
struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(keys: [String], value: Value)]] = [:]

    mutating func insert(_ keys: [String], _ value: Value) {
        guard let first = keys.first else { return }
        var list = byFirst[first, default: []]
        list.append((keys, value))
        list.sort { $0.keys.count > $1.keys.count }
        byFirst[first] = list
    }

    mutating func insert(phrase: String, _ value: Value) { insert(Tokenizer.keys(phrase), value) }

    /// All entries matching at `i`, longest first.
    /// - Complexity: O(k) in the entries sharing the first token.
    func matches(_ tokens: [Token], at i: Int, limit: Int) -> [(length: Int, value: Value)] {
        guard i < limit, let list = byFirst[tokens[i].key] else { return [] }
        var out: [(Int, Value)] = []
        for (keys, value) in list where i + keys.count <= limit {
            var ok = true
            for k in 1..<max(1, keys.count) where tokens[i + k].key != keys[k] { ok = false; break }
            if ok { out.append((keys.count, value)) }
        }
        return out
    }

    /// The longest entry matching at `i`.
    /// - Complexity: O(k) in the entries sharing the first token; allocates nothing.
    func longest(_ tokens: [Token], at i: Int, limit: Int) -> (length: Int, value: Value)? {
        firstMatch(tokens, at: i, limit: limit) { _, _ in true }
    }

    /// The longest entry matching at `i` that `accept` takes.
    func firstMatch(_ tokens: [Token], at i: Int, limit: Int, _ accept: (Int, Value) -> Bool) -> (length: Int, value: Value)? {
        guard i < limit, let list = byFirst[tokens[i].key] else { return nil }
        // by index, so that an entry (its keys and value) is only copied when it matches
        for e in list.indices {
            let n = list[e].keys.count
            guard i + n <= limit else { continue }
            var ok = true
            var k = 1
            while k < n { if tokens[i + k].key != list[e].keys[k] { ok = false; break }; k += 1 }
            if ok, accept(n, list[e].value) { return (n, list[e].value) }
        }
        return nil
    }

    func contains(_ key: String) -> Bool { byFirst[key] != nil }
}

/// How an actor is named by a dictionary phrase.
enum SurfaceKind: Sendable { case name, demonym, reference }

/// One way of naming an actor.
struct ActorSurface: Sendable {
    var actorID: String
    var kind: SurfaceKind
    /// The phrase as written in the lexicon.
    var surface: String
    /// An all-capitals acronym ("US", "EU") only matches the same capitals in the text.
    var caseSensitive: Bool
    /// The phrase starts with a capital: the text must too.
    var capitalized: Bool
}

/// The lexicon precompiled into phrase tables for one pass over a document's tokens.
final class CompiledLexicon: Sendable {
    let lexicon: Lexicon
    let actors: PhraseTable<ActorSurface>
    let predicates: PhraseTable<[Lexicon.Predicate]>
    let titles: PhraseTable<String>
    let cues: [String: PhraseTable<Bool>]
    let currencies: PhraseTable<String>
    let periods: PhraseTable<String>
    let itemHeads: PhraseTable<Bool>
    /// Title holders from the lexicon: (canonical title, office of) → person ids with that role.
    let holders: [String: [String]]
    /// Title holders keyed by normalized title and office ("secretary general|nato").
    let holdersByNormalizedTitle: [String: [(String, [String])]]

    /// Compiles a lexicon.
    /// - Complexity: O(total size of the dictionaries).
    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        var actors = PhraseTable<ActorSurface>()
        var holders: [String: [String]] = [:]
        for a in lexicon.actors {
            func add(_ s: String, _ kind: SurfaceKind) {
                let letters = s.unicodeScalars.filter { CharacterSet.letters.contains($0) }
                let caps = letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
                let capitalized = s.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                actors.insert(phrase: s, ActorSurface(actorID: a.id, kind: kind, surface: s, caseSensitive: caps, capitalized: capitalized))
            }
            add(a.name, .name)
            // a name's folded spelling ("Peter Szijjarto") matches through the token keys already
            for s in a.aliases { add(s, .name) }
            for s in a.demonyms { add(s, .demonym) }
            for s in a.references { add(s, .reference) }
            for r in a.roles { holders["\(r.title)|\(r.of)", default: []].append(a.id) }
        }
        self.actors = actors
        self.holders = holders
        var norm: [String: [(String, [String])]] = [:]
        for (k, ids) in holders.sorted(by: { $0.key < $1.key }) {
            let parts = k.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            norm[AliasKey.normalize(parts[0]) + "|" + parts[1], default: []].append((k, ids))
        }
        self.holdersByNormalizedTitle = norm
        var predicates = PhraseTable<[Lexicon.Predicate]>()
        for (k, v) in lexicon.predicates.sorted(by: { $0.key < $1.key }) { predicates.insert(phrase: k, v) }
        self.predicates = predicates
        var titles = PhraseTable<String>()
        for (k, v) in lexicon.titles.sorted(by: { $0.key < $1.key }) { titles.insert(phrase: k, v) }
        self.titles = titles
        var cues: [String: PhraseTable<Bool>] = [:]
        for (g, set) in lexicon.cues {
            var t = PhraseTable<Bool>()
            for p in set.sorted() { t.insert(phrase: p, true) }
            cues[g] = t
        }
        self.cues = cues
        var currencies = PhraseTable<String>()
        for (k, v) in lexicon.currencies.sorted(by: { $0.key < $1.key }) { currencies.insert(phrase: k, v) }
        self.currencies = currencies
        var periods = PhraseTable<String>()
        for (k, v) in lexicon.periods.sorted(by: { $0.key < $1.key }) { periods.insert(phrase: k, v) }
        self.periods = periods
        var items = PhraseTable<Bool>()
        for h in lexicon.itemHeads.sorted() { items.insert(phrase: h, true) }
        self.itemHeads = items
    }

    /// Whether a single-token cue of `group` is `key`, or a cue phrase starts at `i`.
    func cue(_ group: String, _ tokens: [Token], at i: Int, limit: Int) -> Int? {
        cues[group]?.longest(tokens, at: i, limit: limit)?.length
    }

    func isCueWord(_ group: String, _ key: String) -> Bool { lexicon.cues[group]?.contains(key) ?? false }
}
