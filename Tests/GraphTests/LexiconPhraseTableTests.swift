import Testing
@testable import Graph

/// The lexicon's phrase tables over interned ids must answer as the string-keyed table does.
@Suite struct LexiconPhraseTableTests {
    let phrases: [(phrase: String, value: Int)] = [
        ("European Union", 1), ("European", 2), ("European Peace Facility", 3), ("EU", 4), ("Peace", 5), ("european union", 6),
    ]

    func vocabulary(_ words: [String]) -> Vocabulary {
        var v = Vocabulary()
        for p in phrases { for k in Tokenizer.keys(p.phrase) { _ = v.intern(k) } }
        for w in words { _ = v.intern(w) }
        return v
    }

    @Test func matchesAsTheStringTableDoes() {
        let vocab = vocabulary([])
        let table = LexiconPhraseTable(phrases: phrases, vocabulary: vocab)
        var reference = PhraseTable<Int>()
        for p in phrases { reference.insert(phrase: p.phrase, p.value) }
        for text in ["The European Peace Facility and the European Union met the EU.", "Peace in europe", "Union European"] {
            let tokens = Tokenizer.tokenize(Array(text.unicodeScalars), vocabulary: vocab)
            for i in tokens.indices {
                let got = table.matches(tokens, at: i, limit: tokens.count).map { "\($0.length):\($0.value)" }
                let want = reference.matches(tokens, at: i, limit: tokens.count).map { "\($0.length):\($0.value)" }
                #expect(got == want, "\(text) at \(i)")
                #expect(table.longest(tokens, at: i, limit: tokens.count)?.value == reference.longest(tokens, at: i, limit: tokens.count)?.value)
            }
        }
    }

    @Test func longestFirstThenInsertionOrderAndLimits() {
        let vocab = vocabulary([])
        let table = LexiconPhraseTable(phrases: phrases, vocabulary: vocab)
        let tokens = Tokenizer.tokenize(Array("European Union".unicodeScalars), vocabulary: vocab)
        // two phrases fold to the same keys: both match, the first written first
        #expect(table.matches(tokens, at: 0, limit: 2).map(\.value) == [1, 6, 2])
        #expect(table.matches(tokens, at: 0, limit: 1).map(\.value) == [2])
        #expect(table.firstMatch(tokens, at: 0, limit: 2) { length, _ in length == 1 }?.value == 2)
        #expect(table.startsWith(tokens[0]))
        #expect(!table.startsWith(tokens[1]))
    }

    @Test func wordsOutsideTheVocabularyMatchNothing() {
        let vocab = vocabulary([])
        let table = LexiconPhraseTable(phrases: phrases, vocabulary: vocab)
        let tokens = Tokenizer.tokenize(Array("Brussels European".unicodeScalars), vocabulary: vocab)
        #expect(tokens[0].id == 0)
        #expect(table.longest(tokens, at: 0, limit: 2) == nil)
        // tokenized without a vocabulary, every id is 0: nothing matches
        let bare = Tokenizer.tokenize(Array("European Union".unicodeScalars))
        #expect(table.longest(bare, at: 0, limit: 2) == nil)
    }

    @Test func wordClassesFollowTheLexiconLists() throws {
        let lex = ExtractionFixture.extractor.compiled
        for word in lex.lexicon.programHeads.sorted().prefix(20) {
            #expect(lex.key(word, is: .programHead), "\(word)")
        }
        for word in lex.lexicon.nonNameWords.sorted().prefix(20) {
            #expect(lex.key(word, is: .nonName), "\(word)")
        }
        for (group, c) in WordClass.cueClasses {
            for word in (lex.lexicon.cues[group] ?? []).sorted().prefix(10) {
                #expect(lex.isCueWord(group, word) && lex.key(word, is: c), "\(group): \(word)")
            }
        }
        #expect(!lex.key("zzyzx", is: .nonName))
        let tokens = lex.tokenize("NATO pledged")
        #expect(lex.word(tokens[0].id, is: .actorStart))
    }
}

/// The tokenizer's one-pass ASCII path gives what the general token initializer computes.
@Suite struct TokenizerASCIIPathTests {
    @Test func flagsAndKeysMatchTheGeneralPath() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("aZbYcX U.S. NATO's I 7,5 -\u{2019}\"(Mr.) EU\n".unicodeScalars)
        for _ in 0..<300 {
            let n = Int(rng.next() % 40)
            let scalars = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for t in Tokenizer.tokenize(scalars) {
                let general = Token(start: t.start, end: t.end, text: t.text, key: Tokenizer.keyOf(t.text), kind: t.kind,
                                    newlineBefore: t.newlineBefore, spaceBefore: t.spaceBefore)
                #expect(t.key == general.key && t.isCapitalized == general.isCapitalized && t.isAllCaps == general.isAllCaps
                        && t.mark == general.mark && t.isASCII == general.isASCII, "\(t.text)")
                #expect(t.text == String(String.UnicodeScalarView(scalars[t.start..<t.end])))
            }
        }
    }
}
