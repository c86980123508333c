import Foundation

/// An entity mentioned in one document.
struct DocEntity {
    var id: String
    var name: String
    var type: EntityType
    var fromLexicon: Bool
    /// The lexicon actor's place in `CompiledLexicon.actorIDs` when `fromLexicon`, else -1.
    var actorIndex = -1
    /// Names it was called by in the text (no pronouns or common nouns).
    var surfaces: Set<String> = []
    /// Sentence of the first mention.
    var firstSentence: Int
    /// Offices read from the text: canonical title and the owner's entity index.
    var textRoles: [(title: String, owner: Int)] = []
    /// Acronym expansion read from this document.
    var expansion: String?
}

/// A name learned for an entity of a document.
struct LearnedName: Hashable {
    var name: String
    var entity: Int
}

/// How a mention names its entity.
enum MentionKind { case name, demonym, reference, pronoun, title, programReference, firstPerson }

/// A span of tokens that stands for an entity.
struct Mention {
    /// Index into the document's entities; -1 for a first-person pronoun not yet resolved.
    var entity: Int
    var range: Range<Int>
    var kind: MentionKind
    /// Followed by a possessive 's.
    var possessive: Bool = false
    /// Inside a quoted passage.
    var inQuote: Bool = false
    /// The left part of a hyphenated modifier ("U.S.-made").
    var compound: Bool = false
    /// "we/us/our" rather than "I/me/my".
    var plural: Bool = false
    /// Owner of a title phrase inside this mention ("NATO" in "NATO Secretary General Mark Rutte").
    var owner: Int? = nil
}

/// Finds the mentions of one document: dictionary names, acronyms and their expansions,
/// titled people, named programs and organizations, pronouns and role references.
final class DocumentAnalyzer {
    let lex: CompiledLexicon
    let documentID: String
    let scalars: ArraySlice<Unicode.Scalar>
    let tokens: [Token]
    let sentences: [Sentence]
    let date: String?
    /// Where the containers came from and go back to when the analyzer is freed (nil: its own).
    private let workspace: Extractor.Workspace?

    var entities: [DocEntity] = []
    var entityIndex: [String: Int] = [:]
    /// The entity of each lexicon actor (by `ActorSurface.actorIndex`) once found, else -1:
    /// `entityIndex` without hashing the id (its entries never change once made).
    private var actorEntity: [Int]
    /// Slugs of names seen in this document (`Slug.make` folds through Foundation).
    private var slugs: [String: String] = [:]
    /// Names learned from this document (acronyms, expansions, new people) → entity index.
    var dynamicNames = PhraseTable<Int>()
    /// Learned names that are not acronyms: they never match an all-capitals token ("Un" vs "UN").
    var lowerCaseLearned = Set<String>()
    /// Names `learn` has taken, with their entity.
    private var learned = Set<LearnedName>()
    /// `nameKeys` of each entity, once asked for.
    private var nameKeysCache: [[String]?] = []
    /// Per entity, `rememberedSurfaces` slots in one flat array (entity `e`'s from
    /// `e * rememberedSurfaces` on, so that no entity allocates a list of its own): the scalar
    /// ranges of the surfaces `insertSurface` added, in order, then empty ranges (their
    /// scalars are compared before a text is made and hashed again); and whether its surname
    /// was learned.
    private var insertedSurfaces: [Range<Int>] = []
    /// How many surfaces of an entity `insertSurface` compares with (an entity has a few).
    private static let rememberedSurfaces = 4
    private var surnameLearned: [Bool] = []
    /// Storage lent by `takeMarks` (kept between sentences so that it is allocated once per document).
    private var spareMarks: [Bool] = []
    /// The storage of the last trigger list `findTriggers` made, given back by `applyRules`.
    var spareTriggers: [Trigger] = []
    /// Mention lists lent by `takeMentions` (a sentence's lists reuse the storage of earlier ones).
    private var spareMentions: [[Mention]] = []
    /// Quoted token ranges of each sentence.
    var quotes: [[Range<Int>]] = []

