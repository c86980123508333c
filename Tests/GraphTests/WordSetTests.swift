import Testing
@testable import Graph

/// `WordSet` and `MarkSet` must say what comparing strings says.
@Suite struct WordSetTests {
    let words = ["the", "'s", ",", ";", "and", "n't", "representatives", "call on", "a"]

    @Test func wordSetAgreesWithStringEquality() {
        let set = WordSet(words)
        let probes = words + ["", "The", "th", "thE", "them", "the\u{0}", "a\u{0}", "\u{0}", "an", "representative",
                              "representatives!", "a representatives", "\u{037E}", "\u{2019}s", "n\u{2019}t", "caf\u{E9}",
                              "e\u{301}", "\u{E9}", "call  on", "s", "'", "and\u{301}", "representatives\u{301}"]
        for p in probes {
            #expect(set.contains(p) == words.contains(p), "\(p.unicodeScalars.map { $0.value })")
        }
        // canonical equivalence, as String has it: the Greek question mark is a semicolon
        #expect(set.contains("\u{037E}"))
        #expect(!WordSet(["and"]).contains("an"))
    }

    @Test func markSetAgreesWithTokenTexts() {
        let marks: [Unicode.Scalar] = [";", ",", "\u{201D}", "\u{2014}", "(", "\""]
        let set = MarkSet(marks)
        let text = "He said; \u{201C}No\u{201D} \u{2014} (maybe), \"yes\" \u{037E} a-b \u{2013} \u{2019}s ;; 1,000 U.S. caf\u{E9}"
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        for t in tokens {
            let want = marks.contains { t.text == String($0) }
            #expect(set.contains(t.mark) == want, "\(t.text)")
        }
        #expect(tokens.contains { $0.text == "\u{037E}" && set.contains($0.mark) })
    }
}

/// `Vocabulary.id` (a byte hash for ASCII keys) must answer as its `String`-keyed dictionary does.
@Suite struct VocabularyTests {
    @Test func idsAgreeWithTheDictionary() {
        var v = Vocabulary()
        var words = (0..<1500).map { "w\($0)" } + ["the", "'s", "caf\u{E9}", "\u{2019}", "\u{037E}", "e\u{301}t\u{E9}", "a", "ab"]
        words.append("")
        for w in words { _ = v.intern(w) }
        let probes = words + ["The", "w1500", "b", "abc", ";", "caf\u{E9}", "cafe\u{301}", "\u{E9}t\u{E9}", "'", "w", "w0\u{0}", "\u{0}"]
        for p in probes {
            #expect(v.id(p) == (v.ids[p] ?? 0), "\(p.unicodeScalars.map { $0.value })")
        }
        // the Greek question mark is a canonical semicolon: the ASCII spelling finds it
        #expect(v.id(";") != 0 && v.id(";") == v.id("\u{037E}"))
        #expect(v.id("w1499") == v.ids["w1499"] && v.id("w1500") == 0)
    }
}
