import Foundation

/// An article file found in the input folder, not yet read.
public struct DocumentFile: Sendable, Equatable {
    /// The document id: the file name.
    public var id: String
    /// Where it is, as a file-system path (what the build opens: no URL parsing per file).
    public var path: String
    /// Its size in bytes when listed (0 when unknown).
    public var size: Int

    /// A file at a path.
    public init(id: String, path: String, size: Int) {
        self.id = id
        self.path = path
        self.size = size
    }

    /// A file at a file URL.
    public init(id: String, url: URL, size: Int) {
        self.init(id: id, path: url.path, size: size)
    }

    /// Where it is, as a file URL.
    public var url: URL { URL(fileURLWithPath: path) }
}

/// How far a build has come; handed to the progress callback after each document.
public struct BuildProgress: Sendable, Equatable {
    /// Documents read and merged so far (skipped files included).
    public var documentsDone: Int
    /// Documents in the folder.
    public var documentsTotal: Int
    /// Bytes of the documents done.
    public var bytesDone: Int
    /// Bytes of all documents.
    public var bytesTotal: Int
    /// Seconds since the build started.
    public var seconds: Double

    public init(documentsDone: Int, documentsTotal: Int, bytesDone: Int, bytesTotal: Int, seconds: Double) {
        self.documentsDone = documentsDone
        self.documentsTotal = documentsTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.seconds = seconds
    }

    /// Bytes per second so far (0 before the first measurable interval).
    public var bytesPerSecond: Double { seconds > 0 ? Double(bytesDone) / seconds : 0 }

    /// Estimated seconds left at the rate so far; nil until something is done.
    public var secondsLeft: Double? {
        guard bytesDone > 0, seconds > 0 else { return nil }
        return Double(max(0, bytesTotal - bytesDone)) / bytesPerSecond
    }
}

/// The outcome of reading one article file.
public enum DocumentRead: Sendable {
    /// The text, with a warning when it was not valid UTF-8.
    case document(SourceDocument, warning: String?)
    /// Not an article (empty, binary, unreadable): the warning says why.
    case skipped(warning: String)
}