    // discourse state
    var lastPerson: Int?
    var lastSubjectPerson: Int?
    var lastCountry: Int?
    var lastOrg: Int?
    var lastProgram: Int?
    var lastNonPerson: Int?
    var acronymExpansions: [(entity: Int, expansion: String)] = []
    var lastQuoteSpeaker: Int?
    /// The latest sanction or tariff read: who imposed it on whom.
    var lastOpposition: (source: Int, target: Int)?
    /// Who last performed each kind of act ("veto", "accusation"), so a later "the veto" names its actor.
    var lastActor: [String: Int] = [:]
    /// The latest pledge read: its sentence and givers.
    var lastPledge: (sentence: Int, givers: [Int])?
    var hypotheticalCache: (sentenceStart: Int, firstCueEnd: Int) = (-1, Int.max)
    /// Programs in order of their latest mention.
    var programOrder: [Int] = []
    /// Common nouns a program was called by in the text ("initiative", "mechanism").
    var descriptors: [Int: Set<String>] = [:]
    /// Words of each program's names, cached with the number of surfaces they were built from.
    var programWords: [Int: (surfaces: Int, words: Set<String>)] = [:]
    var lastQuoteSentence = -2

    /// Entities `entityIndex` has room for from the start.
    private static let expectedEntities = 32

    /// Tokenizes and splits a text (or a segment of one) for analysis.
    /// - Parameters:
    ///   - scalars: the text's Unicode scalars, indexed from 0.
    ///   - date: the article's date (roles are read as held on that day).
    ///   - workspace: storage left by earlier documents, taken emptied and given back when the
    ///     analyzer is freed (the analysis is the same with or without it).
    init(lexicon: CompiledLexicon, documentID: String, scalars: ArraySlice<Unicode.Scalar>, date: String?,
         workspace: Extractor.Workspace? = nil) {
        self.lex = lexicon
        self.documentID = documentID
        self.scalars = scalars
        self.date = date
        self.workspace = workspace
        guard let ws = workspace else {
            self.tokens = Tokenizer.tokenize(scalars, vocabulary: lexicon.vocabulary, classes: true)
            self.sentences = SentenceSplitter.split(tokens: tokens)
            self.actorEntity = [Int](repeating: -1, count: lexicon.actorIDs.count)
            // a document names a few dozen entities: room for them at once spares the index's rehashes
            // while it grows (they were ~40% of the time spent making entities)
            entityIndex.reserveCapacity(DocumentAnalyzer.expectedEntities)
            return
        }
        typealias W = Extractor.Workspace
        var tokens = W.take(&ws.tokens)
        Tokenizer.tokenize(scalars, vocabulary: lexicon.vocabulary, classes: true, into: &tokens)
        self.tokens = tokens
        var sentences = W.take(&ws.sentences)
        SentenceSplitter.split(tokens: tokens, into: &sentences)
        self.sentences = sentences
        // every entry was put back to -1 by the previous analyzer (see deinit)
        let actors = exchange(&ws.actorEntity, with: [])
        self.actorEntity = actors.count == lexicon.actorIDs.count ? actors : [Int](repeating: -1, count: lexicon.actorIDs.count)
        entities = W.take(&ws.entities)
        entityIndex = W.take(&ws.entityIndex)
        entityIndex.reserveCapacity(DocumentAnalyzer.expectedEntities)
        slugs = W.take(&ws.slugs)
        dynamicNames = exchange(&ws.dynamicNames, with: PhraseTable())
        dynamicNames.removeAll()
        lowerCaseLearned = W.take(&ws.lowerCaseLearned)
        learned = W.take(&ws.learned)
        nameKeysCache = W.take(&ws.nameKeysCache)
        insertedSurfaces = W.take(&ws.insertedSurfaces)
        surnameLearned = W.take(&ws.surnameLearned)
        spareMarks = W.take(&ws.spareMarks)
        // (not emptied: `takeMentions` empties each list it lends)
        spareMentions = exchange(&ws.spareMentions, with: [])
        spareTriggers = exchange(&ws.spareTriggers, with: [])
        quotes = W.take(&ws.quotes)
        acronymExpansions = W.take(&ws.acronymExpansions)
        lastActor = W.take(&ws.lastActor)
        programOrder = W.take(&ws.programOrder)
        descriptors = W.take(&ws.descriptors)
        programWords = W.take(&ws.programWords)
    }

