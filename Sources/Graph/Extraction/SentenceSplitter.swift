/// A sentence: a range of tokens and the exact span of the document it covers.
public struct Sentence: Hashable, Sendable {
    /// Offset of the first Unicode scalar.
    public var start: Int
    /// Offset one past the last Unicode scalar.
    public var end: Int
    /// Token range within the document's tokens.
    var tokens: Range<Int>
}

/// Splits a document into sentences.
///
/// A line break always ends a sentence (so a headline without final punctuation and each
/// bullet line stand alone; a bullet's "- " is left out). Within a line a sentence ends at
/// `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when the next token
/// starts a sentence, except after abbreviations ("Dec.", "Gen."), initials ("J. D. Vance"),
/// and inside a double-quoted passage ("“… war. We …,” he said" is one sentence, up to a cap).
///
/// ```swift
/// SentenceSplitter.split("The U.S. said so. He agreed.") // two sentences
/// ```
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "st", "jr", "sr", "rep", "sen", "gov", "pres",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
        "inc", "corp", "ltd", "co", "mt", "ft", "adm", "capt", "maj", "cmdr", "hon", "rev", "est", "approx", "fig", "p",
    ]
    static let sentenceStarters: Set<String> = [
        "the", "he", "she", "it", "they", "we", "in", "but", "this", "that", "these", "those", "a", "an", "on", "at",
        "meanwhile", "however", "i", "his", "her", "their", "its", "as", "after", "while", "officials",
    ]
    /// Marks that may follow a sentence end before the boundary (compared as scalars: none has a canonical equivalent).
    static let closers: MarkSet = [".", "!", "?", "\u{201D}", "\"", "\u{2019}", "'", ")", "]", "\u{00BB}"]
    /// Marks that start a bullet line (left out of its sentence).
    static let bullets: MarkSet = ["-", "\u{2022}", "*", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{0387}"]
    /// Marks that may start a sentence.
    static let openers: MarkSet = ["\u{201C}", "\"", "\u{2018}", "'", "(", "[", "-", "\u{00AB}"]
    /// Longest quoted passage (in tokens) kept inside one sentence.
    static let maxQuoteTokens = 160
    /// Hard cap on a sentence's length in tokens (bounds the work per sentence).
    static let maxSentenceTokens = 400

    /// Splits a text into sentences (offsets in Unicode scalars).
    /// - Complexity: O(n) in the length of the text.
    public static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        return split(tokens: Tokenizer.tokenize(scalars))
    }

    static func split(tokens: [Token]) -> [Sentence] {
        var out: [Sentence] = []
        split(tokens: tokens, into: &out)
        return out
    }

    /// `split(tokens:)` written into `out`, which is emptied first and keeps its capacity.
    /// - Complexity: O(n) in the number of tokens.
    static func split(tokens: [Token], into out: inout [Sentence]) {
        out.removeAll(keepingCapacity: true)
        var start = 0
        var quoteOpenAt: Int? = nil
        // read once, not through the globals' accessors at each token
        let closers = SentenceSplitter.closers, openers = SentenceSplitter.openers, bullets = SentenceSplitter.bullets
        func close(_ end: Int) {
            var s = start
            // drop a leading bullet marker
            if s < end, bullets.contains(tokens[s].mark), end - s > 1, tokens[s + 1].spaceBefore { s += 1 }
            if s < end { out.append(Sentence(start: tokens[s].start, end: tokens[end - 1].end, tokens: s..<end)) }
            start = end
        }
        var i = 0
        while i < tokens.count {
            // tokens are read in place (a copy of one retains its strings)
            if i > start, tokens[i].newlineBefore { close(i); quoteOpenAt = nil }
            if i - start >= maxSentenceTokens { close(i); quoteOpenAt = nil }
            let mark = tokens[i].mark
            switch mark {
            case "\u{201C}", "\u{00AB}", "\u{201E}": quoteOpenAt = i
            case "\u{201D}", "\u{00BB}": quoteOpenAt = nil
            case "\"": quoteOpenAt = quoteOpenAt == nil ? i : nil
            default: break
            }
            if mark == "." || mark == "!" || mark == "?" || mark == "\u{2026}" || (tokens[i].isWord && tokens[i].endsWithPeriod && tokens[i].characterCount > 2) {
                var j = i + 1
                // swallow more terminal marks and closing quotes/brackets
                while j < tokens.count, !tokens[j].newlineBefore,
                      closers.contains(tokens[j].mark) {
                    if tokens[j].mark == "\u{201D}" || tokens[j].mark == "\u{00BB}" { quoteOpenAt = nil }
                    if tokens[j].mark == "\"" {
                        // a straight quote closes only an open one; otherwise it opens the next sentence
                        if quoteOpenAt == nil { break }
                        quoteOpenAt = nil
                    }
                    j += 1
                }
                guard j < tokens.count else { i = j; continue }
                let next = j
                if tokens[next].newlineBefore { i = j; continue }
                var boundary = true
                if tokens[i].isWord {
                    // a dotted abbreviation ("U.S.") ends a sentence only before a typical starter
                    boundary = tokens[next].isCapitalized && sentenceStarters.contains(tokens[next].key)
                } else if mark == ".", i > 0, j == i + 1 {
                    let prev = i - 1
                    if tokens[prev].isWord, !tokens[prev].spaceBefore || i - 1 == start || true {
                        if abbreviations.contains(tokens[prev].key), tokens[i].start == tokens[prev].end { boundary = false }
                        if tokens[prev].text.unicodeScalars.count == 1, tokens[prev].isCapitalized, tokens[i].start == tokens[prev].end { boundary = false }
                    }
                }
                let startsSentence = tokens[next].isCapitalized || tokens[next].kind == .number
                    || openers.contains(tokens[next].mark)
                if !startsSentence { boundary = false }
                if let q = quoteOpenAt, i - q < maxQuoteTokens { boundary = false }
                if boundary { close(j) }
                i = j
                continue
            }
            i += 1
        }
        if start < tokens.count { close(tokens.count) }
    }

}
