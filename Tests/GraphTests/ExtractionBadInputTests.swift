import Foundation
import Testing
@testable import Graph

@Suite struct ExtractionBadInputTests {
    @Test func missingAndEmptyFoldersAreFatal() {
        let missing = URL(fileURLWithPath: "/nonexistent/ng-\(UUID().uuidString)")
        #expect(throws: ExtractionError.inputNotFound(path: missing.path)) { try BuildPipeline.loadDocuments(from: missing) }
        let empty = ExtractionFixture.tempDirectory()
        #expect(throws: ExtractionError.noDocuments(path: empty.path)) { try BuildPipeline.loadDocuments(from: empty) }
    }

    @Test func badFilesAreSkippedWithWarnings() throws {
        let dir = ExtractionFixture.tempDirectory()
        try Data().write(to: dir.appendingPathComponent("a-empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: dir.appendingPathComponent("b-binary.txt"))
        try Data([0x47, 0x65, 0x72, 0x6D, 0x61, 0x6E, 0x79, 0x20, 0xC3, 0x28, 0x2E]).write(to: dir.appendingPathComponent("c-latin.txt"))
        try "Germany pledged €500 million to the Green Climate Fund.".write(to: dir.appendingPathComponent("d-good.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("e-notes.csv"), atomically: true, encoding: .utf8)
        let (g, report) = try BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon)
        #expect(report.documentsRead == 2)
        #expect(report.warnings.contains { $0.hasPrefix("a-empty.txt") && $0.contains("empty") })
        #expect(report.warnings.contains { $0.hasPrefix("b-binary.txt") && $0.contains("binary") })
        #expect(report.warnings.contains { $0.hasPrefix("c-latin.txt") && $0.contains("UTF-8") })
        #expect(g.documents.map(\.id) == ["c-latin.txt", "d-good.md"])
        #expect(g.relations.contains { $0.kind == .pledge && $0.source == "germany" })
    }

    /// A folder or a FIFO named like an article is skipped, never opened (reading a FIFO
    /// would block the build forever).
    @Test func nonRegularFilesAreSkipped() throws {
        let dir = ExtractionFixture.tempDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a-folder.txt"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.appendingPathComponent("b-fifo.md").path, 0o644) == 0)
        try "Germany pledged €500 million to the Green Climate Fund.".write(to: dir.appendingPathComponent("c-good.txt"), atomically: true, encoding: .utf8)
        let (docs, warnings) = try BuildPipeline.loadDocuments(from: dir)
        #expect(docs.map(\.id) == ["c-good.txt"])
        #expect(warnings == ["a-folder.txt: not a regular file, skipped", "b-fifo.md: not a regular file, skipped"])
    }

    /// A leading byte-order mark is dropped from the text but not from the digest (the file's
    /// bytes); a mark elsewhere is kept; a file larger than its listed size is read whole, up
    /// to one byte past the size limit.
    @Test func readDocumentDropsALeadingByteOrderMark() throws {
        let dir = ExtractionFixture.tempDirectory()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = Array("Headline\nGermany pledged €500 million.".utf8)
        try Data(bom + body).write(to: dir.appendingPathComponent("a-bom.txt"))
        try Data(body + bom).write(to: dir.appendingPathComponent("b-inner.txt"))
        let files = try BuildPipeline.listDocuments(in: dir)
        #expect(files.map(\.id) == ["a-bom.txt", "b-inner.txt"])
        #expect(files.map(\.path) == [dir.path + "/a-bom.txt", dir.path + "/b-inner.txt"])
        #expect(files[0].url == dir.appendingPathComponent("a-bom.txt"))
        guard case let .document(a, warning) = BuildPipeline.readDocument(files[0]) else { Issue.record("a-bom.txt not read"); return }
        #expect(warning == nil)
        #expect(a.text == String(decoding: body, as: UTF8.self))
        #expect(a.sha256 == SHA256.hex(bom + body))
        guard case let .document(b, _) = BuildPipeline.readDocument(files[1]) else { Issue.record("b-inner.txt not read"); return }
        #expect(b.text.unicodeScalars.last == "\u{FEFF}")
        // listed smaller than it is: still read to the end
        var stale = files[1]
        stale.size = 3
        #expect(BuildPipeline.readFile(stale.path, sizeHint: stale.size) == body + bom)
        #expect(BuildPipeline.readFile(dir.path + "/missing.txt", sizeHint: 10) == nil)
        // past a limit, one byte more than the limit is read and no further
        #expect(BuildPipeline.readFile(stale.path, sizeHint: 3, limit: 10) == Array((body + bom).prefix(11)))
        #expect(BuildPipeline.readFile(stale.path, sizeHint: 100, limit: body.count + 3) == body + bom)
    }

    @Test func onlyBadFilesIsFatal() throws {
        let dir = ExtractionFixture.tempDirectory()
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        #expect(throws: ExtractionError.noReadableDocuments(path: dir.path, skipped: 1, first: "empty.txt: empty file, skipped")) {
            try BuildPipeline.run(inputDirectory: dir, lexicon: ExtractionFixture.lexicon)
        }
    }

    @Test func longSingleLineDocumentIsLinear() {
        let sentence = "Germany pledged €500 million to the Green Climate Fund, Environment Minister Carsten Schneider said "
        let text = String(repeating: sentence, count: 20_000)  // ~2 MB, one line, no sentence end
        let x = ExtractionFixture.extractor.extract(documentID: "big.txt", text: text)
        #expect(x.graph.relations.contains { $0.kind == .pledge })
        // linear: a line with no sentence end is cut into sentences of bounded length, so the
        // work per sentence is bounded (speed itself is measured in BENCHMARKS.md, not here)
        let longest = x.graph.relations.flatMap(\.evidence).map { $0.text.split(separator: " ").count }.max() ?? 0
        #expect(longest > 0 && longest <= SentenceSplitter.maxSentenceTokens)
        for r in x.graph.relations { for e in r.evidence { #expect(e.end > e.start) } }
    }

    @Test func documentTitleAndDigest() {
        let x = ExtractionFixture.extractor.extract(documentID: "t.txt", text: "\n  Headline here\nBody.", sha256: nil)
        #expect(x.document.title == "Headline here")
        #expect(x.document.sha256 == SHA256.hex(Array("\n  Headline here\nBody.".utf8)))
    }
}