    /// Gives the containers back to the workspace (they are emptied when the next analyzer takes
    /// them; once this analyzer's references are gone the workspace's are the only ones).
    deinit {
        guard let ws = workspace else { return }
        // the entries this document set, back to -1 (the lexicon's actors: about a thousand)
        var actors = actorEntity
        actorEntity = []
        for i in actors.indices where actors[i] >= 0 { actors[i] = -1 }
        ws.actorEntity = actors
        ws.tokens = tokens
        ws.sentences = sentences
        ws.entities = entities
        ws.entityIndex = entityIndex
        ws.slugs = slugs
        ws.dynamicNames = dynamicNames
        ws.lowerCaseLearned = lowerCaseLearned
        ws.learned = learned
        ws.nameKeysCache = nameKeysCache
        ws.insertedSurfaces = insertedSurfaces
        ws.surnameLearned = surnameLearned
        ws.spareMarks = spareMarks
        ws.spareMentions = spareMentions
        ws.spareTriggers = spareTriggers
        ws.quotes = quotes
        ws.acronymExpansions = acronymExpansions
        ws.lastActor = lastActor
        ws.programOrder = programOrder
        ws.descriptors = descriptors
        ws.programWords = programWords
    }

    /// The document text between two scalar offsets.
    func slice(_ a: Int, _ b: Int) -> String {
        String(scalars: scalars[(scalars.startIndex + a)..<(scalars.startIndex + b)])
    }

    func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    // MARK: Entities

    /// `entities[e].surfaces.insert(text(of: range))`, skipped when the range's scalars are those
    /// of a surface inserted for `e` before (inserting an equal string changes nothing).
    /// - Complexity: O(length of the surface × `rememberedSurfaces`).
    func insertSurface(_ e: Int, _ range: Range<Int>) {
        guard !range.isEmpty else { entities[e].surfaces.insert(""); return }
        let remembered = DocumentAnalyzer.rememberedSurfaces
        while insertedSurfaces.count < entities.count * remembered { insertedSurfaces.append(0..<0) }
        let c = tokens[range.lowerBound].start, d = tokens[range.upperBound - 1].end
        let base = scalars.startIndex
        // the entity's slots in order of insertion; the first empty one ends them
        var free = -1
        for slot in (e * remembered)..<(e * remembered + remembered) {
            let previous = insertedSurfaces[slot]
            if previous.isEmpty { free = slot; break }
            guard previous.count == d - c else { continue }
            var same = true
            for k in 0..<(d - c) where scalars[base + previous.lowerBound + k] != scalars[base + c + k] { same = false; break }
            if same { return }
        }
        entities[e].surfaces.insert(text(of: range))
        if free >= 0 { insertedSurfaces[free] = c..<d }
    }

    /// `count` falses, in the storage of the array last given back with `returnMarks` (a sentence's
    /// covered-token marks: one allocation per document rather than one per call).
    func takeMarks(_ count: Int) -> [Bool] {
        var marks = spareMarks
        spareMarks = []  // the only reference is now `marks`: it is changed in place
        marks.removeAll(keepingCapacity: true)
        marks.append(contentsOf: repeatElement(false, count: count))
        return marks
    }

    /// Keeps an array of `takeMarks` for the next call.
    func returnMarks(_ marks: [Bool]) { spareMarks = marks }

    /// An empty mention list, in the storage of one given back with `returnMentions` (a sentence's
    /// lists: allocated once per document, or once per worker with a workspace, not per sentence).
    func takeMentions() -> [Mention] {
        var list = spareMentions.popLast() ?? []
        list.removeAll(keepingCapacity: true)
        return list
    }

    /// Keeps a list of `takeMentions` (or of `findMentions`) for a later call.
    func returnMentions(_ list: [Mention]) {
        if spareMentions.count < 4 { spareMentions.append(list) }
    }

    /// Whether the surname of person `e` was already learned; marks it learned.
    func surnameTaken(_ e: Int) -> Bool {
        while surnameLearned.count < entities.count { surnameLearned.append(false) }
        if surnameLearned[e] { return true }
        surnameLearned[e] = true
        return false
    }

    /// `key == word` for a short ASCII literal, comparing the lengths first (most keys differ in length).
    @inline(__always) func isKey(_ key: String, _ word: String) -> Bool {
        key.utf8.count == word.utf8.count && key == word
    }

    @discardableResult
    func entity(forActor id: String, sentence: Int) -> Int? {
        if let i = entityIndex[id] { return i }
        // the actor's name and type by its dense index (as `lex.actor(id:)` has them, without copying the entry)
        guard let k = lex.actorIndex[id] else { return nil }
        let i = entities.count
        entities.append(DocEntity(id: id, name: lex.actorNames[k], type: lex.actorTypes[k], fromLexicon: true, actorIndex: k, firstSentence: sentence))
        entityIndex[id] = i
        return i
    }

