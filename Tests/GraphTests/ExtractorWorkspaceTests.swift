import Foundation
import Testing
@testable import Graph

/// `Extractor.Workspace` reuse and the analyzer's byte-level fast paths against their plain versions.
@Suite struct ExtractorWorkspaceTests {
    static let extractor = Extractor(lexicon: try! Lexicon.bundled())

    /// The seeds and the held-out fixtures: documents of every kind the rules read.
    static let documents: [SourceDocument] = {
        var out = try! BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent("seeds")).documents
        let fixtures = ExtractionFixture.repoRoot.appendingPathComponent("Tests/GraphTests/Fixtures")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        for folder in folders.sorted() where folder.hasPrefix("heldout") {
            if let docs = try? BuildPipeline.loadDocuments(from: fixtures.appendingPathComponent(folder)).documents { out += docs }
        }
        return out
    }()

    private static func expectSame(_ a: DocumentExtraction, _ b: DocumentExtraction, _ id: String) {
        #expect(a.graph == b.graph, "graph of \(id)")
        #expect(a.graph.jsonData() == b.graph.jsonData(), "graph JSON of \(id)")
        #expect(a.document == b.document, "document of \(id)")
        #expect(a.expansions == b.expansions, "expansions of \(id)")
        #expect(a.amounts == b.amounts, "amounts of \(id)")
        #expect(a.lexiconRoles == b.lexiconRoles, "lexicon roles of \(id)")
        #expect(a.memberships == b.memberships, "memberships of \(id)")
    }

    /// One workspace through every document (forwards, then backwards, so each document follows
    /// a different one) gives what a fresh extraction of each gives.
    @Test func reusedWorkspaceGivesTheFreshResult() {
        let docs = Self.documents
        #expect(docs.count >= 10)
        let fresh = docs.map { Self.extractor.extract(documentID: $0.id, text: $0.text) }
        let workspace = Extractor.Workspace()
        for (d, expected) in zip(docs, fresh) {
            Self.expectSame(Self.extractor.extract(documentID: d.id, text: d.text, workspace: workspace), expected, d.id)
        }
        for (d, expected) in zip(docs, fresh).reversed() {
            Self.expectSame(Self.extractor.extract(documentID: d.id, text: d.text, workspace: workspace), expected, d.id)
        }
        // the storage was kept for the next document
        #expect(workspace.tokens.capacity > 0 && workspace.entities.capacity > 0)
        #expect(workspace.actorEntity.allSatisfy { $0 == -1 })
    }

    /// A document after itself, after an empty text and after a long text of many names.
    @Test func sameDocumentAfterAnyOtherIsTheSame() {
        let workspace = Extractor.Workspace()
        let many = Self.documents.map(\.text).joined(separator: "\n\n")
        for d in Self.documents.prefix(4) {
            let expected = Self.extractor.extract(documentID: d.id, text: d.text)
            for before in [d.text, "", many] {
                _ = Self.extractor.extract(documentID: "before.txt", text: before, workspace: workspace)
                Self.expectSame(Self.extractor.extract(documentID: d.id, text: d.text, workspace: workspace), expected, d.id)
            }
        }
    }

    /// Tokenizing and splitting into arrays left from another text gives the fresh tokens and sentences.
    @Test func tokenizeAndSplitIntoUsedArrays() {
        let vocabulary = Self.extractor.compiled.vocabulary
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        for d in Self.documents {
            let scalars = Array(d.text.unicodeScalars)[...]
            Tokenizer.tokenize(scalars, vocabulary: vocabulary, classes: true, into: &tokens)
            let fresh = Tokenizer.tokenize(scalars, vocabulary: vocabulary, classes: true)
            #expect(tokens.count == fresh.count)
            for (a, b) in zip(tokens, fresh) {
                #expect(a.start == b.start && a.end == b.end && a.text == b.text && a.key == b.key && a.id == b.id && a.classes == b.classes
                        && a.kind == b.kind && a.newlineBefore == b.newlineBefore && a.spaceBefore == b.spaceBefore && a.mark == b.mark
                        && a.isASCII == b.isASCII && a.isCapitalized == b.isCapitalized && a.isAllCaps == b.isAllCaps
                        && a.endsWithPeriod == b.endsWithPeriod)
                #expect(a.endsWithPeriod == (a.text.utf8.last == UInt8(ascii: ".")), "\(a.text)")
            }
            SentenceSplitter.split(tokens: tokens, into: &sentences)
            #expect(sentences == SentenceSplitter.split(tokens: fresh))
        }
    }

    /// `hasLowercaseSuffix` answers as `hasSuffix` on words with combining marks, line breaks,
    /// non-ASCII letters and canonically equivalent spellings.
    @Test func lowercaseSuffixIsHasSuffix() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["l", "y", "s", "e", "d", "i", "n", "g", "a", "S", "Y", "\u{301}", "\u{308}", "é", "e\u{301}", "\r", "\n", "\r\n",
                      "ÿ", "y\u{308}", "\u{200D}", "\u{FE0F}", "👍", "%", "ï", "中", "ß", "\u{1F1FA}", "ly", "ing", "ed", "ian", "ss"]
        let suffixes: [(StaticString, String)] = [("ly", "ly"), ("s", "s"), ("ss", "ss"), ("ed", "ed"), ("ing", "ing"), ("ian", "ian")]
        var words = ["", "l", "ly", "fully", "fullý", "full\u{301}y", "fully\u{301}", "ss", "pass", "passed", "pasing", "bring", "ukrainian"]
        for _ in 0..<3000 { words.append((0..<rng.below(7)).map { _ in pieces[rng.below(pieces.count)] }.joined()) }
        for w in words {
            for (s, plain) in suffixes {
                #expect(w.hasLowercaseSuffix(s) == w.hasSuffix(plain), "\(w.debugDescription) \(plain)")
                // a bridged or shared copy answers the same
                let copy = String(w.unicodeScalars.map(Character.init))
                #expect(copy.hasLowercaseSuffix(s) == copy.hasSuffix(plain))
            }
        }
    }

    /// `lastWord(of:)` is the last of `split(separator: " ")`, spaces and combining marks included.
    @Test func lastWordIsTheLastOfSplit() {
        var rng = SplitMix64(seed: 5)
        let pieces = [" ", "  ", "A", "b", "Rutte", "\u{301}", " \u{301}", "é", "\u{A0}", "\t", "中", "👍🏽", "\r\n"]
        var names = ["", " ", "Mark Rutte", "Rutte", " Mark  Rutte  ", "Kaja Kallas ", "a \u{301}b"]
        for _ in 0..<2000 { names.append((0..<rng.below(8)).map { _ in pieces[rng.below(pieces.count)] }.joined()) }
        for n in names {
            #expect(DocumentAnalyzer.lastWord(of: n).map(String.init) == n.split(separator: " ").last.map(String.init), "\(n.debugDescription)")
        }
    }

    /// `startsWithNumber` answers as `key.first?.isNumber` for the tokens of varied text.
    @Test func startsWithNumberIsFirstCharacterIsNumber() {
        let text = "In 2024, ٣ states and ½ of ²nd-tier 5G ⅷ groups, e.g. 3rd U.S. units, gave €1.5bn; ５ Ⅻ x9 9x " + Self.documents.map(\.text).joined()
        for t in Tokenizer.tokenize(Array(text.unicodeScalars)) {
            #expect(DocumentAnalyzer.startsWithNumber(t) == (t.key.first?.isNumber == true), "\(t.text)")
        }
    }
}

