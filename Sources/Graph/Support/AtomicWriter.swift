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
    /// A process killed during the few renames at the end can still leave a mix of old and
    /// new files; the next run removes its leftovers.
    /// - Parameter files: destination and bytes of each file.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`; the destinations are as they were then.
    public static func writeAll(_ files: [(url: URL, data: Data)]) throws {
        try writeAll(files, rename: posixRename)
    }

    /// `writeAll` with the rename step given, so tests can make a rename fail.
    static func writeAll(_ files: [(url: URL, data: Data)], rename: (String, String) -> Int32) throws {
        let fm = FileManager.default
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
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
        var fresh: [URL] = []
        for s in staged {
            let existed = fm.fileExists(atPath: s.url.path)
            if rename(s.tmp.path, s.url.path) != 0 {
                let reason = String(cString: strerror(errno))
                for b in backups { _ = posixRename(b.backup.path, b.url.path) }
                for url in fresh { try? fm.removeItem(at: url) }
                cleanup()
                dropBackups()
                throw Failure.cannotWrite(path: s.url.relativePath, reason: reason)
            }
            if !existed { fresh.append(s.url) }
        }
        dropBackups()
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
