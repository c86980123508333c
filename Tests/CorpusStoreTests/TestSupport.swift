import CorpusStore
import Foundation
import Graph
import Testing

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nato-graph-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The PostgreSQL server the tests may use: `NATO_GRAPH_TEST_POSTGRES`
/// (see `scripts/start-postgres.sh`), when set and accepting TCP connections.
enum TestPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["NATO_GRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the server answers on its host and port (checked once).
    static let isAvailable: Bool = {
        guard let url, let c = URLComponents(string: url) else { return false }
        return canConnect(host: c.host ?? "127.0.0.1", port: c.port ?? 5432)
    }()

    static let skipMessage: Comment = url == nil
        ? "PostgreSQL tests skipped: NATO_GRAPH_TEST_POSTGRES is not set (eval \"$(scripts/start-postgres.sh)\" sets it)"
        : "PostgreSQL tests skipped: the server in NATO_GRAPH_TEST_POSTGRES does not accept connections"

    /// A URL for a schema of its own, so tests running in parallel do not see each other.
    /// The whole suite in parallel (under AddressSanitizer, on two cores) can keep the
    /// client's tasks from running for longer than the default 10 s connect timeout: the
    /// tests allow two minutes.
    static func isolatedURL(_ name: String) -> String {
        let base = url!
        let schema = "t_\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        let timeout = base.contains("connect_timeout=") ? "" : "&connect_timeout=120"
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)" + timeout
    }

    private static func canConnect(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
    }
}

/// The `store-crash-test` binary next to the test bundle.
let crashTool: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("store-crash-test")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/store-crash-test")
}()

/// The graph that ingesting `articles` (bare graphs, no merge facts) must give: the
/// per-document graphs merged by `BuildPipeline.merge`, in order of document id (latest
/// revision of each).
func directMerge(_ articles: [(document: Document, text: String, graph: EntityGraph)]) -> EntityGraph {
    var latest: [String: (document: Document, graph: EntityGraph)] = [:]
    for a in articles { latest[a.document.id] = (a.document, a.graph) }
    let extractions = latest.keys.sorted().map { id -> DocumentExtraction in
        var g = latest[id]!.graph
        g.add(latest[id]!.document)
        return DocumentExtraction(document: latest[id]!.document, graph: g, facts: .none)
    }
    return BuildPipeline.merge(extractions).0
}

/// The repository's seed articles.
let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")

/// A copy of the seeds in a new folder where the article at position i (in name order) gets
/// the date line `2025-06-0(i+1)` under its title; the last one stays undated.
/// - Returns: the folder and the date of each file (nil for the undated one).
func datedSeeds() throws -> (folder: URL, dates: [String: String?]) {
    let folder = try temporaryDirectory().appendingPathComponent("dated")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
    var dates: [String: String?] = [:]
    for (i, name) in names.enumerated() {
        var text = try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
        var date: String?
        if i < names.count - 1 {
            date = "2025-06-0\(i + 1)"
            let title = text.prefix { $0 != "\n" }
            text = title + "\n" + date! + "\n" + text.dropFirst(title.count)
        }
        dates[name] = date
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return (folder, dates)
}

/// Two entities and a pledge with hostile strings everywhere.
func hostileArticle(id: String = "hostile \"one\".txt", revision: Int = 0) -> (document: Document, text: String, graph: EntityGraph) {
    let sentence = "She said: \"Don't\" — back\\slash,\ncomma; semi 'quote' `tick` 🛰 é\u{2028}end \(revision)."
    let text = "Title\n" + sentence
    let start = "Title\n".unicodeScalars.count
    let ev = Evidence(document: id, start: start, end: start + sentence.unicodeScalars.count, text: sentence)
    var g = EntityGraph()
    g.add(Entity(id: "o'brien", name: "O'Brien \"the\" \\ one,\n2", type: .person, aliases: ["Ö'B; x", "a,b"], attributes: ["acronym": "O\"B", "odd key`": "v;1"]))
    g.add(Entity(id: "zürich-org", name: "Zürich; Org", type: .organization, aliases: ["ZO"]))
    try! g.add(Relation(source: "o'brien", kind: .pledge, target: "zürich-org", evidence: [ev],
                        amount: Amount(value: 1.5e9, currency: "EUR", period: "month"), items: ["shells; 155mm", "\"drones\""],
                        status: .pledged, quote: "We'll \"deliver\"\\.", attributes: ["note": "line1\r\nline2"]))
    try! g.add(Relation(source: "zürich-org", kind: .statement, target: "o'brien", evidence: [ev]))
    g.add(Conflict(entity: "o'brien", field: "expansion", values: ["a'1", "b\"2"], documents: [id, id]))
    let document = Document(id: id, title: "Title", sha256: String(repeating: revision == 0 ? "a" : "b", count: 64), date: "2025-03-0\(revision + 1)")
    g.add(document)
    return (document, text, g)
}

/// A running `store-crash-test`.
final class CrashToolProcess: @unchecked Sendable {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()
    /// Output `readLines` read past the line it stopped at; `finish` returns it first.
    private var unread = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = crashTool
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Reads stdout lines until `predicate` holds for one of them or the output ends; returns the lines read.
    func readLines(until predicate: (String) -> Bool) -> [String] {
        var lines: [String] = []
        var buffer = unread
        defer { unread = buffer }
        let handle = out.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...nl)
                lines.append(line)
                if predicate(line) { return lines }
            }
        }
        return lines
    }

    /// Waits for the end; returns the status, the rest of stdout and stderr.
    func finish() -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
        let o = unread + out.fileHandleForReading.readDataToEndOfFile()
        unread = Data()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func kill9() { kill(process.processIdentifier, SIGKILL) }

    // Waiting for the tool blocks a thread. Done on one of the few threads Swift's concurrency
    // runs every test's tasks on, it starved a transaction of another test that the tool was
    // waiting for, and the run stopped: these wait on threads of their own.

    /// `finish()`, waited for off the concurrency pool.
    func finished() async -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
        await offPool { self.finish() }
    }

    /// Reads stdout lines until `count` of them end in " added" (or the output ends), waits
    /// `delay` microseconds and kills the tool with SIGKILL; returns the lines read.
    ///
    /// All of it runs on one thread off the concurrency pool: awaiting the lines and killing
    /// afterwards let the tool run on for as long as the pool took to resume the test, which
    /// under a parallel test run was long enough for it to finish its whole work list.
    func kill9(afterAdded count: Int, delay: useconds_t) async -> [String] {
        await offPool {
            var added = 0
            let lines = self.readLines { line in
                if line.hasSuffix(" added") { added += 1 }
                return added >= count
            }
            usleep(delay)
            self.kill9()
            return lines
        }
    }
}

/// Runs a blocking call on a thread of its own and waits for it without holding a pool thread.
func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}
