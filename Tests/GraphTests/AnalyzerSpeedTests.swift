import Testing
@testable import Graph

/// The analyzer's fast paths answer as the plain code they replace.
@Suite struct AnalyzerSpeedTests {
    /// The start bitmap keeps every entry: each phrase of a table is found where it is written.
    @Test func everyPhraseIsFoundDespiteTheStartBitmap() {
        let lex = ExtractionFixture.extractor.compiled
        func check<V>(_ table: LexiconPhraseTable<V>, _ phrases: [String]) {
            for phrase in phrases {
                let tokens = lex.tokenize(phrase)
                guard !tokens.isEmpty else { continue }
                #expect(table.longestLength(tokens, at: 0, limit: tokens.count) == tokens.count, "\(phrase)")
                #expect(table.startsWith(tokens[0]), "\(phrase)")
            }
        }
        check(lex.titles, Array(lex.lexicon.titles.keys))
        check(lex.predicates, Array(lex.lexicon.predicates.keys))
        check(lex.itemHeads, Array(lex.lexicon.itemHeads))
        check(lex.currencies, Array(lex.lexicon.currencies.keys))
        // a word that starts no title is answered by the bitmap alone
        let other = lex.tokenize("zzyzx the")
        #expect(lex.titles.longestLength(other, at: 0, limit: other.count) == nil && !lex.titles.startsWith(other[0]))
    }

    /// A document's learned names are found as a plain scan of the entries finds them, with the
    /// first-key filter: ASCII and non-ASCII keys, and keys equal only canonically.
    @Test func learnedNamesAreFoundThroughTheFirstKeyFilter() {
        let names = ["Rutte", "Mark Rutte", "PURL", "Green Climate Fund", "Zelensky", "Szijj\u{E1}rt\u{F3}", "\u{C9}lys\u{E9}e", "Ab", "A"]
        let text = "Mark Rutte met Zelensky and PURL of the Green Climate Fund; Szijj\u{E1}rt\u{F3} and \u{C9}lys\u{E9}e, Ab, A Rutte, Mark."
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        var table = PhraseTable<Int>()
        var entries: [(keys: [String], value: Int)] = []
        for (v, name) in names.enumerated() {
            table.insert(phrase: name, v)
            entries.append((Tokenizer.keys(name), v))
        }
        var found = 0
        for i in tokens.indices {
            let plain = entries.filter { e in
                i + e.keys.count <= tokens.count && e.keys.indices.allSatisfy { tokens[i + $0].key == e.keys[$0] }
            }
            let got = table.matches(tokens, at: i, limit: tokens.count)
            #expect(got.map(\.value).sorted() == plain.map(\.value).sorted(), "\(tokens[i].text)")
            #expect(table.longest(tokens, at: i, limit: tokens.count)?.length == plain.map(\.keys.count).max(), "\(tokens[i].text)")
            found += got.count
        }
        #expect(found >= 8)
        // a non-ASCII first key turns the filter off: ";" finds the Greek question mark's entry
        var greek = PhraseTable<Int>()
        greek.insert(["\u{037E}"], 1)
        let semicolon = Tokenizer.tokenize(Array(";".unicodeScalars))
        #expect(greek.longest(semicolon, at: 0, limit: 1)?.value == 1)
        #expect(PhraseTable<Int>().longest(semicolon, at: 0, limit: 1) == nil)
    }
}
