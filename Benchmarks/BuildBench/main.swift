// build-bench: throughput and peak memory of `BuildPipeline.run` (read, extract, merge; no
// output files) on synthetic corpora made from the seed articles.
//
//   build-bench [--mb 10,100] [--jobs 1,2] [--seeds seeds] [--dir /tmp/nato-build-bench] [--seed 1]
//   build-bench --child DIR --jobs N [--in-memory]   one measurement (--in-memory: all texts and
//                                                     extractions held, as before streaming)
//
// For each size the corpus is generated once into DIR/<size>mb (kept for reruns), then each
// job count runs in a fresh child process so that its peak memory (getrusage ru_maxrss) is
// its own.
import Foundation
import Graph

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Child mode: build one corpus with one job count and print one result line.
func runChild(directory: String, jobs: Int) async throws {
    let lexicon = try Lexicon.bundled()
    let files = try BuildPipeline.listDocuments(in: URL(fileURLWithPath: directory))
    let bytes = files.reduce(0) { $0 + $1.size }
    let rssBefore = peakRSSMegabytes()
    let cpu0 = cpuSeconds()
    let start = Date()
    let graph: EntityGraph, report: BuildReport
    if CommandLine.arguments.contains("--in-memory") {
        // the way build worked before streaming: every text, then every extraction, held to the end
        let docs = try BuildPipeline.loadDocuments(from: URL(fileURLWithPath: directory)).documents
        let extractor = Extractor(lexicon: lexicon)
        (graph, report) = BuildPipeline.merge(docs.map { extractor.extract(documentID: $0.id, text: $0.text, sha256: $0.sha256) })
    } else {
        (graph, report) = try await BuildPipeline.run(inputDirectory: URL(fileURLWithPath: directory), lexicon: lexicon, jobs: jobs)
    }
    let seconds = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpu0
    let peak = peakRSSMegabytes()  // before serializing, which needs memory of its own
    // what the graph holds: evidence sentences dominate it
    var evidence = 0, evidenceBytes = 0
    for r in graph.relations { evidence += r.evidence.count; for e in r.evidence { evidenceBytes += e.text.utf8.count } }
    let jsonStart = Date()
    let json = graph.jsonData()
    let jsonSeconds = Date().timeIntervalSince(jsonStart)
    print(String(format: "RESULT docs=%d bytes=%d seconds=%.3f cpu=%.3f peak_mb=%.1f base_mb=%.1f nodes=%d edges=%d evidence=%d evidence_mb=%.1f json_mb=%.1f json_s=%.2f json_sha=%@",
                 report.documentsRead, bytes, seconds, cpu, peak, rssBefore, graph.entityCount, graph.relationCount,
                 evidence, Double(evidenceBytes) / 1e6, Double(json.count) / 1e6, jsonSeconds, String(SHA256.hex(json).prefix(16))))
}

let usage = """
    usage: build-bench [--mb 10,100] [--jobs 1,2] [--seeds seeds] [--dir /tmp/nato-build-bench] [--seed 1]
           build-bench --child DIR [--jobs N] [--in-memory]
    """

/// Ends the run with one line on standard error and status `status`.
func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("build-bench: \(message)\n".utf8))
    exit(status)
}

/// A comma-separated list of positive numbers, or a usage error naming the option.
func positiveList<T: Comparable & LosslessStringConvertible & Numeric>(_ name: String, default value: String, as: T.Type) -> [T] {
    let raw = argument(name) ?? value
    let parts = raw.split(separator: ",", omittingEmptySubsequences: false)
    let list = parts.compactMap { T(String($0)) }.filter { $0 > 0 }
    guard !parts.isEmpty, list.count == parts.count else { fail("\(name) wants positive numbers separated by commas, not '\(raw)'", status: 2) }
    return list
}

let args = CommandLine.arguments
if args.contains("--help") || args.contains("-h") { print(usage); exit(0) }
let known: Set<String> = ["--mb", "--jobs", "--seeds", "--dir", "--seed", "--child"]
var k = 1
while k < args.count {
    if args[k] == "--in-memory" { k += 1; continue }
    guard known.contains(args[k]) else { fail("unknown argument '\(args[k])'\n\(usage)", status: 2) }
    guard k + 1 < args.count else { fail("\(args[k]) needs a value", status: 2) }
    k += 2
}

if let dir = argument("--child") {
    let jobs = positiveList("--jobs", default: "1", as: Int.self)
    guard jobs.count == 1 else { fail("--child takes one --jobs value", status: 2) }
    do { try await runChild(directory: dir, jobs: jobs[0]) } catch { fail(error.localizedDescription) }
    exit(0)
}

let sizes = positiveList("--mb", default: "10,100", as: Double.self)
let jobList = positiveList("--jobs", default: "1,2", as: Int.self)
let seedsDir = URL(fileURLWithPath: argument("--seeds") ?? "seeds")
let root = URL(fileURLWithPath: argument("--dir") ?? NSTemporaryDirectory() + "nato-build-bench")
guard let seed = UInt64(argument("--seed") ?? "1") else { fail("--seed wants a whole number", status: 2) }

let lexicon: Lexicon
let seedTexts: [String]
do {
    lexicon = try Lexicon.bundled()
    seedTexts = try BuildPipeline.loadDocuments(from: seedsDir).documents.map(\.text)
} catch {
    fail(error.localizedDescription)
}
let generator = SyntheticArticles(seedTexts: seedTexts, lexicon: lexicon, seed: seed)

print("| corpus | documents | jobs | wall s | cpu s | MB/s | MB/s per cpu s | documents/s | peak RSS MB (before build) | graph nodes / edges / evidence | evidence text MB | graph.json MB | graph.json s | graph.json sha256 |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|")
for mb in sizes {
    let dir = root.appendingPathComponent("\(mb)mb-seed\(seed)")
    let marker = dir.appendingPathComponent(".complete")
    if !FileManager.default.fileExists(atPath: marker.path) {
        try? FileManager.default.removeItem(at: dir)
        do {
            let n = try generator.write(bytes: Int(mb * 1_000_000), to: dir)
            try Data("\(n)\n".utf8).write(to: marker)
        } catch {
            fail("cannot write the \(mb) MB corpus into \(dir.path): \(error.localizedDescription)")
        }
    }
    for jobs in jobList {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = ["--child", dir.path, "--jobs", String(jobs)]
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { fail("cannot start a measurement: \(error.localizedDescription)") }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) else {
            print("| \(mb) MB | failed (status \(p.terminationStatus)) |"); continue
        }
        var v: [String: String] = [:]
        for field in line.split(separator: " ").dropFirst() {
            let kv = field.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { v[String(kv[0])] = String(kv[1]) }
        }
        let seconds = Double(v["seconds"] ?? "") ?? .nan
        let bytes = Double(v["bytes"] ?? "") ?? .nan
        let docs = Double(v["docs"] ?? "") ?? .nan
        let rate = bytes / 1e6 / seconds
        let cpu = Double(v["cpu"] ?? "") ?? .nan
        print(String(format: "| %g MB | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %@ (%@) | %@ / %@ / %@ | %@ | %@ | %@ | %@ |", mb, docs, jobs, seconds,
                     cpu, rate, bytes / 1e6 / cpu, docs / seconds, v["peak_mb"] ?? "?", v["base_mb"] ?? "?",
                     v["nodes"] ?? "?", v["edges"] ?? "?", v["evidence"] ?? "?", v["evidence_mb"] ?? "?", v["json_mb"] ?? "?", v["json_s"] ?? "?", v["json_sha"] ?? "?"))
        fflush(nil)  // every open stream: the row shows while the next runs
    }
}
