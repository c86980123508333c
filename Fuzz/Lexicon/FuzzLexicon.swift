// fuzz-lexicon: lexicon YAML → Lexicon (Yams, the section readers), merged over a small base.
// Build and run: scripts/fuzz.sh lexicon [seconds]
import Foundation
import Graph

/// Any text either loads or throws a `LexiconError.malformed` (with a 1-based position);
/// a lexicon that loads merges and compiles into an extractor.
func fuzzOne(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let lexicon: Lexicon
    do {
        lexicon = try Lexicon(yaml: text, file: "fuzz.yaml")
    } catch let LexiconError.malformed(_, line, column, _) {
        precondition(line >= 1 && column >= 1, "position \(line):\(column)")
        return
    } catch {
        fatalError("unexpected error: \(error)")
    }
    var base = Lexicon()
    base.add(.init(name: "Ukraine", type: .country, aliases: ["Kyiv"]))
    base.merge(lexicon)
    _ = Extractor(lexicon: base).extract(documentID: "x.txt", text: "Ukraine said it pledged $5 billion to NATO.")
}

// MARK: Entry point

/// With FUZZING (scripts/fuzz.sh): hands control to libFuzzer's driver, which takes the usual
/// libFuzzer arguments. SwiftPM links an executable's `main` to this type, so the target
/// keeps its `@main` and drives libFuzzer through `LLVMFuzzerRunDriver`.
/// Without FUZZING: replays the files given as arguments (a crasher, a corpus), so the
/// target builds and runs in an ordinary `swift build`.
@main struct FuzzLexiconReplay {
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
