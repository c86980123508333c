import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// in the same directory, which is then renamed over the destination. A failed write
/// leaves the previous file as it was.
public enum AtomicWriter {
    /// Errors writing output files.
    public enum Failure: LocalizedError, Equatable {
        case cannotWrite(path: String, reason: String)

        public var errorDescription: String? {
            switch self {
            case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `data` to `url` atomically, creating the parent directory when missing.
    /// - Parameters:
    ///   - data: the bytes.
    ///   - url: the destination.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`.
    public static func write(_ data: Data, to url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.relativePath, isDirectory: &isDir), isDir.boolValue {
            throw Failure.cannotWrite(path: url.relativePath, reason: "is a directory")
        }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotWrite(path: url.relativePath, reason: "cannot create directory \(dir.path)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        removeStaleTemporaries(of: url)
        guard writeDurably(tmp.path, data) else {
            try? fm.removeItem(at: tmp)  // a full disk can leave part of it
            throw Failure.cannotWrite(path: url.relativePath, reason: fm.isWritableFile(atPath: dir.path) ? "write failed" : "permission denied")
        }
        if rename(tmp.path, url.relativePath) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw Failure.cannotWrite(path: url.relativePath, reason: reason)
        }
        _ = syncDirectory(dir.path)
    }

    /// Writes several files as a set: all are written to temporaries first and renamed only
    /// when every one was written; if a rename fails, the files already replaced are put
    /// back from backups (hard links, or copies where links are not possible) and files that
    /// did not exist before are removed, so a failure leaves the previous set in place and no
    /// temporary behind. Temporaries and backups that an interrupted earlier run left (named
    /// after a process that no longer exists) are removed first.
    ///
    /// Before the renames a journal (`.nato-graph-set-PID-…` beside the first file) lists
    /// every destination and its backup. A process killed during the renames leaves the
    /// journal behind; the next `writeAll` into that folder, or a reader that calls
    /// `recoverInterruptedSets(in:)` first, rolls the set back to the previous one and
    /// removes the leftovers.
    /// - Parameter files: destination and bytes of each file.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`; the destinations are as they were then.
    public static func writeAll(_ files: [(url: URL, data: Data)]) throws {
        try writeAll(files.map { ($0.url, Content.data($0.data)) }, rename: posixRename)
    }

    /// `writeAll` for files given as `Content`: bytes in memory, or a producer that streams
    /// them into the temporary file, so a large file (graph.json) is never held whole.
    /// - Parameter files: destination and content of each file.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`; the destinations are as they were then.
    public static func writeAll(_ files: [(url: URL, content: Content)]) throws {
        try writeAll(files, rename: posixRename)
    }

    /// What goes into one file of a set.
    public enum Content: Sendable {
        /// These bytes.
        case data(Data)
        /// What the producer writes to the sink, in chunks, in order.
        case stream(@Sendable (Sink) -> Void)
    }

    /// Where a streamed file's bytes go: its temporary file. The first failed write is
    /// kept and later writes are dropped, so a producer need not check each call; the set
    /// then fails as a whole.
    public final class Sink {
        private let fd: Int32
        /// False once a write has failed.
        public private(set) var ok = true

        init(fd: Int32) { self.fd = fd }

        /// Appends `bytes` to the file.
        /// - Parameter bytes: valid for the duration of the call.
        public func write(_ bytes: UnsafeRawBufferPointer) {
            guard ok, let base = bytes.baseAddress else { return }
            ok = AtomicWriter.writeFully(fd, base, bytes.count)
        }

        /// Gives the file up (the producer cannot make it): the set is not written.
        public func fail() { ok = false }
    }

    /// `writeAll` with the rename step given, so tests can make a rename fail, and the
    /// process id its temporaries are named after, so tests can play a killed run
    /// (`stopAfterRenames` returns without cleaning up, as a killed process would).
    /// For tests only: the CLI's test hook (`NATO_GRAPH_TEST_KILL_AFTER_RENAMES`, in
    /// `Build`) reaches it through `@_spi(Testing) import`.
    @_spi(Testing) public static func writeAll(_ files: [(url: URL, data: Data)], rename: (String, String) -> Int32,
                         pid: Int32 = ProcessInfo.processInfo.processIdentifier, stopAfterRenames: Int? = nil) throws {
        try writeAll(files.map { ($0.url, Content.data($0.data)) }, rename: rename, pid: pid, stopAfterRenames: stopAfterRenames)
    }

    /// The `Content` form of the testing `writeAll` above.
    @_spi(Testing) public static func writeAll(_ files: [(url: URL, content: Content)], rename: (String, String) -> Int32,
                         pid: Int32 = ProcessInfo.processInfo.processIdentifier, stopAfterRenames: Int? = nil) throws {
        let fm = FileManager.default
        let tag = "\(pid)-\(UInt32.random(in: 0...UInt32.max))"
        for dir in Set(files.map { $0.url.deletingLastPathComponent().standardizedFileURL }) { recoverInterruptedSets(in: dir) }
        for f in files { removeStaleTemporaries(of: f.url) }
        var staged: [(tmp: URL, url: URL)] = []
        func cleanup() { for s in staged { try? fm.removeItem(at: s.tmp) } }
        for f in files {
            let dir = f.url.deletingLastPathComponent()
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: f.url.path, isDirectory: &isDir), isDir.boolValue {
                cleanup()
                throw Failure.cannotWrite(path: f.url.relativePath, reason: "is a directory")
            }
            do {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                cleanup()
                throw Failure.cannotWrite(path: f.url.relativePath, reason: "cannot create directory \(dir.relativePath)")
            }
            let tmp = dir.appendingPathComponent(".\(f.url.lastPathComponent).tmp-\(tag)")
            guard writeDurably(tmp.path, f.content) else {
                try? fm.removeItem(at: tmp)  // a full disk can leave part of it
                cleanup()
                throw Failure.cannotWrite(path: f.url.relativePath, reason: fm.isWritableFile(atPath: dir.path) ? "write failed" : "permission denied")
            }
            staged.append((tmp, f.url))
        }
        // Back up what is there (hard links: no copying), then rename the new files in.
        var backups: [(backup: URL, url: URL)] = []
        func dropBackups() { for b in backups { try? fm.removeItem(at: b.backup) } }
        for s in staged where fm.fileExists(atPath: s.url.path) {
            let backup = s.url.deletingLastPathComponent().appendingPathComponent(".\(s.url.lastPathComponent).bak-\(tag)")
            if link(s.url.path, backup.path) == 0 || (try? fm.copyItem(at: s.url, to: backup)) != nil {
                backups.append((backup, s.url))
            } else {
                cleanup()
                dropBackups()
                throw Failure.cannotWrite(path: s.url.relativePath, reason: "cannot back up the previous file")
            }
        }
        // The journal: one line per destination, "path<TAB>backup path" (empty when the
        // file did not exist before). Written only once every new file and backup is on disk.
        guard let first = staged.first else { return }
        let journal = first.url.deletingLastPathComponent().appendingPathComponent("\(journalPrefix)\(tag)")
        let lines = staged.map { s in s.url.path + "\t" + (backups.first { $0.url == s.url }?.backup.path ?? "") }
        // durable before the first rename, so that a power loss during the renames finds it
        guard writeDurably(journal.path, Data((lines.joined(separator: "\n") + "\n").utf8)), syncDirectory(journal.deletingLastPathComponent().path) else {
            cleanup()
            dropBackups()
            throw Failure.cannotWrite(path: journal.relativePath, reason: "cannot write the journal")
        }
        var fresh: [URL] = []
        for (n, s) in staged.enumerated() {
            if let stop = stopAfterRenames, n == stop { return }
            let existed = fm.fileExists(atPath: s.url.path)
            if rename(s.tmp.path, s.url.path) != 0 {
                let reason = String(cString: strerror(errno))
                for b in backups { _ = posixRename(b.backup.path, b.url.path) }
                for url in fresh { try? fm.removeItem(at: url) }
                cleanup()
                dropBackups()
                try? fm.removeItem(at: journal)
                throw Failure.cannotWrite(path: s.url.relativePath, reason: reason)
            }
            if !existed { fresh.append(s.url) }
        }
        // the renames on disk before the journal that could undo them goes
        for dir in Set(staged.map { $0.url.deletingLastPathComponent().path }) { _ = syncDirectory(dir) }
        try? fm.removeItem(at: journal)
        dropBackups()
    }

