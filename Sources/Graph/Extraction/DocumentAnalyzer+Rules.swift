import Foundation

/// A relation read from a document, before entities get their final ids.
struct DraftRelation {
    var source: Int
    var kind: RelationKind
    var target: Int
    var sentences: DraftSentences
    var amount: Amount? = nil
    var items: [String] = []
    var status: PledgeStatus? = nil
    var quote: String? = nil
    /// An amount several givers pledge together ("Canada and Norway will provide $1
    /// billion"): it is no one giver's, so it is recorded as the edge's `shared_amount`
    /// attribute instead of its `amount`, and pledge totals leave it out.
    var sharedAmount: Amount? = nil

    /// What is left in a list's slot when its draft is moved out (holds no storage).
    static var moved: DraftRelation { DraftRelation(source: -1, kind: .statement, target: -1, sentences: DraftSentences([])) }
}

/// The sentences a draft edge was read in, in the order added: the first inline, any more in
/// a list. Nearly every draft has one sentence, which then takes no allocation (a one-element
/// array per draft was one of the commonest allocations of a document).
struct DraftSentences: Equatable {
    /// The first sentence; -1 when there is none.
    private(set) var first: Int
    /// The sentences after the first.
    private(set) var rest: [Int] = []

    /// One sentence.
    init(_ sentence: Int) { first = sentence }

    /// The sentences of a list, in its order.
    init(_ list: [Int]) {
        first = list.first ?? -1
        if list.count > 1 { rest = Array(list.dropFirst()) }
    }

    /// How many sentences there are.
    var count: Int { first < 0 ? 0 : 1 + rest.count }

    /// Appends the sentences of `other` after these.
    /// - Complexity: O(other.count) amortized.
    mutating func append(contentsOf other: DraftSentences) {
        guard other.first >= 0 else { return }
        if first < 0 { self = other; return }
        rest.append(other.first)
        rest.append(contentsOf: other.rest)
    }

    /// Replaces the contents of `list` with these sentences, in order (keeping its capacity).
    /// - Complexity: O(count).
    func write(into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        if first >= 0 { list.append(first) }
        list.append(contentsOf: rest)
    }
}

/// A dictionary entry found in a sentence.
struct Trigger {
    var predicates: [Lexicon.Predicate]
    var range: Range<Int>
    var inQuote: Bool
    var isNoun: Bool { predicates.first?.isNoun ?? false }
    func has(_ kind: Lexicon.PredicateKind) -> Bool { predicates.contains { $0.kind == kind } }
    func first(_ kind: Lexicon.PredicateKind) -> Lexicon.Predicate? { predicates.first { $0.kind == kind } }
}

extension DocumentAnalyzer {
    static let prepositions: Set<String> = ["for", "to", "on", "of", "with", "against", "from", "in", "at", "by", "over",
        "about", "toward", "towards", "into", "through", "under", "between", "among", "like", "alongside", "amid",
        "despite", "after", "before", "via", "than", "during", "within", "across", "upon", "regarding", "including"]
    static let nounPrev: Set<String> = ["the", "its", "their", "our", "his", "her", "'s", "continued", "military",
        "financial", "full", "strong", "unwavering", "steadfast", "tireless", "sustained", "ongoing", "additional",
        "more", "of", "for", "and", "this", "that", "a", "an", "any", "no", "such", "further", "robust", "immediate",
        "humanitarian", "defense", "defence", "economic", "political", "international", "western", "broad", "firm"]
    static let listGlue: Set<String> = [",", "and", "or", "&", "both", "the", "as", "well"]
    static let actingGroupNouns: Set<String> = ["officials", "leaders", "government", "authorities", "diplomats",
        "ministers", "forces", "troops", "military", "countries", "members", "states", "nations", "administration",
        "lawmakers", "negotiators", "delegation", "representatives", "spokesman", "spokesperson", "ministry", "member",
        "parliament", "cabinet", "navy", "army", "regime", "junta"]
    static let nonAgentGroupNouns: Set<String> = ["allies", "partners", "neighbours", "neighbors", "enemies",
        "adversaries", "friends", "supporters", "critics", "opponents", "rivals", "citizens", "people", "forces"]

    /// Dictionary triggers of a sentence, noun or verb readings chosen from context. (The list
    /// is made in `spareTriggers`' storage; a caller done with it may put it back there.)
    func findTriggers(_ si: Int, _ ms: [Mention]) -> [Trigger] {
        let s = sentences[si]
        let qs = quotes[si]
        var covered = takeMarks(s.tokens.count)
        defer { returnMarks(covered) }
        for m in ms where m.kind == .name || m.kind == .title || m.kind == .programReference {
            for k in m.range where k >= s.tokens.lowerBound && k < s.tokens.upperBound { covered[k - s.tokens.lowerBound] = true }
        }
        // in the storage of the previous sentence's list (`applyRules` gives it back)
        var out = exchange(&spareTriggers, with: [])
        out.removeAll(keepingCapacity: true)
        var i = s.tokens.lowerBound
        while i < s.tokens.upperBound {
            guard tokens[i].isWord, !covered[i - s.tokens.lowerBound], let hit = lex.predicates.longest(tokens, at: i, limit: s.tokens.upperBound) else { i += 1; continue }
            var preds = hit.value
            let prev = i > s.tokens.lowerBound ? tokens[i - 1].key : ""
            let next = i + hit.length < s.tokens.upperBound ? tokens[i + hit.length].key : ""
            if preds.contains(where: { $0.isNoun }) && preds.contains(where: { !$0.isNoun }) {
                let verbContext = prev == "to" || (i > s.tokens.lowerBound && !tokens[i - 1].classes.isDisjoint(with: [.auxiliary, .negation]))
                    || ms.contains { $0.range.upperBound == i && !$0.possessive }
                let noun = !verbContext && (DocumentAnalyzer.ofForTo.contains(next) || DocumentAnalyzer.nounPrev.contains(prev))
                let chosen = preds.filter { $0.isNoun == noun }
                if !chosen.isEmpty { preds = chosen }
            }
            // "remarks", "states", "arms": a verb in -s needs a subject right before it;
            // "the promised missiles", "its continued support": a participle after a determiner is an adjective
            let key = tokens[i].key
            if hit.length == 1, preds.allSatisfy({ !$0.isNoun }) {
                let subjectBefore = ms.contains { $0.range.upperBound == i && !$0.possessive } || DocumentAnalyzer.subjectWords.contains(prev)
                    || (prev.hasLowercaseSuffix("ly") && i >= 2 && ms.contains { $0.range.upperBound == i - 1 })
                if key.hasLowercaseSuffix("s"), !key.hasLowercaseSuffix("ss"), !preds.contains(where: { $0.lemma == key }), !subjectBefore { i += 1; continue }
                if key.hasLowercaseSuffix("ed"), DocumentAnalyzer.participleDeterminers.contains(prev) { i += 1; continue }
                if key.hasLowercaseSuffix("ed"), let last = out.last, last.range.upperBound == i { i += 1; continue }
            }
            out.append(Trigger(predicates: preds, range: i..<(i + hit.length), inQuote: qs.contains { $0.contains(i) }))
            i += hit.length
        }
        return out
    }

    // MARK: Arguments

