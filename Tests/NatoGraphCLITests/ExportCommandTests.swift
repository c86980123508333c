import Foundation
import Testing
@testable import nato_graph

@Suite struct ExportCommandTests {
    @Test func parsesFormatsAndListsValidChoices() throws {
        let cmd = try NatoGraph.parseAsRoot(["export", "g.json", "--format", "graphml"])
        #expect((cmd as? NatoGraph.Export)?.format == .graphml)
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["export", "g.json", "--format", "xml"]) }
        let message = NatoGraph.message(for: CLIErrorProbe.parse(["export", "g.json", "--format", "xml"]))
        #expect(message.contains("json") && message.contains("graphml"))
    }

    @Test func exportsGraphMLAndJSON() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(tinyGraph.utf8).write(to: dir.appendingPathComponent("g.json"))
        let r = try CLI.run(["export", "g.json", "--format", "graphml", "-o", "g.graphml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let xml = try String(contentsOf: dir.appendingPathComponent("g.graphml"), encoding: .utf8)
        #expect(xml.contains("<edge id=\"pledge\" source=\"nato\" target=\"ukraine\">"))
        let j = try CLI.run(["export", "g.json"], in: dir)
        #expect(j.status == 0)
        #expect(j.stdout.contains("\"key\" : \"pledge\""))
    }

    @Test func badInputGetsOneLineAndAStatus() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\n \"nodes\": [,]\n}".utf8).write(to: dir.appendingPathComponent("broken.json"))
        try Data(tinyGraph.replacingOccurrences(of: "\"target\": \"ukraine\"", with: "\"target\": \"nowhere\"").utf8)
            .write(to: dir.appendingPathComponent("dangling.json"))
        let cases: [([String], Int32, String)] = [
            (["export", "missing.json"], 66, "no such file"),
            (["export", "."], 66, "is a directory"),
            (["export", "broken.json"], 65, "broken.json:2:12"),
            (["export", "dangling.json"], 65, "unknown node 'nowhere'"),
            (["export", "broken.json", "--format", "xml"], 64, "graphml"),
        ]
        for (args, status, text) in cases {
            let r = try CLI.run(args, in: dir)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(!r.crashed)
            #expect(r.stderr.contains(text), "\(args): \(r.stderr)")
            if status != 64 { #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)") }
        }
    }

    @Test func failedRunKeepsThePreviousOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{".utf8).write(to: dir.appendingPathComponent("broken.json"))
        try Data("previous".utf8).write(to: dir.appendingPathComponent("out.graphml"))
        let r = try CLI.run(["export", "broken.json", "--format", "graphml", "-o", "out.graphml"], in: dir)
        #expect(r.status == 65)
        #expect(try String(contentsOf: dir.appendingPathComponent("out.graphml"), encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}

enum CLIErrorProbe {
    static func parse(_ args: [String]) -> Error {
        do { _ = try NatoGraph.parseAsRoot(args); return CancellationError() } catch { return error }
    }
}

@Suite struct RenderCommandTests {
    @Test func rendersEveryFormatAtomically() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(tinyGraph.utf8).write(to: dir.appendingPathComponent("g.json"))
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
                                        "dot": Array("digraph".utf8)]
        for (format, bytes) in magic {
            let r = try CLI.run(["render", "g.json", "--format", format, "-o", "g.\(format)"], in: dir)
            #expect(r.status == 0, "\(format): \(r.stderr)")
            let data = try Data(contentsOf: dir.appendingPathComponent("g.\(format)"))
            #expect(data.starts(with: bytes), "\(format)")
        }
        let dot = try CLI.run(["export", "g.json", "--format", "dot"], in: dir)
        #expect(dot.stdout.contains("\"nato\" -> \"ukraine\""))
    }

    @Test func invalidChoicesListTheValidOnes() throws {
        let r = try CLI.run(["render", "g.json", "--engine", "spring"])
        #expect(r.status == 64)
        for engine in ["auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"] { #expect(r.stderr.contains(engine)) }
        let f = try CLI.run(["render", "g.json", "--format", "gif"])
        #expect(f.status == 64)
        #expect(f.stderr.contains("svg") && f.stderr.contains("pdf"))
    }

    @Test func missingGraphIsOneLine() throws {
        let r = try CLI.run(["render", "/nonexistent/graph.json"])
        #expect(r.status == 66)
        #expect(!r.crashed)
        #expect(r.stderr == "nato-graph: /nonexistent/graph.json: no such file\n")
    }
}

@Suite struct GraphDatabaseExportTests {
    @Test func cypherAndNeo4jCSV() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(tinyGraph.utf8).write(to: dir.appendingPathComponent("g.json"))
        let c = try CLI.run(["export", "g.json", "--format", "cypher"], in: dir)
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("MERGE"))
        #expect(c.stdout.contains(":PLEDGE"))
        let n = try CLI.run(["export", "g.json", "--format", "neo4j-csv", "-o", "neo4j"], in: dir)
        #expect(n.status == 0, "\(n.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("neo4j").path).sorted()
        #expect(files == ["nodes.csv", "relationships.csv"])
        let nodes = try String(contentsOf: dir.appendingPathComponent("neo4j/nodes.csv"), encoding: .utf8)
        #expect(nodes.hasPrefix("id:ID") || nodes.contains(":ID"))
        let missing = try CLI.run(["export", "g.json", "--format", "neo4j-csv"], in: dir)
        #expect(missing.status == 64)
    }
}
