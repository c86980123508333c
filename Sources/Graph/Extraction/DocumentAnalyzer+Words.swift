/// Word lists the analyzer compares token keys with, built once (a literal array in a hot loop
/// allocates at every call).
extension DocumentAnalyzer {
    /// Lowercase words inside an acronym's expansion.
    static let expansionGlue: WordSet = ["of", "for", "and", "the", "on", "to", "in", "'s", "-", "&"]
    /// Possessive determiners before a title ("its foreign minister").
    static let possessiveDeterminers: WordSet = ["its", "their", "his", "her", "our"]
    /// Pronouns that are possessive whatever follows them.
    static let possessivePronouns: WordSet = ["his", "her", "hers", "its"]
    /// Generic nouns that may stand for the most recent program.
    static let genericProgramNouns: WordSet = ["plan", "initiative", "mechanism", "proposal", "scheme", "program", "programme"]
    /// Words that open an appositive after a name and a comma (", a spokesman").
    static let appositiveStarts: WordSet = ["a", "an", "the", "who"]
    /// Speech verbs before a speaker's name ("said John Smith").
    static let speechVerbsBefore: WordSet = ["said", "says", "told"]
    /// Lowercase words inside a capitalized name ("Fund for …").
    static let nameConnectors: WordSet = ["of", "for", "and", "&", "on"]
    /// "for", "of", "to".
    static let ofForTo: WordSet = ["for", "of", "to"]
    /// Words that can be the subject right before a verb.
    static let subjectWords: WordSet = ["who", "which", "that", "he", "she", "it"]
    /// Determiners that make a following participle an adjective ("the promised missiles").
    static let participleDeterminers: WordSet = ["the", "a", "an", "its", "their", "our", "his", "her", "'s", "this", "these"]
    /// Determiners between a preposition and its object.
    static let objectDeterminers: WordSet = ["the", "its", "their", "our"]
    /// Lowercase words right before a verb that are not its common-noun subject.
    static let nonSubjectWords: WordSet = ["who", "which", "that", "and", "also", "to", "for", "not", "n't", "'s"]
    /// "which", "who": a relative clause.
    static let whichWho: WordSet = ["which", "who"]
    /// Relative pronouns.
    static let relativePronouns: WordSet = ["who", "which", "that"]
    /// "with", "as" before an acting group ("with U.S. officials expressing").
    static let withAs: WordSet = ["with", "as"]
    /// Lowercase words that are no common noun subject.
    static let notCommonNouns: WordSet = ["it", "they", "he", "she", "we", "the", "a", "an", "to", "that", "and", "who"]
    /// "the", ",": skipped before a speaker after the verb.
    static let theComma: WordSet = ["the", ","]
    /// Hypothetical cue words that count just before a trigger.
    static let hypotheticalWords: WordSet = ["could", "might", "may", "if", "unless", "whether"]
    /// Words after a comma that start another clause.
    static let clauseAfterComma: WordSet = ["while", "whereas", "but", "and", "although", "though", "with", "which", "prompting", "drawing", "sparking"]
    /// Nouns of ", a position …" that comment on the statement.
    static let stanceNouns: WordSet = ["position", "move", "decision", "stance", "step"]
    /// "in", "at": a place.
    static let inAt: WordSet = ["in", "at"]
    /// "the", "these", "those".
    static let theseThose: WordSet = ["the", "these", "those"]
    /// Measures a statement refers back to.
    static let saidMeasureNouns: WordSet = ["measures", "sanctions", "tariffs", "restrictions", "duties", "levies", "curbs", "penalties"]
    /// Determiners of pledges referred back to.
    static let pledgeDeterminers: WordSet = ["the", "these", "new", "those"]
    /// Pledges referred back to.
    static let pledgeNouns: WordSet = ["pledges", "commitments", "contributions", "donations"]
    /// Statement lemmas that press someone to act.
    static let urgeLemmas: WordSet = ["urge", "call on", "demand", "press"]
    /// Nouns of an intention ("its plans to spend").
    static let intentionNouns: WordSet = ["plans", "plan", "intention", "intentions", "ambition", "aim", "goal", "bid", "proposal"]
    /// "no", "without": a negated noun.
    static let noWithout: WordSet = ["no", "without"]
    /// "against", "from": warned against, barred from.
    static let againstFrom: WordSet = ["against", "from"]
    /// Words of a perfect or past tense before an undelivered pledge.
    static let perfectWords: WordSet = ["had", "has", "have", "did", "was", "were", "yet"]
    /// Conjunctions that end a pledge's clause.
    static let clauseConjunctions: WordSet = ["while", "but", "whereas", "although", "though", "as", "because", "after", "before", "when", "since"]
    /// Forms of "be" before a passive participle.
    static let passiveAuxiliaries: WordSet = ["be", "been", "being", "was", "were", "is", "are"]
    /// Forms of "share".
    static let shareVerbs: WordSet = ["share", "shares", "shared", "sharing"]
    /// Prepositions before a program that receives.
    static let programPrepositions: WordSet = ["through", "to", "into", "under", "via", "for"]
    /// Words of a share of economic output.
    static let outputWords: WordSet = ["gdp", "output"]
    /// Determiners of an act referred back to ("the veto").
    static let actDeterminers: WordSet = ["the", "these", "those", "such", "this", "that"]
    /// Prepositions after an act noun that name its own actor or target.
    static let actComplements: WordSet = ["of", "by", "against", "from"]
    /// Determiners of measures referred back to.
    static let measureDeterminers: WordSet = ["the", "these", "those", "such"]
    /// Measures an opposition refers back to.
    static let measureNouns: WordSet = ["measures", "sanctions", "tariffs", "restrictions", "duties", "controls", "curbs", "penalties"]
    /// Determiners of a plan referred back to.
    static let planDeterminers: WordSet = ["the", "this", "that", "these"]
    /// Nouns of a plan or decision that stand for the latest pledge.
    static let planNouns: WordSet = ["plan", "decision", "move", "deliveries", "package", "announcement", "pledge", "pledges", "commitment", "deal"]
    /// Words that end the search for an opposition's target.
    static let targetClauseBreaks: WordSet = ["while", "but", "whereas", "which", "who"]
    /// Words between coordinated targets.
    static let targetGlue: WordSet = [",", "and", "or"]
    /// Verbs of taking part after "refused".
    static let participationVerbs: WordSet = ["participate", "part", "join", "contribute"]
    /// Words before a list of countries that opens a sentence.
    static let listLead: WordSet = ["among", "them", "they", "these", "include", "included", "including", ",", ":", "the"]
    /// Item heads too generic to be an item alone (the check is switched off in `findItems`).
    static let genericItemHeads: WordSet = ["systems", "system", "capabilities", "equipment", "weapons", "arms", "training", "troops"]
    /// Words between the countries of a leading list.
    static let listSeparators: WordSet = [",", "and", "the"]
}

