import ArgumentParser
import Foundation
import Graph
import Testing
@testable import nato_graph

/// Runs `body` on a thread of its own and waits for it without blocking a thread of the
/// cooperative pool. Commands that open a store wait for async work (`StoreAccess.blocking`);
/// a test calling them directly would block a pool thread, and with every pool thread
/// blocked by tests running in parallel the work they wait for would never run.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// The query commands and `build` reading a corpus store (`--store`) and cutting by document
/// date (`--since`, `--until`).
@Suite struct StoreQueryCommandTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    /// A folder with the seed articles, dated 2025-06-01, -02, … under their titles except the
    /// last one; its graph.json (by `build`) and an SQLite store (by `ingest`) of the same files.
    struct Corpus {
        var dir: URL
        var graph: String { dir.appendingPathComponent("out/graph.json").path }
        var store: String { dir.appendingPathComponent("corpus.sqlite").path }
        var articles: URL { dir.appendingPathComponent("articles") }
        var dates: [String: String?] = [:]

        /// Makes the folder, builds and ingests it (on a thread of its own).
        static func make() async throws -> Corpus {
            try await onOwnThread { try Corpus() }
        }

        private init() throws {
            dir = try temporaryDirectory()
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("articles"), withIntermediateDirectories: true)
            let names = try FileManager.default.contentsOfDirectory(atPath: StoreQueryCommandTests.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
            for (i, name) in names.enumerated() {
                var text = try String(contentsOf: StoreQueryCommandTests.seeds.appendingPathComponent(name), encoding: .utf8)
                let date: String? = i < names.count - 1 ? "2025-06-0\(i + 1)" : nil
                if let date {
                    let title = text.prefix { $0 != "\n" }
                    text = title + "\n" + date + "\n" + text.dropFirst(title.count)
                }
                dates[name] = date
                try text.write(to: articles.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            try NatoGraph.Build.parse([articles.path, "--out", dir.appendingPathComponent("out").path]).run()
            try NatoGraph.Ingest.parse([articles.path, "--store", store]).run()
        }
    }

    /// Parses and runs a command line in-process.
    static func run(_ arguments: [String]) async throws {
        try await onOwnThread {
            var command = try NatoGraph.parseAsRoot(arguments)
            try command.run()
        }
    }

    /// The error `parseAsRoot` throws for `arguments`, and the exit status it maps to.
    static func exitStatus(_ arguments: [String]) -> Int32? {
        do {
            _ = try NatoGraph.parseAsRoot(arguments)
            return nil
        } catch {
            return NatoGraph.exitCode(for: error).rawValue
        }
    }

    @Test func queriesFromTheStoreEqualQueriesFromGraphJSON() async throws {
        let c = try await Corpus.make()
        defer { try? FileManager.default.removeItem(at: c.dir) }
        let queries: [[String]] = [
            ["pledges"], ["pledges", "--format", "json"], ["show", "NATO"], ["show", "NATO", "--format", "json"],
            ["path", "NATO", "Ukraine", "--format", "json"], ["match", "(c:country)-[:pledge]->(p) RETURN c, p"],
        ]
        for query in queries {
            for range in [[], ["--since", "2025-06-02", "--until", "2025-06-04"]] {
                let fromGraph = try CLI.run(query + ["--graph", c.graph] + range)
                let fromStore = try CLI.run(query + ["--store", c.store] + range)
                #expect(fromGraph.status == 0 && fromGraph.stderr.isEmpty, "\(query + range): \(fromGraph.stderr)")
                #expect(!fromGraph.stdout.isEmpty)
                #expect(fromStore.status == fromGraph.status && fromStore.stdout == fromGraph.stdout, "\(query + range)")
            }
        }
        // report: the same page from both sources
        let r1 = c.dir.appendingPathComponent("r1.html").path, r2 = c.dir.appendingPathComponent("r2.html").path
        try await Self.run(["report", "--graph", c.graph, "-o", r1, "--since", "2025-06-03"])
        try await Self.run(["report", "--store", c.store, "-o", r2, "--since", "2025-06-03"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: r1)) == Data(contentsOf: URL(fileURLWithPath: r2)))
    }

    @Test func buildFromTheStoreWritesTheSameFilesAsBuildFromTheFolder() async throws {
        let c = try await Corpus.make()
        defer { try? FileManager.default.removeItem(at: c.dir) }
        let out = c.dir.appendingPathComponent("from-store")
        try await Self.run(["build", "--store", c.store, "--out", out.path])
        for file in ["graph.json", "graph.dot", "report.html"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(file)) == Data(contentsOf: c.dir.appendingPathComponent("out/\(file)")), "\(file)")
        }
        let graph = try EntityGraph(contentsOf: out.appendingPathComponent("graph.json"))
        #expect(graph.conflicts.contains { Set($0.documents).count > 1 }, "conflicts between documents are kept")

        // with a range, from either source: the whole graph cut down to the range's evidence
        let june2 = c.dir.appendingPathComponent("june2"), june2Folder = c.dir.appendingPathComponent("june2-folder")
        try await Self.run(["build", "--store", c.store, "--out", june2.path, "--since", "2025-06-02", "--until", "2025-06-02"])
        try await Self.run(["build", c.articles.path, "--out", june2Folder.path, "--since", "2025-06-02", "--until", "2025-06-02"])
        let cut = try EntityGraph(contentsOf: june2.appendingPathComponent("graph.json"))
        #expect(cut.documents.map(\.date) == ["2025-06-02"])
        #expect(cut.relationCount > 0 && cut.relations.allSatisfy { $0.evidence.allSatisfy { $0.document == cut.documents[0].id } })
        #expect(try Data(contentsOf: june2.appendingPathComponent("graph.json")) == Data(contentsOf: june2Folder.appendingPathComponent("graph.json")))
        let summary = NatoGraph.Build.summary(BuildReport(summarizing: cut), documentsInRange: 1, files: [])
        #expect(summary.hasPrefix("documents read: 1\ndocuments in date range: 1\nentities: \(cut.entityCount) "))
    }

    func load(_ source: GraphSource) async throws -> EntityGraph { try await onOwnThread { try source.load() } }

    @Test func sinceAndUntilKeepOnlyEvidenceFromDocumentsInRange() async throws {
        let c = try await Corpus.make()
        defer { try? FileManager.default.removeItem(at: c.dir) }
        let inRange = Set(c.dates.filter { $0.value.map { ("2025-06-02"..."2025-06-03").contains($0) } ?? false }.keys)
        #expect(inRange.count == 2)
        for source in [["--graph", c.graph], ["--store", c.store]] {
            let whole = try await load(try NatoGraph.Show.parse(["NATO"] + source).source)
            #expect(whole.documents.count == c.dates.count, "no bound: every document, the undated one too")
            let cut = try await load(try NatoGraph.Show.parse(["NATO"] + source + ["--since", "2025-06-02", "--until", "2025-06-03"]).source)
            #expect(Set(cut.documents.map(\.id)) == inRange)
            #expect(cut.relationCount > 0 && cut.relationCount < whole.relationCount)
            #expect(cut.relations.allSatisfy { $0.evidence.allSatisfy { inRange.contains($0.document) } })
            #expect(cut.entities.allSatisfy { e in cut.relations.contains { $0.source == e.id || $0.target == e.id } })
            let undated = c.dates.first { $0.value == nil }!.key
            let from = try await load(try NatoGraph.Pledges.parse(source + ["--since", "2025-06-01"]).source)
            #expect(!from.documents.map(\.id).contains(undated), "undated documents are left out once a bound is given")
        }
    }

    @Test func graphAndStoreTogetherAndMalformedDatesAreUsageErrors() async throws {
        for command in [["pledges"], ["show", "NATO"], ["path", "a", "b"], ["match", "(a)"], ["report"]] {
            #expect(Self.exitStatus(command + ["--graph", "g.json", "--store", "c.sqlite"]) == 64, "\(command)")
            #expect(Self.exitStatus(command + ["--since", "2025-6-1"]) == 64)
            #expect(Self.exitStatus(command + ["--until", "2025-02-31x"]) == 64)
            #expect(Self.exitStatus(command + ["--since", "2025-06-03", "--until", "2025-06-01"]) == 64)
            #expect(Self.exitStatus(command + ["--store", "c.sqlite", "--since", "2025-06-01", "--until", "2025-06-30"]) == nil)
        }
        #expect(Self.exitStatus(["build", "seeds", "--store", "c.sqlite"]) == 64, "a folder and a store")
        #expect(Self.exitStatus(["build", "--store", "c.sqlite", "--lexicon", "x.yaml"]) == 64)
        #expect(Self.exitStatus(["build", "--since", "yesterday"]) == 64)
        #expect(Self.exitStatus(["build", "--store", "c.sqlite", "--since", "2025-06-01"]) == nil)
        #expect(Self.exitStatus(["ingest", "seeds", "--since", "2025-06-01"]) == 64, "ingest --since needs -o")
    }

    @Test func aMissingStoreFileSaysSoAndIsNotCreated() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["pledges"], ["show", "NATO"], ["build"]] {
            let r = try CLI.run(command + ["--store", "nope/corpus.sqlite"], in: dir)
            #expect(r.status == 66)
            #expect(r.stderr == "nato-graph: no store at nope/corpus.sqlite (run nato-graph ingest first)\n")
            #expect(r.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nope").path))
    }

    @Test func anUnreachableServerIsExit69WithoutThePassword() async throws {
        let r = try CLI.run(["pledges", "--store", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable"])
        #expect(r.status == 69)
        #expect(r.stderr.hasPrefix("nato-graph: cannot reach store postgres://nobody:***@127.0.0.1:1/none"))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1 && !r.stderr.contains("secret"))
    }

    /// `NATO_GRAPH_TEST_POSTGRES` (see `scripts/start-postgres.sh`): a server to ingest into.
    static let postgres = ProcessInfo.processInfo.environment["NATO_GRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: postgres != nil, "PostgreSQL CLI test skipped: NATO_GRAPH_TEST_POSTGRES is not set (eval \"$(scripts/start-postgres.sh)\" sets it)"))
    func queriesFromPostgresEqualQueriesFromGraphJSON() async throws {
        let c = try await Corpus.make()
        defer { try? FileManager.default.removeItem(at: c.dir) }
        let base = Self.postgres!
        let url = base + (base.contains("?") ? "&" : "?") + "schema=cli_\(UUID().uuidString.prefix(8).lowercased())"
            + (base.contains("connect_timeout=") ? "" : "&connect_timeout=120")
        try await onOwnThread { try NatoGraph.Ingest.parse([c.articles.path, "--store", url]).run() }
        for range in [[], ["--since", "2025-06-02"]] {
            let fromGraph = try CLI.run(["pledges", "--format", "json", "--graph", c.graph] + range)
            let fromStore = try CLI.run(["pledges", "--format", "json", "--store", url] + range)
            #expect(fromStore.status == 0 && fromStore.stdout == fromGraph.stdout, "\(range): \(fromStore.stderr)")
        }
        let out = c.dir.appendingPathComponent("pg-out")
        try await Self.run(["build", "--store", url, "--out", out.path])
        #expect(try Data(contentsOf: out.appendingPathComponent("graph.json")) == Data(contentsOf: URL(fileURLWithPath: c.graph)))
    }
}
