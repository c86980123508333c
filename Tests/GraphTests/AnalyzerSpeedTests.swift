import Testing
@testable import Graph

/// The analyzer's fast paths answer as the plain code they replace.
@Suite struct AnalyzerSpeedTests {
    func analyzer(_ text: String) -> DocumentAnalyzer {
        DocumentAnalyzer(lexicon: ExtractionFixture.extractor.compiled, documentID: "t",
                         scalars: ArraySlice(Array(text.unicodeScalars)), date: nil)
    }

    /// `isWritten` (bytes while ASCII) agrees with `isWrittenPlain` (strings with the dots filtered
    /// out) on ASCII and non-ASCII spellings, dots, combining marks and the Greek question mark.
    @Test func writtenSurfaceAgreesWithThePlainComparison() {
        let words = ["US", "U.S.", "us", "U.S", ".US", "USA", "U", "EU", "E.U.", "NATO", "N.A.T.O.", "Nato", "UN", "U.N.",
                     "E\u{301}U", "\u{C9}U", "U.\u{301}S.", "\u{37E}", ";", "U\r\nS", "\u{212A}", "K", "caf\u{E9}", "cafe\u{301}"]
        let surfaces = words + ["", ".", "..", "U..S", "E\u{301}.U.", "\u{C9}.U."]
        var compared = 0, equal = 0
        for w in words {
            for v in words {
                let a = analyzer(w + " " + v + " said.")
                // every token range of the first few tokens
                for lo in 0..<min(4, a.tokens.count) {
                    for hi in lo...min(a.tokens.count, lo + 3) {
                        for s in surfaces {
                            let fast = a.isWritten(lo..<hi, as: s), plain = a.isWrittenPlain(lo..<hi, as: s)
                            #expect(fast == plain, "\(w) \(v) \(lo)..<\(hi) as \(s)")
                            compared += 1
                            if plain { equal += 1 }
                        }
                    }
                }
            }
        }
        #expect(compared > 1000 && equal > 50)
    }

    /// `seatMetonym` answers as the `seatMetonyms` dictionary.
    @Test func seatMetonymAgreesWithTheTable() {
        for key in ["brussels", "Brussels", "brussel", "brusselss", "", "eu", "paris", "brus\u{0073}els", "bru\u{301}ssels"] {
            #expect(DocumentAnalyzer.seatMetonym(key) == DocumentAnalyzer.seatMetonyms[key], "\(key)")
        }
    }

    /// Marks lent by `takeMarks` are all false, however the last ones were left.
    @Test func takenMarksStartFalse() {
        let a = analyzer("Anna Example met officials.")
        var m = a.takeMarks(5)
        #expect(m == [Bool](repeating: false, count: 5))
        m[2] = true
        a.returnMarks(m)
        #expect(a.takeMarks(3) == [false, false, false])
        #expect(a.takeMarks(0).isEmpty)
    }

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
