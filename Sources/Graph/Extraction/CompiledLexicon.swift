import Foundation

/// A phrase dictionary keyed by the first token's key string: each phrase's token keys with
/// its value, longest phrases first, so a match at a position costs one hash lookup plus a few
/// compares. For names a document teaches (words no vocabulary knows in advance); the
/// lexicon's own tables are `LexiconPhraseTable`s over interned ids.
struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(keys: [String], value: Value)]] = [:]
    /// A filter of the ASCII first keys (`firstKeyBit`): a token whose ASCII key has its bit clear
    /// starts no entry, and is answered without hashing its key (most capitalized words of a
    /// document start none of the few names it teaches).
    private var asciiFirstKeys: (UInt64, UInt64) = (0, 0)
    /// Some first key has a non-ASCII scalar: it may equal an ASCII key of other bytes
    /// ("\u{037E}" is ";"), so the filter is not asked.
    private var nonASCIIFirstKey = false

    /// The filter bit of an ASCII key, from its first byte and its length.
    @inline(__always) private static func firstKeyBit(_ key: String) -> (word: Int, mask: UInt64) {
        let v = (Int(key.utf8.first ?? 0) &* 8 &+ key.utf8.count) & 127
        return (v >> 6, 1 << UInt64(v & 63))
    }

    /// Whether an entry may start with the key of `token`: false only when its key is ASCII (as
    /// it is when its text is) and no first key of an entry is ASCII with the same filter bit
    /// (two ASCII keys are equal only byte for byte), nor is any first key non-ASCII.
    @inline(__always) private func mayStart(_ token: Token) -> Bool {
        if nonASCIIFirstKey || !token.isASCII { return true }
        let b = PhraseTable.firstKeyBit(token.key)
        return (b.word == 0 ? asciiFirstKeys.0 : asciiFirstKeys.1) & b.mask != 0
    }

    mutating func insert(_ keys: [String], _ value: Value) {
        guard let first = keys.first else { return }
        if first.utf8.allSatisfy({ $0 < 0x80 }) {
            let b = PhraseTable.firstKeyBit(first)
            if b.word == 0 { asciiFirstKeys.0 |= b.mask } else { asciiFirstKeys.1 |= b.mask }
        } else {
            nonASCIIFirstKey = true
        }
        var list = byFirst[first, default: []]
        list.append((keys, value))
        list.sort { $0.keys.count > $1.keys.count }
        byFirst[first] = list
    }

    mutating func insert(phrase: String, _ value: Value) { insert(Tokenizer.keys(phrase), value) }

    /// Removes every entry, keeping the storage of the first-key index (for the next document).
    /// - Complexity: O(capacity of the index).
    mutating func removeAll() {
        byFirst.removeAll(keepingCapacity: true)
        asciiFirstKeys = (0, 0)
        nonASCIIFirstKey = false
    }

    /// All entries matching at `i`, longest first.
    /// - Complexity: O(k) in the entries sharing the first token.
    func matches(_ tokens: [Token], at i: Int, limit: Int) -> [(length: Int, value: Value)] {
        guard i < limit, mayStart(tokens[i]), let list = byFirst[tokens[i].key] else { return [] }
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
        guard i < limit, mayStart(tokens[i]), let list = byFirst[tokens[i].key] else { return nil }
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

}

