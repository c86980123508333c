import Foundation
import Testing
@testable import Graph

/// A corpus folder: synthetic articles recombined from the seeds, the seeds themselves
/// (two of them disagree on PURL's expansion, so document order shows in the conflict), and
/// an empty and a binary file among them.
enum StreamingFixture {
    static let corpus: URL = {
        let dir = ExtractionFixture.tempDirectory()
        let seeds = try! BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent("seeds")).documents
        let generator = SyntheticArticles(seedTexts: seeds.map(\.text), lexicon: ExtractionFixture.lexicon, seed: 7)
        try! generator.write(bytes: 120_000, to: dir)
        for s in seeds { try! Data(s.text.utf8).write(to: dir.appendingPathComponent("seed-" + s.id)) }
        try! Data().write(to: dir.appendingPathComponent("000010-empty.txt"))
        try! Data([0, 1, 2, 0xFF]).write(to: dir.appendingPathComponent("000020-binary.txt"))
        return dir
    }()
}

/// Collects progress reports from the build (called from one task at a time).
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BuildProgress] = []
    func append(_ p: BuildProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [BuildProgress] { lock.lock(); defer { lock.unlock() }; return items }
}

@Suite struct BuildPipelineStreamingTests {
    @Test func fourJobsGiveTheBytesOfOneJob() async throws {
        let dir = StreamingFixture.corpus
        let files = try BuildPipeline.listDocuments(in: dir)
        #expect(files.count > 40)
        let (one, r1) = try await BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon, jobs: 1)
        let (four, r4) = try await BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon, jobs: 4, batchBytes: 1)
        #expect(one.jsonData() == four.jsonData())
        // batches of several files, a few of them at a time
        let (batched, _) = try await BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon, jobs: 2, batchBytes: 8_000)
        #expect(batched.jsonData() == four.jsonData())
        #expect(r1.warnings == r4.warnings)
        #expect(r4.warnings.count == 2 && r4.warnings[0].hasPrefix("000010-empty.txt") && r4.warnings[1].hasPrefix("000020-binary.txt"))
        #expect(r4.documentsRead == files.count - 2)
        #expect(r4.conflicts.contains { $0.entity == "purl" })
        // the synchronous streaming run and the in-memory build agree too
        let (sync, _) = try BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon)
        #expect(sync.jsonData() == four.jsonData())
        let (inMemory, _) = BuildPipeline.build(documents: try BuildPipeline.loadDocuments(from: dir).documents, lexicon: ExtractionFixture.lexicon)
        #expect(inMemory.jsonData() == four.jsonData())
    }

    /// The comparison above would catch extractions folded out of order: reversing the order
    /// changes the bytes (the PURL conflict lists its values in document order).
    @Test func foldingOutOfOrderChangesTheBytes() throws {
        let docs = try BuildPipeline.loadDocuments(from: StreamingFixture.corpus).documents
        let extractions = docs.map { ExtractionFixture.extractor.extract(documentID: $0.id, text: $0.text, sha256: $0.sha256) }
        let (inOrder, _) = BuildPipeline.merge(extractions)
        let (reversed, _) = BuildPipeline.merge(extractions.reversed())
        #expect(inOrder.jsonData() != reversed.jsonData())
        let purl = { (g: EntityGraph) in g.conflicts.first { $0.entity == "purl" }?.values ?? [] }
        #expect(purl(inOrder) != purl(reversed))
        #expect(Set(purl(inOrder)) == Set(purl(reversed)))
    }

    @Test func batchesCoverEveryFileOnceInOrder() {
        let sizes = [10, 5000, 0, 70_000, 3, 3, 3, 40_000, 40_000, 1]
        let files = sizes.enumerated().map { DocumentFile(id: "\($0.offset)", url: URL(fileURLWithPath: "/x/\($0.offset)"), size: $0.element) }
        let batches = BuildPipeline.batches(files, bytes: 65_536)
        #expect(batches == [0..<4, 4..<9, 9..<10])
        #expect(BuildPipeline.batches(files, bytes: 1) == files.indices.map { $0..<($0 + 1) })
        #expect(BuildPipeline.batches([], bytes: 65_536).isEmpty)
        // at most 64 files in one batch, however small
        let tiny = (0..<130).map { DocumentFile(id: "\($0)", url: URL(fileURLWithPath: "/x/\($0)"), size: 1) }
        #expect(BuildPipeline.batches(tiny, bytes: 65_536) == [0..<64, 64..<128, 128..<130])
    }

    @Test(arguments: [1, 20_000]) func progressCountsEveryDocumentInOrder(batchBytes: Int) async throws {
        let log = ProgressLog()
        let files = try BuildPipeline.listDocuments(in: StreamingFixture.corpus)
        _ = try await BuildPipeline.run(inputDirectory: StreamingFixture.corpus, lexicon: ExtractionFixture.lexicon, jobs: 3,
                                        batchBytes: batchBytes) { log.append($0) }
        let all = log.all
        #expect(all.map(\.documentsDone) == Array(1...files.count))
        #expect(all.allSatisfy { $0.documentsTotal == files.count })
        #expect(all.last?.bytesDone == files.reduce(0) { $0 + $1.size })
        #expect(all.last?.bytesDone == all.last?.bytesTotal)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone })
    }

    @Test func missingFolderIsFatalForTheParallelRun() async {
        let missing = URL(fileURLWithPath: "/nonexistent/ng-\(UUID().uuidString)")
        await #expect(throws: ExtractionError.inputNotFound(path: missing.path)) {
            try await BuildPipeline.run(inputDirectory: missing, lexicon: ExtractionFixture.lexicon, jobs: 2)
        }
        let dir = ExtractionFixture.tempDirectory()
        try? Data().write(to: dir.appendingPathComponent("empty.txt"))
        await #expect(throws: ExtractionError.noReadableDocuments(path: dir.path, skipped: 1, first: "empty.txt: empty file, skipped")) {
            try await BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon, jobs: 2)
        }
    }

    @Test func progressEstimates() {
        let p = BuildProgress(documentsDone: 10, documentsTotal: 40, bytesDone: 2_000_000, bytesTotal: 8_000_000, seconds: 2)
        #expect(p.bytesPerSecond == 1_000_000)
        #expect(p.secondsLeft == 6)
        #expect(BuildProgress(documentsDone: 0, documentsTotal: 4, bytesDone: 0, bytesTotal: 10, seconds: 0).secondsLeft == nil)
    }
}