/// Punctuation the analyzer compares token texts with, as `MarkSet`s.
extension DocumentAnalyzer {
    /// Marks that end a sentence that is not a headline.
    static let sentenceEndMarks: MarkSet = [".", "!", "?", "\u{201D}", "\""]
    /// "(", ",": a seat of government in a parenthesis or list is a place.
    static let parenOrComma: MarkSet = ["(", ","]
    /// Marks after a dateline's place ("CAIRO —").
    static let datelineMarks: MarkSet = ["\u{2014}", "\u{2013}", "-", "(", ","]
    /// Marks that bound a non-restrictive relative clause before a verb.
    static let relativeClauseBounds: MarkSet = [",", ";", ":", "\u{201C}", "\u{201D}", "\""]
    /// Marks that no agent is looked for past.
    static let agentBarriers: MarkSet = [";", ":", "(", ")", "\u{201C}", "\u{201D}", "\"", "\u{2018}", "\u{2014}"]
    /// Marks that end a reported statement.
    static let stopMarks: MarkSet = [".", "!", "?"]
    /// Closing quotes before an attribution ("…,” said Rutte").
    static let closingQuotes: MarkSet = ["\u{201D}", "\"", "\u{2019}"]
    /// Marks that end a pledge's clause.
    static let clauseBreakMarks: MarkSet = [";", "\u{2014}"]
    /// ",", ")", "(": skipped before a passive recipient.
    static let commaOrParen: MarkSet = [",", ")", "("]
    /// Marks that end the search for an opposition's target.
    static let targetBarriers: MarkSet = [";", "\u{2014}", "\u{201D}", ","]
    /// ";" (and its canonical equivalent U+037E).
    static let semicolon: MarkSet = [";"]
}

extension String {
    /// `hasSuffix(suffix)` for a suffix of lowercase ASCII letters ("ly", "ing"), by comparing the
    /// last UTF-8 bytes: no other character is canonically equivalent to a lowercase ASCII letter,
    /// and a character always starts at such a letter (only CR LF joins ASCII scalars), so the two
    /// agree on every string.
    /// - Complexity: O(length of the suffix); allocates nothing.
    @inline(__always) func hasLowercaseSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let p = suffix.utf8Start
        if let r = utf8.withContiguousStorageIfAvailable({ b -> Bool in
            guard b.count >= n else { return false }
            let base = b.count - n
            for k in 0..<n where b[base + k] != p[k] { return false }
            return true
        }) {
            return r
        }
        return hasSuffix(suffix.description)
    }
}

extension DocumentAnalyzer {
    /// `token.key.first?.isNumber == true`, reading the first byte of an ASCII token (whose key
    /// is ASCII, each character one byte: a number only for a digit).
    @inline(__always) static func startsWithNumber(_ token: Token) -> Bool {
        if token.isASCII { return token.key.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false }
        return token.key.first?.isNumber == true
    }
}

extension DocumentAnalyzer {
    /// `name.split(separator: " ").last`: the last run of characters other than " ", found from
    /// the end without making the array of words.
    /// - Complexity: O(length of the last word and the spaces after it).
    static func lastWord(of name: String) -> Substring? {
        var end = name.endIndex
        while end > name.startIndex {
            let before = name.index(before: end)
            if name[before] != " " { break }
            end = before
        }
        guard end > name.startIndex else { return nil }
        var start = end
        while start > name.startIndex {
            let before = name.index(before: start)
            if name[before] == " " { break }
            start = before
        }
        return name[start..<end]
    }
}