/// The token keys a lexicon knows, interned as dense ids (1…count; 0 stands for every other
/// word), so that a dictionary lookup at a token is an array index rather than a string hash.
struct Vocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    /// Ids in use, plus one for the unknown word 0.
    var count: Int { ids.count + 1 }

    /// The words' ASCII spellings of up to 15 bytes, packed as `WordSet` packs them (most keys
    /// are such, and hashing two integers is much cheaper than hashing a `String`): an
    /// open-addressing table, its size a power of two at least twice the entries; an empty
    /// slot's `high` is 0 (a packed word's holds its length). A slot also holds its word's
    /// classes once `setClasses` has run (in the 4 bytes the id leaves free): the tokenizer
    /// reads them with the id, sparing a load from the vocabulary-sized class table.
    private var slots: [(low: UInt64, high: UInt64, id: Int32, classes: WordClass)] = []
    /// The word classes of each id (`CompiledLexicon.classes`); empty until `setClasses`.
    private(set) var classes: [WordClass] = []
    private var packedCount = 0
    /// One bit per value of bits 32–47 of a packed word's hash, set for the table's words: an
    /// unknown word (most names) is answered from these 8 KB, sparing a cache miss in `slots`.
    private var filter = [UInt64](repeating: 0, count: 1 << 10)

    mutating func intern(_ key: String) -> Int32 {
        if let i = ids[key] { return i }
        let i = Int32(ids.count + 1)
        ids[key] = i
        // an ASCII key equals a word only byte for byte, or a word with other scalars whose
        // canonical composition (what String equality compares) is that ASCII ("\u{037E}" is ";")
        if let p = WordSet.pack(key), p.high != 0 {  // high is 0 only for the empty key
            addPacked(p, i)
        } else if !key.utf8.allSatisfy({ $0 < 0x80 }) {
            let composed = key.precomposedStringWithCanonicalMapping
            if composed == key, let p = WordSet.pack(composed), p.high != 0 { addPacked(p, i) }
        }
        return i
    }

    /// A packed word's hash (multiplicative: its top bits pick the slot to probe first).
    @inline(__always) private static func hash(_ low: UInt64, _ high: UInt64) -> UInt64 {
        (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The slot to probe first for a hash.
    @inline(__always) private static func home(_ h: UInt64, slots: Int) -> Int {
        Int(truncatingIfNeeded: h >> UInt64(64 - slots.trailingZeroBitCount))
    }

    /// The filter word and bit of a hash.
    @inline(__always) private static func filterBit(_ h: UInt64) -> (word: Int, bit: UInt64) {
        let v = Int(truncatingIfNeeded: (h >> 32) & 0xFFFF)
        return (v >> 6, 1 << UInt64(v & 63))
    }

    private mutating func addPacked(_ p: (low: UInt64, high: UInt64), _ id: Int32) {
        if packedCount + 1 > slots.count / 2 {
            let old = slots
            slots = Array(repeating: (0, 0, 0, []), count: max(64, slots.count * 2))
            for s in old where s.high != 0 { place(s) }
        }
        place((p.low, p.high, id, []))
        packedCount += 1
        let f = Vocabulary.filterBit(Vocabulary.hash(p.low, p.high))
        filter[f.word] |= f.bit
    }

    private mutating func place(_ s: (low: UInt64, high: UInt64, id: Int32, classes: WordClass)) {
        let mask = slots.count - 1
        var k = Vocabulary.home(Vocabulary.hash(s.low, s.high), slots: slots.count)
        while slots[k].high != 0 {
            if slots[k].low == s.low && slots[k].high == s.high { return }  // an equal word is there already
            k = (k + 1) & mask
        }
        slots[k] = s
    }

    /// Gives every id its word classes (one per id, 0 included), also stored in the packed slots.
    mutating func setClasses(_ classes: [WordClass]) {
        precondition(classes.count == count, "one class set per id")
        self.classes = classes
        for k in slots.indices where slots[k].high != 0 { slots[k].classes = classes[Int(slots[k].id)] }
    }

    /// The id of a key; 0 when the lexicon has no such word.
    /// - Complexity: O(length) for an ASCII key of up to 15 bytes (pack it, test a filter bit, probe a few slots);
    ///   a `String` hash lookup otherwise.
    func id(_ key: String) -> Int32 {
        guard let p = WordSet.pack(key), p.high != 0 else { return ids[key] ?? 0 }
        return id(packed: p)
    }

    /// The id of an ASCII key of 1 to 15 bytes packed by `WordSet.pack` (the tokenizer packs
    /// keys as it reads them); 0 when the lexicon has no such word.
    /// - Complexity: O(1): a filter bit and a few probed slots.
    @inline(__always) func id(packed p: (low: UInt64, high: UInt64)) -> Int32 {
        let h = Vocabulary.hash(p.low, p.high)
        let f = Vocabulary.filterBit(h)
        guard filter[f.word] & f.bit != 0 else { return 0 }
        let mask = slots.count - 1
        var k = Vocabulary.home(h, slots: slots.count)
        while slots[k].high != 0 {
            if slots[k].low == p.low && slots[k].high == p.high { return slots[k].id }
            k = (k + 1) & mask
        }
        return 0
    }

    /// `id(packed:)` with `classes[id]` (read from the slot: no second load), once `setClasses` has run.
    /// - Complexity: O(1): a filter bit and a few probed slots.
    @inline(__always) func entry(packed p: (low: UInt64, high: UInt64)) -> (id: Int32, classes: WordClass) {
        let h = Vocabulary.hash(p.low, p.high)
        let f = Vocabulary.filterBit(h)
        guard filter[f.word] & f.bit != 0 else { return (0, classes.isEmpty ? [] : classes[0]) }
        let mask = slots.count - 1
        var k = Vocabulary.home(h, slots: slots.count)
        while slots[k].high != 0 {
            if slots[k].low == p.low && slots[k].high == p.high { return (slots[k].id, slots[k].classes) }
            k = (k + 1) & mask
        }
        return (0, classes.isEmpty ? [] : classes[0])
    }
}

/// Word lists of the lexicon as bits per vocabulary id: membership of a token is one load.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32
    static let nonName = WordClass(rawValue: 1 << 0)
    static let programHead = WordClass(rawValue: 1 << 1)
    static let organizationHead = WordClass(rawValue: 1 << 2)
    static let programReference = WordClass(rawValue: 1 << 3)
    static let pastTitleModifier = WordClass(rawValue: 1 << 4)
    static let resourceNoun = WordClass(rawValue: 1 << 5)
    static let itemModifier = WordClass(rawValue: 1 << 6)
    /// The first word of some actor's name, alias, demonym or reference.
    static let actorStart = WordClass(rawValue: 1 << 7)
    /// A cue group's single-word entry (cue groups are named in `cueClasses`).
    static let auxiliary = WordClass(rawValue: 1 << 8)
    static let negation = WordClass(rawValue: 1 << 9)
    static let clauseBreak = WordClass(rawValue: 1 << 10)
    static let hypothetical = WordClass(rawValue: 1 << 11)
    static let stop = WordClass(rawValue: 1 << 12)
    static let recipientPreposition = WordClass(rawValue: 1 << 13)
    static let concernGovernor = WordClass(rawValue: 1 << 14)
    /// The first word of a hypothetical cue phrase.
    static let hypotheticalStart = WordClass(rawValue: 1 << 15)
    /// A personal or first-person pronoun ("he", "her", "we", "our").
    static let pronoun = WordClass(rawValue: 1 << 16)
    /// Word lists of the analyzer's rules (`analyzerClasses`), asked about in hot loops.
    static let preposition = WordClass(rawValue: 1 << 17)
    static let listGlue = WordClass(rawValue: 1 << 18)
    static let actingGroupNoun = WordClass(rawValue: 1 << 19)
    static let nonAgentGroupNoun = WordClass(rawValue: 1 << 20)
    static let determiner = WordClass(rawValue: 1 << 21)
    static let nameParticle = WordClass(rawValue: 1 << 22)
    static let blockedReferencePrefix = WordClass(rawValue: 1 << 23)
    static let clauseConjunction = WordClass(rawValue: 1 << 24)
    static let nonSubjectWord = WordClass(rawValue: 1 << 25)
    static let notCommonNoun = WordClass(rawValue: 1 << 26)
    static let whichWho = WordClass(rawValue: 1 << 27)
    static let nameConnector = WordClass(rawValue: 1 << 28)
    static let relativePronoun = WordClass(rawValue: 1 << 29)
    static let withAs = WordClass(rawValue: 1 << 30)
    static let objectDeterminer = WordClass(rawValue: 1 << 31)

    /// The analyzer's word lists that have a class of their own (their words join every vocabulary).
    static let analyzerClasses: [(Set<String>, WordClass)] = [
        (DocumentAnalyzer.prepositions, .preposition), (DocumentAnalyzer.listGlue, .listGlue),
        (DocumentAnalyzer.actingGroupNouns, .actingGroupNoun), (DocumentAnalyzer.nonAgentGroupNouns, .nonAgentGroupNoun),
        (DocumentAnalyzer.determiners, .determiner), (DocumentAnalyzer.nameParticles, .nameParticle),
        (DocumentAnalyzer.blockedReferencePrefix, .blockedReferencePrefix),
        (Set(DocumentAnalyzer.clauseConjunctions.words), .clauseConjunction), (Set(DocumentAnalyzer.nonSubjectWords.words), .nonSubjectWord),
        (Set(DocumentAnalyzer.notCommonNouns.words), .notCommonNoun), (Set(DocumentAnalyzer.whichWho.words), .whichWho),
        (Set(DocumentAnalyzer.nameConnectors.words), .nameConnector), (Set(DocumentAnalyzer.relativePronouns.words), .relativePronoun),
        (Set(DocumentAnalyzer.withAs.words), .withAs), (Set(DocumentAnalyzer.objectDeterminers.words), .objectDeterminer),
    ]

    /// Cue groups of the lexicon files that have a class of their own.
    static let cueClasses: [String: WordClass] = [
        "auxiliary": .auxiliary, "negation": .negation, "clause_break": .clauseBreak, "hypothetical": .hypothetical,
        "stop": .stop, "recipient_preposition": .recipientPreposition, "concern_governors": .concernGovernor,
    ]
}