    func mention(endingAt end: Int, _ ms: [Mention]) -> Int? { ms.lastIndex { $0.range.upperBound == end } }

    /// Whether the mention stands after a preposition (the object of "for Ukraine", "to NATO").
    func isPrepositionalObject(_ m: Mention, lower: Int) -> Bool {
        var k = m.range.lowerBound - 1
        while k >= lower, tokens[k].classes.contains(.objectDeterminer) { k -= 1 }
        return k >= lower && tokens[k].classes.contains(.preposition)
    }

    /// The coordinated group a mention ends ("Canada, Germany, Norway and Poland").
    func group(ending mi: Int, _ ms: [Mention], lower: Int) -> [Int] {
        var out = [ms[mi].entity]
        var cur = mi
        while cur > 0 {
            let prev = cur - 1
            let gap = ms[prev].range.upperBound..<ms[cur].range.lowerBound
            guard !gap.isEmpty, gap.count <= 3, gap.allSatisfy({ tokens[$0].classes.contains(.listGlue) }),
                  ms[prev].entity >= 0, !ms[prev].possessive else { break }
            let t1 = entities[ms[prev].entity].type, t0 = entities[ms[cur].entity].type
            guard (t1 == .person) == (t0 == .person) else { break }
            out.insert(ms[prev].entity, at: 0)
            cur = prev
        }
        return out
    }

    /// The actor(s) left of a trigger: the nearest mention that is not a prepositional object,
    /// within the clause, with its coordinated group.
    func agentLeft(_ start: Int, _ ms: [Mention], lower: Int, allowPossessive: Bool = true, verb: Bool = true, stopAtSpeech: Bool = false) -> [Int] {
        var sawCommonNoun = false
        var k = start - 1
        var steps = 0
        // "…, diplomats said", "the company said": a common noun right before the verb is its subject
        if verb, start - 1 >= lower, mention(endingAt: start, ms) == nil {
            let p = start - 1  // by index: a copy of the token would retain its strings
            if tokens[p].isWord, !tokens[p].isCapitalized, tokens[p].classes.isDisjoint(with: [.auxiliary, .negation]),
               !tokens[p].key.hasLowercaseSuffix("ly"), !tokens[p].classes.contains(.nonSubjectWord),
               !(tokens[p].classes.contains(.actingGroupNoun) && start - 2 >= lower && (mention(endingAt: start - 1, ms) != nil || mention(endingAt: start - 2, ms) != nil)) {
                return []
            }
        }
        // "thanked France for providing …": the one thanked does it
        if start - 1 > lower, tokens[start - 1].key == "for", tokens[start].key.hasLowercaseSuffix("ing"), let mi = mention(endingAt: start - 1, ms), ms[mi].entity >= 0 {
            return [ms[mi].entity]
        }
        // "South Korea, which hosts the fund's offices, added …": skip a non-restrictive relative clause
        if start - 1 > lower, tokens[start - 1].mark == "," {
            var j = start - 2
            while j > lower, j >= start - 20, !DocumentAnalyzer.relativeClauseBounds.contains(tokens[j].mark) { j -= 1 }
            if j > lower, j + 1 < start, tokens[j].mark == ",", tokens[j + 1].classes.contains(.whichWho), mention(endingAt: j, ms) != nil {
                k = j - 1
            }
        }
        while k >= lower, steps < 16 {
            if let mi = mention(endingAt: k + 1, ms) {
                let m = ms[mi]
                var relative = m.range.upperBound < start && tokens[m.range.upperBound].classes.contains(.relativePronoun)
                // "with U.S. officials expressing …": the mention names the group that acts
                if m.range.upperBound < start, tokens[m.range.upperBound].classes.contains(.actingGroupNoun),
                   m.range.lowerBound > lower, tokens[m.range.lowerBound - 1].classes.contains(.withAs) { relative = true }
                if m.entity >= 0, relative || !isPrepositionalObject(m, lower: lower) || m.kind == .pronoun || m.kind == .firstPerson {
                    if m.possessive, !allowPossessive { k = m.range.lowerBound - 1; steps += 1; continue }
                    if m.possessive, m.range.upperBound + 1 < start, tokens[m.range.upperBound + 1].classes.contains(.nonAgentGroupNoun) { return [] }
                    if m.compound { k = m.range.lowerBound - 1; steps += 1; continue }
                    // "Ukrainian positions": an adjective names no actor unless it heads an acting group
                    if m.kind == .demonym, m.range.upperBound < start, tokens[m.range.upperBound].isWord,
                       !tokens[m.range.upperBound].isCapitalized, !tokens[m.range.upperBound].classes.contains(.actingGroupNoun) {
                        k = m.range.lowerBound - 1; steps += 1; continue
                    }
                    let g = group(ending: mi, ms, lower: lower)
                    if g.count > 1, !relative, let firstIdx = ms.firstIndex(where: { $0.entity == g[0] && $0.range.upperBound <= m.range.lowerBound }),
                       isPrepositionalObject(ms[firstIdx], lower: lower) {
                        k = ms[firstIdx].range.lowerBound - 1; steps += 1; continue
                    }
                    return g
                }
                k = m.range.lowerBound - 1
                steps += 1
                continue
            }
            if DocumentAnalyzer.agentBarriers.contains(tokens[k].mark) { return [] }
            // "Pavel said the three countries would contribute": past a speech verb, a clause with its
            // own (unnamed) subject does not belong to the speaker
            if stopAtSpeech, k < start - 1, tokens[k].isWord, sawCommonNoun, let preds = lex.predicates.longest(tokens, at: k, limit: start)?.value,
               preds.allSatisfy({ $0.kind == .statement && !$0.isNoun }) { return [] }
            if tokens[k].isWord, !tokens[k].isCapitalized, tokens[k].classes.isDisjoint(with: [.auxiliary, .negation]),
               !tokens[k].key.hasLowercaseSuffix("ly"), !tokens[k].classes.contains(.notCommonNoun), mention(endingAt: k + 1, ms) == nil {
                sawCommonNoun = true
            }
            if tokens[k].classes.contains(.whichWho), k - 1 >= lower, tokens[k - 1].mark == "," { k -= 2; steps += 1; continue }
            if tokens[k].key != "who", tokens[k].classes.contains(.clauseBreak) {
                // "that" right after a noun may be a relative pronoun: keep looking only then
                if !(tokens[k].key == "that" && k > lower && mention(endingAt: k, ms) != nil) { return [] }
            }
            k -= 1
            steps += 1
        }
        return []
    }

    /// A speaker right of the verb ("…,” said Rutte", "Says NATO Secretary General").
    func agentRight(_ end: Int, _ ms: [Mention], upper: Int) -> Int? {
        var k = end
        while k < upper, k - end < 3, DocumentAnalyzer.theComma.contains(tokens[k].key) { k += 1 }
        if let m = ms.first(where: { $0.range.lowerBound == k }), m.entity >= 0, entities[m.entity].type != .program { return m.entity }
        return nil
    }

    func isNegated(_ start: Int, lower: Int) -> Bool {
        var k = start - 1
        var steps = 0
        while k >= lower, steps < 4 {
            if tokens[k].classes.contains(.negation) { return true }
            if !tokens[k].classes.contains(.auxiliary), !tokens[k].key.hasLowercaseSuffix("ly") { return false }
            k -= 1; steps += 1
        }
        return false
    }