    /// Writes `data` to a new file at `path` and flushes it to the disk (fsync), so that a
    /// rename over the destination never exposes a file whose bytes a power loss dropped.
    /// - Returns: false when the file cannot be created or written in full.
    static func writeDurably(_ path: String, _ data: Data) -> Bool {
        writeDurably(path, .data(data))
    }

    /// Writes `content` to a new file at `path` and flushes it to the disk.
    /// - Returns: false when the file cannot be created, written or flushed.
    static func writeDurably(_ path: String, _ content: Content) -> Bool {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        var ok: Bool
        switch content {
        case let .data(data):
            ok = data.withUnsafeBytes { bytes in bytes.isEmpty || writeFully(fd, bytes.baseAddress!, bytes.count) }
        case let .stream(produce):
            let sink = Sink(fd: fd)
            produce(sink)
            ok = sink.ok
        }
        if ok, fsync(fd) != 0, errno != EINVAL { ok = false }  // EINVAL: a file system without fsync
        close(fd)
        return ok
    }

    /// `count` bytes from `base` to `fd`, retrying short writes and interruptions.
    static func writeFully(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = Foundation.write(fd, base + done, count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    /// Flushes a directory's entries (new names, renames) to the disk.
    /// - Returns: false only when the directory cannot be opened.
    @discardableResult
    static func syncDirectory(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        _ = fsync(fd)
        close(fd)
        return true
    }

    static let journalPrefix = ".nato-graph-set-"

    /// Rolls back the output sets in `directory` whose writer was killed during its renames
    /// (`kill -9`, power loss), so that the folder holds the previous set again rather than a
    /// mix of two: for each journal there whose process no longer exists, every destination
    /// gets its previous file back from its backup, destinations that did not exist before
    /// are removed, then that run's temporaries and backups, and the journal.
    ///
    /// A journal whose process is alive (a set being written now) is not touched, so this
    /// can run beside a writer. A journal is claimed first by renaming it to a name that
    /// carries this process's id, so two processes recovering the same folder at once do not
    /// both work on it, and one killed while recovering leaves a journal the next one takes
    /// over. Best effort, and it never throws: in a folder it cannot write nothing changes; a
    /// destination it cannot put back keeps its backup and its line in the journal.
    ///
    /// `writeAll` calls this for every folder it writes into. A program that reads files of
    /// an output set calls it for their folder first (nato-graph's commands do, for the graph
    /// they read), so that it reads the previous set and not a mix.
    /// - Parameter directory: the output folder; a set's journal is beside its first file.
    /// - Returns: the number of sets rolled back.
    /// - Complexity: O(files in the folder + destinations in the journals).
    @discardableResult
    public static func recoverInterruptedSets(in directory: URL) -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var recovered = 0
        for name in names.sorted() where name.hasPrefix(journalPrefix) {
            guard let pid = Int32(name.dropFirst(journalPrefix.count).prefix { $0 != "-" }), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            // the tag of the run that wrote the set, which its temporaries and backups carry
            let tag = originalTag(ofJournal: name)
            let me = ProcessInfo.processInfo.processIdentifier
            let journal = directory.appendingPathComponent("\(journalPrefix)\(me)-\(UInt32.random(in: 0...UInt32.max))-of-\(tag)")
            // rename(2) is atomic: of two processes claiming the journal, one wins
            guard posixRename(directory.appendingPathComponent(name).path, journal.path) == 0,
                  let text = fm.contents(atPath: journal.path).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            var kept: [Substring] = []
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty else { continue }
                let path = String(parts[0]), backup = String(parts[1])
                let restored: Bool
                if backup.isEmpty {
                    restored = unlink(path) == 0 || errno == ENOENT
                } else if fm.fileExists(atPath: backup) {
                    restored = posixRename(backup, path) == 0
                } else {
                    restored = true  // put back by a recovery that was itself interrupted
                }
                guard restored else { kept.append(line); continue }
                // what that run left beside this destination: its temporary, and a backup
                // that rename(2) kept because it was still the same file
                let url = URL(fileURLWithPath: path)
                for leftover in [".\(url.lastPathComponent).tmp-\(tag)", ".\(url.lastPathComponent).bak-\(tag)"] {
                    try? fm.removeItem(at: url.deletingLastPathComponent().appendingPathComponent(leftover))
                }
            }
            if kept.isEmpty {
                try? fm.removeItem(at: journal)
                recovered += 1
            } else {
                _ = fm.createFile(atPath: journal.path, contents: Data((kept.joined(separator: "\n") + "\n").utf8))
            }
        }
        return recovered
    }

