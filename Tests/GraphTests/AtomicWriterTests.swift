import Foundation
import Testing
@_spi(Testing) @testable import Graph

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

    /// A streamed file arrives whole, in order, beside files given as bytes.
    @Test func streamedAndInMemoryFilesFormOneSet() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("graph.json"), b = dir.appendingPathComponent("graph.dot")
        try Data("old".utf8).write(to: a)
        let chunks = (0..<50).map { Data(repeating: UInt8(ascii: "a") + UInt8($0 % 26), count: 4096 + $0) }
        try AtomicWriter.writeAll([
            (a, AtomicWriter.Content.stream { sink in for c in chunks { c.withUnsafeBytes { sink.write($0) } } }),
            (b, .data(Data("B".utf8))),
        ])
        #expect(try Data(contentsOf: a) == chunks.reduce(Data(), +))
        #expect(try String(contentsOf: b, encoding: .utf8) == "B")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json"])
    }

    /// A stream that fails part way (here: its producer gives up after writing some of it)
    /// leaves the previous set and no temporary.
    @Test func aFailedStreamChangesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("graph.json"), b = dir.appendingPathComponent("graph.dot")
        try Data("old json".utf8).write(to: a)
        try Data("old dot".utf8).write(to: b)
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.writeAll([
                (b, AtomicWriter.Content.data(Data("new dot".utf8))),
                (a, .stream { sink in
                    Data("half of it".utf8).withUnsafeBytes { sink.write($0) }
                    sink.fail()
                    Data("never written".utf8).withUnsafeBytes { sink.write($0) }
                }),
            ])
        }
        #expect(try String(contentsOf: a, encoding: .utf8) == "old json")
        #expect(try String(contentsOf: b, encoding: .utf8) == "old dot")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json"])
    }

    /// A write the system refuses (here: a closed descriptor) marks the sink failed.
    @Test func aRefusedWriteFailsTheSink() {
        let sink = AtomicWriter.Sink(fd: -1)
        Data("x".utf8).withUnsafeBytes { sink.write($0) }
        #expect(!sink.ok)
    }

    /// A build's four files where the third rename fails (as with EIO or a full disk):
    /// the previous set is back, the new file that had no predecessor is gone, and no
    /// temporary or backup remains.
    @Test func aFailedThirdRenameRestoresThePreviousSet() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["graph.json", "graph.dot", "graph.svg", "report.html"]
        for n in names.prefix(3) { try Data("old \(n)".utf8).write(to: dir.appendingPathComponent(n)) }
        var calls = 0
        #expect(throws: AtomicWriter.Failure.cannotWrite(path: dir.appendingPathComponent("graph.svg").relativePath,
                                                         reason: String(cString: strerror(EIO)))) {
            try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("new \($0)".utf8)) }) { from, to in
                calls += 1
                if calls == 3 { errno = EIO; return -1 }
                return rename(from, to)
            }
        }
        for n in names.prefix(3) {
            #expect(try String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8) == "old \(n)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json", "graph.svg"])
    }

    /// Same, when the failing file is new (report.html did not exist): the two files
    /// already renamed in are put back, the third stays as it was.
    @Test func aFailedRenameAfterNewFilesRemovesThem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("old".utf8).write(to: dir.appendingPathComponent("graph.json"))
        var calls = 0
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.writeAll(["graph.json", "graph.dot", "graph.svg"].map { (dir.appendingPathComponent($0), Data("new".utf8)) }) { from, to in
                calls += 1
                if calls == 3 { errno = ENOSPC; return -1 }
                return rename(from, to)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["graph.json"])
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.json"), encoding: .utf8) == "old")
    }

    /// Temporaries and backups left by a run that was killed (its process is gone) are
    /// removed by the next write; those of a live process are not touched.
    @Test func aRunKilledDuringItsRenamesIsRolledBackByTheNext() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let names = ["graph.json", "graph.dot", "graph.svg", "report.html"]
        // the previous set: three of the four files
        try AtomicWriter.writeAll(names.dropLast().map { (dir.appendingPathComponent($0), Data("old \($0)".utf8)) })
        // a run whose process is gone stops after two of its four renames, leaving a mix
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("new \($0)".utf8)) },
                                  rename: { rename($0, $1) }, pid: try exitedProcessID(), stopAfterRenames: 2)
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.json"), encoding: .utf8) == "new graph.json")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).contains { $0.hasPrefix(AtomicWriter.journalPrefix) })
        // the next write into the folder (or a reader) first puts the previous set back
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 1)
        for name in names.dropLast() {
            #expect(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) == "old \(name)", "\(name)")
        }
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("report.html").path))
        try AtomicWriter.writeAll([(dir.appendingPathComponent("graph.json"), Data("next".utf8))])
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json", "graph.svg"])
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.dot"), encoding: .utf8) == "old graph.dot")
    }

    /// A reader runs the public recovery beside a writer that is still renaming: a journal
    /// whose process is alive is not touched.
    @Test func recoveryLeavesTheSetOfALiveWriterAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let names = ["graph.json", "graph.dot", "graph.svg"]
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("old \($0)".utf8)) })
        // this process stands for the writer: alive, half-way through its renames
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("new \($0)".utf8)) },
                                  rename: { rename($0, $1) }, stopAfterRenames: 1)
        let during = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 0)
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == during)
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.json"), encoding: .utf8) == "new graph.json")
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.dot"), encoding: .utf8) == "old graph.dot")
    }

    /// A destination that cannot be put back (a folder now stands there) keeps its backup
    /// and its line in the journal while the rest of the set is rolled back; once the
    /// process that claimed the journal is gone, a later recovery takes it over and finishes.
    @Test func aDestinationThatCannotBePutBackKeepsItsJournalLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let names = ["graph.json", "graph.dot", "graph.svg", "report.html"]
        try AtomicWriter.writeAll(names.dropLast().map { (dir.appendingPathComponent($0), Data("old \($0)".utf8)) })
        let dead = try exitedProcessID()
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("new \($0)".utf8)) },
                                  rename: { rename($0, $1) }, pid: dead, stopAfterRenames: 2)
        let json = dir.appendingPathComponent("graph.json")
        try fm.removeItem(at: json)
        try fm.createDirectory(at: json.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.dot"), encoding: .utf8) == "old graph.dot")
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.svg"), encoding: .utf8) == "old graph.svg")
        let left = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        let journals = left.filter { $0.hasPrefix(AtomicWriter.journalPrefix) }
        #expect(journals.count == 1 && left.count == 2, "\(left)")
        #expect(left.contains { $0.hasPrefix(".graph.json.bak-\(dead)-") }, "\(left)")
        let journal = try #require(journals.first)
        let lines = try String(contentsOf: dir.appendingPathComponent(journal), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix(json.path + "\t"), "\(lines)")
        // the journal was claimed by this process; played gone, its claim is taken over
        let me = "\(ProcessInfo.processInfo.processIdentifier)-"
        let orphan = AtomicWriter.journalPrefix + "\(dead)-" + journal.dropFirst(AtomicWriter.journalPrefix.count + me.count)
        try fm.moveItem(at: dir.appendingPathComponent(journal), to: dir.appendingPathComponent(orphan))
        try fm.removeItem(at: json)
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 1)
        #expect(try String(contentsOf: json, encoding: .utf8) == "old graph.json")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json", "graph.svg"])
    }

    /// Two processes recovering the same folder: the journal one of them has claimed (its
    /// name carries that live process's id) is skipped by the other, and a writer keeps the
    /// backups it names.
    @Test func aJournalBeingRecoveredIsLeftToItsRecoverer() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let dead = try exitedProcessID(), live = ProcessInfo.processInfo.processIdentifier
        let json = dir.appendingPathComponent("graph.json")
        try Data("new".utf8).write(to: json)
        let backup = ".graph.json.bak-\(dead)-7"
        try Data("old".utf8).write(to: dir.appendingPathComponent(backup))
        let claimed = "\(AtomicWriter.journalPrefix)\(live)-1-of-\(dead)-7"
        try Data("\(json.path)\t\(dir.appendingPathComponent(backup).path)\n".utf8).write(to: dir.appendingPathComponent(claimed))
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 0)
        #expect(try String(contentsOf: json, encoding: .utf8) == "new")
        try AtomicWriter.writeAll([(json, Data("newer".utf8))])
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == [backup, claimed, "graph.json"].sorted())
    }

    @Test(.enabled(if: getuid() != 0, "runs as root, where a 0555 folder is still writable"))
    func anUnwritableFolderIsLeftAsItIsByRecovery() throws {
        let dir = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        let fm = FileManager.default
        let names = ["graph.json", "graph.dot"]
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("old \($0)".utf8)) })
        try AtomicWriter.writeAll(names.map { (dir.appendingPathComponent($0), Data("new \($0)".utf8)) },
                                  rename: { rename($0, $1) }, pid: try exitedProcessID(), stopAfterRenames: 1)
        let killed = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 0)
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == killed)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        #expect(AtomicWriter.recoverInterruptedSets(in: dir) == 1)
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["graph.dot", "graph.json"])
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.json"), encoding: .utf8) == "old graph.json")
    }

    @Test func leftoversOfAKilledRunAreRemoved() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        let live = ProcessInfo.processInfo.processIdentifier
        let stale = [".graph.json.tmp-\(dead)-1", ".graph.json.bak-\(dead)-2", ".graph.svg.tmp-\(dead)-3"]
        let kept = [".graph.json.tmp-\(live)-4", ".other.tmp-\(dead)-5"]
        for n in stale + kept { try Data("x".utf8).write(to: dir.appendingPathComponent(n)) }
        try AtomicWriter.writeAll([(dir.appendingPathComponent("graph.json"), Data("A".utf8)),
                                   (dir.appendingPathComponent("graph.svg"), Data("B".utf8))])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == (kept + ["graph.json", "graph.svg"]).sorted())
    }

    @Test(.enabled(if: getuid() != 0, "runs as root, where a 0555 folder is still writable"))
    func anUnwritableFolderKeepsThePreviousSet() throws {
        let dir = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        let a = dir.appendingPathComponent("graph.json")
        try Data("old".utf8).write(to: a)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        #expect(throws: AtomicWriter.Failure.cannotWrite(path: a.relativePath, reason: "permission denied")) {
            try AtomicWriter.writeAll([(a, Data("new".utf8)), (dir.appendingPathComponent("graph.svg"), Data("svg".utf8))])
        }
        #expect(try String(contentsOf: a, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["graph.json"])
    }

    /// The id of a process that has exited: what a killed writer's files are named after.
    func exitedProcessID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}