    func isUndelivered(_ start: Int, lower: Int) -> Bool {
        for k in max(lower, start - 4)..<start {
            if let len = lex.undeliveredCues?.longestLength(tokens, at: k, limit: start), k + len >= start - 1 { return true }
        }
        return false
    }

    func isNonEvent(_ start: Int, lower: Int) -> Bool {
        for k in max(lower, start - 4)..<start {
            if let len = lex.nonEventCues?.longestLength(tokens, at: k, limit: start), k + len >= start - 1 { return true }
        }
        return false
    }

    func isHypothetical(_ start: Int, lower: Int, upper: Int) -> Bool {
        // the first multi-word cue ("the idea that") of the sentence, found once per sentence
        if hypotheticalCache.sentenceStart != lower {
            var first = Int.max
            var k = lower
            while k < upper {
                if tokens[k].classes.contains(.hypotheticalStart) || tokens[k].key == "the",
                   let len = lex.hypotheticalCues?.longestLength(tokens, at: k, limit: upper), len >= 2 { first = k + len; break }
                k += 1
            }
            hypotheticalCache = (lower, first)
        }
        if hypotheticalCache.firstCueEnd <= start { return true }
        for k in max(lower, start - 4)..<start {
            if tokens[k].classes.contains(.hypothetical), DocumentAnalyzer.hypotheticalWords.contains(tokens[k].key) { return true }
            if tokens[k].classes.contains(.stop), k >= start - 2 { return true }
        }
        return false
    }

    // MARK: Loops of the rules
    // (in functions of their own: inside the long `applyRules` the optimizer left `tokens[k]`
    // as calls of the array getter, each copying a whole token)

    /// Where a statement's content ends early: the first ";", or "," before another clause
    /// (", while …", ", a position …"), outside quotes, in `start..<end - 1`.
    func statementClauseBreak(from start: Int, before end: Int, quotes qs: [Range<Int>]) -> Int? {
        var k = start
        let semicolon = DocumentAnalyzer.semicolon
        while k + 1 < end {
            if semicolon.contains(tokens[k].mark) || (tokens[k].mark == "," && (DocumentAnalyzer.clauseAfterComma.contains(tokens[k + 1].key)
                || (tokens[k + 1].key == "a" && k + 2 < end && DocumentAnalyzer.stanceNouns.contains(tokens[k + 2].key)))
                && !qs.contains(where: { $0.contains(k) })) {
                return k
            }
            k += 1
        }
        return nil
    }

    /// The first "according to" outside quotes with a token after it (the index of "according").
    func accordingTo(lower: Int, upper: Int, quotes qs: [Range<Int>]) -> Int? {
        var k = lower
        while k + 2 < upper {
            if isKey(tokens[k].key, "according"), isKey(tokens[k + 1].key, "to"), !qs.contains(where: { $0.contains(k) }) { return k }
            k += 1
        }
        return nil
    }

    /// The end of a pledge's clause: the first ";", "—" or subordinating conjunction from
    /// `start`, at most 28 tokens on, or the sentence's end.
    func pledgeClauseEnd(after start: Int, upper: Int) -> Int {
        var end = start
        let clauseBreakMarks = DocumentAnalyzer.clauseBreakMarks
        while end < upper, end - start < 28, !clauseBreakMarks.contains(tokens[end].mark),
              !tokens[end].classes.contains(.clauseConjunction) { end += 1 }
        return end
    }

    // MARK: The rules

    /// Reads the statements, pledges and oppositions of sentence `si`, appended to `drafts` in
    /// reading order (written in place: a list per sentence was copied over, retaining each draft's arrays).
    func applyRules(_ si: Int, _ ms: inout [Mention], memory: inout [(sentence: Int, entity: Int)], into drafts: inout [DraftRelation]) {
        self.tokens.withUnsafeBufferPointer { applyRules(si, &ms, memory: &memory, into: &drafts, tokens: $0) }
    }