/// A phrase dictionary over interned token ids: the entries of each first word sit together,
/// longest first (then in insertion order), so a match at a position costs one array index plus
/// a few integer compares, and nothing is copied unless it matches.
struct LexiconPhraseTable<Value: Sendable>: Sendable {
    /// Every entry's ids, one after another.
    private let phraseIDs: [Int32]
    /// Per entry: offset of its ids in `phraseIDs`, and its length.
    private let entryStart: [Int32]
    private let entryLength: [Int32]
    private let values: [Value]
    /// Entries whose first word has id `w` are `firstEntry[w]..<firstEntry[w + 1]`.
    private let firstEntry: [Int32]
    /// For a first word that starts more than `largeGroup` entries ("the …"), its index in
    /// `largeGroups`, else -1: such a group is narrowed by the second word before any compare.
    private let largeGroupOf: [Int32]
    /// Per large group: where its one-word entries start (they come last: longest first).
    private let largeGroups: [(w: Int32, singles: Int32)]
    /// The entries of several words of a large group, by first and second word id
    /// (`secondKey`): a range of `secondOrder`, in the group's order.
    private let bySecond: [Int64: Range<Int32>]
    private let secondOrder: [Int32]
    /// One bit per vocabulary id (bit `w & 63` of word `w >> 6`), set when some entry starts
    /// with that word. Most words start none; this bitmap (vocabulary / 8 bytes) stays in cache
    /// where `largeGroupOf` and `firstEntry` (4 bytes an id) would be read from memory.
    private let startBits: [UInt64]
    /// Groups larger than this get a second-word index.
    static var largeGroup: Int { 8 }

