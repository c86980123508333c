import Testing
@testable import Graph

/// A large group of phrases sharing a first word ("the …") is narrowed by the second word:
/// the answers stay those of the string-keyed table, which compares every entry.
@Suite struct ExtractionPhraseIndexTests {
    @Test func largeGroupsAnswerAsTheStringTableDoes() {
        var rng = SplitMix64(seed: 5)
        let pool = ["the", "a", "alliance", "bloc", "union", "fund", "of", "european", "green", "climate", "said", "x"]
        // more than `largeGroup` phrases start with "the" and with "a"; some repeat, some are one word
        var phrases: [(phrase: String, value: Int)] = []
        for n in 0..<60 {
            let first = n % 3 == 0 ? "a" : (n % 3 == 1 ? "the" : pool[Int(rng.next() % UInt64(pool.count))])
            let length = Int(rng.next() % 4)
            let rest = (0..<length).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            phrases.append((([first] + rest).joined(separator: " "), n))
        }
        #expect(phrases.filter { $0.phrase.hasPrefix("the") }.count > LexiconPhraseTable<Int>.largeGroup)
        var vocab = Vocabulary()
        for p in phrases { for k in Tokenizer.keys(p.phrase) { _ = vocab.intern(k) } }
        let table = LexiconPhraseTable(phrases: phrases, vocabulary: vocab)
        var reference = PhraseTable<Int>()
        for p in phrases { reference.insert(phrase: p.phrase, p.value) }
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 10)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }.joined(separator: " ")
            let tokens = Tokenizer.tokenize(Array(text.unicodeScalars), vocabulary: vocab)
            for i in tokens.indices {
                for limit in (i + 1)...tokens.count {
                    let got = table.matches(tokens, at: i, limit: limit).map { "\($0.length):\($0.value)" }
                    let want = reference.matches(tokens, at: i, limit: limit).map { "\($0.length):\($0.value)" }
                    #expect(got == want, "\(text) at \(i) limit \(limit)")
                    #expect(table.longestLength(tokens, at: i, limit: limit) == reference.longest(tokens, at: i, limit: limit)?.length)
                    let odd = table.firstMatch(tokens, at: i, limit: limit) { _, v in v % 2 == 1 }
                    let oddReference = reference.firstMatch(tokens, at: i, limit: limit) { _, v in v % 2 == 1 }
                    #expect(odd?.length == oddReference?.length && odd?.value == oddReference?.value, "\(text) at \(i)")
                }
            }
        }
    }

    /// Common non-ASCII tokens (curly quotes, dashes, "’s") are copied from ready-made tokens:
    /// they must be what the general path makes of them, classes and ids included.
    @Test func commonNonASCIITokensAreMadeAsOthers() {
        let lex = ExtractionFixture.extractor.compiled
        let text = "\u{201C}NATO\u{2019}s plan \u{2014} and Macron\u{2019}S \u{2018}deal\u{2019} \u{2013} \u{2026} \u{00AB}x\u{00BB} \u{2022} \u{00B7} \u{20AC}5 \u{00A3}3 \u{2019}s\u{201D}"
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars[...], vocabulary: lex.vocabulary, classes: true)
        #expect(tokens.count > 20)
        for t in tokens {
            let written = String(String.UnicodeScalarView(scalars[t.start..<t.end]))
            let general = Token(start: t.start, end: t.end, text: written, key: Tokenizer.keyOf(written), kind: t.kind,
                                newlineBefore: t.newlineBefore, spaceBefore: t.spaceBefore)
            #expect(t.text == general.text && t.key == general.key && t.mark == general.mark && t.isASCII == general.isASCII
                    && t.isCapitalized == general.isCapitalized && t.isAllCaps == general.isAllCaps, "\(written)")
            #expect(t.id == lex.vocabulary.id(general.key), "\(written)")
            #expect(t.classes == lex.classes[Int(t.id)], "\(written)")
        }
    }
}
