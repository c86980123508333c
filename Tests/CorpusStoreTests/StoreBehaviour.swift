import CorpusStore
import Foundation
import Graph
import Testing

/// The behaviour both backends must share; each SQLite and PostgreSQL test calls one of
/// these with a way to open a fresh store.
enum StoreBehaviour {
    typealias Opener = @Sendable () async throws -> any CorpusStore

    static func ingestOutcomes(_ open: Opener) async throws {
        let store = try await open()
        let v1 = hostileArticle(revision: 0)
        #expect(try await store.ingest(document: v1.document, text: v1.text, graph: v1.graph) == .added)
        #expect(try await store.ingest(document: v1.document, text: v1.text, graph: v1.graph) == .unchanged)
        #expect(try await store.documents().count == 1)
        let id = v1.document.id
        #expect(try await store.latestHashes(of: [id, "not-stored.txt"]) == [id: v1.document.sha256])
        #expect(try await store.latestHashes(of: []) == [:])

        // A changed file: same id, new hash, a graph that lost one edge and gained an entity.
        var v2 = hostileArticle(revision: 1)
        v2.graph.add(Entity(name: "Only In V2", type: .country))
        #expect(try await store.ingest(document: v2.document, text: v2.text, graph: v2.graph) == .newVersion)
        #expect(try await store.ingest(document: v2.document, text: v2.text, graph: v2.graph) == .unchanged)
        #expect(try await store.latestHashes(of: [id]) == [id: v2.document.sha256])

        let docs = try await store.documents()
        #expect(docs.map(\.version) == [1, 2])
        #expect(docs.map(\.isLatest) == [false, true])
        #expect(docs.map(\.document) == [v1.document, v2.document])
        #expect(docs[1].entityCount == 3 && docs[1].relationCount == 2)

        let loaded = try await store.loadGraph()
        #expect(loaded.entity(id: "only-in-v2") != nil)
        #expect(loaded.documents == [v2.document])
        #expect(loaded.jsonData() == v2.graph.jsonData())
        #expect(loaded.entities == v2.graph.entities && loaded.relations == v2.graph.relations)

        // Going back to the first content is a change too: it becomes version 3.
        #expect(try await store.ingest(document: v1.document, text: v1.text, graph: v1.graph) == .newVersion)
        #expect(try await store.loadGraph().jsonData() == v1.graph.jsonData())
        // the latest version's hash, also among more ids than one statement takes
        let many = (0..<1_200).map { "absent-\($0).txt" } + [id]
        #expect(try await store.latestHashes(of: many) == [id: v1.document.sha256])
        #expect(v1.document.sha256 != v2.document.sha256)
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    /// Ingesting the seed articles gives, byte for byte, the graph `build` makes of them:
    /// with the conflict between two documents and the lexicon edges across documents.
    static func loadEqualsBuild(_ open: Opener) async throws {
        let lexicon = try Lexicon.bundled()
        let store = try await open()
        _ = try await CorpusIngest.run(inputDirectory: seedsFolder, lexicon: lexicon, into: store)
        let (built, report) = try BuildPipeline.run(inputDirectory: seedsFolder, lexicon: lexicon)
        #expect(report.conflicts.contains { Set($0.documents).count > 1 }, "the seeds disagree across documents")
        let loaded = try await store.loadGraph()
        #expect(loaded.conflicts == built.conflicts)
        #expect(loaded.relations.map(\.key) == built.relations.map(\.key), "same insertion order")
        #expect(String(decoding: loaded.jsonData(), as: UTF8.self) == String(decoding: built.jsonData(), as: UTF8.self))
        try await store.close()
    }

    /// A date range gives what `build` makes of the documents in range alone; cutting the
    /// whole graph with `EntityGraph.filtered` keeps only their evidence.
    static func dateRangeEqualsBuildOfDocumentsInRange(_ open: Opener) async throws {
        let lexicon = try Lexicon.bundled()
        let (folder, dates) = try datedSeeds()
        let store = try await open()
        _ = try await CorpusIngest.run(inputDirectory: folder, lexicon: lexicon, into: store)
        let stored = try await store.documents()
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.document.id, $0.document.date) }) == dates, "dates as extracted")
        let inRange = Set(dates.filter { $0.value.map { ("2025-06-02"..."2025-06-03").contains($0) } ?? false }.keys)
        #expect(inRange.count == 2)
        let (documents, _) = try BuildPipeline.loadDocuments(from: folder)
        let expected = BuildPipeline.build(documents: documents.filter { inRange.contains($0.id) }, lexicon: lexicon).0
        let ranged = try await store.loadGraph(since: "2025-06-02", until: "2025-06-03")
        #expect(ranged.relationCount > 0)
        #expect(ranged.jsonData() == expected.jsonData())

        let cut = try await store.loadGraph().filtered(documentsFrom: "2025-06-02", through: "2025-06-03")
        #expect(Set(cut.documents.map(\.id)) == inRange)
        #expect(cut.relationCount > 0 && cut.relations.allSatisfy { $0.evidence.allSatisfy { inRange.contains($0.document) } })
        let whole = try BuildPipeline.run(inputDirectory: folder, lexicon: lexicon).0
        #expect(cut == (try whole.filtered(documentsFrom: "2025-06-02", through: "2025-06-03")))
        try await store.close()
    }

    static func loadEqualsDirectMerge(_ open: Opener) async throws {
        let store = try await open()
        var articles = (0..<40).map { SyntheticCorpus.article($0) } + [hostileArticle()]
        articles += (0..<8).map { SyntheticCorpus.article($0 * 3, revision: 1) }
        // Ingest order must not matter: shuffle deterministically (revisions stay after originals).
        let originals = articles.prefix(41).enumerated().sorted { ($0.offset * 7919) % 41 < ($1.offset * 7919) % 41 }.map(\.element)
        for a in originals + articles.dropFirst(41) {
            _ = try await store.ingest(document: a.document, text: a.text, graph: a.graph)
        }
        let expected = directMerge(articles)
        let loaded = try await store.loadGraph()
        #expect(loaded.entityCount > 5 && loaded.relationCount > 20)
        #expect(loaded.jsonData() == expected.jsonData())
        #expect(loaded.entities.map(\.id) == expected.entities.map(\.id), "same dense indices")
        #expect(loaded.relations.map(\.key) == expected.relations.map(\.key), "same insertion order")
        let docs = try await store.documents()
        #expect(docs.count == 49)
        #expect(docs.filter(\.isLatest).count == 41)
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    static func dateRange(_ open: Opener) async throws {
        let store = try await open()
        let articles = (0..<20).map { SyntheticCorpus.article($0) }   // 2025-01-01 + i; 3, 10, 17 undated
        for a in articles { _ = try await store.ingest(document: a.document, text: a.text, graph: a.graph) }

        func ids(_ g: EntityGraph) -> [String] { g.documents.map(\.id) }
        func expected(_ keep: (Int) -> Bool) -> [String] { articles.indices.filter(keep).map { articles[$0].document.id } }

        #expect(ids(try await store.loadGraph()) == expected { _ in true })
        let ranged = try await store.loadGraph(since: "2025-01-05", until: "2025-01-12")
        #expect(ids(ranged) == expected { (4...11).contains($0) && $0 % 7 != 3 })
        #expect(ranged.jsonData() == directMerge(articles.filter { ranged.documents.contains($0.document) }).jsonData())
        #expect(ids(try await store.loadGraph(since: "2025-01-15", until: nil)) == expected { $0 >= 14 && $0 % 7 != 3 })
        #expect(ids(try await store.loadGraph(since: nil, until: "2025-01-02")) == expected { $0 <= 1 })
        #expect(ids(try await store.loadGraph(since: "2026-01-01", until: nil)) == [])
        #expect(try await store.loadGraph(since: "2025-01-09", until: "2025-01-01").entityCount == 0)
        await #expect(throws: StoreError.invalidDate("2025-1-5")) { try await store.loadGraph(since: "2025-1-5", until: nil) }
        await #expect(throws: StoreError.invalidDate("yesterday")) { try await store.loadGraph(since: nil, until: "yesterday") }
        try await store.close()
    }

    static func rejectsWhatCannotBeStored(_ open: Opener) async throws {
        let store = try await open()
        var a = hostileArticle()
        let doc = a.document
        await #expect(throws: StoreError.self) { try await store.ingest(document: doc, text: "nul \u{0} here", graph: a.graph) }
        var bad = doc
        bad.sha256 = "not-a-hash"
        await #expect(throws: StoreError.self) { try await store.ingest(document: bad, text: a.text, graph: a.graph) }
        try a.graph.add(Relation(source: "o'brien", kind: .member, target: "zürich-org"))
        let noEvidence = a.graph
        await #expect(throws: StoreError.self) { try await store.ingest(document: doc, text: a.text, graph: noEvidence) }
        var foreign = hostileArticle().graph
        try foreign.add(Relation(source: "o'brien", kind: .role, target: "zürich-org",
                                 evidence: [Evidence(document: "other.txt", start: 0, end: 1, text: "x")]))
        let foreignGraph = foreign
        await #expect(throws: StoreError.self) { try await store.ingest(document: doc, text: a.text, graph: foreignGraph) }
        #expect(try await store.documents().isEmpty)
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    /// A batch is decided item by item as single ingests are, in one transaction; an item
    /// that cannot be stored stops it after the items before it.
    static func batchIngest(_ open: Opener) async throws {
        let store = try await open()
        func item(_ x: (document: Document, text: String, graph: EntityGraph)) -> IngestItem {
            IngestItem(document: x.document, text: x.text, graph: x.graph)
        }
        let a = SyntheticCorpus.article(0), b = SyntheticCorpus.article(1), a2 = SyntheticCorpus.article(0, revision: 1)
        let c = SyntheticCorpus.article(2), d = SyntheticCorpus.article(3)
        #expect(try await store.ingest([item(a), item(b), item(a), item(a2)]) == [.added, .added, .unchanged, .newVersion])
        #expect(try await store.ingest([]) == [])
        var bad = item(c)
        bad.text = "nul \u{0} here"
        let stopped = [item(a2), item(d), bad, item(c)]
        await #expect(throws: StoreError.self) { try await store.ingest(stopped) }
        let docs = try await store.documents()
        #expect(docs.map { "\($0.document.id) \($0.version)" } == ["\(a.document.id) 1", "\(a.document.id) 2", "\(b.document.id) 1", "\(d.document.id) 1"])
        #expect(try await store.loadGraph().jsonData() == directMerge([a2, b, d]).jsonData())
        #expect(try await store.checkIntegrity() == [])

        // an item changed after it was made (its rows were made with it) is stored as changed
        let e = SyntheticCorpus.article(4), f = SyntheticCorpus.article(5)
        var regraphed = item(e), retitled = item(f)
        regraphed.graph.add(Entity(name: "Added After Init", type: .country))
        retitled.document.title = "Retitled after init"
        #expect(try await store.ingest([regraphed, retitled]) == [.added, .added])
        #expect(try await store.loadGraph().entity(id: "added-after-init") != nil)
        #expect(try await store.documents().first { $0.document.id == f.document.id }?.document.title == "Retitled after init")
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    /// Two stores on one database ingest overlapping halves at the same time.
    static func concurrentIngesters(_ open: Opener) async throws {
        let articles = (0..<60).map { SyntheticCorpus.article($0) }
        let first = Array(articles[0..<40]), second = Array(articles[20..<60].reversed())
        let a = try await open(), b = try await open()
        async let ra: [IngestOutcome] = ingestAll(first, into: a)
        async let rb: [IngestOutcome] = ingestAll(second, into: b)
        let outcomes = try await ra + rb
        #expect(outcomes.filter { $0 == .added }.count == 60)
        #expect(outcomes.filter { $0 == .unchanged }.count == 20)
        #expect(!outcomes.contains(.newVersion))
        let docs = try await a.documents()
        #expect(docs.count == 60 && docs.allSatisfy { $0.version == 1 })
        #expect(try await b.loadGraph().jsonData() == directMerge(articles).jsonData())
        #expect(try await a.checkIntegrity() == [])
        try await a.close()
        try await b.close()
    }

    static func ingestAll(_ articles: [(document: Document, text: String, graph: EntityGraph)], into store: any CorpusStore) async throws -> [IngestOutcome] {
        var out: [IngestOutcome] = []
        for x in articles { out.append(try await store.ingest(document: x.document, text: x.text, graph: x.graph)) }
        return out
    }

    /// Two `store-crash-test` processes ingest the same corpus into one store at once.
    static func concurrentProcesses(location: String, open: Opener, batch: Int = 1) async throws {
        let p1 = try CrashToolProcess([location, "--count", "80", "--batch", "\(batch)"])
        let p2 = try CrashToolProcess([location, "--count", "80", "--batch", "\(batch)"])
        let r1 = await p1.finished(), r2 = await p2.finished()
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(r2.status == 0, "\(r2.stderr)")
        let lines = (r1.stdout + r2.stdout).split(separator: "\n").filter { $0.hasPrefix("committed") }
        #expect(lines.filter { $0.hasSuffix(" added") }.count == 80)
        #expect(lines.filter { $0.hasSuffix(" unchanged") }.count == 80)
        let store = try await open()
        let docs = try await store.documents()
        #expect(docs.count == 80 && docs.allSatisfy { $0.version == 1 })
        #expect(try await store.loadGraph().jsonData() == directMerge((0..<80).map { SyntheticCorpus.article($0) }).jsonData())
        #expect(try await store.checkIntegrity() == [])
        try await store.close()
    }

    /// kill -9 in the middle of an ingest loop, several times at random moments, then recovery.
    /// With `batch` > 1 the tool stores that many documents a transaction: a batch is all or nothing.
    static func crashRecovery(location: String, open: Opener, reference: Opener, batch: Int = 1) async throws {
        let count = 400, revisions = 40
        var committed: Set<Int> = []
        for round in 0..<4 {
            let victim = try CrashToolProcess([location, "--count", "\(count)", "--revisions", "\(revisions)", "--batch", "\(batch)"])
            // Land the kill anywhere in the next ingests, mostly inside a transaction.
            let seen = await victim.kill9(afterAdded: 10 + 5 * round, delay: UInt32.random(in: 0...15_000))
            let killed = await victim.finished()
            #expect(killed.reason == .uncaughtSignal, "the tool finished before it was killed: \(killed.stdout.suffix(200))")
            for line in seen + killed.stdout.split(separator: "\n").map(String.init) where line.hasPrefix("committed ") {
                committed.insert(Int(line.split(separator: " ")[1])!)
            }

            // Nothing committed is lost, nothing half-written is visible, the store is consistent.
            let store = try await open()
            #expect(try await store.checkIntegrity() == [])
            let docs = try await store.documents()
            let stored = Set(docs.map { Int($0.document.id.prefix(4))! })
            #expect(committed.isSubset(of: stored), "lost: \(committed.subtracting(stored).sorted())")
            #expect(stored.count <= committed.count + batch)
            #expect(docs.allSatisfy { $0.version == 1 && $0.isLatest })
            for d in docs {
                let expected = SyntheticCorpus.article(Int(d.document.id.prefix(4))!)
                #expect(d.document == expected.document)
                #expect(d.entityCount == expected.graph.entityCount && d.relationCount == expected.graph.relationCount,
                        "\(d.document.id) stored in part")
            }
            let partial = try await store.loadGraph()
            #expect(partial.jsonData() == directMerge(docs.map { SyntheticCorpus.article(Int($0.document.id.prefix(4))!) }).jsonData())
            try await store.close()
        }

        // Running again completes the rest and gives the same graph as an uninterrupted run.
        let rerun = try CrashToolProcess([location, "--count", "\(count)", "--revisions", "\(revisions)", "--batch", "\(batch)"])
        let done = await rerun.finished()
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("new versions \(revisions)"))

        let clean = try await reference()
        for i in 0..<count { let a = SyntheticCorpus.article(i); _ = try await clean.ingest(document: a.document, text: a.text, graph: a.graph) }
        for i in 0..<revisions { let a = SyntheticCorpus.article(i, revision: 1); _ = try await clean.ingest(document: a.document, text: a.text, graph: a.graph) }
        let recovered = try await open()
        #expect(try await recovered.checkIntegrity() == [])
        #expect(try await recovered.loadGraph().jsonData() == clean.loadGraph().jsonData())
        let strip = { (d: [StoredDocument]) in d.map { [$0.document.id, $0.document.sha256, String($0.version), String($0.isLatest), String($0.relationCount)] } }
        #expect(strip(try await recovered.documents()) == strip(try await clean.documents()))
        try await recovered.close()
        try await clean.close()
    }
}