    @inline(__always) private static func secondKey(_ w: Int, _ second: Int32) -> Int64 { Int64(w) << 32 | Int64(UInt32(bitPattern: second)) }

    /// Builds a table from phrases already split into token keys, all interned in `vocabulary`.
    /// - Complexity: O(n log n) in the entries plus O(size of the vocabulary).
    init(_ phrases: [(keys: [String], value: Value)], vocabulary: Vocabulary) {
        var byFirst: [[(ids: [Int32], value: Value, order: Int)]] = Array(repeating: [], count: vocabulary.count)
        for (n, p) in phrases.enumerated() where !p.keys.isEmpty {
            let ids = p.keys.map { vocabulary.id($0) }
            byFirst[Int(ids[0])].append((ids, p.value, n))
        }
        var phraseIDs: [Int32] = [], starts: [Int32] = [], lengths: [Int32] = [], values: [Value] = []
        var first: [Int32] = [0]
        first.reserveCapacity(vocabulary.count + 1)
        for group in byFirst {
            let sorted = group.sorted { $0.ids.count != $1.ids.count ? $0.ids.count > $1.ids.count : $0.order < $1.order }
            for e in sorted {
                starts.append(Int32(phraseIDs.count)); lengths.append(Int32(e.ids.count))
                phraseIDs += e.ids
                values.append(e.value)
            }
            first.append(Int32(values.count))
        }
        self.phraseIDs = phraseIDs; self.entryStart = starts; self.entryLength = lengths
        self.values = values; self.firstEntry = first
        var startBits = [UInt64](repeating: 0, count: (first.count - 1 + 63) / 64)
        for w in 0..<(first.count - 1) where first[w + 1] > first[w] { startBits[w >> 6] |= 1 << UInt64(w & 63) }
        self.startBits = startBits
        var largeGroupOf = [Int32](repeating: -1, count: first.count - 1)
        var largeGroups: [(w: Int32, singles: Int32)] = []
        var bySecond: [Int64: Range<Int32>] = [:]
        var secondOrder: [Int32] = []
        for w in 0..<(first.count - 1) where first[w + 1] - first[w] > Int32(Self.largeGroup) {
            largeGroupOf[w] = Int32(largeGroups.count)
            var singles = first[w + 1]
            var bySecondHere: [Int32: [Int32]] = [:]
            var seconds: [Int32] = []  // in order of first use, so the layout does not depend on hashing
            for e in first[w]..<first[w + 1] {
                if lengths[Int(e)] < 2 { singles = min(singles, e); continue }
                let second = phraseIDs[Int(starts[Int(e)]) + 1]
                if bySecondHere[second] == nil { seconds.append(second) }
                bySecondHere[second, default: []].append(e)
            }
            largeGroups.append((Int32(w), singles))
            for second in seconds {
                let list = bySecondHere[second]!
                bySecond[Self.secondKey(w, second)] = Int32(secondOrder.count)..<Int32(secondOrder.count + list.count)
                secondOrder += list
            }
        }
        self.largeGroupOf = largeGroupOf; self.largeGroups = largeGroups
        self.bySecond = bySecond; self.secondOrder = secondOrder
    }