    /// The tag (`PID-RANDOM`) of the run that wrote the set a journal describes: what follows
    /// the prefix, or for a journal claimed by a recovery (`PREFIX` `PID-RANDOM-of-TAG`) what
    /// follows the last `-of-`.
    static func originalTag(ofJournal name: String) -> Substring {
        let rest = name.dropFirst(journalPrefix.count)
        return rest.range(of: "-of-", options: .backwards).map { rest[$0.upperBound...] } ?? rest
    }

    /// Removes `.NAME.tmp-PID-*` and `.NAME.bak-PID-*` files beside `url` whose process no
    /// longer exists (left by a run that was killed while writing), except those of a set
    /// whose journal is still there (being recovered, or with a file that could not be put
    /// back): the journal needs its backups.
    static func removeStaleTemporaries(of url: URL) {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let journaled = Set(names.filter { $0.hasPrefix(journalPrefix) }.map { originalTag(ofJournal: $0) })
        for prefix in [".\(url.lastPathComponent).tmp-", ".\(url.lastPathComponent).bak-"] {
            for name in names where name.hasPrefix(prefix) && !journaled.contains(name.dropFirst(prefix.count)) {
                guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0 else { continue }
                if kill(pid, 0) != 0, errno == ESRCH {
                    try? fm.removeItem(at: dir.appendingPathComponent(name))
                }
            }
        }
    }
}

/// rename(2), by a name no parameter shadows.
private func posixRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