    /// `applyRules` with the document's tokens as a buffer: in this long function the optimizer
    /// left `self.tokens[k]` as calls of the array getter, each copying a whole token (and
    /// retaining its strings); a buffer's element is read in place. (`self.tokens` stays the
    /// array the phrase tables take; it never changes.)
    private func applyRules(_ si: Int, _ ms: inout [Mention], memory: inout [(sentence: Int, entity: Int)],
                            into out: inout [DraftRelation], tokens: UnsafeBufferPointer<Token>) {
        let s = sentences[si]
        let lower = s.tokens.lowerBound, upper = s.tokens.upperBound
        let triggers = findTriggers(si, ms)
        defer { spareTriggers = triggers }
        // this sentence's drafts are `out[base...]`
        let base = out.count
        let qs = quotes[si]
        func inQuote(_ i: Int) -> Bool { qs.contains { $0.contains(i) } }

        // 1. Statements outside quotes (and third-party statements inside them).
        var quoteSpeaker: Int? = nil
        var firstSpeaker: Int? = nil
        var previousSpeaker: Int? = nil
        // (by index: a trigger, with its predicates, is copied only when its loop reads it)
        for ti in triggers.indices where triggers[ti].has(.statement) && !triggers[ti].isNoun {
            let t = triggers[ti]
            if isNonEvent(t.range.lowerBound, lower: lower) || isNegated(t.range.lowerBound, lower: lower) { continue }
            var speaker: Int? = nil
            var contentStart = t.range.upperBound
            var contentEnd = upper
            if let nextT = triggers[(ti + 1)...].first(where: { $0.has(.statement) && !$0.isNoun && $0.inQuote == t.inQuote }) {
                contentEnd = nextT.range.lowerBound
            }
            let stopMarks = DocumentAnalyzer.stopMarks  // read once, not through the global's accessor at each token
            if let stop = (t.range.upperBound..<contentEnd).first(where: { stopMarks.contains(tokens[$0].mark) }) {
                // reported speech ends with its sentence inside a joined quote; an attributed quote does not
                if t.inQuote || qs.contains(where: { $0.contains(stop) }) { contentEnd = stop }
            }
            if !t.inQuote, contentStart > lower || contentStart == t.range.upperBound {
                if let b = statementClauseBreak(from: contentStart, before: contentEnd, quotes: qs) { contentEnd = b }
            }
            if t.inQuote {
                guard let q = qs.first(where: { $0.contains(t.range.lowerBound) }) else { continue }
                let left = agentLeft(t.range.lowerBound, ms, lower: q.lowerBound)
                guard let a = left.first, entities[a].type != .program,
                      let m = ms.first(where: { $0.entity == a && q.contains($0.range.lowerBound) }), m.kind != .firstPerson else { continue }
                speaker = a
                contentEnd = min(contentEnd, q.upperBound)
            } else {
                let left = agentLeft(t.range.lowerBound, ms, lower: lower, allowPossessive: false)
                let afterComma = t.range.lowerBound > lower && tokens[t.range.lowerBound - 1].mark == ","
                let afterQuote = t.range.lowerBound > lower && DocumentAnalyzer.closingQuotes.contains(tokens[t.range.lowerBound - 1].mark)
                    || (afterComma && t.range.lowerBound - 2 >= lower && DocumentAnalyzer.closingQuotes.contains(tokens[t.range.lowerBound - 2].mark))
                let rightAllowed = afterQuote || tokens[t.range.lowerBound].isCapitalized && t.range.lowerBound > lower
                    || (afterComma && !tokens[t.range.lowerBound].key.hasLowercaseSuffix("ing"))
                if t.range.lowerBound > lower, tokens[t.range.lowerBound - 1].key == "and", let prev = previousSpeaker { speaker = prev }
                else if let a = left.last, !afterQuote { speaker = a }
                else if rightAllowed, let a = agentRight(t.range.upperBound, ms, upper: upper) { speaker = a }
                else if tokens[t.range.lowerBound].key.hasLowercaseSuffix("ing"), t.range.lowerBound - lower <= 2 {
                    // "While acknowledging X, Rutte …": the subject of the main clause
                    if let m = ms.first(where: { $0.range.lowerBound > t.range.upperBound && $0.entity >= 0 && !$0.possessive
                        && !$0.inQuote && entities[$0.entity].type == .person && $0.kind != .pronoun || $0.range.lowerBound > t.range.upperBound && $0.kind == .pronoun && !$0.possessive && $0.entity >= 0 }) {
                        speaker = m.entity
                        contentEnd = m.range.lowerBound
                    }
                } else if let a = left.last { speaker = a }
                if speaker == nil { continue }
                if let sp = speaker, entities[sp].type == .program { continue }
                // "Germany pledged …, Environment Minister Carsten Schneider announced": the content precedes
                var descriptorStart = -1
                if let sp = speaker, let sm = ms.last(where: { $0.entity == sp && $0.range.upperBound <= t.range.lowerBound }) {
                    var k = sm.range.lowerBound - 1
                    while k > lower, k >= sm.range.lowerBound - 5, tokens[k].isWord, !tokens[k].classes.contains(.clauseBreak),
                          !tokens[k].key.hasLowercaseSuffix("ed") || ms.contains(where: { $0.range.contains(k) }) { k -= 1 }
                    if k > lower, tokens[k].mark == ",", !tokens[t.range.lowerBound].key.hasLowercaseSuffix("ing") { descriptorStart = k }
                }
                if let sp = speaker, let sm = ms.last(where: { $0.entity == sp && $0.range.upperBound <= t.range.lowerBound }),
                   descriptorStart > lower,
                   // "Later in the evening, X called on …": an opening adverbial names nothing said
                   ms.contains(where: { $0.entity >= 0 && $0.range.upperBound <= descriptorStart }),
                   !qs.contains(where: { $0.upperBound <= sm.range.lowerBound && sm.range.lowerBound - $0.upperBound <= 3 }),
                   t.range.upperBound >= upper || tokens[t.range.upperBound].key != "that" {
                    _ = sm
                    contentStart = lower
                    contentEnd = descriptorStart
                }
                // quotes attached to this attribution
                let attached = qs.contains { q in
                    (q.upperBound <= t.range.lowerBound && t.range.lowerBound - q.upperBound <= 8)
                        || (q.lowerBound >= t.range.upperBound && (q.lowerBound - t.range.upperBound <= 4 || q.lowerBound < contentEnd))
                }
                if attached { quoteSpeaker = quoteSpeaker ?? speaker }
            }
            guard let sp = speaker else { continue }
            if !t.inQuote { previousSpeaker = sp }
            if firstSpeaker == nil, !t.inQuote { firstSpeaker = sp }
            var targets: [Int] = []
            for m in ms where m.entity >= 0 && m.entity != sp {
                // "told reporters in Brussels": a place named by its capital is where, not what
                if m.range.lowerBound > lower, DocumentAnalyzer.inAt.contains(tokens[m.range.lowerBound - 1].key), entities[m.entity].type == .country,
                   AliasKey.normalize(text(of: m.range)) != AliasKey.normalize(entities[m.entity].name), !tokens[m.range.lowerBound].isAllCaps { continue }
                let inContent = m.range.lowerBound >= contentStart && m.range.lowerBound < contentEnd
                let inAttached = !t.inQuote && quoteSpeaker == sp && inQuote(m.range.lowerBound)
                if inContent && (t.inQuote || !inQuote(m.range.lowerBound) || quoteSpeaker == sp) || inAttached {
                    if !targets.contains(m.entity) { targets.append(m.entity) }
                }
            }
            // "said the duties breached WTO rules": measures named before stand for whoever imposed them
            if !t.inQuote, let last = lastOpposition, last.source != sp, speakerGroup(sp, ms) != last.source, !targets.contains(last.source),
               (max(contentStart, t.range.upperBound)..<max(contentStart, t.range.upperBound, contentEnd - 1)).contains(where: { DocumentAnalyzer.theseThose.contains(tokens[$0].key)
                   && DocumentAnalyzer.saidMeasureNouns.contains(tokens[$0 + 1].key) }) {
                targets.append(last.source)
            }
            // "Oxfam said the pledges fell short": the pledges are to the fund the document's pledges go to
            if !t.inQuote, let r = memory.last(where: { entities[$0.entity].type == .program && $0.sentence < si })?.entity, r != sp, !targets.contains(r),
               (contentStart..<max(contentStart, contentEnd - 1)).contains(where: { DocumentAnalyzer.pledgeDeterminers.contains(tokens[$0].key)
                   && DocumentAnalyzer.pledgeNouns.contains(tokens[$0 + 1].key) }) {
                targets.append(r)
            }
            // the speaker's first-person references in its quotes
            if !t.inQuote, quoteSpeaker == sp, ms.contains(where: { $0.kind == .firstPerson && $0.plural }),
               let g = speakerGroup(sp, ms), g != sp, !targets.contains(g) { targets.append(g) }
            let quoteText = (!t.inQuote && quoteSpeaker == sp) ? qs.first.map { text(of: $0) } : nil
            for tg in targets {
                out.append(DraftRelation(source: sp, kind: .statement, target: tg, sentences: DraftSentences(si), quote: quoteText))
            }
            // "called on China to halt exports", "urged Iran to stop enrichment": pressure on the one urged
            if !t.inQuote, let lemma = t.first(.statement)?.lemma, DocumentAnalyzer.urgeLemmas.contains(lemma),
               let om = ms.first(where: { $0.range.lowerBound == t.range.upperBound && $0.entity >= 0 && $0.entity != sp && !$0.possessive }),
               om.range.upperBound + 1 < contentEnd, tokens[om.range.upperBound].key == "to",
               DocumentAnalyzer.ceaseVerbs.contains(tokens[om.range.upperBound + 1].key) {
                out.append(DraftRelation(source: sp, kind: .opposition, target: om.entity, sentences: DraftSentences(si)))
            }
        }
        // "according to the Russian Defence Ministry, …": the source speaks the rest of the sentence
        if let k0 = accordingTo(lower: lower, upper: upper, quotes: qs) {
            var j = k0 + 2
            if tokens[j].key == "the" || tokens[j].key == "a" { j += 1 }
            if j < upper, let sm = ms.first(where: { $0.range.lowerBound == j && $0.entity >= 0 }), entities[sm.entity].type != .program {
                for m in ms where m.entity >= 0 && m.entity != sm.entity && m.range.lowerBound != sm.range.lowerBound {
                    out.append(DraftRelation(source: sm.entity, kind: .statement, target: m.entity, sentences: DraftSentences(si)))
                }
                if firstSpeaker == nil { firstSpeaker = sm.entity }
            }
        }
        // a headline "Rutte: ‘…’" names its speaker before a colon
        if firstSpeaker == nil, let m = ms.first, m.range.lowerBound == lower, m.entity >= 0, entities[m.entity].type == .person,
           m.range.upperBound < upper, tokens[m.range.upperBound].mark == ":" {
            firstSpeaker = m.entity
            quoteSpeaker = m.entity
            for o in ms where o.entity >= 0 && o.entity != m.entity {
                out.append(DraftRelation(source: m.entity, kind: .statement, target: o.entity, sentences: DraftSentences(si)))
            }
        }
        // a quote with no attribution continues the previous sentence's quote
        if quoteSpeaker == nil, !qs.isEmpty, let prev = lastQuoteSpeaker, lastQuoteSentence == si - 1 {
            quoteSpeaker = prev
            for m in ms where m.entity >= 0 && m.entity != prev && inQuote(m.range.lowerBound) {
                out.append(DraftRelation(source: prev, kind: .statement, target: m.entity, sentences: DraftSentences(si)))
            }
        }
        if let q = quoteSpeaker { lastQuoteSpeaker = q; lastQuoteSentence = si }

        // 2. First-person pronouns in quotes stand for the speaker (or the body it speaks for).
        if let q = quoteSpeaker {
            let group = speakerGroup(q, ms) ?? q
            for k in ms.indices where ms[k].kind == .firstPerson && ms[k].entity < 0 {
                ms[k].entity = ms[k].plural ? group : q
            }
        }

        // 3. Pledges.
        var skipUntil = -1
        var previousGivers: [Int]? = nil
        var previousOpponents: [Int]? = nil
        for ti in triggers.indices where triggers[ti].has(.pledge) {
            let t = triggers[ti]
            guard let p = t.first(.pledge) else { continue }
            let start = t.range.lowerBound
            if start < skipUntil { continue }
            if p.isReverse {
                // "approved a $1.2 billion loan from the World Bank": giver after the noun, the subject receives
                guard let gm = ms.first(where: { ($0.range.lowerBound == t.range.upperBound || $0.range.lowerBound == t.range.upperBound + 1) && $0.entity >= 0 }),
                      let subject = ms.first(where: { $0.entity >= 0 && $0.range.upperBound <= start && !$0.possessive && entities[$0.entity].type != .person
                          && !isPrepositionalObject($0, lower: lower) && ($0.kind != .demonym || tokens[$0.range.upperBound].classes.contains(.actingGroupNoun)) }),
                      subject.entity != gm.entity, !isNegated(start, lower: lower) else { continue }
                let amount = AmountParser(lexicon: lex).firstAmount(self.tokens, in: max(lower, start - 5)..<t.range.upperBound)?.0
                // "pledges from Canada, Norway and the Netherlands": every giver of the list
                var giversFrom = [gm.entity]
                if let gi = ms.firstIndex(where: { $0.range.lowerBound == gm.range.lowerBound }) {
                    var j = gi
                    while j + 1 < ms.count, ms[j + 1].entity >= 0, entities[ms[j + 1].entity].type == entities[gm.entity].type {
                        let gap = ms[j].range.upperBound..<ms[j + 1].range.lowerBound
                        guard gap.count <= 3, gap.allSatisfy({ tokens[$0].classes.contains(.listGlue) }) else { break }
                        giversFrom.append(ms[j + 1].entity)
                        j += 1
                    }
                }
                let givers = giversFrom.filter { $0 != subject.entity }
                for g in givers {
                    out.append(DraftRelation(source: g, kind: .pledge, target: subject.entity, sentences: DraftSentences(si),
                                             amount: givers.count == 1 ? amount : nil, status: .pledged,
                                             sharedAmount: givers.count == 1 ? nil : amount))
                }
                continue
            }
            // "pledged to send", "plan to allocate": the chained verb carries the pledge
            if !p.isNoun, let nextT = triggers[(ti + 1)...].first, nextT.has(.pledge), !nextT.isNoun,
               nextT.range.lowerBound - t.range.upperBound <= 5,
               (t.range.upperBound..<nextT.range.lowerBound).contains(where: { tokens[$0].key == "to" }) {
                if isNegated(start, lower: lower) { skipUntil = nextT.range.upperBound }
                continue
            }
            // "added $300 million": "add" gives only an amount that follows it at once
            if p.lemma == "add" {
                guard let a = AmountParser(lexicon: lex).firstAmount(self.tokens, in: t.range.upperBound..<min(upper, t.range.upperBound + 6)),
                      a.1.lowerBound <= t.range.upperBound + 1 else { continue }
            }
            // "would spend 4.8% of GDP", "committed to reaching 5%": a share of output is a spending pledge
            let clauseEndForShare = min(upper, t.range.upperBound + 12)
            let sharePledge = !p.isNoun && (t.range.upperBound..<clauseEndForShare).contains { tokens[$0].mark == "%" || tokens[$0].key == "percent" || tokens[$0].text.hasSuffix("%") }
            if p.lemma == "spend", !sharePledge || tokens[start].key == "spent" { continue }  // what was spent is no pledge
            // "its plans to spend 3.5%": an intention named by a noun is not yet a pledge
            if p.lemma == "spend", start >= lower + 2, tokens[start - 1].key == "to",
               DocumentAnalyzer.intentionNouns.contains(tokens[start - 2].key) { continue }
            let negated = p.isNoun ? (start > lower && DocumentAnalyzer.noWithout.contains(tokens[start - 1].key)) : isNegated(start, lower: lower)
            var status: PledgeStatus = .pledged
            // "warned NATO against sending troops", "barred from supplying": no pledge
            if !p.isNoun, start > lower, DocumentAnalyzer.againstFrom.contains(tokens[start - 1].key), tokens[start].key.hasLowercaseSuffix("ing") { continue }
            if negated || isUndelivered(start, lower: lower) {
                // "hadn't delivered promised missiles" is an unkept pledge; "won't send" is none
                let perfect = (max(lower, start - 4)..<start).contains { DocumentAnalyzer.perfectWords.contains(tokens[$0].key) }
                guard (p.isDelivery && perfect) || isUndelivered(start, lower: lower) else { continue }
                status = .undelivered
            } else if p.isDelivery, p.isPast, !tokens[start].key.hasLowercaseSuffix("ing") {
                status = .delivered
            }
            if isHypothetical(start, lower: lower, upper: upper) { continue }
            // clause end for arguments
            let end = pledgeClauseEnd(after: t.range.upperBound, upper: upper)
            // something given, unless the verb's object is the recipient
            if !p.isNoun, !p.isDirect, !p.isExplicit {
                var given = false
                var k = t.range.upperBound
                while k < end, k - t.range.upperBound < 10 {
                    // an acronym's expansion in parentheses is not the clause
                    if tokens[k].mark == "(", let close = (k..<min(end, k + 15)).first(where: { tokens[$0].mark == ")" }) { k = close + 1; continue }
                    let key = tokens[k].key
                    if tokens[k].classes.contains(.resourceNoun) || lex.itemHeads.longestLength(self.tokens, at: k, limit: end) != nil
                        || tokens[k].kind == .number || lex.currencies.longestLength(self.tokens, at: k, limit: end) != nil { given = true; break }
                    if tokens[k].classes.contains(.preposition), key != "with", key != "of", k > t.range.upperBound + 1 { break }
                    k += 1
                }
                // passive: "New air defence systems will be sent to Ukraine"
                if !given, start > lower, DocumentAnalyzer.passiveAuxiliaries.contains(tokens[start - 1].key) {
                    for k in max(lower, start - 8)..<start where tokens[k].classes.contains(.resourceNoun) || lex.itemHeads.longestLength(self.tokens, at: k, limit: start) != nil {
                        given = true
                    }
                }
                if !given { continue }
            }
            // givers
            var givers: [Int] = []
            if p.isNoun {
                var k = start - 1
                var steps = 0
                while k >= lower, steps < 3, mention(endingAt: k + 1, ms) == nil {
                    if tokens[k].key == "'s" { k -= 1; continue }
                    // "Germany's new €1.5 billion package": amounts stand between owner and noun
                    if tokens[k].kind == .number || lex.lexicon.currencies[tokens[k].text] != nil || lex.lexicon.magnitudes[tokens[k].key] != nil
                        || (tokens[k].isWord && DocumentAnalyzer.startsWithNumber(tokens[k])) { k -= 1; continue }
                    if !tokens[k].isWord || tokens[k].classes.contains(.preposition) || tokens[k].key == "the" { break }
                    k -= 1; steps += 1
                }
                if let mi = mention(endingAt: k + 1, ms), ms[mi].possessive, ms[mi].entity >= 0 { givers = [ms[mi].entity] }
                else if k >= lower, tokens[k].key == "their" { givers = agentLeft(k, ms, lower: lower, verb: false) }
            } else if start > lower, tokens[start - 1].key == "and", let prev = previousGivers, !prev.isEmpty {
                givers = prev  // "… and pledged": the subject of the first verb
            } else {
                givers = agentLeft(start, ms, lower: lower, stopAtSpeech: true)
            }
            givers = givers.filter { entities[$0].type != .program || p.isNoun == false }
            var passiveRecipient: Int? = nil
            if !p.isNoun, t.range.upperBound + 1 < upper, tokens[t.range.upperBound].key == "by",
               let bm = ms.first(where: { $0.range.lowerBound == t.range.upperBound + 1 }), bm.entity >= 0 {
                givers = [bm.entity]
                var k = start - 1
                while k > lower, DocumentAnalyzer.commaOrParen.contains(tokens[k].mark) { k -= 1 }
                if let rm = mention(endingAt: k + 1, ms), ms[rm].entity >= 0 { passiveRecipient = ms[rm].entity }
            }
            // recipients
            var recipients: [Int] = []
            var listGivers: [Int] = []
            var prevOK = false
            var prevEnd = -1
            var afterIncluding = false
            for m in ms where m.range.lowerBound >= t.range.upperBound && m.range.lowerBound < end && m.entity >= 0 {
                let type = entities[m.entity].type
                var k = m.range.lowerBound - 1
                var ok = false
                let continuesList = prevEnd >= 0 && (prevEnd..<m.range.lowerBound).allSatisfy { tokens[$0].classes.contains(.listGlue) }
                if continuesList { ok = prevOK } else {
                    var skipped = 0
                    while k >= t.range.upperBound, skipped < 3, tokens[k].isWord || tokens[k].mark == ",", !tokens[k].classes.contains(.preposition),
                          !tokens[k].classes.contains(.clauseBreak), !ms.contains(where: { $0.range.contains(k) }) {
                        if tokens[k].isWord { skipped += 1 }
                        k -= 1
                    }
                    if k < t.range.upperBound { ok = !p.isNoun && skipped <= 1 && !m.possessive }  // direct object
                    else if tokens[k].classes.contains(.clauseBreak) || ms.contains(where: { $0.range.contains(k) }) { ok = false }
                    else {
                        let key = tokens[k].key
                        if key == "including" || key == "among" { afterIncluding = true }
                        if tokens[k].classes.contains(.recipientPreposition) { ok = key != "of" || p.isNoun }
                        // "share satellite data with Denmark"
                        if key == "with", (t.range.lowerBound..<k).contains(where: { DocumentAnalyzer.shareVerbs.contains(tokens[$0].key) }) { ok = true }
                        if key == "including" { ok = false }
                    }
                }
                if m.compound || (m.kind == .demonym && !ok) { ok = false }
                // "a NASAMS (…) unit", "a Gavi-backed vaccine shipment": a name before an item names the item
                var after = m.range.upperBound
                if after < end, tokens[after].mark == "(", let close = (after..<min(end, after + 15)).first(where: { tokens[$0].mark == ")" }) { after = close + 1 }
                else if after < end, tokens[after].mark == ")" { after += 1 }
                if after < end, m.kind != .demonym, !(k >= t.range.upperBound && tokens[k].classes.contains(.recipientPreposition)),
                   lex.itemHeads.longestLength(self.tokens, at: after, limit: end) != nil { ok = false }
                if type == .person || (type == .organization && !ok) { ok = false }
                if type == .program, k >= t.range.upperBound, !DocumentAnalyzer.programPrepositions.contains(tokens[k].key), !continuesList { ok = ok && true }
                if afterIncluding, type == .country || type == .organization, !ok {
                    if !listGivers.contains(m.entity) { listGivers.append(m.entity) }
                } else if ok, !givers.contains(m.entity), !recipients.contains(m.entity) {
                    recipients.append(m.entity)
                }
                prevOK = ok
                prevEnd = m.range.upperBound
            }
            if let pr = passiveRecipient { recipients = [pr] }
            if !listGivers.isEmpty, givers.allSatisfy({ entities[$0].type == .organization }) { givers += listGivers.filter { !givers.contains($0) } }
            var evidence = [si]
            if givers.isEmpty, si + 1 < sentences.count, !p.isNoun, !p.isReceive {
                if let list = leadingList(si + 1) { givers = list; evidence.append(si + 1) }
            }
            // "Kyiv received €2 billion from the EPF": the subject receives, the one after "from" gives
            if p.isReceive {
                let receivers = givers
                var fromGivers: [Int] = []
                for m in ms where m.range.lowerBound > t.range.upperBound && m.range.lowerBound < end && m.entity >= 0 {
                    if tokens[m.range.lowerBound - 1].key == "from" || (m.range.lowerBound >= 2 && tokens[m.range.lowerBound - 1].key == "the" && tokens[m.range.lowerBound - 2].key == "from") {
                        fromGivers = [m.entity]; break
                    }
                }
                givers = fromGivers
                recipients = receivers.filter { entities[$0].type != .person }
                listGivers = []
            }
            let explicitRecipients = recipients
            if recipients.isEmpty, !p.isNoun, !p.isDirect, !p.isReceive, !givers.isEmpty, givers.allSatisfy({ entities[$0].type != .person }) {
                // a delivery of named items reaches further back for its recipient than a bare commitment
                let reach = p.isDelivery && !findItems(t.range.upperBound..<end, ms).isEmpty ? 8 : 3
                if let m = memory.last(where: { $0.sentence >= si - reach && $0.sentence < si && !givers.contains($0.entity) }) {
                    recipients = [m.entity]
                    if !evidence.contains(m.sentence) { evidence.insert(m.sentence, at: 0) }
                }
            }
            // a share-of-output spending pledge goes to the alliance of the givers that the document names
            if recipients.isEmpty, sharePledge, !givers.isEmpty, givers.allSatisfy({ entities[$0].type == .country }),
               (0...si).contains(where: { sj in sentences[sj].tokens.contains { DocumentAnalyzer.outputWords.contains(tokens[$0].key) } }) {
                let alliances = entities.indices.filter { e in
                    entities[e].type == .organization && lex.actor(id: entities[e].id)?.kind == "alliance"
                        && givers.allSatisfy { g in lex.actor(id: entities[g].id)?.memberOf.contains(entities[e].id) ?? false }
                }
                if alliances.count == 1 { recipients = alliances }
            }
            for r in explicitRecipients where entities[r].type == .country || entities[r].type == .program { memory.append((si, r)) }
            // a recipient carried from earlier stays the topic while pledges keep coming without one
            if explicitRecipients.isEmpty, recipients.count == 1, !givers.isEmpty, !memory.contains(where: { $0.sentence == si && $0.entity == recipients[0] }) {
                memory.append((si, recipients[0]))
            }
            guard !givers.isEmpty, !recipients.isEmpty else { continue }
            if !t.inQuote { previousGivers = givers }
            let amount = AmountParser(lexicon: lex).firstAmount(self.tokens, in: max(lower, start - (p.isNoun ? 5 : 2))..<end)?.0
            let items = findItems(t.range.upperBound..<end, ms)
            lastPledge = (si, givers)
            let single = givers.count == 1
            for g in givers {
                for r in recipients where r != g {
                    out.append(DraftRelation(source: g, kind: .pledge, target: r, sentences: DraftSentences(evidence), amount: single ? amount : nil,
                                             items: items, status: status, sharedAmount: single ? nil : amount))
                }
            }
        }

        // 4. Oppositions.
        for ti in triggers.indices where triggers[ti].has(.opposition) {
            let t = triggers[ti]
            guard let p = t.first(.opposition) else { continue }
            let start = t.range.lowerBound
            if p.isNoun ? (start > lower && DocumentAnalyzer.noWithout.contains(tokens[start - 1].key)) : isNegated(start, lower: lower) { continue }
            if isHypothetical(start, lower: lower, upper: upper) { continue }
            // "addressed concerns over …" is no one's opposition; "expressed concern over …" is
            if p.lemma.hasPrefix("concern"), start > lower, !tokens[start - 1].classes.contains(.concernGovernor),
               mention(endingAt: start, ms) == nil { continue }
            var agents: [Int] = []
            if p.isReverse {
                // "following months of pressure from Washington": the one after the noun acts on the clause's subject
                guard let am = ms.first(where: { $0.range.lowerBound == t.range.upperBound || $0.range.lowerBound == t.range.upperBound + 1 }), am.entity >= 0,
                      let subject = ms.first(where: { $0.entity >= 0 && $0.range.upperBound <= start && !$0.possessive && !isPrepositionalObject($0, lower: lower) }),
                      subject.entity != am.entity else { continue }
                out.append(DraftRelation(source: am.entity, kind: .opposition, target: subject.entity, sentences: DraftSentences(si)))
                continue
            }
            if p.isNoun, let mi = mention(endingAt: start - (start > lower && tokens[start - 1].key == "'s" ? 1 : 0), ms), ms[mi].possessive, ms[mi].entity >= 0 {
                agents = [ms[mi].entity]
            } else if p.isNoun, DocumentAnalyzer.measureLemmas.contains(p.lemma), let mi = mention(endingAt: start, ms), ms[mi].entity >= 0,
                      entities[ms[mi].entity].type == .country || entities[ms[mi].entity].type == .organization {
                agents = [ms[mi].entity]  // "U.S. tariffs on Chinese steel", "EU sanctions against Iran"
            } else if !p.isNoun, start > lower, tokens[start - 1].key == "and", let prev = previousOpponents ?? previousSpeaker.map({ [$0] }) {
                agents = prev  // "warned … and accused the alliance"
            } else {
                agents = agentLeft(start, ms, lower: lower, verb: !p.isNoun, stopAtSpeech: true)
            }
            guard !agents.isEmpty else { continue }
            if !t.inQuote { previousOpponents = agents }
            var targets: [Int] = []
            var k = t.range.upperBound
            // "condemned the veto", "rejected the accusations": an act named before stands for whoever performed it
            if !p.isNoun, k + 1 < upper, DocumentAnalyzer.actDeterminers.contains(tokens[k].key),
               let act = DocumentAnalyzer.actNouns[tokens[k + 1].key], let actor = lastActor[act], !agents.contains(actor),
               !(k + 2 < upper && DocumentAnalyzer.actComplements.contains(tokens[k + 2].key)) {
                for a in agents where speakerGroup(a, ms) != actor {
                    out.append(DraftRelation(source: a, kind: .opposition, target: actor, sentences: DraftSentences(si)))
                    if p.isSpoken { out.append(DraftRelation(source: a, kind: .statement, target: actor, sentences: DraftSentences(si))) }
                }
                continue
            }
            // "condemned the measures": sanctions named before stand for whoever imposed them
            if !p.isNoun, k + 1 < upper, DocumentAnalyzer.measureDeterminers.contains(tokens[k].key),
               DocumentAnalyzer.measureNouns.contains(tokens[k + 1].key),
               let last = lastOpposition, !agents.contains(last.source) {
                for a in agents { out.append(DraftRelation(source: a, kind: .opposition, target: last.source, sentences: DraftSentences(si))) }
                continue
            }
            // "the Kremlin denounced the plan": an unnamed plan or decision is the latest pledge's, by its givers
            if !p.isNoun, k + 1 < upper, DocumentAnalyzer.planDeterminers.contains(tokens[k].key),
               DocumentAnalyzer.planNouns.contains(tokens[k + 1].key),
               !(k + 2 < upper && DocumentAnalyzer.ofForTo.contains(tokens[k + 2].key)),
               programFor(noun: tokens[k + 1].key) == nil, let last = lastPledge, si - last.sentence <= 3 {
                for a in agents { for g in last.givers where g != a {
                    out.append(DraftRelation(source: a, kind: .opposition, target: g, sentences: DraftSentences(si)))
                    if p.isSpoken { out.append(DraftRelation(source: a, kind: .statement, target: g, sentences: DraftSentences(si))) }
                } }
                continue
            }
            while k < upper, k - t.range.upperBound < (p.isNoun ? 10 : 6) {
                if DocumentAnalyzer.targetBarriers.contains(tokens[k].mark) || DocumentAnalyzer.targetClauseBreaks.contains(tokens[k].key) { break }
                // "blocked the plan to tap …": past an unnamed object, an infinitive is another act
                if tokens[k].key == "to", k > t.range.upperBound + 1, k + 1 < upper, tokens[k + 1].isWord, !tokens[k + 1].isCapitalized,
                   !ms.contains(where: { $0.range.lowerBound == k + 1 }) { break }
                if let mi = ms.firstIndex(where: { $0.range.lowerBound == k }), ms[mi].entity >= 0, !agents.contains(ms[mi].entity) {
                    var j = mi
                    targets.append(ms[mi].entity)
                    while j + 1 < ms.count, ms[j + 1].entity >= 0 {
                        let gap = ms[j].range.upperBound..<ms[j + 1].range.lowerBound
                        guard !gap.isEmpty, gap.count <= 2, gap.allSatisfy({ DocumentAnalyzer.targetGlue.contains(tokens[$0].key) }) else { break }
                        targets.append(ms[j + 1].entity)
                        j += 1
                    }
                    break
                }
                k += 1
            }
            // "refused to take part": in the program the article is about
            if targets.isEmpty, p.lemma.hasPrefix("refus"), let prog = programOrder.last, k < upper || true,
               (t.range.upperBound..<min(upper, t.range.upperBound + 4)).contains(where: { DocumentAnalyzer.participationVerbs.contains(tokens[$0].key) }) {
                targets = [prog]
            }
            if !targets.isEmpty, let act = DocumentAnalyzer.actOfVerb[p.lemma] {
                for a in agents { lastActor[act] = speakerGroup(a, ms) ?? a }
            }
            for a in agents {
                for tg in targets where tg != a {
                    if DocumentAnalyzer.measureLemmas.contains(p.lemma) {
                        lastOpposition = (a, tg)
                    }
                    out.append(DraftRelation(source: a, kind: .opposition, target: tg, sentences: DraftSentences(si)))
                    if p.isSpoken || (t.first(.statement) != nil && !t.inQuote) {
                        out.append(DraftRelation(source: a, kind: .statement, target: tg, sentences: DraftSentences(si)))
                    }
                }
            }
        }

        // a statement is about what is said, not about each giver it lists
        // (without a pledge there is no giver: nothing to remove, no sets to build)
        if out[base...].contains(where: { $0.kind == .pledge }) {
            // (a sentence has a few drafts: arrays, not sets, each giver once)
            var givers: [Int] = []
            for k in base..<out.count where out[k].kind == .pledge && !givers.contains(out[k].source) && entities[out[k].source].type == .country {
                givers.append(out[k].source)
            }
            if givers.count >= 2 {
                var receivers: [Int] = []
                for k in base..<out.count where out[k].kind != .statement { receivers.append(out[k].target) }
                // the kept drafts move up in order, the removed ones to the end, cut off
                var kept = base
                for k in base..<out.count where !(out[k].kind == .statement && givers.contains(out[k].target) && !receivers.contains(out[k].target)) {
                    if kept != k { out.swapAt(kept, k) }
                    kept += 1
                }
                out.removeSubrange(kept...)
            }
        }

        // the subject for the next sentence's pronouns
        if let f = firstSpeaker, entities[f].type == .person { lastSubjectPerson = f }
        else if let m = ms.first(where: { $0.entity >= 0 && entities[$0.entity].type == .person && !$0.inQuote && !$0.possessive && !isPrepositionalObject($0, lower: lower) }) {
            lastSubjectPerson = m.entity
        }
    }