    /// The entity of a dictionary surface's actor: `entity(forActor: surface.actorID, sentence:)`,
    /// remembered by the actor's dense index (whose name and type the lexicon holds by that index).
    /// - Complexity: O(1) once the actor has an entity in this document.
    func entity(for surface: ActorSurface, sentence: Int) -> Int? {
        let known = actorEntity[surface.actorIndex]
        if known >= 0 { return known }
        let e = entityIndex(of: surface.actorID, orInsert: entities.count)
        if e == entities.count {
            entities.append(DocEntity(id: surface.actorID, name: lex.actorNames[surface.actorIndex], type: lex.actorTypes[surface.actorIndex],
                                      fromLexicon: true, actorIndex: surface.actorIndex, firstSentence: sentence))
        }
        actorEntity[surface.actorIndex] = e
        return e
    }

    /// Whether the text of `range` is `surface` with the dots left out of both ("U.S." for "US"):
    /// `isWrittenPlain(range, as: surface)`, compared scalar by byte without making a string while
    /// both are ASCII (there a character is one scalar and one byte, and equal strings have equal
    /// bytes); at the first non-ASCII scalar or byte of either it asks the plain version.
    /// - Complexity: O(length of the range's text + length of the surface); allocates nothing for ASCII.
    func isWritten(_ range: Range<Int>, as surface: String) -> Bool {
        guard !range.isEmpty else { return isWrittenPlain(range, as: surface) }
        let base = scalars.startIndex
        var k = base + tokens[range.lowerBound].start
        let end = base + tokens[range.upperBound - 1].end
        let dot: UInt8 = 0x2E
        var bytes = surface.utf8.makeIterator()
        while true {
            while k < end, scalars[k] == "." { k += 1 }
            var b = bytes.next()
            while b == dot { b = bytes.next() }
            if let b, b >= 0x80 { return isWrittenPlain(range, as: surface) }
            guard k < end else { return b == nil }
            let v = scalars[k].value
            if v >= 0x80 { return isWrittenPlain(range, as: surface) }
            // the other side has more (ASCII) text, or another character: never equal
            guard let b, UInt32(b) == v else { return false }
            k += 1
        }
    }

    /// Whether the text of `range` is `surface` with the dots left out of both, by making both strings.
    func isWrittenPlain(_ range: Range<Int>, as surface: String) -> Bool {
        text(of: range).filter { $0 != "." } == surface.filter { $0 != "." }
    }

    /// `entityIndex[id]`, or `new` when the id has no entity yet, then stored for it (the caller
    /// appends that entity): one hash of the id, where a lookup and then an insert took two.
    private func entityIndex(of id: String, orInsert new: Int) -> Int {
        var found = new
        func take(_ slot: inout Int) {
            if slot < 0 { slot = new }
            found = slot
        }
        take(&entityIndex[id, default: -1])
        return found
    }

    /// Whether a dictionary surface's actor already has an entity here (`entityIndex[surface.actorID] != nil`).
    func hasEntity(for surface: ActorSurface) -> Bool {
        actorEntity[surface.actorIndex] >= 0 || entityIndex[surface.actorID] != nil
    }

    /// `Slug.make(name)`, remembered for the rest of the document (and across documents).
    func slug(_ name: String) -> String {
        if let s = slugs[name] { return s }
        let s = DocumentAnalyzer.sharedSlugs.value(for: name) ?? {
            let s = Slug.make(name)
            DocumentAnalyzer.sharedSlugs.store(s, for: name)
            return s
        }()
        slugs[name] = s
        return s
    }

    /// Slugs of names across documents (`Slug.make` folds through Foundation; names recur).
    static let sharedSlugs = StringMemo()

    /// The token keys of entity `e`'s name (names never change), tokenized once.
    func nameKeys(_ e: Int) -> [String] {
        if e < nameKeysCache.count, let keys = nameKeysCache[e] { return keys }
        if nameKeysCache.count < entities.count { nameKeysCache += [[String]?](repeating: nil, count: entities.count - nameKeysCache.count) }
        let keys = Tokenizer.keys(entities[e].name)
        nameKeysCache[e] = keys
        return keys
    }

    func newEntity(name: String, type: EntityType, sentence: Int) -> Int {
        let id = slug(name)
        let i = entityIndex(of: id, orInsert: entities.count)
        if i < entities.count { return i }
        entities.append(DocEntity(id: id, name: name, type: type, fromLexicon: false, surfaces: [name], firstSentence: sentence))
        learn(name, i)
        return i
    }

