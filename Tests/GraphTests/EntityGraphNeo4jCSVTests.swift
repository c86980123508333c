import Foundation
import Testing
@testable import Graph

@Suite struct EntityGraphNeo4jCSVTests {
    /// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
    static func parse(_ data: Data) throws -> [[String]] {
        enum CSVError: Error { case strayQuote(Int), unterminated, bareLineFeed(Int) }
        let s = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = ""
        var i = 0
        var quoted = false
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { field += "\""; i += 2; continue }
                    quoted = false
                    i += 1
                    guard i == s.count || s[i] == "," || s[i] == "\r" else { throw CSVError.strayQuote(i) }
                    continue
                }
                field.unicodeScalars.append(c)
                i += 1
            } else if c == "\"" {
                guard field.isEmpty else { throw CSVError.strayQuote(i) }
                quoted = true
                i += 1
            } else if c == "," {
                record.append(field); field = ""; i += 1
            } else if c == "\r", i + 1 < s.count, s[i + 1] == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
                i += 2
            } else if c == "\n" {
                throw CSVError.bareLineFeed(i)
            } else {
                field.unicodeScalars.append(c)
                i += 1
            }
        }
        guard !quoted else { throw CSVError.unterminated }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    static func table(_ rows: [[String]]) -> [[String: String]] {
        rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    @Test func nodesRoundTripThroughAnRFC4180Parser() throws {
        let g = try HostileGraph.make()
        let files = g.neo4jCSV()
        #expect(files.map(\.name) == ["nodes.csv", "relationships.csv"])
        let rows = try Self.parse(files[0].data)
        #expect(rows[0] == ["id:ID", ":LABEL", "name", "type", "aliases:string[]", "attr_acronym", "attr_odd_key_"])
        #expect(rows.count == 1 + g.entityCount)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let nodes = Self.table(rows)
        #expect(nodes.map { $0["id:ID"]! } == ["land", "o-brien", "plain", "zurich"])
        let obrien = nodes[1]
        #expect(obrien[":LABEL"] == "Entity;Person")
        #expect(obrien["name"] == HostileGraph.nasty.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"))
        #expect(obrien["aliases:string[]"]!.split(separator: ";").map(String.init) == ["\"quoted\"", "a,b", "Ö'B\u{FF1B} x"])
        #expect(obrien["attr_acronym"] == "O\"B")
        #expect(obrien["attr_odd_key_"] == "v;1\n")
        #expect(nodes[3][":LABEL"] == "Entity;Organization" && nodes[3]["name"] == "Zürich; Org")
    }

    @Test func relationshipsRoundTripThroughAnRFC4180Parser() throws {
        let g = try HostileGraph.make()
        let rows = try Self.parse(g.neo4jCSV()[1].data)
        #expect(Array(rows[0].prefix(3)) == [":START_ID", ":END_ID", ":TYPE"])
        #expect(rows[0].contains("evidence_text:string[]") && rows[0].contains("evidence_start:long[]") && rows[0].contains("amount:double"))
        #expect(rows.count == 1 + g.relationCount)
        let edges = Self.table(rows)
        #expect(edges.map { $0[":TYPE"]! } == ["MEMBER", "PLEDGE", "OPPOSITION", "STATEMENT"])
        let pledge = edges[1]
        #expect(pledge[":START_ID"] == "o-brien" && pledge[":END_ID"] == "zurich")
        #expect(pledge["amount:double"].flatMap(Double.init) == 1.5e9)
        #expect(pledge["currency"] == "EUR" && pledge["period"] == "month" && pledge["status"] == "pledged")
        #expect(pledge["quote"] == "We'll \"deliver\"\\")
        #expect(pledge["items:string[]"] == "\"drones\";shells\u{FF1B} 155mm")
        let texts = pledge["evidence_text:string[]"]!.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        #expect(texts == [HostileGraph.nasty.replacingOccurrences(of: ";", with: "\u{FF1B}").replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"),
                          "He said: 'no'\u{FF1B} then left."])
        #expect(pledge["evidence_document:string[]"] == "doc \"1\".txt;doc,2.txt")
        #expect(pledge["evidence_start:long[]"] == "5;0" && pledge["evidence_end:long[]"] == "40;3")
        #expect(pledge["attr_note"] == "line1\r\nline2")
        #expect(edges[0]["amount:double"] == "" && edges[0]["attr_note"] == "")
    }

    @Test func pythonCSVModuleReadsTheSameRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("neo4j-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = try HostileGraph.make().neo4jCSV()
        for f in files { try f.data.write(to: dir.appendingPathComponent(f.name)) }
        let script = """
        import csv, json, sys
        out = []
        for name in sys.argv[1:]:
            with open(name, newline='', encoding='utf-8') as f:
                out.append(list(csv.reader(f, strict=True)))
        print(json.dumps(out))
        """
        guard let result = try? Python.run(script, arguments: files.map { dir.appendingPathComponent($0.name).path }), result.status == 0 else {
            Issue.record("python3 could not read the CSV files")
            return
        }
        let fromPython = try JSONDecoder().decode([[[String]]].self, from: Data(result.stdout.utf8))
        #expect(fromPython == [try Self.parse(files[0].data), try Self.parse(files[1].data)])
    }

    @Test func emptyGraphHasHeadersOnly() throws {
        let files = EntityGraph().neo4jCSV()
        #expect(try Self.parse(files[0].data) == [["id:ID", ":LABEL", "name", "type", "aliases:string[]"]])
        #expect(try Self.parse(files[1].data).count == 1)
    }

    @Test func fieldQuoting() {
        #expect(Neo4jCSV.field("plain") == "plain")
        #expect(Neo4jCSV.field("a,b") == "\"a,b\"")
        #expect(Neo4jCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Neo4jCSV.field("x\ny") == "\"x\ny\"")
        #expect(Neo4jCSV.field("nul\u{0}") == "nul\u{FFFD}")
        #expect(Neo4jCSV.columnNames(["a b", "a_b", "é"]) == ["attr_a_b", "attr_a_b_2", "attr__"])
    }
}