@Suite struct SyntheticArticlesTests {
    static let seeds = try! BuildPipeline.loadDocuments(from: ExtractionFixture.repoRoot.appendingPathComponent("seeds")).documents.map(\.text)

    @Test func sameSeedSameArticles() {
        let a = SyntheticArticles(seedTexts: Self.seeds, lexicon: ExtractionFixture.lexicon, seed: 3)
        let b = SyntheticArticles(seedTexts: Self.seeds, lexicon: ExtractionFixture.lexicon, seed: 3)
        let c = SyntheticArticles(seedTexts: Self.seeds, lexicon: ExtractionFixture.lexicon, seed: 4)
        #expect(a.article(5) == b.article(5))
        #expect(a.article(5) != a.article(6))
        #expect(a.article(5) != c.article(5))
        #expect(SyntheticArticles.fileName(42) == "000042.txt")
    }

    @Test func articlesAreNewsLikeAndExtractable() {
        let a = SyntheticArticles(seedTexts: Self.seeds, lexicon: ExtractionFixture.lexicon, seed: 1)
        let text = a.article(0)
        #expect(text.utf8.count > 1_000)
        #expect(ArticleDate.find(in: text) != nil)
        let x = ExtractionFixture.extractor.extract(documentID: "a.txt", text: text)
        #expect(x.graph.entityCount > 3)
        #expect(x.graph.relations.contains { $0.kind == .statement || $0.kind == .pledge })
    }
}

/// The fast paths added for throughput give exactly what the general code gives.
@Suite struct ThroughputEquivalenceTests {
    @Test func asciiNormalizeMatchesFoundationFolding() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["The ", "the ", "THE", "U.S.", "NATO's", "allies'", "-", "_", " ", "\t", "\r\n", ".", "'", "s", "Kyiv", "A", "z", "9", "--", "x'S"]
        for _ in 0..<2_000 {
            let s = (0..<rng.below(6)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            #expect(AliasKey.normalize(s) == AliasKey.normalizeFolding(s), "\(s.debugDescription)")
        }
        #expect(AliasKey.normalize("Péter Szijjártó’s") == AliasKey.normalizeFolding("Péter Szijjártó’s"))
    }

    @Test func stringFromScalarsMatchesScalarView() {
        var rng = SplitMix64(seed: 12)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\u{E9}", "\u{2019}", "\u{201C}", "\u{0301}", "\u{4E2D}", "\u{1F6F0}", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        for _ in 0..<500 {
            let scalars = (0..<rng.below(40)).map { _ in pool[rng.below(pool.count)] }
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars)
            let fast = String(scalars: scalars[...])
            #expect(fast == String(v))
            #expect(Array(fast.unicodeScalars) == scalars)
        }
    }

    @Test func evidenceAndAliasMergesMatchSetAndSort() {
        var rng = SplitMix64(seed: 13)
        func ev() -> Evidence {
            Evidence(document: "d\(rng.below(4)).txt", start: rng.below(5), end: 10, text: ["a", "b"][rng.below(2)])
        }
        for _ in 0..<300 {
            let a = (0..<rng.below(6)).map { _ in ev() }, b = (0..<rng.below(6)).map { _ in ev() }
            var r = Relation(source: "x", kind: .statement, target: "y", evidence: a)
            #expect(r.evidence == Array(Set(a)).sorted())
            r.addEvidence(b)
            #expect(r.evidence == Array(Set(a + b)).sorted())
            let names = (0..<rng.below(5)).map { _ in ["Kyiv", " Kiev ", "Ukraine", "", "Kyiv", "UA"][rng.below(6)] }
            var e = Entity(name: "Ukraine", type: .country, aliases: ["Kyiv"])
            e.addAliases(names)
            let expected = Set(["Kyiv"] + names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && $0 != "Ukraine" })
            #expect(e.aliases == expected.sorted())
        }
    }

    @Test func documentsStaySortedWhenAddedOutOfOrder() {
        var g = EntityGraph()
        for id in ["b.txt", "c.txt", "a.txt", "c.txt"] { g.add(Document(id: id, title: id, sha256: "", date: nil)) }
        #expect(g.documents.map(\.id) == ["a.txt", "b.txt", "c.txt"])
    }
}
