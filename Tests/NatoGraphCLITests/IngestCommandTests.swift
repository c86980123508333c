import Foundation
import Testing
@testable import nato_graph

@Suite struct IngestCommandTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    @Test func parsesOptionsAndChecksDates() throws {
        let cmd = try NatoGraph.Ingest.parse(["seeds"])
        #expect(cmd.store == "out/corpus.sqlite")
        let pg = try NatoGraph.Ingest.parse(["seeds", "--store", "postgres://u:p@127.0.0.1:5433/db", "-o", "g.json", "--since", "2025-06-01"])
        #expect(pg.store.hasPrefix("postgres://") && pg.dates.since == "2025-06-01" && pg.dates.until == nil)
        #expect(throws: (any Error).self) { try NatoGraph.Ingest.parse(["seeds", "--since", "2025-06-01"]) }
        #expect(throws: (any Error).self) { try NatoGraph.Ingest.parse(["seeds", "-o", "g.json", "--until", "June 1"]) }
        #expect(throws: (any Error).self) { try NatoGraph.Ingest.parse(["seeds", "-o", "g.json", "--since", "2025-06-02", "--until", "2025-06-01"]) }
        #expect(StoreAccess.redacted("postgres://u:secret@h:5/db") == "postgres://u:***@h:5/db")
    }

    @Test func ingestsTwiceAndWritesTheStoredGraph() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("out/corpus.sqlite").path
        let graph = dir.appendingPathComponent("g.json").path
        try await onOwnThread { try NatoGraph.Ingest.parse([Self.seeds.path, "--store", store, "-o", graph]).run() }
        let first = try Data(contentsOf: URL(fileURLWithPath: graph))
        try FileManager.default.removeItem(atPath: graph)
        try await onOwnThread { try NatoGraph.Ingest.parse([Self.seeds.path, "--store", store, "-o", graph]).run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: graph)) == first)
        let json = try JSONSerialization.jsonObject(with: first) as? [String: Any]
        #expect((json?["edges"] as? [Any])?.isEmpty == false)
        try await onOwnThread { try NatoGraph.Ingest.parse([Self.seeds.path, "--store", store, "-o", graph, "--since", "2999-01-01"]).run() }
        let empty = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: graph))) as? [String: Any]
        #expect((empty?["nodes"] as? [Any])?.isEmpty == true)
    }

    @Test func jobsMustBePositive() throws {
        #expect(try NatoGraph.Ingest.parse(["seeds", "--jobs", "3"]).jobs == 3)
        #expect(throws: (any Error).self) { try NatoGraph.Ingest.parse(["seeds", "--jobs", "0"]) }
    }

    /// The binary, with standard error a pipe: the summary line and no progress text; the
    /// second run finds every file unchanged.
    @Test func noProgressTextWhenStandardErrorIsNotATerminal() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("c.sqlite").path
        let first = try CLI.run(["ingest", Self.seeds.path, "--store", store, "--jobs", "2"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("added 5, unchanged 0, new versions 0"), "\(first.stdout)")
        #expect(first.stderr.isEmpty, "\(first.stderr)")
        #expect(!first.stdout.contains("ETA") && !first.stdout.contains("\r"))
        let second = try CLI.run(["ingest", Self.seeds.path, "--store", store, "--jobs", "1"])
        #expect(second.status == 0 && second.stdout.contains("added 0, unchanged 5, new versions 0"), "\(second.stdout)")
        #expect(second.stderr.isEmpty, "\(second.stderr)")
    }
}