    /// The entries that may match at `i` when its word has id `w` (non-zero), in the group's
    /// order: `direct` entry indices; for a large group, the entries of several words whose
    /// second word is the next token's (`indirect`, indices into `secondOrder`), then its
    /// one-word entries (`direct`). An entry left out cannot match (its second word differs).
    /// - Complexity: O(1): a hash lookup of two integers for a large group.
    @inline(__always) private func candidates(_ w: Int, _ tokens: [Token], _ i: Int, _ limit: Int) -> (indirect: Range<Int>, direct: Range<Int>) {
        let g = Int(largeGroupOf[w])
        if g < 0 { return (0..<0, Int(firstEntry[w])..<Int(firstEntry[w + 1])) }
        let singles = Int(largeGroups[g].singles)..<Int(firstEntry[w + 1])
        guard i + 1 < limit, let r = bySecond[Self.secondKey(w, tokens[i + 1].id)] else { return (0..<0, singles) }
        return (Int(r.lowerBound)..<Int(r.upperBound), singles)
    }

    /// Builds a table from written phrases (tokenized as text is).
    init(phrases: [(phrase: String, value: Value)], vocabulary: Vocabulary) {
        self.init(phrases.map { (Tokenizer.keys($0.phrase), $0.value) }, vocabulary: vocabulary)
    }

    /// Whether the entries of `e` match the tokens from `i` on.
    @inline(__always) private func matches(_ e: Int, _ tokens: [Token], _ i: Int, _ n: Int) -> Bool {
        let start = Int(entryStart[e])
        var k = 1
        while k < n { if tokens[i + k].id != phraseIDs[start + k] { return false }; k += 1 }
        return true
    }

    /// Walks the entries matching at `i`, longest first, calling `body` with each one's index
    /// and length until it returns true; returns that entry's (index, length).
    /// - Complexity: O(k) in the entries sharing the first two tokens; allocates nothing.
    @inline(__always) private func firstMatching(_ tokens: [Token], at i: Int, limit: Int,
                                                 _ body: (_ entry: Int, _ length: Int) -> Bool) -> (entry: Int, length: Int)? {
        guard i < limit else { return nil }
        let w = Int(tokens[i].id)
        guard w != 0, startsEntry(w) else { return nil }
        let c = candidates(w, tokens, i, limit)
        for p in c.indirect {
            let e = Int(secondOrder[p]), n = Int(entryLength[e])
            if i + n <= limit, matches(e, tokens, i, n), body(e, n) { return (e, n) }
        }
        for e in c.direct {
            let n = Int(entryLength[e])
            if i + n <= limit, matches(e, tokens, i, n), body(e, n) { return (e, n) }
        }
        return nil
    }