    /// The body a speaker speaks for: its office's owner (from the text or the lexicon), or itself.
    func speakerGroup(_ speaker: Int, _ ms: [Mention]) -> Int? {
        guard entities[speaker].type == .person else { return speaker }
        if let m = ms.first(where: { $0.entity == speaker && $0.owner != nil }), let o = m.owner { return o }
        if let r = entities[speaker].textRoles.first { return r.owner }
        if entities[speaker].fromLexicon, let a = lex.actor(id: entities[speaker].id),
           let role = a.roles.first(where: { $0.isValid(on: date) }) {
            return entity(forActor: role.of, sentence: sentences.isEmpty ? 0 : 0)
        }
        return nil
    }

    /// A list of two or more countries opening a sentence ("Canada, Germany and Poland are among them.").
    /// Entities are created only when the list is found.
    func leadingList(_ si: Int) -> [Int]? {
        let s = sentences[si]
        var k = s.tokens.lowerBound
        while k < s.tokens.upperBound, DocumentAnalyzer.listLead.contains(tokens[k].key) { k += 1 }
        var ids: [String] = []
        while k < s.tokens.upperBound, ids.count < 12 {
            guard let hit = lex.actors.matches(tokens, at: k, limit: s.tokens.upperBound).first(where: { m in
                m.value.kind == .name && (!m.value.capitalized || tokens[k].isCapitalized)
                    && (!m.value.caseSensitive || isWritten(k..<(k + m.length), as: m.value.surface))
            }), lex.actor(id: hit.value.actorID)?.type == .country else { break }
            ids.append(hit.value.actorID)
            k += hit.length
            var glued = false
            while k < s.tokens.upperBound, DocumentAnalyzer.listSeparators.contains(tokens[k].key) { k += 1; glued = true }
            if !glued { break }
        }
        guard ids.count >= 2 else { return nil }
        return ids.compactMap { entity(forActor: $0, sentence: si) }
    }

