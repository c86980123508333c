// fuzz-extract: article text → extraction and merge of one document (Extractor, BuildPipeline.merge).
// Build and run: scripts/fuzz.sh extract [seconds]
import Foundation
import Graph

/// Compiled once: `BuildPipeline.build` compiles the lexicon on every call.
let extractor: Extractor = {
    do { return Extractor(lexicon: try Lexicon.bundled()) } catch { fatalError("bundled lexicon: \(error)") }
}()

/// Any bytes, decoded as the build decodes a file, must extract without trapping, and the
/// graph must be consistent (every edge between nodes, evidence inside the text).
func fuzzOne(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let (graph, _) = BuildPipeline.merge([extractor.extract(documentID: "fuzz.txt", text: text)])
    let scalars = text.unicodeScalars.count
    for r in graph.relations {
        precondition(graph.entity(id: r.source) != nil && graph.entity(id: r.target) != nil, "dangling edge \(r.key)")
        for e in r.evidence where e.document == "fuzz.txt" {
            precondition(0 <= e.start && e.start <= e.end && e.end <= scalars, "evidence out of range \(e.start)..<\(e.end) of \(scalars)")
        }
    }
    // What build writes must read back.
    _ = try! EntityGraph(jsonData: graph.jsonData())
}

// MARK: Entry point

/// With FUZZING (scripts/fuzz.sh): hands control to libFuzzer's driver, which takes the usual
/// libFuzzer arguments. SwiftPM links an executable's `main` to this type, so the target
/// keeps its `@main` and drives libFuzzer through `LLVMFuzzerRunDriver`.
/// Without FUZZING: replays the files given as arguments (a crasher, a corpus), so the
/// target builds and runs in an ordinary `swift build`.
@main struct FuzzExtractReplay {
    static func main() {
#if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
#else
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8)); failed = true; continue
            }
            fuzzOne(data)
        }
        exit(failed ? 1 : 0)
#endif
    }
}

#if FUZZING
/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
