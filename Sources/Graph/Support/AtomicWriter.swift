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
        guard fm.createFile(atPath: tmp.path, contents: data) else {
            throw Failure.cannotWrite(path: url.relativePath, reason: fm.isWritableFile(atPath: dir.path) ? "write failed" : "permission denied")
        }
        if rename(tmp.path, url.relativePath) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw Failure.cannotWrite(path: url.relativePath, reason: reason)
        }
    }

    /// Writes several files as a set: all are written to temporaries first and renamed only
    /// when every one was written, so a failure leaves the previous set in place.
    /// - Parameter files: destination and bytes of each file.
    /// - Throws: `AtomicWriter.Failure.cannotWrite`; no destination is touched then.
    public static func writeAll(_ files: [(url: URL, data: Data)]) throws {
        let fm = FileManager.default
        var staged: [(tmp: URL, url: URL)] = []
        func cleanup() { for s in staged { try? fm.removeItem(at: s.tmp) } }
        for f in files {
            let dir = f.url.deletingLastPathComponent()
            do {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                cleanup()
                throw Failure.cannotWrite(path: f.url.relativePath, reason: "cannot create directory \(dir.path)")
            }
            let tmp = dir.appendingPathComponent(".\(f.url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
            guard fm.createFile(atPath: tmp.path, contents: f.data) else {
                cleanup()
                throw Failure.cannotWrite(path: f.url.relativePath, reason: fm.isWritableFile(atPath: dir.path) ? "write failed" : "permission denied")
            }
            staged.append((tmp, f.url))
        }
        for s in staged where rename(s.tmp.path, s.url.relativePath) != 0 {
            let reason = String(cString: strerror(errno))
            cleanup()
            throw Failure.cannotWrite(path: s.url.relativePath, reason: reason)
        }
    }
}
