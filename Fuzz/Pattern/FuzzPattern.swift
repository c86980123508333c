// fuzz-pattern: match pattern text → Pattern (PatternLexer, PatternParser), then matched
// against a small graph.
// Build and run: scripts/fuzz.sh pattern [seconds]
import Foundation
import Graph

let sample: EntityGraph = {
    var g = EntityGraph()
    g.add(Entity(name: "NATO", type: .organization, aliases: ["the alliance"]))
    g.add(Entity(name: "Ukraine", type: .country))
    g.add(Entity(name: "Hungary", type: .country))
    g.add(Entity(name: "Mark Rutte", type: .person, aliases: ["Rutte"]))
    g.add(Entity(name: "PURL", type: .program))
    try! g.add(Relation(source: "nato", kind: .pledge, target: "ukraine"))
    try! g.add(Relation(source: "hungary", kind: .opposition, target: "purl"))
    try! g.add(Relation(source: "purl", kind: .pledge, target: "ukraine"))
    try! g.add(Relation(source: "mark-rutte", kind: .statement, target: "hungary"))
    try! g.add(Relation(source: "mark-rutte", kind: .role, target: "nato"))
    try! g.add(Relation(source: "hungary", kind: .member, target: "nato"))
    return g
}()

nonisolated(unsafe) let finder = PathFinder(GraphIndex(sample))

/// Any text either parses or throws a `QueryError`; a pattern that parses runs on a
/// small graph without trapping.
func fuzzOne(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let pattern: Pattern
    do {
        pattern = try Pattern(parsing: text)
    } catch is QueryError {
        return
    } catch {
        fatalError("unexpected error: \(error)")
    }
    do {
        _ = try sample.match(pattern, finder: finder, maxMatches: 1000)
    } catch is QueryError {
    } catch {
        fatalError("unexpected error: \(error)")
    }
}

// MARK: Entry point

/// With FUZZING (scripts/fuzz.sh): hands control to libFuzzer's driver, which takes the usual
/// libFuzzer arguments. SwiftPM links an executable's `main` to this type, so the target
/// keeps its `@main` and drives libFuzzer through `LLVMFuzzerRunDriver`.
/// Without FUZZING: replays the files given as arguments (a crasher, a corpus), so the
/// target builds and runs in an ordinary `swift build`.
@main struct FuzzPatternReplay {
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