    func learn(_ name: String, _ entity: Int) {
        // a name learned again for the same entity would only add a duplicate entry, never matched first
        guard learned.insert(LearnedName(name: name, entity: entity)).inserted else { return }
        let keys = Tokenizer.keys(name)
        guard !keys.isEmpty else { return }
        if keys.count == 1, name.contains(where: { $0.isLowercase }) { lowerCaseLearned.insert(keys[0]) }
        dynamicNames.insert(keys, entity)
    }

    /// Whether token `k` can be part of a name: a capitalized word that is no common word and does not start with a number.
    func isNameWord(_ k: Int) -> Bool {
        guard tokens[k].isWord, tokens[k].isCapitalized || tokens[k].isAllCaps, !tokens[k].classes.contains(.nonName) else { return false }
        // an ASCII text's first character is its first byte
        if tokens[k].isASCII { return !(tokens[k].text.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false) }
        return tokens[k].text.first?.isNumber != true
    }

    // MARK: Pass 0: acronyms with their expansions

    /// "Prioritised Ukraine Requirements List (PURL)" and "PURL (Partnership for …)".
    func findAcronyms() {
        for (si, s) in sentences.enumerated() {
            var i = s.tokens.lowerBound
            while i + 2 < s.tokens.upperBound {
                defer { i += 1 }
                guard tokens[i].mark == "(" else { continue }
                // Expansion (ACRO)
                if tokens[i + 1].isAllCaps, tokens[i + 1].isWord, tokens[i + 2].mark == ")", i > s.tokens.lowerBound {
                    let acro = tokens[i + 1].text.filter { $0.isLetter }
                    var caps: [Int] = []
                    var k = i - 1
                    while k >= s.tokens.lowerBound, caps.count < acro.count {
                        let t = tokens[k]
                        if t.isWord, t.isCapitalized || t.isAllCaps { caps.append(k) }
                        else if DocumentAnalyzer.expansionGlue.contains(t.key) {}
                        else { break }
                        k -= 1
                    }
                    guard let first = caps.last else { continue }
                    // strip leading non-name words ("Through the …")
                    var startTok = first
                    while startTok < i, !isNameWord(startTok) { startTok += 1 }
                    let initials = (startTok..<i).filter { tokens[$0].isWord && (tokens[$0].isCapitalized || tokens[$0].isAllCaps) }
                        .map { tokens[$0].text.first!.uppercased() }.joined()
                    guard initials.first.map(String.init) == acro.first.map(String.init),
                          abs(initials.count - acro.count) <= 1 || initials == acro else { continue }
                    register(acronym: tokens[i + 1].text, expansion: startTok..<i, sentence: si)
                    continue
                }
                // ACRO (Expansion)
                if i > s.tokens.lowerBound, tokens[i - 1].isAllCaps, tokens[i - 1].isWord, tokens[i + 1].isCapitalized {
                    var k = i + 1
                    while k < s.tokens.upperBound, k - i <= 12, tokens[k].mark != ")" { k += 1 }
                    guard k < s.tokens.upperBound, tokens[k].mark == ")", k > i + 2 else { continue }
                    let acro = tokens[i - 1].text.filter { $0.isLetter }
                    guard tokens[i + 1].text.first?.uppercased() == acro.first.map(String.init) else { continue }
                    register(acronym: tokens[i - 1].text, expansion: (i + 1)..<k, sentence: si)
                }
            }
        }
    }

    private func register(acronym: String, expansion: Range<Int>, sentence: Int) {
        let exp = text(of: expansion)
        let e: Int
        if let hit = lex.actors.longest(tokens, at: expansion.lowerBound, limit: expansion.upperBound), hit.length == expansion.count,
           let i = entity(forActor: hit.value.actorID, sentence: sentence) {
            e = i
        } else if let acroHit = lex.actors.longest(lex.tokenize(acronym), at: 0, limit: 1),
                  let i = entity(forActor: acroHit.value.actorID, sentence: sentence) {
            e = i
        } else if let i = entityIndex[slug(acronym)] {
            e = i
        } else {
            // a program when a word of the expansion says so ("… Requirements List", "Partnership for …"),
            // else an organization ("Alliance of Small Island States")
            let words = expansion.map { tokens[$0].key }
            let type: EntityType = words.contains(where: lex.lexicon.programHeads.contains) ? .program : .organization
            e = newEntity(name: acronym, type: type, sentence: sentence)
        }
        entities[e].surfaces.insert(acronym)
        entities[e].surfaces.insert(exp)
        if entities[e].expansion == nil { entities[e].expansion = exp }
        acronymExpansions.append((e, exp))
        learn(acronym, e)
        learn(exp, e)
    }
}