    /// Item phrases in a range: a head noun ("missiles") with the modifiers and names before it.
    func findItems(_ range: Range<Int>, _ ms: [Mention]) -> [String] {
        var out: [String] = []
        var k = range.lowerBound
        while k < range.upperBound {
            guard let h = lex.itemHeads.longest(tokens, at: k, limit: range.upperBound) else { k += 1; continue }
            var s = k
            while s > range.lowerBound {
                let t = s - 1
                if tokens[t].mark == "-", !tokens[t].spaceBefore, s - 2 >= range.lowerBound { s -= 2; continue }
                if tokens[t].isWord, tokens[t].classes.contains(.itemModifier) || (tokens[t].isCapitalized && !tokens[t].classes.contains(.nonName)) {
                    s -= 1; continue
                }
                break
            }
            if !(s == k && h.length == 1 && DocumentAnalyzer.genericItemHeads.contains(tokens[k].key) && false) {
                let item = text(of: s..<(k + h.length))
                if !out.contains(item) { out.append(item) }
            }
            k += h.length
        }
        return out
    }
}

extension DocumentAnalyzer {
    /// Kinds of act an opposition verb performs, and the nouns that name such an act later.
    static let actOfVerb: [String: String] = [
        "veto": "veto", "block": "veto",
        "accuse": "accusation", "blame": "accusation", "criticize": "accusation", "criticise": "accusation",
        "condemn": "accusation", "denounce": "accusation", "slam": "accusation",
    ]
    static let actNouns: [String: String] = [
        "veto": "veto", "vetoes": "veto", "blockade": "veto",
        "accusation": "accusation", "accusations": "accusation", "allegation": "accusation", "allegations": "accusation",
        "charges": "accusation", "criticism": "accusation", "accusing": "accusation",
    ]
    /// Verbs of stopping: urging someone to do them is pressure against them.
    static let ceaseVerbs: Set<String> = ["halt", "stop", "end", "cease", "abandon", "drop", "withdraw", "scrap", "suspend",
                                           "curb", "renounce", "release", "free", "reverse", "lift", "accept", "comply"]
    /// Oppositions that are measures imposed on someone; "the measures" later stands for their imposer.
    static let measureLemmas: Set<String> = ["sanction", "sanctions against", "sanctions on", "sanctions targeting", "tariffs on",
                                             "impose sanctions on", "impose tariffs on", "embargo on", "ban on"]
}
