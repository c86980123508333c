import Foundation
import Testing
@testable import nato_graph

/// The query commands end to end, on the graph `build` makes from the seed articles.
@Suite struct QueryCommandTests {
    /// A folder holding graph.json built from `seeds/` by the CLI itself.
    static let seedGraph: Result<URL, Error> = Result {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = try temporaryDirectory()
        let r = try CLI.run(["build", root.appendingPathComponent("seeds").path, "--out", dir.path])
        guard r.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return dir
    }

    func query(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--graph", "graph.json"], in: try Self.seedGraph.get())
    }

    @Test func parsesPathOptions() throws {
        let cmd = try #require(try NatoGraph.parseAsRoot(["path", "Hungary", "Ukraine", "--kinds", "opposition,pledge", "--k", "3", "--format", "json"]) as? NatoGraph.Path)
        #expect(cmd.kinds == "opposition,pledge" && cmd.k == 3 && cmd.format == .json)
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["path", "a", "b", "--all", "--k", "2"]) }
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["path", "a", "b", "--kinds", "friendship"]) }
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["path", "a", "b", "--max-hops", "0"]) }
    }

    @Test func reportQuotesAndRenderEdgeLabelsOptions() throws {
        let dir = try Self.seedGraph.get()
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["report", "--quotes", "some"]) }
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["report", "--quotes", "-1"]) }
        #expect(throws: (any Error).self) { try NatoGraph.parseAsRoot(["render", "g.json", "--edge-labels", "sometimes"]) }
        // the seed graph has relations with more than five sentences: counted by default, all quoted with --quotes all
        var r = try CLI.run(["report", "--graph", "graph.json", "-o", "capped.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try CLI.run(["report", "--graph", "graph.json", "--quotes", "all", "-o", "all.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let capped = try String(contentsOf: dir.appendingPathComponent("capped.html"), encoding: .utf8)
        let all = try String(contentsOf: dir.appendingPathComponent("all.html"), encoding: .utf8)
        #expect(capped.contains("more sentences (graph.json has them all)"))
        #expect(!all.contains("more sentences"))
        #expect(all.components(separatedBy: "<blockquote>").count > capped.components(separatedBy: "<blockquote>").count)
        // edge labels on by default for the small seed graph, off on request
        r = try CLI.run(["render", "graph.json", "--format", "dot", "--edge-labels", "never", "-o", "plain.dot"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let plain = try String(contentsOf: dir.appendingPathComponent("plain.dot"), encoding: .utf8)
        let labelled = try String(contentsOf: dir.appendingPathComponent("graph.dot"), encoding: .utf8)
        func labelledEdges(_ dot: String) -> Int { dot.split(separator: "\n").filter { $0.contains(" -> ") && $0.contains(" label=") }.count }
        #expect(labelledEdges(labelled) > 0)
        #expect(labelledEdges(plain) == 0)
    }

    @Test func pathTextShowsEachHopWithItsSentenceAndDocument() throws {
        let r = try query(["path", "Hungary", "Ukraine"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Hungary → Ukraine") == true)
        let hops = lines.filter { $0.contains("—") && $0.contains("→") && !$0.contains("“") && $0.hasPrefix("  ") && !$0.hasPrefix("    ") }
        #expect(!hops.isEmpty)
        // every hop is followed by a quoted sentence and the document it is in
        for hop in hops {
            let i = try #require(lines.firstIndex(of: hop))
            #expect(lines[i + 1].contains("“") || lines[i + 1].contains("no evidence"), "\(hop)")
            if lines[i + 1].contains("“") { #expect(lines[i + 2].contains(".txt ["), "\(hop)") }
        }
    }

    @Test func pathJSONAgreesWithTheFilters() throws {
        let r = try query(["path", "Rutte", "Ukraine", "--kinds", "statement", "--directed", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [[String: Any]])
        #expect(!paths.isEmpty)
        for p in paths {
            let edges = try #require(p["edges"] as? [[String: Any]])
            #expect(edges.count == p["hops"] as? Int)
            for edge in edges {
                let relation = try #require(edge["relation"] as? [String: Any])
                #expect(relation["kind"] as? String == "statement")
                #expect(edge["direction"] as? String == "forward")
            }
        }
    }

    @Test func allAndKShortestListShortestFirst() throws {
        for mode in [["--all", "--max-hops", "3"], ["--k", "4"]] {
            let r = try query(["path", "NATO", "Ukraine", "--format", "json"] + mode)
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let lengths = try #require(json["paths"] as? [[String: Any]]).map { $0["hops"] as? Int ?? -1 }
            #expect(lengths.count > 1, "\(mode)")
            #expect(lengths == lengths.sorted(), "\(mode)")
        }
    }

    @Test func pathSVGIsDrawnByGraphviz() throws {
        let r = try query(["path", "Hungary", "Ukraine", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<svg") && r.stdout.contains("</svg>"))
        #expect(r.stdout.contains("Hungary") && r.stdout.contains("Ukraine"))
    }

    @Test func pledgesCSVHasOneRowPerPledge() throws {
        let r = try query(["pledges", "--to", "PURL", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first == "giver,recipient,amount,currency,period,items,status,documents")
        #expect(rows.count > 2)
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[1] == "purl" })
    }

    @Test func showResolvesTitlesAndAliases() throws {
        for name in ["Rutte", "NATO Secretary General"] {
            let r = try query(["show", name, "--format", "json"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let entity = try #require(json["entity"] as? [String: Any])
            #expect(entity["id"] as? String == "mark-rutte", "\(name)")
        }
    }

    @Test func matchReturnsRowsAndPointsAtSyntaxErrors() throws {
        let ok = try query(["match", "(c:country)-[:pledge]->(p:program) RETURN c, p LIMIT 2"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("2 rows"))
        let bad = try query(["match", "(c:country)-[:pledge->(p)"])
        #expect(bad.status == 67)
        let lines = bad.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(bad.stderr)")
        // the caret sits under the column the message names
        let column = try #require(lines[0].split(separator: " ").last.flatMap { Int($0) })
        #expect(lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } == column + 1)
    }

    @Test func unknownNamesAndMissingGraphsSayWhatToDo() throws {
        let unknown = try query(["path", "Hungry", "Ukraine"])
        #expect(unknown.status == 67)
        #expect(unknown.stderr.contains("did you mean 'Hungary'"))
        #expect(!unknown.crashed)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["pledges"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nato-graph build"))
        #expect(missing.stdout.isEmpty)
    }
}
