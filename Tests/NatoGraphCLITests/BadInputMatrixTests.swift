import Foundation
import Testing

/// The README's bad-input matrix, end to end: every bad input gets one line on standard
/// error ("nato-graph: …"), its documented exit status, nothing on standard output, the
/// previous output left as it was and no temporary file, and never a signal death.
@Suite struct BadInputMatrixTests {
    /// chmod does not keep root from reading or writing: permission cases are skipped then.
    static let isRoot = getuid() == 0
    static let rootSkip: Comment = "runs as root, where chmod 000 / 555 does not block reads or writes"

    /// A folder with the previous output of a command: `out.svg` holding "previous".
    struct Workspace {
        let dir: URL
        var previous: URL { dir.appendingPathComponent("out.svg") }

        init() throws {
            dir = try temporaryDirectory()
            try Data("previous".utf8).write(to: previous)
            try Data(tinyGraph.utf8).write(to: dir.appendingPathComponent("g.json"))
        }

        func write(_ name: String, _ data: Data) throws -> URL {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            return url
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    /// Runs a failing command and checks everything the matrix promises.
    func expectFailure(_ args: [String], in ws: Workspace, status: Int32, _ text: String,
                       environment: [String: String] = [:], oneLine: Bool = true,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLI.run(args, in: ws.dir, environment: environment)
        #expect(!r.crashed, "\(args): died by a signal", sourceLocation: sourceLocation)
        #expect(r.status == status, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("nato-graph: "), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        if oneLine {
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(r.stdout.isEmpty, "\(args): partial output \(r.stdout.prefix(200))", sourceLocation: sourceLocation)
        #expect(try String(contentsOf: ws.previous, encoding: .utf8) == "previous", "\(args)", sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: ws.dir.path).filter { $0.contains(".tmp-") || $0.contains(".bak-") }
        #expect(leftovers.isEmpty, "\(args): \(leftovers)", sourceLocation: sourceLocation)
    }

    // MARK: graph.json inputs (render, export, queries)

    @Test func missingDirectoryEmptyAndBinaryGraphFiles() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try ws.write("empty.json", Data())
        _ = try ws.write("binary.json", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE]))
        try FileManager.default.createDirectory(at: ws.dir.appendingPathComponent("dir.json"), withIntermediateDirectories: true)
        try expectFailure(["render", "missing.json", "-o", "out.svg"], in: ws, status: 66, "missing.json: no such file")
        try expectFailure(["render", "dir.json", "-o", "out.svg"], in: ws, status: 66, "is a directory")
        try expectFailure(["render", "empty.json", "-o", "out.svg"], in: ws, status: 65, "empty.json")
        try expectFailure(["render", "binary.json", "-o", "out.svg"], in: ws, status: 65, "binary.json:1:1: malformed JSON")
        // The query commands: a missing graph says to build first; a folder is not a graph.
        try expectFailure(["show", "NATO", "--graph", "missing.json"], in: ws, status: 66, "nato-graph build")
        try expectFailure(["path", "NATO", "Ukraine", "--graph", "dir.json"], in: ws, status: 66, "is a directory")
    }

    @Test(.enabled(if: !isRoot, rootSkip)) func unreadableGraphFile() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let g = try ws.write("locked.json", Data(tinyGraph.utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: g.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: g.path) }
        try expectFailure(["render", "locked.json", "-o", "out.svg"], in: ws, status: 66, "permission denied")
        try expectFailure(["pledges", "--graph", "locked.json"], in: ws, status: 66, "permission denied")
    }

    @Test func invalidUTF8NestingUnknownKindsAndDanglingEdges() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        var bad = Data(tinyGraph.replacingOccurrences(of: "\"NATO\"", with: "\"NA__\"").utf8)
        let at = bad.range(of: Data("__".utf8))!
        bad.replaceSubrange(at, with: Data([0xC3, 0x28]))
        _ = try ws.write("utf8.json", bad)
        _ = try ws.write("deep.json", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8))
        _ = try ws.write("kind.json", Data(tinyGraph.replacingOccurrences(of: "\"kind\": \"pledge\"", with: "\"kind\": \"bribe\"").utf8))
        _ = try ws.write("type.json", Data(tinyGraph.replacingOccurrences(of: "\"country\"", with: "\"planet\"").utf8))
        _ = try ws.write("dangling.json", Data(tinyGraph.replacingOccurrences(of: "\"target\": \"ukraine\"", with: "\"target\": \"atlantis\"").utf8))
        try expectFailure(["render", "utf8.json", "-o", "out.svg"], in: ws, status: 65, "utf8.json:")
        try expectFailure(["render", "deep.json", "-o", "out.svg"], in: ws, status: 65, "nesting")
        try expectFailure(["render", "kind.json", "-o", "out.svg"], in: ws, status: 65, "invalid edge kind 'bribe'")
        try expectFailure(["export", "type.json", "-o", "out.svg"], in: ws, status: 65, "'planet'")
        try expectFailure(["report", "--graph", "dangling.json", "-o", "out.svg"], in: ws, status: 65, "unknown node 'atlantis'")
    }

    @Test func hundredMegabyteSingleLineGraphs() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // One line of 100 MB that is not JSON: refused at its first byte, whole file never held twice.
        var junk = Data(repeating: UInt8(ascii: "x"), count: 100 << 20)
        _ = try ws.write("junk.json", junk)
        try expectFailure(["render", "junk.json", "-o", "out.svg"], in: ws, status: 65, "junk.json:1:1: malformed JSON")
        // A valid one-line graph whose label is 100 MB: loads, and the drawing clips the label.
        junk = Data(tinyGraph.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\"label\": \"NATO\"", with: "\"label\": \"@@\"").utf8)
        let at = junk.range(of: Data("@@".utf8))!
        junk.replaceSubrange(at, with: Data(repeating: UInt8(ascii: "N"), count: 100 << 20))
        _ = try ws.write("long.json", junk)
        let r = try CLI.run(["render", "long.json", "-o", "long.svg"], in: ws.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.crashed)
        let svg = try Data(contentsOf: ws.dir.appendingPathComponent("long.svg"))
        #expect(svg.count < 1 << 20)
        #expect(String(decoding: svg, as: UTF8.self).contains("NNNN…"))
    }

    @Test func queriesNamingUnknownEntities() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try expectFailure(["show", "Natoo", "--graph", "g.json"], in: ws, status: 67, "did you mean 'NATO'")
        try expectFailure(["path", "NATO", "Atlantis", "--graph", "g.json"], in: ws, status: 67, "no entity named 'Atlantis'")
        try expectFailure(["pledges", "--to", "Atlantis", "--graph", "g.json"], in: ws, status: 67, "Atlantis")
        try expectFailure(["match", "(a {name: \"Atlantis\"})-[:pledge]->(b)", "--graph", "g.json"], in: ws, status: 67, "Atlantis")
        // A syntax error keeps its caret lines (README): the first line is still the message.
        try expectFailure(["match", "(a:planet)", "--graph", "g.json"], in: ws, status: 67, "unknown entity type 'planet'", oneLine: false)
    }

    // MARK: Graphviz

    @Test func graphvizWithoutPluginsAndGraphsTooLargeToLayOut() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // GVBINDIR pointing at an empty folder: Graphviz finds no plugin at all.
        let empty = ws.dir.appendingPathComponent("no-plugins")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try expectFailure(["render", "g.json", "-o", "out.svg"], in: ws, status: 69, "output format 'svg' is not available",
                          environment: ["GVBINDIR": empty.path])
        // Above the layout limit: refused before Graphviz runs.
        var nodes: [String] = []
        for i in 0...20_000 { nodes.append("{\"id\": \"n\(i)\", \"type\": \"country\"}") }
        _ = try ws.write("huge.json", Data("{\"nodes\": [\(nodes.joined(separator: ","))], \"edges\": []}".utf8))
        try expectFailure(["render", "huge.json", "-o", "out.svg"], in: ws, status: 70, "graph too large to lay out: 20001 nodes")
    }

    // MARK: Outputs

    @Test func outputThatCannotBeWritten() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.dir.appendingPathComponent("adir"), withIntermediateDirectories: true)
        _ = try ws.write("afile", Data("x".utf8))
        try expectFailure(["render", "g.json", "-o", "adir"], in: ws, status: 73, "is a directory")
        try expectFailure(["render", "g.json", "-o", "afile/out.svg"], in: ws, status: 73, "cannot write afile/out.svg")
        try expectFailure(["export", "g.json", "--format", "neo4j-csv", "-o", "afile"], in: ws, status: 73, "afile")
    }

    @Test(.enabled(if: !isRoot, rootSkip)) func outputIntoAnUnwritableFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let locked = ws.dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        try expectFailure(["render", "g.json", "-o", "locked/out.svg"], in: ws, status: 73, "permission denied")
    }

    // MARK: build

    @Test func buildInputsThatStopTheRun() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try ws.write("articles/a.txt", Data("NATO pledged support to Ukraine.".utf8))
        _ = try ws.write("notes.txt", Data("x".utf8))
        _ = try ws.write("bad/empty.txt", Data())
        _ = try ws.write("bad/binary.md", Data([0x00, 0xFF, 0x00, 0x01]))
        try FileManager.default.createDirectory(at: ws.dir.appendingPathComponent("none"), withIntermediateDirectories: true)
        try expectFailure(["build", "missing", "--out", "o"], in: ws, status: 66, "input folder not found")
        try expectFailure(["build", "notes.txt", "--out", "o"], in: ws, status: 66, "not a folder")
        try expectFailure(["build", "none", "--out", "o"], in: ws, status: 66, "no .txt or .md articles")
        try expectFailure(["build", "bad", "--out", "o"], in: ws, status: 66, "/bad (2 skipped; the first: binary.md: binary file, skipped)")
        // ingest: the same messages, and no store is created for a folder it cannot use
        for (input, text) in [("missing", "input folder not found"), ("notes.txt", "not a folder"), ("none", "no .txt or .md articles")] {
            try expectFailure(["ingest", input, "--store", "store.sqlite"], in: ws, status: 66, text)
            #expect(!FileManager.default.fileExists(atPath: ws.dir.appendingPathComponent("store.sqlite").path), "\(input)")
        }
        try expectFailure(["ingest", "bad", "--store", "store.sqlite"], in: ws, status: 66, "/bad (2 skipped; the first: binary.md")
        // --lexicon: missing, a folder, binary, malformed, an id given twice.
        _ = try ws.write("bin.yaml", Data([0xFF, 0xFE, 0x00, 0x41]))
        _ = try ws.write("twice.yaml", Data("countries:\n  - name: Atlantis\n  - id: atlantis\n    name: Sunken\n".utf8))
        try expectFailure(["build", "articles", "--out", "o", "--lexicon", "nope.yaml"], in: ws, status: 66, "nope.yaml")
        try expectFailure(["build", "articles", "--out", "o", "--lexicon", "articles"], in: ws, status: 66, "is a directory")
        try expectFailure(["build", "articles", "--out", "o", "--lexicon", "bin.yaml"], in: ws, status: 65, "bin.yaml:1:1")
        try expectFailure(["build", "articles", "--out", "o", "--lexicon", "twice.yaml"], in: ws, status: 65,
                          "twice.yaml:3:5: malformed lexicon: duplicate id 'atlantis' (first at line 2)")
        #expect(!FileManager.default.fileExists(atPath: ws.dir.appendingPathComponent("o").path))
    }

    @Test func failedBuildKeepsThePreviousOutputSet() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try ws.write("articles/a.txt", Data("NATO pledged support to Ukraine.".utf8))
        let first = try CLI.run(["build", "articles", "--out", "o"], in: ws.dir)
        #expect(first.status == 0, "\(first.stderr)")
        let out = ws.dir.appendingPathComponent("o")
        let names = ["graph.json", "graph.dot", "report.html"]
        let before = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        // The third file's destination is now a folder: nothing of the set may change.
        try FileManager.default.removeItem(at: out.appendingPathComponent("graph.svg"))
        _ = try ws.write("o/graph.svg/keep", Data())
        _ = try ws.write("articles/b.txt", Data("Hungary opposed the plan.".utf8))
        try expectFailure(["build", "articles", "--out", "o"], in: ws, status: 73, "o/graph.svg: is a directory")
        #expect(try names.map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
        // An output folder that is a file.
        _ = try ws.write("notes", Data("file".utf8))
        try expectFailure(["build", "articles", "--out", "notes"], in: ws, status: 73, "cannot write notes/graph.json")
    }

    @Test func buildSkipsBadArticlesWithAWarningEach() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try ws.write("articles/a-empty.txt", Data())
        _ = try ws.write("articles/b-binary.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00]))
        _ = try ws.write("articles/c-latin.txt", Data([0x4E, 0x41, 0x54, 0x4F, 0x20, 0xE9, 0x2E]))
        _ = try ws.write("articles/d-good.md", Data("Germany pledged €500 million to Ukraine.".utf8))
        let r = try CLI.run(["build", "articles", "--out", "o"], in: ws.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.crashed)
        let warnings = r.stderr.split(separator: "\n")
        #expect(warnings.count == 3, "\(r.stderr)")
        #expect(warnings.allSatisfy { $0.hasPrefix("warning: ") })
        #expect(r.stdout.contains("documents read: 2"))
    }

    /// A 100 MB single-line "article" is over the 64 MiB limit: skipped with a warning
    /// (never read), so alone it stops the build and beside a real article it does not.
    @Test func hundredMegabyteSingleLineArticle() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let line = Data(String(repeating: "NATO pledged support to Ukraine, ", count: (100 << 20) / 33).utf8)
        _ = try ws.write("alone/big.txt", line)
        try expectFailure(["build", "alone", "--out", "o"], in: ws, status: 66, "/alone (big.txt: larger than 64 MiB, skipped)")
        _ = try ws.write("mixed/big.txt", line)
        _ = try ws.write("mixed/small.txt", Data("Hungary opposed the plan.".utf8))
        let r = try CLI.run(["build", "mixed", "--out", "o"], in: ws.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.crashed)
        #expect(r.stderr == "warning: big.txt: larger than 64 MiB, skipped\n")
        #expect(r.stdout.contains("documents read: 1"))
    }

    @Test(.enabled(if: !isRoot, rootSkip)) func unreadableArticleIsSkipped() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let locked = try ws.write("articles/a.txt", Data("NATO pledged support to Ukraine.".utf8))
        _ = try ws.write("articles/b.txt", Data("Hungary opposed the plan.".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
        let r = try CLI.run(["build", "articles", "--out", "o"], in: ws.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "warning: a.txt: cannot read file, skipped\n")
    }
}
