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
        guard fm.createFile(atPath: tmp.path, contents: data) else {
            try? fm.removeItem(at: tmp)  // a full disk can leave part of it
            throw Failure.cannotWrite(path: url.relativePath, reason: fm.isWritableFile(atPath: dir.path) ? "write failed" : "permission denied")
        }
        if rename(tmp.path, url.relativePath) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw Failure.cannotWrite(path: url.relativePath, reason: reason)
        }
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
    /// journal behind, and the next `writeAll` into that folder first rolls the set back to
    /// the previous one (`recoverInterruptedSets`) and then removes the leftovers.
    /// - Parameter files: destination and bytes of each file.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`; the destinations are as they were then.
    public static func writeAll(_ files: [(url: URL, data: Data)]) throws {
        try writeAll(files, rename: posixRename)
    }

    /// `writeAll` with the rename step given, so tests can make a rename fail, and the
    /// process id its temporaries are named after, so tests can play a killed run
    /// (`stopAfterRenames` returns without cleaning up, as a killed process would).
    static func writeAll(_ files: [(url: URL, data: Data)], rename: (String, String) -> Int32,
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
            guard fm.createFile(atPath: tmp.path, contents: f.data) else {
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
        guard fm.createFile(atPath: journal.path, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
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
        try? fm.removeItem(at: journal)
        dropBackups()
    }

    static let journalPrefix = ".nato-graph-set-"

    /// Rolls back sets whose writer was killed during its renames: for each journal in
    /// `directory` whose process no longer exists, every destination gets its backup back,
    /// destinations that did not exist before are removed, then that run's temporaries and
    /// backups, and the journal.
    /// - Parameter directory: the output folder.
    /// - Complexity: O(files in the folder + destinations in the journals).
    static func recoverInterruptedSets(in directory: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names.sorted() where name.hasPrefix(journalPrefix) {
            guard let pid = Int32(name.dropFirst(journalPrefix.count).prefix { $0 != "-" }), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let journal = directory.appendingPathComponent(name)
            let tag = name.dropFirst(journalPrefix.count)
            guard let text = fm.contents(atPath: journal.path).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty else { continue }
                let path = String(parts[0]), backup = String(parts[1])
                if backup.isEmpty {
                    try? fm.removeItem(atPath: path)
                } else if fm.fileExists(atPath: backup) {
                    _ = posixRename(backup, path)
                }
                // what that run left beside this destination: its temporary, and a backup
                // that rename(2) kept because it was still the same file
                let url = URL(fileURLWithPath: path)
                for leftover in [".\(url.lastPathComponent).tmp-\(tag)", ".\(url.lastPathComponent).bak-\(tag)"] {
                    try? fm.removeItem(at: url.deletingLastPathComponent().appendingPathComponent(leftover))
                }
            }
            try? fm.removeItem(at: journal)
        }
    }

    /// Removes `.NAME.tmp-PID-*` and `.NAME.bak-PID-*` files beside `url` whose process no
    /// longer exists (left by a run that was killed while writing).
    static func removeStaleTemporaries(of url: URL) {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        for prefix in [".\(url.lastPathComponent).tmp-", ".\(url.lastPathComponent).bak-"] {
            for name in names where name.hasPrefix(prefix) {
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
