// fuzz-graph-json: graph.json bytes → EntityGraph (NodeLinkReader, JSONSyntax).
// Build and run: scripts/fuzz.sh graph-json [seconds]
import Foundation
import Graph

/// Any bytes either load or throw a `GraphError`; a graph that loads writes JSON that loads
/// back to the same graph.
func fuzzOne(_ data: Data) {
    let graph: EntityGraph
    do {
        graph = try EntityGraph(jsonData: data)
    } catch is GraphError {
        return
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let json = graph.jsonData()
    let again: EntityGraph
    do { again = try EntityGraph(jsonData: json) } catch { fatalError("our own JSON does not load: \(error)") }
    precondition(again.jsonData() == json, "graph.json is not stable under load → write")
}

// MARK: Entry point

/// With FUZZING (scripts/fuzz.sh): hands control to libFuzzer's driver, which takes the usual
/// libFuzzer arguments. SwiftPM links an executable's `main` to this type, so the target
/// keeps its `@main` and drives libFuzzer through `LLVMFuzzerRunDriver`.
/// Without FUZZING: replays the files given as arguments (a crasher, a corpus), so the
/// target builds and runs in an ordinary `swift build`.
@main struct FuzzGraphJSONReplay {
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
