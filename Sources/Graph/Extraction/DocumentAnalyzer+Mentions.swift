import Foundation

extension DocumentAnalyzer {
    static let personPronouns: [String: Bool] = ["he": false, "him": false, "himself": false, "his": true,
                                                 "she": false, "herself": false, "her": true, "hers": true]
    static let firstPerson: [String: (plural: Bool, possessive: Bool)] = [
        "i": (false, false), "me": (false, false), "my": (false, true),
        "we": (true, false), "us": (true, false), "our": (true, true), "ourselves": (true, false)]
    static let determiners: Set<String> = ["the", "this", "that", "its", "their", "our", "his", "her", "'s", "these", "such"]
    static let blockedReferencePrefix: Set<String> = ["his", "her", "their", "my", "your", "'s", "authoritarian", "own",
                                                      "western", "other", "its", "close", "key", "new", "'"]

    /// Quoted token ranges of a sentence: “…”, "…" and ‘…’.
    func findQuotes(_ s: Sentence) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: (Int, Unicode.Scalar)? = nil
        for i in s.tokens {
            let t = tokens[i].mark
            if let (o, kind) = open {
                if (kind == "\u{201C}" && t == "\u{201D}") || (kind == "\"" && t == "\"")
                    || (kind == "\u{2018}" && (t == "\u{2019}" || t == "\u{2018}")) || (kind == "\u{00AB}" && t == "\u{00BB}") {
                    out.append((o + 1)..<i); open = nil
                }
                continue
            }
            if t == "\u{201C}" || t == "\"" || t == "\u{00AB}" { open = (i, t) }
            else if t == "\u{2018}" || (t == "'" && (i == s.tokens.lowerBound || tokens[i].spaceBefore)) { open = (i, "\u{2018}") }
        }
        if let (o, kind) = open, kind != "\u{2018}" { out.append((o + 1)..<s.tokens.upperBound) }
        return out
    }

    /// Finds the mentions of sentence `si`, updating the discourse state. The caller may give
    /// the list back with `returnMentions` once done with it (its storage is then reused).
    /// - Complexity: O(n) in the sentence's tokens (hash lookups per token).
    func findMentions(_ si: Int) -> [Mention] {
        self.tokens.withUnsafeBufferPointer { findMentions(si, tokens: $0) }
    }

    /// `findMentions` with the document's tokens as a buffer, read in place (as in `applyRules`:
    /// the array getter left in this long function copied whole tokens).
    private func findMentions(_ si: Int, tokens: UnsafeBufferPointer<Token>) -> [Mention] {
        let s = sentences[si]
        let lower = s.tokens.lowerBound, upper = s.tokens.upperBound
        let qs = quotes[si]
        func inQuote(_ i: Int) -> Bool { qs.contains { $0.contains(i) } }
        var ms = takeMentions()
        defer { returnMentions(ms) }
        // a title-case headline ("Kremlin Rejects Truce Proposal") says nothing about unknown names
        var long = 0, capital = 0
        // (an ASCII token's characters are its scalars: `end - start`, without reading its text)
        for k in s.tokens where tokens[k].isWord && (tokens[k].isASCII ? tokens[k].end - tokens[k].start : tokens[k].characterCount) >= 4 {
            long += 1
            if tokens[k].isCapitalized { capital += 1 }
        }
        let headlineCase = long >= 4 && capital * 10 >= long * 7 && !DocumentAnalyzer.sentenceEndMarks.contains(tokens[s.tokens.upperBound - 1].mark)

        // Pass A: dictionary names, names learned from the document, capitalized names ending in a head noun.
        var i = lower
        while i < upper {
            let tCapitalized = tokens[i].isCapitalized, tAllCaps = tokens[i].isAllCaps
            guard tokens[i].isWord else { i += 1; continue }
            var best: (len: Int, entity: Int, kind: MentionKind)? = nil
            if tCapitalized || tAllCaps, let d = dynamicNames.longest(self.tokens, at: i, limit: upper),
               !(d.length == 1 && tAllCaps && tokens[i].characterCount <= 4 && lowerCaseLearned.contains(tokens[i].key)) {
                best = (d.length, d.value, .name)
            }
            // the longest dictionary phrase here that the text's case and context allow
            let minLength = best?.len ?? 0
            // (a word that starts no dictionary phrase is not looked up)
            if tokens[i].classes.contains(.actorStart), let m = lex.actors.firstMatch(self.tokens, at: i, limit: upper, { length, a in
                guard length > minLength else { return false }
                let range = i..<(i + length)
                if a.caseSensitive {
                    if !isWritten(range, as: a.surface) { return false }
                } else if a.capitalized, !tCapitalized { return false }
                if a.kind == .reference {
                    guard hasEntity(for: a) else { return false }
                    if i > lower, tokens[i - 1].classes.contains(.blockedReferencePrefix) { return false }
                    if i > lower, tokens[i - 1].key.hasLowercaseSuffix("ian") || tokens[i - 1].isCapitalized && tokens[i - 1].key != "the" { return false }
                }
                return true  // every surface's actor is in the lexicon
            }), let e = entity(for: m.value, sentence: si) {
                let a = m.value
                best = (m.length, e, a.kind == .demonym ? .demonym : (a.kind == .reference ? .reference : .name))
                if a.kind == .name { insertSurface(e, i..<(i + m.length)) }
                // "Pavel" after "Petr Pavel": a known person's surname names them for the rest of the document
                // (once per entity: its name never changes, so a second `learn` would change nothing)
                if a.kind == .name, entities[e].type == .person, m.length > 1, !surnameTaken(e),
                   let last = DocumentAnalyzer.lastWord(of: entities[e].name), last.count >= 3, last.first?.isUppercase == true {
                    learn(String(last), e)
                }
            }
            // an unknown person: "John Smith said", "said John Smith", "John Smith, a spokesman for …"
            // (both runs start at a name word, which is capitalized: a lowercase word is not looked at)
            if best == nil, !headlineCase, tCapitalized || tAllCaps, let len = personRun(at: i, lower: lower, upper: upper) {
                let name = text(of: i..<(i + len))
                let e = resolvePersonName(name, keys: (i..<(i + len)).map { tokens[$0].key }, sentence: si)
                best = (len, e, .name)
            }
            if !headlineCase, tCapitalized || tAllCaps, let run = namedRun(at: i, limit: upper), run.len > (best?.len ?? 0) {
                let name = text(of: i..<(i + run.len))
                let e = entityIndex[slug(name)] ?? newEntity(name: name, type: run.type, sentence: si)
                best = (run.len, e, .name)
            }
            // "accused Brussels of …", "Brussels warned …": a seat of government that acts names the body it hosts
            if best == nil, tCapitalized, let id = DocumentAnalyzer.seatMetonym(tokens[i].key), i + 1 < upper,
               lex.predicates.longestLength(self.tokens, at: i + 1, limit: upper) != nil && (i == lower || !DocumentAnalyzer.parenOrComma.contains(tokens[i - 1].mark))
                || (i > lower && lex.predicates.longest(self.tokens, at: i - 1, limit: i)?.value.contains { $0.kind != .pledge } ?? false),
               let e = entity(forActor: id, sentence: si) {
                best = (1, e, .name)
            }
            // a dateline ("CAIRO —", "BEIJING (Dec. 4) —") names where, not who
            if let b = best, i == lower, tAllCaps, i + b.len < upper, DocumentAnalyzer.datelineMarks.contains(tokens[i + b.len].mark) {
                i += b.len
                continue
            }
            if let b = best {
                var m = Mention(entity: b.entity, range: i..<(i + b.len), kind: b.kind)
                m.inQuote = inQuote(i)
                ms.append(m)
                i += b.len
            } else {
                i += 1
            }
        }

        // Pass B: titles ("Hungary's Foreign Minister Peter Siyarto", "the Secretary General").
        var coveredA = takeMarks(upper - lower)
        defer { returnMarks(coveredA) }
        for m in ms { for k in m.range { coveredA[k - lower] = true } }
        i = lower
        while i < upper {
            guard tokens[i].isWord, !coveredA[i - lower],
                  let hit = lex.titles.longest(self.tokens, at: i, limit: upper) else { i += 1; continue }
            let canon = hit.value
            var tEnd = i + hit.length
            // a plural or a compound ("foreign ministers", "minister-level") is no title
            if tEnd < upper, tokens[tEnd].mark == "-", !tokens[tEnd].spaceBefore { i = tEnd; continue }
            var k = i - 1
            var past = false
            if k >= lower, tokens[k].classes.contains(.pastTitleModifier) { past = true; k -= 1 }
            if k >= lower, tokens[k].key == "'s" || tokens[k].mark == "\u{2019}" { k -= 1 }
            var ownerIdx = ms.lastIndex { $0.range.upperBound == k + 1 && entities[$0.entity].type != .person && $0.kind != .reference || $0.range.upperBound == k + 1 && $0.kind == .reference }
            if let o = ownerIdx, entities[ms[o].entity].type == .person || entities[ms[o].entity].type == .program { ownerIdx = nil }
            if let o = ownerIdx, ms[o].range.lowerBound > lower, tokens[ms[o].range.lowerBound - 1].classes.contains(.pastTitleModifier) { past = true }
            if ownerIdx == nil, k >= lower, tokens[k].classes.contains(.pastTitleModifier) { past = true }
            if ownerIdx == nil, tEnd + 1 < upper, tokens[tEnd].key == "of" {
                var o = tEnd + 1
                if tokens[o].key == "the" { o += 1 }
                if let oi = ms.firstIndex(where: { $0.range.lowerBound == o && entities[$0.entity].type != .person }) {
                    ownerIdx = oi
                    tEnd = ms[oi].range.upperBound
                }
            }
            let capitalizedTitle = tokens[i].isCapitalized
            let prevKey = i > lower ? tokens[i - 1].key : ""
            if canon == "Head" && ownerIdx == nil { i = tEnd; continue }
            // name after the title
            var n = tEnd
            if n < upper, tokens[n].mark == "," { n += 1 }
            var person: Int? = nil
            var nameEnd = n
            if let pi = ms.firstIndex(where: { $0.range.lowerBound == n }) {
                if entities[ms[pi].entity].type == .person {
                    person = ms[pi].entity
                    nameEnd = ms[pi].range.upperBound
                    ms.remove(at: pi)
                    if let o = ownerIdx, o > pi { ownerIdx = o - 1 }
                }
            } else if capitalizedTitle || n > tEnd || ownerIdx != nil || DocumentAnalyzer.possessiveDeterminers.contains(prevKey) {
                var r = n
                // "spokesperson He Yadong": a capitalized pronoun followed by a name is part of it
                if r + 1 < upper, tokens[r].isCapitalized, tokens[r].isWord, r > lower, tokens[r].spaceBefore,
                   DocumentAnalyzer.personPronouns[tokens[r].key] != nil, isNameWord(r + 1), tokens[r + 1].isCapitalized { r += 1 }
                // "David van Weel", "Ursula von der Leyen": lowercase particles inside a name
                while r < upper, r - n < 3 || (r - n < 5 && tokens[r - 1].classes.contains(.nameParticle)),
                      isNameWord(r) || (r > n && r + 1 < upper && tokens[r].classes.contains(.nameParticle)
                        && (isNameWord(r + 1) && tokens[r + 1].isCapitalized || tokens[r + 1].classes.contains(.nameParticle))),
                      lex.titles.longestLength(self.tokens, at: r, limit: upper) == nil,
                      !ms.contains(where: { $0.range.contains(r) }) { r += 1 }
                if r > n, !(n > tEnd && r < upper && tokens[r].isWord && tokens[r].isCapitalized) {
                    let name = text(of: n..<r)
                    person = resolvePersonName(name, keys: (n..<r).map { tokens[$0].key }, sentence: si)
                    nameEnd = r
                }
            }
            let ownerEntity = ownerIdx.map { ms[$0].entity }
            let spanStart = ownerIdx.map { min(ms[$0].range.lowerBound, i) } ?? i
            if let p = person {
                var m = Mention(entity: p, range: spanStart..<nameEnd, kind: .name)
                m.owner = ownerEntity
                m.inQuote = inQuote(spanStart)
                if let o = ownerEntity, !past, !entities[p].textRoles.contains(where: { $0.title == canon && $0.owner == o }) {
                    entities[p].textRoles.append((canon, o))
                }
                entities[p].surfaces.insert(text(of: n..<nameEnd))
                if let o = ownerIdx { ms.remove(at: o) }
                ms.append(m)
                ms.sort { $0.range.lowerBound < $1.range.lowerBound }
                i = nameEnd
                continue
            }
            if (ownerEntity != nil || prevKey == "the" || (past && prevKey != "a")) && canon != "Minister",
               !past, let holder = resolveTitle(canon, owner: ownerEntity, sentence: si) {
                var m = Mention(entity: holder, range: spanStart..<tEnd, kind: .title)
                m.owner = ownerEntity
                m.inQuote = inQuote(spanStart)
                if let o = ownerIdx { ms.remove(at: o) }
                ms.append(m)
                ms.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
            i = tEnd
        }

        // Pass C: pronouns and references, in reading order, with the discourse state.
        var out = takeMentions()  // the caller gives it back
        var lastPersonHere: Int? = nil
        var lastPersonHereQuoted = false
        var mi = 0
        i = lower
        func note(_ m: Mention) {
            guard m.entity >= 0 else { return }
            switch entities[m.entity].type {
            case .person: lastPerson = m.entity; lastPersonHere = m.entity; lastPersonHereQuoted = m.inQuote
            case .country: lastCountry = m.entity; lastNonPerson = m.entity
            case .organization: lastOrg = m.entity; lastNonPerson = m.entity
            case .program:
                lastProgram = m.entity
                programOrder.removeAll { $0 == m.entity }
                programOrder.append(m.entity)
            }
            if let o = m.owner {
                if entities[o].type == .country { lastCountry = o } else if entities[o].type == .organization { lastOrg = o }
            }
        }
        while i < upper {
            if mi < ms.count, ms[mi].range.lowerBound == i {
                var m = ms[mi]
                finish(&m, upper)
                // "the PURL initiative": the head noun after a program name belongs to it
                note(m)
                out.append(m)
                i = m.range.upperBound
                mi += 1
                if entities[m.entity].type == .program {
                    programOrder.removeAll { $0 == m.entity }
                    programOrder.append(m.entity)
                    // "the PURL initiative": the head noun after a program name belongs to it
                    if i < upper, tokens[i].classes.contains(.programReference) {
                        descriptors[m.entity, default: []].insert(tokens[i].key)
                        i += 1
                    }
                    // "… has emerged as a key mechanism"
                    var k = i
                    while k < min(upper, i + 8), tokens[k].key != "as" { k += 1 }
                    if k < upper, tokens[k].key == "as" {
                        var j = k + 1
                        while j < min(upper, k + 5) {
                            if tokens[j].classes.contains(.programReference) { descriptors[m.entity, default: []].insert(tokens[j].key); break }
                            j += 1
                        }
                    }
                }
                continue
            }
            // (the key is read in place at each check: a copy of it was retained and released at every token)
            var m: Mention? = nil
            // the pronoun tables hold only words with this bit: one load spares two hash lookups
            let pronoun = tokens[i].classes.contains(.pronoun)
            if pronoun, let poss = DocumentAnalyzer.personPronouns[tokens[i].key], tokens[i].isWord {
                let here = lastPersonHereQuoted == inQuote(i) ? lastPersonHere : nil
                if let p = here ?? lastSubjectPerson ?? lastPerson {
                    m = Mention(entity: p, range: i..<(i + 1), kind: .pronoun, possessive: poss)
                }
            } else if isKey(tokens[i].key, "its"), let e = lastNonPerson {
                m = Mention(entity: e, range: i..<(i + 1), kind: .pronoun, possessive: true)
            } else if pronoun, let fp = DocumentAnalyzer.firstPerson[tokens[i].key], inQuote(i), tokens[i].isWord, tokens[i].key != "us" || tokens[i].text != "US" {
                m = Mention(entity: -1, range: i..<(i + 1), kind: .firstPerson, possessive: fp.possessive, plural: fp.plural)
            } else if isKey(tokens[i].key, "country") || isKey(tokens[i].key, "nation"), i > lower, tokens[i - 1].key == "the", let c = lastCountry {
                m = Mention(entity: c, range: (i - 1)..<(i + 1), kind: .reference)
            } else if tokens[i].classes.contains(.programReference), let p = programFor(noun: tokens[i].key), i > lower {
                // "the mechanism", "NATO's mechanism", "the sanctions package"
                var k = i - 1
                var steps = 0
                while k > lower, steps < 2, !tokens[k].classes.contains(.determiner), tokens[k].isWord,
                      !tokens[k].isCapitalized { k -= 1; steps += 1 }
                if tokens[k].classes.contains(.determiner) {
                    var start = k
                    if tokens[k].key == "'s", let last = out.last, last.range.upperBound == k, entities[last.entity].type != .person {
                        start = last.range.lowerBound
                        out.removeLast()
                    }
                    m = Mention(entity: p, range: start..<(i + 1), kind: .programReference)
                }
            }
            if var m {
                m.inQuote = inQuote(i)
                finish(&m, upper)
                note(m)
                out.append(m)
            }
            i += 1
        }
        return out
    }

    private func finish(_ m: inout Mention, _ upper: Int) {
        let e = m.range.upperBound
        if e < upper {
            if tokens[e].key == "'s" || (tokens[e].mark == "\u{2019}" || tokens[e].mark == "'") && tokens[e - 1].key.hasLowercaseSuffix("s") { m.possessive = true }
            if tokens[e].mark == "-", !tokens[e].spaceBefore, e + 1 < upper, !tokens[e + 1].spaceBefore, tokens[e + 1].isWord { m.compound = true }
        }
        if m.kind == .pronoun, DocumentAnalyzer.possessivePronouns.contains(tokens[m.range.lowerBound].key) { m.possessive = true }
    }

    /// The program a common noun refers back to ("the fund", "the mechanism"): the most recent
    /// program called so (by its name, aliases or an earlier description); a generic noun
    /// ("plan", "initiative", "mechanism", "proposal") may also stand for the most recent program.
    func programFor(noun: String) -> Int? {
        // no program named yet: nothing to refer back to (`programOrder.last` is nil too)
        if programOrder.isEmpty { return nil }
        let singular = noun.hasSuffix("s") && !noun.hasSuffix("ss") ? String(noun.dropLast()) : noun
        for p in programOrder.reversed() {
            if descriptors[p]?.contains(noun) == true || descriptors[p]?.contains(singular) == true { return p }
            let words: Set<String>
            if let cached = programWords[p], cached.surfaces == entities[p].surfaces.count { words = cached.words } else {
                var w = Set(nameKeys(p))
                if entities[p].fromLexicon, let aliasWords = lex.aliasWords[entities[p].id] { w.formUnion(aliasWords) }
                for s in entities[p].surfaces { w.formUnion(Tokenizer.keys(s)) }
                programWords[p] = (entities[p].surfaces.count, w)
                words = w
            }
            if words.contains(noun) || words.contains(singular) { return p }
        }
        if DocumentAnalyzer.genericProgramNouns.contains(singular) { return programOrder.last }
        return nil
    }

    /// Two or three capitalized words that act as a speaker: followed by a speech verb or an
    /// appositive (", a spokesman …"), or preceded by "said" / "according to".
    func personRun(at i: Int, lower: Int, upper: Int) -> Int? {
        var j = i
        while j < upper, j - i < 3, isNameWord(j), !tokens[j].isAllCaps, tokens[j].characterCount > 1,
              lex.titles.longestLength(tokens, at: j, limit: upper) == nil, !tokens[j].classes.contains(.actorStart) || j > i {
            if !tokens[j].classes.isDisjoint(with: [.programHead, .organizationHead]) { return nil }
            j += 1
        }
        let len = j - i
        guard len >= 2, !(j < upper && tokens[j].isCapitalized && tokens[j].isWord) else { return nil }
        let next = j < upper ? tokens[j].key : ""
        let prev = i > lower ? tokens[i - 1].key : ""
        if let preds = lex.predicates.longest(tokens, at: j, limit: upper)?.value, preds.contains(where: { $0.kind == .statement && !$0.isNoun }) { return len }
        if next == ",", j + 1 < upper, DocumentAnalyzer.appositiveStarts.contains(tokens[j + 1].key) { return len }
        if DocumentAnalyzer.speechVerbsBefore.contains(prev) { return len }
        if prev == "to", i - 2 >= lower, tokens[i - 2].key == "according" { return len }
        return nil
    }

    /// A capitalized name ending in a program or organization head noun ("Green Climate Fund").
    func namedRun(at i: Int, limit: Int) -> (len: Int, type: EntityType)? {
        guard isNameWord(i) else { return nil }
        var j = i
        var lastHead: (Int, EntityType)? = nil
        while j < limit, j - i < 8 {
            if tokens[j].isWord, tokens[j].isCapitalized || tokens[j].isAllCaps {
                if tokens[j].classes.contains(.programHead) { lastHead = (j, .program) }
                else if tokens[j].classes.contains(.organizationHead) { lastHead = (j, .organization) }
                j += 1
                continue
            }
            if tokens[j].mark == "-" && !tokens[j].spaceBefore && j + 1 < limit && !tokens[j + 1].spaceBefore { j += 1; continue }
            if tokens[j].classes.contains(.nameConnector), j + 1 < limit, tokens[j + 1].isCapitalized { j += 1; continue }
            break
        }
        guard let (h, type) = lastHead, h > i else { return nil }
        return (h - i + 1, type)
    }

    /// The person a written name stands for: a known person of this document whose name ends
    /// with it ("Rutte" after "Mark Rutte"), else a new person.
    func resolvePersonName(_ name: String, keys: [String], sentence: Int) -> Int {
        if keys.count == 1 {
            let k = keys[0]
            if let hit = entities.indices.first(where: { entities[$0].type == .person && nameKeys($0).last == k }) {
                entities[hit].surfaces.insert(name)
                return hit
            }
        }
        let e = newEntity(name: name, type: .person, sentence: sentence)
        if keys.count > 1, let last = DocumentAnalyzer.lastWord(of: name) { learn(String(last), e) }
        return e
    }

    /// The holder of an office: a person of this document who holds it, else the lexicon's
    /// holder at the document's date (or the current one).
    func resolveTitle(_ title: String, owner: Int?, sentence: Int) -> Int? {
        let headTitles = ["Secretary General", "President", "Director General", "Chief Executive", "Chairman", "Head"]
        let wanted = (title == "Head" ? headTitles : [title]).map(AliasKey.normalize)
        func matches(_ t: String) -> Bool { wanted.contains(AliasKey.normalize(t)) }
        // persons of the document, most recent first
        var candidates: [Int] = []
        if let p = lastPerson { candidates.append(p) }
        candidates += entities.indices.reversed().filter { entities[$0].type == .person && $0 != lastPerson }
        for p in candidates {
            if entities[p].textRoles.contains(where: { matches($0.title) && (owner == nil || $0.owner == owner) }) { return p }
            if entities[p].fromLexicon, let a = lex.actor(id: entities[p].id),
               a.roles.contains(where: { matches($0.title) && (owner == nil || $0.of == entities[owner!].id) && $0.isValid(on: date) }) {
                return p
            }
        }
        let ownerID = owner.map { entities[$0].id } ?? (title == "President" || title == "Prime Minister" ? lastCountry : lastOrg).map { entities[$0].id }
        guard let ownerID else { return nil }
        for t in wanted {
            for (key, ids) in lex.holdersByNormalizedTitle[t + "|" + ownerID] ?? [] {
                _ = key
                for id in ids {
                    if let a = lex.actor(id: id), a.roles.contains(where: { AliasKey.normalize($0.title) == t && $0.of == ownerID && $0.isValid(on: date) }) {
                        return entity(forActor: a.id, sentence: sentence)
                    }
                }
            }
        }
        return nil
    }
}

extension DocumentAnalyzer {
    /// Cities that stand for a body seated there when they act ("Brussels" for the EU); as places they stay venues.
    static let seatMetonyms: [String: String] = ["brussels": "eu"]

    /// `seatMetonyms[key]`, comparing the key with each city (there are few) rather than hashing it.
    /// The cities are lowercase ASCII words, which no other string equals: keys of another length differ.
    static func seatMetonym(_ key: String) -> String? {
        for (city, actor) in seatMetonyms where key.utf8.count == city.utf8.count && key == city { return actor }
        return nil
    }
    /// Lowercase particles inside personal names.
    static let nameParticles: Set<String> = ["van", "von", "der", "den", "de", "da", "dos", "del", "della", "ter", "bin", "ibn", "al"]
}