/// The analyzer's per-entity surface slots (`insertSurface`), draft sentences and their order check.
@Suite struct SurfaceSlotTests {
    /// Surfaces inserted again (as the same scalars or elsewhere in the text), more than the
    /// slots remember, and for entities made after others: each entity's set is exactly the
    /// texts inserted for it.
    @Test func insertSurfaceKeepsEachEntitysNames() {
        let text = "Rutte met Rutte and Mark Rutte. Stoltenberg, Rutte, Jens Stoltenberg, NATO, Nato, N.A.T.O., Alliance, alliance."
        let a = DocumentAnalyzer(lexicon: ExtractorWorkspaceTests.extractor.compiled, documentID: "t.txt",
                                 scalars: Array(text.unicodeScalars)[...], date: nil)
        a.entities = []
        for name in ["first", "second", "third"] {
            a.entities.append(DocEntity(id: name, name: name, type: .person, fromLexicon: false, firstSentence: 0))
        }
        var expected: [Set<String>] = [[], [], []]
        // every token of the text goes to one entity, every third token to entity 2 as well,
        // and two-token ranges to entity 1: repeats, equal texts at other places, over four names
        for k in a.tokens.indices {
            let e = k % 2
            a.insertSurface(e, k..<(k + 1))
            expected[e].insert(a.text(of: k..<(k + 1)))
            if k % 3 == 0 {
                a.insertSurface(2, k..<(k + 1))
                expected[2].insert(a.text(of: k..<(k + 1)))
            }
            if k + 2 <= a.tokens.count {
                a.insertSurface(1, k..<(k + 2))
                expected[1].insert(a.text(of: k..<(k + 2)))
            }
        }
        a.insertSurface(0, 0..<0)
        expected[0].insert("")
        for e in 0..<3 { #expect(a.entities[e].surfaces == expected[e], "entity \(e)") }
        #expect(expected[0].count > 4 && expected[2].count > 4)
    }

    /// A draft's sentences: one inline, more in a list, merged in order as a plain array would be.
    @Test func draftSentencesKeepTheirOrder() {
        var list: [Int] = [99]
        DraftSentences([]).write(into: &list)
        #expect(list.isEmpty && DraftSentences([]).count == 0)
        var a = DraftSentences(4)
        a.write(into: &list)
        #expect(list == [4] && a.count == 1)
        var plain = [4]
        for more in [[], [2], [7, 3], [], [5]] {
            a.append(contentsOf: DraftSentences(more))
            plain += more
            a.write(into: &list)
            #expect(list == plain && a.count == plain.count)
        }
        var empty = DraftSentences([])
        empty.append(contentsOf: DraftSentences([8, 1]))
        empty.write(into: &list)
        #expect(list == [8, 1] && empty == DraftSentences([8, 1]))
    }

    @Test func ascendingLists() {
        #expect(Extractor.isAscending([]))
        #expect(Extractor.isAscending([3]))
        #expect(Extractor.isAscending([1, 1, 2, 5]))
        #expect(!Extractor.isAscending([1, 3, 2]))
        #expect(!Extractor.isAscending([2, 1]))
    }
}