    /// All entries matching at `i`, longest first.
    /// - Complexity: O(k) in the entries sharing the first two tokens.
    func matches(_ tokens: [Token], at i: Int, limit: Int) -> [(length: Int, value: Value)] {
        var out: [(length: Int, value: Value)] = []
        _ = firstMatching(tokens, at: i, limit: limit) { e, n in out.append((n, values[e])); return false }
        return out
    }

    /// The longest entry matching at `i`.
    /// - Complexity: O(k) in the entries sharing the first two tokens; allocates nothing.
    func longest(_ tokens: [Token], at i: Int, limit: Int) -> (length: Int, value: Value)? {
        // the value is copied once, for the match (`firstMatch` also hands each candidate's to `accept`)
        firstMatching(tokens, at: i, limit: limit) { _, _ in true }.map { ($0.length, values[$0.entry]) }
    }

    /// The length of the longest entry matching at `i` (`longest(…)?.length`, without copying
    /// the entry's value: for the checks that only ask whether and how far a phrase matches).
    /// - Complexity: O(k) in the entries sharing the first two tokens; allocates and retains nothing.
    func longestLength(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        firstMatching(tokens, at: i, limit: limit) { _, _ in true }?.length
    }

    /// The longest entry matching at `i` that `accept` takes.
    func firstMatch(_ tokens: [Token], at i: Int, limit: Int, _ accept: (Int, Value) -> Bool) -> (length: Int, value: Value)? {
        firstMatching(tokens, at: i, limit: limit) { e, n in accept(n, values[e]) }.map { ($0.length, values[$0.entry]) }
    }

    /// Whether some entry starts with the word of this token.
    func startsWith(_ token: Token) -> Bool {
        let w = Int(token.id)
        return w != 0 && startsEntry(w)
    }

    /// Whether some entry starts with the word of id `w` (`firstEntry[w] < firstEntry[w + 1]`, from the bitmap).
    @inline(__always) private func startsEntry(_ w: Int) -> Bool { startBits[w >> 6] & (1 << UInt64(w & 63)) != 0 }
}

/// How an actor is named by a dictionary phrase.
enum SurfaceKind: Sendable { case name, demonym, reference }

/// One way of naming an actor.
struct ActorSurface: Sendable {
    var actorID: String
    /// The actor's place in `CompiledLexicon.actorIDs` (a dense index for per-document arrays).
    var actorIndex: Int
    var kind: SurfaceKind
    /// The phrase as written in the lexicon.
    var surface: String
    /// An all-capitals acronym ("US", "EU") only matches the same capitals in the text.
    var caseSensitive: Bool
    /// The phrase starts with a capital: the text must too.
    var capitalized: Bool
}

/// The lexicon precompiled into phrase tables over interned words, for one pass over a
/// document's tokens.
final class CompiledLexicon: Sendable {
    let lexicon: Lexicon
    /// Every word of every phrase and word list; tokens of documents carry its ids.
    let vocabulary: Vocabulary
    /// The word lists each vocabulary id belongs to.
    let classes: [WordClass]
    let actors: LexiconPhraseTable<ActorSurface>
    let predicates: LexiconPhraseTable<[Lexicon.Predicate]>
    let titles: LexiconPhraseTable<String>
    let cues: [String: LexiconPhraseTable<Bool>]
    let currencies: LexiconPhraseTable<String>
    let periods: LexiconPhraseTable<String>
    let itemHeads: LexiconPhraseTable<Bool>
    /// The cue tables the rules consult at most tokens.
    let undeliveredCues: LexiconPhraseTable<Bool>?
    let nonEventCues: LexiconPhraseTable<Bool>?
    let hypotheticalCues: LexiconPhraseTable<Bool>?
    /// The lexicon's actors by id, held here so that a lookup does not go through (and copy)
    /// the `Lexicon` value.
    let actorsByID: [String: Lexicon.Actor]
    /// Every actor id once, in the lexicon's order: `ActorSurface.actorIndex` points here.
    let actorIDs: [String]
    /// The place of each actor id in `actorIDs`.
    let actorIndex: [String: Int]
    /// The name and type of each actor of `actorIDs` (as `actor(id:)` has them), so a document
    /// makes an actor's entity without a lookup by id or a copy of the actor.
    let actorNames: [String]
    let actorTypes: [EntityType]
    /// The token keys of each actor's aliases, all in one set (what a program may be called back by).
    let aliasWords: [String: Set<String>]
    /// Each actor as a graph entity with its aliases (what a document that names it starts from).
    let entities: [String: Entity]
    /// `entities` by actor index (parallel to `actorIDs`): read without hashing the id.
    let entityByIndex: [Entity]
    /// Title holders from the lexicon: (canonical title, office of) → person ids with that role.
    let holders: [String: [String]]
    /// Title holders keyed by normalized title and office ("secretary general|nato").
    let holdersByNormalizedTitle: [String: [(String, [String])]]

