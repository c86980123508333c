import Foundation
import Graph
import Testing
@testable import nato_graph

@Suite struct BuildCommandTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    @Test func summaryListsAFewConflictsAndCountsTheRest() {
        var report = BuildReport()
        report.conflicts = (0..<25).map { k in
            Conflict(entity: "e\(k)", field: "expansion", values: (0..<(k + 1)).map { "v\($0)" }, documents: (0..<(k + 1)).map { "d\($0).txt" })
        }
        let lines = NatoGraph.Build.summary(report, files: ["out/graph.json"]).split(separator: "\n")
        #expect(lines.contains("conflicts: 25"))
        let listed = lines.filter { $0.hasPrefix("  e") }
        #expect(listed.count == NatoGraph.Build.maxConflictsListed)
        #expect(listed.contains("  e0 expansion: \"v0\" (d0.txt)"))
        #expect(listed.contains("  e9 expansion: \"v0\" (d0.txt) vs \"v1\" (d1.txt) vs \"v2\" (d2.txt) vs \"v3\" (d3.txt) vs 6 more"))
        #expect(lines.contains("  and 15 more (all in graph.json and report.html)"))
    }

    @Test func progressLineShowsDocumentsRateAndTimeLeft() {
        let p = BuildProgress(documentsDone: 120, documentsTotal: 250, bytesDone: 25_000_000, bytesTotal: 100_000_000, seconds: 2)
        #expect(ProgressBar.line(p) == "[######..................] 120/250 docs  12.5 MB/s  ETA 0:06")
        let start = BuildProgress(documentsDone: 0, documentsTotal: 3, bytesDone: 0, bytesTotal: 30, seconds: 0)
        #expect(ProgressBar.line(start, width: 4) == "[....] 0/3 docs  0.0 MB/s  ETA --:--")
        let done = BuildProgress(documentsDone: 3, documentsTotal: 3, bytesDone: 30, bytesTotal: 30, seconds: 1)
        #expect(ProgressBar.line(done, width: 4) == "[####] 3/3 docs  0.0 MB/s  ETA 0:00")
        #expect(ProgressBar.duration(59.4) == "0:59")
        #expect(ProgressBar.duration(61) == "1:01")
        #expect(ProgressBar.duration(3_725) == "1:02:05")
    }

    @Test func jobsMustBePositive() throws {
        let cmd = try NatoGraph.parseAsRoot(["build", "seeds", "--jobs", "3"])
        #expect((cmd as? NatoGraph.Build)?.jobs == 3)
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["build", "seeds", "--jobs", "0"]) }
    }

    /// Standard error is a pipe here, not a terminal: no progress line, only the summary.
    @Test func noProgressTextWhenStandardErrorIsNotATerminal() throws {
        let out = try temporaryDirectory()
        let r = try CLI.run(["build", Self.seeds.path, "--out", out.path, "--jobs", "2"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("documents read: 5"))
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(!r.stdout.contains("ETA") && !r.stdout.contains("\r"))
    }
}
