import Foundation

/// Runs the built `nato-graph` executable, as a user would, for end-to-end tests.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ended by a signal (a crash) rather than exiting.
        var crashed: Bool
    }

    /// The `nato-graph` binary next to the test bundle.
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("nato-graph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/nato-graph")
    }()

    /// Runs the CLI with `arguments` in `directory` (with `environment` added to this
    /// process's) and collects its output.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self),
                      crashed: p.terminationReason == .uncaughtSignal)
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nato-graph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let tinyGraph = """
{"directed": true, "multigraph": true, "graph": {},
 "nodes": [{"id": "nato", "label": "NATO", "type": "organization"},
           {"id": "ukraine", "label": "Ukraine", "type": "country", "aliases": ["Kyiv"]}],
 "edges": [{"source": "nato", "target": "ukraine", "key": "pledge", "kind": "pledge",
            "evidence": [{"document": "a.txt", "start": 0, "end": 18, "text": "NATO backs Ukraine."}]}]}
"""