    /// Compiles a lexicon.
    /// - Complexity: O(total size of the dictionaries).
    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        // the phrases of every table, split into token keys as text is
        var actorPhrases: [(keys: [String], value: ActorSurface)] = []
        var holders: [String: [String]] = [:]
        var actorIDs: [String] = []
        var actorIndex: [String: Int] = [:]
        var aliasWords: [String: Set<String>] = [:]
        for a in lexicon.actors {
            let index = actorIndex[a.id] ?? actorIDs.count
            if index == actorIDs.count { actorIDs.append(a.id); actorIndex[a.id] = index }
            func add(_ s: String, _ kind: SurfaceKind) {
                let letters = s.unicodeScalars.filter { CharacterSet.letters.contains($0) }
                let caps = letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
                let capitalized = s.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                actorPhrases.append((Tokenizer.keys(s), ActorSurface(actorID: a.id, actorIndex: index, kind: kind, surface: s, caseSensitive: caps, capitalized: capitalized)))
            }
            add(a.name, .name)
            // a name's folded spelling ("Peter Szijjarto") matches through the token keys already
            for s in a.aliases { add(s, .name) }
            for s in a.demonyms { add(s, .demonym) }
            for s in a.references { add(s, .reference) }
            for r in a.roles { holders["\(r.title)|\(r.of)", default: []].append(a.id) }
            // a later actor with the same id replaces an earlier one, as in `actorsByID`
            aliasWords[a.id] = Set(a.aliases.flatMap { Tokenizer.keys($0) })
        }
        self.holders = holders
        self.actorIDs = actorIDs
        self.actorIndex = actorIndex
        self.aliasWords = aliasWords
        let actorsByID = Dictionary(lexicon.actors.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.actorsByID = actorsByID
        self.actorNames = actorIDs.map { actorsByID[$0]!.name }
        self.actorTypes = actorIDs.map { actorsByID[$0]!.type }
        let entities = Dictionary(lexicon.actors.map { ($0.id, Entity(id: $0.id, name: $0.name, type: $0.type, aliases: $0.aliases)) },
                                  uniquingKeysWith: { _, last in last })
        self.entities = entities
        self.entityByIndex = actorIDs.map { entities[$0]! }
        var norm: [String: [(String, [String])]] = [:]
        for (k, ids) in holders.sorted(by: { $0.key < $1.key }) {
            let parts = k.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            norm[AliasKey.normalize(parts[0]) + "|" + parts[1], default: []].append((k, ids))
        }
        self.holdersByNormalizedTitle = norm
        func split<V>(_ pairs: [(String, V)]) -> [(keys: [String], value: V)] { pairs.map { (Tokenizer.keys($0.0), $0.1) } }
        let predicatePhrases = split(lexicon.predicates.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        let titlePhrases = split(lexicon.titles.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        var cuePhrases: [String: [(keys: [String], value: Bool)]] = [:]
        for (g, set) in lexicon.cues { cuePhrases[g] = split(set.sorted().map { ($0, true) }) }
        let currencyPhrases = split(lexicon.currencies.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        let periodPhrases = split(lexicon.periods.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        let itemPhrases = split(lexicon.itemHeads.sorted().map { ($0, true) })

        // the vocabulary: every phrase word, and every word-list entry as written (a list is
        // asked about one token's key, so an entry of several words never matches one)
        var vocabulary = Vocabulary()
        for p in actorPhrases { for k in p.keys { _ = vocabulary.intern(k) } }
        for list in [predicatePhrases.map(\.keys), titlePhrases.map(\.keys), currencyPhrases.map(\.keys),
                     periodPhrases.map(\.keys), itemPhrases.map(\.keys)] + cuePhrases.values.map({ $0.map(\.keys) }) {
            for keys in list { for k in keys { _ = vocabulary.intern(k) } }
        }
        let lists: [(Set<String>, WordClass)] = [
            (lexicon.nonNameWords, .nonName), (lexicon.programHeads, .programHead), (lexicon.organizationHeads, .organizationHead),
            (lexicon.programReferences, .programReference), (lexicon.pastTitleModifiers, .pastTitleModifier),
            (lexicon.resourceNouns, .resourceNoun), (lexicon.itemModifiers, .itemModifier),
        ] + WordClass.cueClasses.map { (lexicon.cues[$0.key] ?? [], $0.value) } + WordClass.analyzerClasses
        let pronouns = Set(DocumentAnalyzer.personPronouns.keys).union(DocumentAnalyzer.firstPerson.keys)
        for w in pronouns { _ = vocabulary.intern(w) }
        for (set, _) in lists { for w in set { _ = vocabulary.intern(w) } }
        var classes = [WordClass](repeating: [], count: vocabulary.count)
        for (set, c) in lists { for w in set { classes[Int(vocabulary.id(w))].insert(c) } }
        for w in pronouns { classes[Int(vocabulary.id(w))].insert(.pronoun) }
        for p in actorPhrases { if let f = p.keys.first { classes[Int(vocabulary.id(f))].insert(.actorStart) } }
        for p in cuePhrases["hypothetical"] ?? [] { if let f = p.keys.first { classes[Int(vocabulary.id(f))].insert(.hypotheticalStart) } }
        vocabulary.setClasses(classes)
        self.vocabulary = vocabulary
        self.classes = classes

        self.actors = LexiconPhraseTable(actorPhrases, vocabulary: vocabulary)
        self.predicates = LexiconPhraseTable(predicatePhrases, vocabulary: vocabulary)
        self.titles = LexiconPhraseTable(titlePhrases, vocabulary: vocabulary)
        let cues = cuePhrases.mapValues { LexiconPhraseTable($0, vocabulary: vocabulary) }
        self.cues = cues
        self.undeliveredCues = cues["undelivered"]
        self.nonEventCues = cues["non_event"]
        self.hypotheticalCues = cues["hypothetical"]
        self.currencies = LexiconPhraseTable(currencyPhrases, vocabulary: vocabulary)
        self.periods = LexiconPhraseTable(periodPhrases, vocabulary: vocabulary)
        self.itemHeads = LexiconPhraseTable(itemPhrases, vocabulary: vocabulary)
    }

    func isCueWord(_ group: String, _ key: String) -> Bool {
        if let c = WordClass.cueClasses[group] { return classes[Int(vocabulary.id(key))].contains(c) }
        return lexicon.cues[group]?.contains(key) ?? false
    }

    /// The actor with this id.
    func actor(id: String) -> Lexicon.Actor? { actorsByID[id] }

    /// Whether the word with this vocabulary id (a token's `id`) is in the word list `c`.
    /// Taking the id rather than the token spares a copy of the token (and its strings' retains).
    @inline(__always) func word(_ id: Int32, is c: WordClass) -> Bool { classes[Int(id)].contains(c) }

    /// Whether the word with this vocabulary id is in any of the word lists `c`.
    @inline(__always) func word(_ id: Int32, is c: WordClass, any: Bool) -> Bool { !classes[Int(id)].isDisjoint(with: c) }

    /// Whether a key (a token's, or one written in code) is in the word list `c`.
    func key(_ key: String, is c: WordClass) -> Bool { classes[Int(vocabulary.id(key))].contains(c) }

    /// Tokenizes a phrase with this lexicon's word ids (for matching it against the tables).
    func tokenize(_ text: String) -> [Token] { Tokenizer.tokenize(Array(text.unicodeScalars), vocabulary: vocabulary) }
}
