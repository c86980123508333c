import Foundation
import Testing

/// Issue 7, end to end with a real `kill -9`: a build that dies by SIGKILL in the middle of
/// its renames leaves its folder holding a mix of two sets and a journal; the next
/// nato-graph command that reads a graph from that folder first puts the previous set back,
/// and answers from it.
@Suite struct KilledBuildTests {
    static let setNames = ["graph.json", "graph.dot", "graph.svg", "report.html"]

    /// The readers, one per way a command reads graph.json: the query commands (through
    /// `--graph`), export and render (their argument).
    static let readers: [[String]] = [
        ["pledges", "--graph", "o/graph.json"],
        ["export", "o/graph.json", "--format", "graphml"],
        ["render", "o/graph.json", "--format", "dot"],
    ]

    @Test(arguments: readers)
    func aReaderRollsBackABuildKilledDuringItsRenames(_ reader: [String]) throws {
        let fm = FileManager.default
        let ws = try temporaryDirectory()
        defer { try? fm.removeItem(at: ws) }
        let articles = ws.appendingPathComponent("articles"), out = ws.appendingPathComponent("o")
        try fm.createDirectory(at: articles, withIntermediateDirectories: true)
        try Data("NATO pledged support to Ukraine.".utf8).write(to: articles.appendingPathComponent("a.txt"))
        let first = try CLI.run(["build", "articles", "--out", "o"], in: ws)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.setNames.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let firstAnswer = try CLI.run(reader, in: ws)
        #expect(firstAnswer.status == 0, "\(firstAnswer.stderr)")

        // A second article changes every file; the build dies after two of its four renames.
        try Data("Germany pledged €500 million to Ukraine.".utf8).write(to: articles.appendingPathComponent("b.txt"))
        let killed = try CLI.run(["build", "articles", "--out", "o"], in: ws,
                                 environment: ["NATO_GRAPH_TEST_KILL_AFTER_RENAMES": "2"])
        #expect(killed.crashed && killed.status == SIGKILL, "status \(killed.status), crashed \(killed.crashed): \(killed.stderr)")
        #expect(killed.stdout.isEmpty, "\(killed.stdout)")
        let mixed = try Self.setNames.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(mixed[0] != before[0] && mixed[1] != before[1], "graph.json and graph.dot are the killed run's")
        #expect(mixed[2] == before[2] && mixed[3] == before[3], "graph.svg and report.html are still the first set's")
        let during = try fm.contentsOfDirectory(atPath: out.path)
        #expect(during.contains { $0.hasPrefix(".nato-graph-set-") }, "\(during)")
        #expect(during.contains { $0.hasPrefix(".graph.svg.tmp-") }, "\(during)")
        // what a reader of the mix would answer: the killed run's graph.json, copied aside
        try fm.copyItem(at: out.appendingPathComponent("graph.json"), to: ws.appendingPathComponent("killed.json"))

        // The reader puts the first set back, then answers from it, and prints nothing more.
        let answer = try CLI.run(reader, in: ws)
        #expect(answer.status == 0 && !answer.crashed, "\(answer.stderr)")
        #expect(answer.stderr.isEmpty, "\(answer.stderr)")
        #expect(answer.stdout == firstAnswer.stdout)
        for (name, data) in zip(Self.setNames, before) {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == data, "\(name) is not the first set's")
        }
        #expect(try fm.contentsOfDirectory(atPath: out.path).sorted() == Self.setNames.sorted())

        // ... which is not what the mix would have given.
        let fromMix = try CLI.run(reader.map { $0 == "o/graph.json" ? "killed.json" : $0 }, in: ws)
        #expect(fromMix.status == 0, "\(fromMix.stderr)")
        #expect(fromMix.stdout != firstAnswer.stdout)
    }

    /// With the folder unwritable the reader cannot roll back: it reads what is there (the
    /// mix), prints nothing more, and leaves the folder and the journal as they are.
    @Test(.enabled(if: getuid() != 0, "runs as root, where a 0555 folder is still writable"))
    func aReaderOfAnUnwritableFolderLeavesItAsItIs() throws {
        let fm = FileManager.default
        let ws = try temporaryDirectory()
        let out = ws.appendingPathComponent("o")
        defer {
            try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: out.path)
            try? fm.removeItem(at: ws)
        }
        let articles = ws.appendingPathComponent("articles")
        try fm.createDirectory(at: articles, withIntermediateDirectories: true)
        try Data("NATO pledged support to Ukraine.".utf8).write(to: articles.appendingPathComponent("a.txt"))
        #expect(try CLI.run(["build", "articles", "--out", "o"], in: ws).status == 0)
        try Data("Germany pledged €500 million to Ukraine.".utf8).write(to: articles.appendingPathComponent("b.txt"))
        let killed = try CLI.run(["build", "articles", "--out", "o"], in: ws,
                                 environment: ["NATO_GRAPH_TEST_KILL_AFTER_RENAMES": "1"])
        #expect(killed.crashed && killed.status == SIGKILL)
        try fm.copyItem(at: out.appendingPathComponent("graph.json"), to: ws.appendingPathComponent("killed.json"))
        let during = try fm.contentsOfDirectory(atPath: out.path).sorted()
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
        let answer = try CLI.run(["pledges", "--graph", "o/graph.json"], in: ws)
        #expect(answer.status == 0 && answer.stderr.isEmpty, "\(answer.stderr)")
        #expect(answer.stdout == (try CLI.run(["pledges", "--graph", "killed.json"], in: ws)).stdout)
        #expect(try fm.contentsOfDirectory(atPath: out.path).sorted() == during)
    }
}
