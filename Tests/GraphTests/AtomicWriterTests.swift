import Foundation
import Testing
@testable import Graph

@Suite struct AtomicWriterTests {
    @Test func writesAndReplaces() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("sub/a.txt")
        try AtomicWriter.write(Data("one".utf8), to: f)
        try AtomicWriter.write(Data("two".utf8), to: f)
        #expect(try String(contentsOf: f, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.deletingLastPathComponent().path) == ["a.txt"])
    }

    @Test func aSetWithOneBadDestinationChangesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("graph.json"), b = dir.appendingPathComponent("graph.svg")
        try Data("old json".utf8).write(to: a)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.writeAll([(a, Data("new json".utf8)), (b, Data("svg".utf8))])
        }
        #expect(try String(contentsOf: a, encoding: .utf8) == "old json")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["graph.json", "graph.svg"])
    }

    @Test func aSetReplacesEveryFileAndLeavesNoTemporaries() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("graph.json"), b = dir.appendingPathComponent("graph.dot")
        try Data("old".utf8).write(to: a)
        try AtomicWriter.writeAll([(a, Data("A".utf8)), (b, Data("B".utf8))])
        #expect(try String(contentsOf: a, encoding: .utf8) == "A")
        #expect(try String(contentsOf: b, encoding: .utf8) == "B")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json"])
    }
}
