import Testing
@testable import Graph

/// The tokenizer's in-place slice reading and packed vocabulary ids answer as reading a copy
/// and looking keys up by `String` do.
@Suite struct TokenizerVocabularyTests {
    @Test func aSliceTokenizesAsItsCopyWithTheKeysIDs() {
        let lex = ExtractionFixture.extractor.compiled
        var rng = SplitMix64(seed: 11)
        let words = ["NATO", "pledged", "the", "European", "Union", "Secretary-General", "internationally-recognised",
                     "Zelensky\u{2019}s", "caf\u{E9}", "U.S.", "7,5", "\u{201C}", "(", "it's", "\u{037E}", "Ukraine", "Mark", "Rutte"]
        for _ in 0..<200 {
            let n = Int(rng.next() % 12)
            let text = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: rng.next() % 3 == 0 ? "\n" : " ")
            let scalars = Array(("pre " + text).unicodeScalars)
            let slice = scalars[4...]
            let fromSlice = Tokenizer.tokenize(slice, vocabulary: lex.vocabulary)
            let fromCopy = Tokenizer.tokenize(Array(slice), vocabulary: lex.vocabulary)
            #expect(fromSlice.map { "\($0.start):\($0.end):\($0.text):\($0.key):\($0.id)" }
                    == fromCopy.map { "\($0.start):\($0.end):\($0.text):\($0.key):\($0.id)" }, "\(text)")
            for t in fromSlice {
                #expect(t.id == lex.vocabulary.id(t.key), "\(t.text)")
            }
        }
    }

    @Test func packedIDsAgreeWithStringIDs() {
        var v = Vocabulary()
        let words = (0..<300).map { "word\($0)" } + ["a", "the", "'s", "fifteen-letters", "sixteen-letters!", "Z"]
        for w in words { _ = v.intern(w) }
        for w in words + ["word300", "b", "fifteen-letterz", "THE"] where w.utf8.count <= WordSet.maxLength {
            let p = WordSet.pack(w)!
            #expect(v.id(packed: p) == v.id(w), "\(w)")
        }
        #expect(v.id(packed: WordSet.pack("word7")!) != 0 && v.id(packed: WordSet.pack("word300")!) == 0)
    }
}

/// `longestLength` answers as `longest(…)?.length` does.
@Suite struct LongestLengthTests {
    @Test func agreesWithLongest() {
        let lex = ExtractionFixture.extractor.compiled
        let text = "Secretary General Mark Rutte said the idea that Germany would provide $5 billion in air defence systems "
            + "was not delivered, and the Foreign Minister of the European Union pledged Patriot missiles."
        let tokens = lex.tokenize(text)
        var hits = 0
        for i in tokens.indices {
            for limit in [i, i + 1, i + 3, tokens.count] where limit <= tokens.count {
                #expect(lex.titles.longestLength(tokens, at: i, limit: limit) == lex.titles.longest(tokens, at: i, limit: limit)?.length)
                #expect(lex.predicates.longestLength(tokens, at: i, limit: limit) == lex.predicates.longest(tokens, at: i, limit: limit)?.length)
                #expect(lex.itemHeads.longestLength(tokens, at: i, limit: limit) == lex.itemHeads.longest(tokens, at: i, limit: limit)?.length)
                #expect(lex.currencies.longestLength(tokens, at: i, limit: limit) == lex.currencies.longest(tokens, at: i, limit: limit)?.length)
                if lex.titles.longestLength(tokens, at: i, limit: limit) ?? 0 > 1 { hits += 1 }
            }
        }
        #expect(hits > 0)
    }
}

/// Per-lexicon tables the analyzer reads instead of looking actors up by id.
@Suite struct CompiledLexiconTablesTests {
    @Test func denseActorTablesMatchTheActors() {
        let lex = ExtractionFixture.extractor.compiled
        #expect(lex.actorNames.count == lex.actorIDs.count && lex.actorTypes.count == lex.actorIDs.count)
        for (i, id) in lex.actorIDs.enumerated() {
            let a = lex.actor(id: id)
            #expect(lex.actorNames[i] == a?.name && lex.actorTypes[i] == a?.type, "\(id)")
            #expect(lex.aliasWords[id] == Set((a?.aliases ?? []).flatMap { Tokenizer.keys($0) }), "\(id)")
        }
    }

    @Test func analyzerWordListsAreClasses() {
        let lex = ExtractionFixture.extractor.compiled
        for (set, c) in WordClass.analyzerClasses {
            for w in set { #expect(lex.key(w, is: c), "\(w)") }
        }
        #expect(lex.key("for", is: .preposition) && !lex.key("the", is: .preposition))
        #expect(lex.key("the", is: .determiner) && !lex.key("for", is: .determiner))
        #expect(!lex.key("zzyzx", is: .listGlue))
    }

    @Test func analyzerTokensCarryTheirClasses() {
        let lex = ExtractionFixture.extractor.compiled
        let text = "The officials of the European Union said NATO would send missiles to Ukraine, according to its ministers."
        let a = DocumentAnalyzer(lexicon: lex, documentID: "t", scalars: ArraySlice(Array(text.unicodeScalars)), date: nil)
        #expect(!a.tokens.isEmpty)
        for t in a.tokens {
            #expect(t.classes == lex.classes[Int(t.id)], "\(t.text)")
        }
        #expect(a.tokens.contains { $0.key == "to" && $0.classes.contains(.preposition) })
    }
}

/// Names a document teaches: learned once per entity, name keys tokenized once.
@Suite struct DocumentAnalyzerMemoTests {
    func analyzer() -> DocumentAnalyzer {
        let text = "Anna Example met officials."
        return DocumentAnalyzer(lexicon: ExtractionFixture.extractor.compiled, documentID: "t",
                                scalars: ArraySlice(Array(text.unicodeScalars)), date: nil)
    }

    @Test func learningANameTwiceAddsOneEntry() {
        let a = analyzer()
        let e = a.newEntity(name: "Anna Example", type: .person, sentence: 0)
        a.learn("Example", e)
        a.learn("Example", e)
        let tokens = Tokenizer.tokenize(Array("Example".unicodeScalars))
        #expect(a.dynamicNames.matches(tokens, at: 0, limit: 1).map(\.value) == [e])
        // the same name for another entity is another entry
        let other = a.newEntity(name: "Bert Example", type: .person, sentence: 0)
        a.learn("Example", other)
        #expect(a.dynamicNames.matches(tokens, at: 0, limit: 1).map(\.value) == [e, other])
    }

    @Test func nameKeysAreTheNamesTokenKeys() {
        let a = analyzer()
        let e = a.newEntity(name: "Anna O'Example-Smith", type: .person, sentence: 0)
        let f = a.newEntity(name: "Green Climate Fund", type: .program, sentence: 0)
        #expect(a.nameKeys(f) == Tokenizer.keys("Green Climate Fund"))
        #expect(a.nameKeys(e) == Tokenizer.keys("Anna O'Example-Smith"))
        #expect(a.nameKeys(f) == ["green", "climate", "fund"])
    }
}