extension BuildPipeline {
    /// Lists the `.txt` and `.md` files of a folder, sorted by name, without reading them.
    /// - Throws: `ExtractionError` when the folder is missing, not a folder or holds no article.
    /// - Complexity: O(f log f) in the number of files.
    public static func listDocuments(in directory: URL) throws -> [DocumentFile] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir) else { throw ExtractionError.inputNotFound(path: directory.path) }
        guard isDir.boolValue else { throw ExtractionError.inputNotADirectory(path: directory.path) }
        let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.hasPrefix(".") }
            .sorted()
        guard !names.isEmpty else { throw ExtractionError.noDocuments(path: directory.path) }
        // paths joined as strings: `URL.appendingPathComponent` cost more than the stat
        let folder = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        return names.map { name in
            let path = folder + name
            return DocumentFile(id: name, path: path, size: fileStatus(path).map { Int($0.st_size) } ?? 0)
        }
    }

    /// lstat(2) of a path (what `FileManager.attributesOfItem` reads, without building a
    /// dictionary of boxed values per file); nil when it cannot be read.
    static func fileStatus(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    /// Reads one article file. Empty, binary, unreadable and oversized (`maxArticleBytes`)
    /// files, and folders or FIFOs named like articles, are skipped with a warning; invalid
    /// UTF-8 is decoded with U+FFFD and reported.
    /// - Complexity: O(bytes of the file).
    public static func readDocument(_ file: DocumentFile) -> DocumentRead {
        let name = file.id
        let status = fileStatus(file.path)
        if let status, status.st_mode & S_IFMT != S_IFREG {
            // reading a FIFO would block the build
            return .skipped(warning: "\(name): not a regular file, skipped")
        }
        let size = status.map { Int($0.st_size) }
        if let size, size > maxArticleBytes { return .skipped(warning: "\(name): larger than \(maxArticleBytes >> 20) MiB, skipped") }
        // Not read at all: swift-foundation 6.3 leaks a 4 KB buffer reading an empty file.
        if size == 0 { return .skipped(warning: "\(name): empty file, skipped") }
        guard let data = readFile(file.path, sizeHint: size ?? 0, limit: maxArticleBytes) else { return .skipped(warning: "\(name): cannot read file, skipped") }
        // grown past the limit since it was listed
        if data.count > maxArticleBytes { return .skipped(warning: "\(name): larger than \(maxArticleBytes >> 20) MiB, skipped") }
        let (blank, binary) = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (Bool, Bool) in
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(8192))
            var controls = 0, zero = false
            for b in head {
                if b == 0 { zero = true }
                if b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { controls += 1 }
            }
            return (blank, zero || controls * 10 > head.count)
        }
        if data.isEmpty || blank { return .skipped(warning: "\(name): empty file, skipped") }
        if binary { return .skipped(warning: "\(name): binary file, skipped") }
        // a leading byte-order mark is not text (Foundation's UTF-8 decoding dropped it too)
        if let text = String(validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data[3...] : data[...], as: UTF8.self) {
            return .document(SourceDocument(id: name, text: text, sha256: SHA256.hex(data)), warning: nil)
        }
        return .document(SourceDocument(id: name, text: String(decoding: data, as: UTF8.self), sha256: SHA256.hex(data)),
                         warning: "\(name): invalid UTF-8, decoded with replacement characters (U+FFFD)")
    }

    /// The bytes of a file, read with open(2) and read(2) into one buffer of about
    /// `sizeHint` bytes (grown if the file grew since it was listed), at most `limit + 1` of
    /// them (more than `limit` tells the caller the file is too large, without reading a
    /// file that keeps growing to its end); nil when it cannot be opened or read.
    /// - Complexity: O(min(bytes of the file, limit)).
    static func readFile(_ path: String, sizeHint: Int, limit: Int = .max - 1) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: min(max(sizeHint, 0), limit) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(max(4096, bytes.count), limit + 1 - count))) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads a folder and builds the graph, one document at a time on the calling thread.
    /// Same result as `run(inputDirectory:lexicon:jobs:progress:)` with any number of jobs.
    /// - Throws: `ExtractionError` for a missing or empty folder, or when no file is readable.
    /// - Complexity: O(total text); memory O(largest document + graph).
    public static func run(inputDirectory: URL, lexicon: Lexicon) throws -> (EntityGraph, BuildReport) {
        let started = Date()
        let files = try listDocuments(in: inputDirectory)
        let extractor = Extractor(lexicon: lexicon)
        var acc = BuildAccumulator()
        var warnings: [String] = []
        let workspace = Extractor.Workspace()  // every document reuses its storage
        for file in files {
            var outcome = process(file, extractor, workspace)
            if let w = outcome.warning { warnings.append(w) }
            if var x = outcome.extraction.take() { acc.add(taking: &x) }
        }
        return try finish(acc, warnings: warnings, files: files, directory: inputDirectory, started: started)
    }

    /// Reads a folder and builds the graph with `jobs` documents extracted at a time.
    ///
    /// Files are read lazily by the workers, a batch of consecutive files per task (about
    /// `batchBytes` of text: one task per 3 KB article cost more than the article's merge); at
    /// most `2 × jobs` batches are in flight or waiting to be merged, and each extraction is
    /// folded into the graph in file-name order as soon as its predecessors are, so the output
    /// is byte-identical whatever the number of jobs or the scheduling, and memory does not
    /// grow with the corpus beyond the graph.
    ///
    /// ```swift
    /// let (graph, report) = try await BuildPipeline.run(inputDirectory: URL(fileURLWithPath: "seeds"),
    ///                                                   lexicon: try .bundled(), jobs: 4) { p in
    ///     // p.documentsDone of p.documentsTotal
    /// }
    /// ```
    /// - Parameters:
    ///   - inputDirectory: the folder of `.txt` and `.md` articles.
    ///   - lexicon: the dictionary.
    ///   - jobs: documents extracted concurrently (at least 1), for example
    ///     `ProcessInfo.processInfo.activeProcessorCount`; without it, `run(inputDirectory:lexicon:)`
    ///     is the synchronous one-at-a-time build.
    ///   - batchBytes: text per task (see `batchBytes`); any value gives the same graph.
    ///   - progress: called after each document is merged, in order, from one task at a time.
    /// - Throws: `ExtractionError` for a missing or empty folder, or when no file is readable.
    /// - Complexity: O(total text / jobs) wall time plus the serial merge; memory
    ///   O(jobs × (batchBytes + largest document) + graph).
    public static func run(inputDirectory: URL, lexicon: Lexicon,
                           jobs: Int, batchBytes: Int = BuildPipeline.batchBytes,
                           progress: (@Sendable (BuildProgress) -> Void)? = nil) async throws -> (EntityGraph, BuildReport) {
        let started = Date()
        let files = try listDocuments(in: inputDirectory)
        let extractor = Extractor(lexicon: lexicon)
        let jobs = max(1, jobs)
        let window = 2 * jobs
        let bytesTotal = files.reduce(0) { $0 + $1.size }
        let batches = Self.batches(files, bytes: batchBytes)
        var acc = BuildAccumulator()
        var warnings: [String] = []
        await withTaskGroup(of: (Int, Batch).self) { group in
            var next = 0, merged = 0, running = 0, documentsDone = 0, bytesDone = 0
            var pending: [Int: Batch] = [:]
            func refill() {
                while next < batches.count, running < jobs, next - merged < window {
                    let b = next, batch = files[batches[b]]
                    group.addTask {
                        let workspace = Extractor.Workspace()  // the batch's documents reuse its storage
                        return (b, Batch(batch.map { process($0, extractor, workspace) }))
                    }
                    next += 1; running += 1
                }
            }
            refill()
            while let (b, batch) = await group.next() {
                running -= 1
                pending[b] = batch
                // fold in document order: the reorder buffer holds at most `window` batches
                while let done = pending.removeValue(forKey: merged) {
                    var os = exchange(&done.outcomes, with: [])
                    for k in os.indices {
                        if let w = os[k].warning { warnings.append(w) }
                        // moved out of the batch, so the fold can take its edges without copying
                        if var x = os[k].extraction.take() { acc.add(taking: &x) }
                        bytesDone += files[documentsDone].size
                        documentsDone += 1
                        progress?(BuildProgress(documentsDone: documentsDone, documentsTotal: files.count, bytesDone: bytesDone,
                                                bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(started)))
                    }
                    merged += 1
                }
                refill()
            }
        }
        return try finish(acc, warnings: warnings, files: files, directory: inputDirectory, started: started)
    }

    /// Text a task of the parallel build extracts at a time (files are never split).
    public static let batchBytes = 1 << 16

    /// Consecutive runs of `files` of at least `bytes` listed bytes each (the last one may be
    /// smaller) and at most 64 files, covering every file once in order.
    /// - Complexity: O(n) in the files.
    static func batches(_ files: [DocumentFile], bytes: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, size = 0
        for (i, f) in files.enumerated() {
            size += max(f.size, 1)
            if size >= bytes || i + 1 - start >= 64 {
                out.append(start..<(i + 1))
                start = i + 1
                size = 0
            }
        }
        if start < files.count { out.append(start..<files.count) }
        return out
    }

    /// One task's outcomes, handed over by reference: a task group keeps a copy of each
    /// child's result until the task is released, so an array returned by value is shared
    /// and moving an extraction out of it would copy the whole batch first.
    final class Batch: @unchecked Sendable {
        /// Read only by the task that folds the batch, after its worker has finished.
        var outcomes: [Outcome]
        init(_ outcomes: [Outcome]) { self.outcomes = outcomes }
    }

    /// What one worker hands back: the extraction (nil when skipped) and a file warning.
    struct Outcome: Sendable {
        var extraction: DocumentExtraction?
        var warning: String?
    }

    static func process(_ file: DocumentFile, _ extractor: Extractor, _ workspace: Extractor.Workspace = Extractor.Workspace()) -> Outcome {
        switch readDocument(file) {
        case let .skipped(warning):
            return Outcome(extraction: nil, warning: warning)
        case let .document(d, warning):
            return Outcome(extraction: extractor.extract(documentID: d.id, text: d.text, sha256: d.sha256, workspace: workspace), warning: warning)
        }
    }

    private static func finish(_ acc: BuildAccumulator, warnings: [String], files: [DocumentFile], directory: URL,
                               started: Date) throws -> (EntityGraph, BuildReport) {
        guard acc.documentsRead > 0 else { throw ExtractionError.noReadableDocuments(path: directory.path, skipped: warnings.count, first: warnings.first ?? "") }
        var (g, report) = acc.finish()
        report.warnings = warnings + report.warnings
        report.seconds = Date().timeIntervalSince(started)
        return (g, report)
    }
}
