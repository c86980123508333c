// fuzz-dot: arbitrary names, labels and evidence → DOTWriter → Graphviz's parser (agmemread
// through the shim, under GraphvizRenderer's lock) → the same ids, labels and tooltips.
// Build and run: scripts/fuzz.sh dot [seconds]
import Foundation
import Graph

/// The input is split at NUL bytes into strings; string i becomes an entity whose id and
/// name come from it, and consecutive entities are joined by edges whose evidence sentence is
/// the next string. The first byte picks options (clusters, title).
func fuzzOne(_ data: Data) {
    guard let flags = data.first else { return }
    let parts = data.dropFirst().split(separator: 0, omittingEmptySubsequences: false)
        .prefix(64).map { String(decoding: $0, as: UTF8.self) }
    var graph = EntityGraph()
    for (i, s) in parts.enumerated() {
        let type = EntityType.allCases[i % EntityType.allCases.count]
        let name = flags & 4 != 0 && i + 1 < parts.count ? parts[i + 1] : s
        graph.add(Entity(id: s, name: name, type: type, aliases: flags & 8 != 0 ? [s + "\\"] : []))
    }
    let ids = graph.entities.map { DOTWriter.nodeName(for: $0.id) }
    let byName = Dictionary(graph.entities.map { (DOTWriter.nodeName(for: $0.id), $0) }, uniquingKeysWith: { a, _ in a })
    for i in 0..<max(0, parts.count - 1) {
        let kind = RelationKind.allCases[i % RelationKind.allCases.count]
        let ev = Evidence(document: "d.txt", start: 0, end: 1, text: parts[(i + 2) % parts.count])
        try! graph.add(Relation(source: parts[i], kind: kind, target: parts[i + 1], evidence: [ev]))
    }
    let options = DOTOptions(clusterByType: flags & 1 != 0, title: flags & 2 != 0 ? parts.last : nil)
    let dot = DOTWriter(options: options).write(graph)
    let drawn: DrawnGraph
    do {
        drawn = try GraphvizRenderer.shared.readBack(dot: dot)
    } catch {
        fatalError("Graphviz refused our DOT: \(error)\n\(dot)")
    }
    precondition(drawn.name == DOTWriter.nodeName(for: options.title ?? "nato-graph"), "graph name \(drawn.name.debugDescription)")
    precondition(drawn.nodes.map(\.id).sorted() == ids.sorted(), "node ids differ: \(drawn.nodes.map(\.id)) vs \(ids)")
    for node in drawn.nodes {
        let e = byName[node.id]!
        precondition(node.label == DOTWriter.displayedText(e.name), "label of \(e.id.debugDescription): \(String(describing: node.label).debugDescription)")
        var tooltip = "\(e.name) (\(e.type.rawValue))"
        if !e.aliases.isEmpty { tooltip += "\nalso: " + e.aliases.joined(separator: ", ") }
        precondition(node.tooltip == DOTWriter.displayedText(tooltip), "tooltip of \(e.id.debugDescription): \(String(describing: node.tooltip).debugDescription)")
    }
    precondition(drawn.edges.count == graph.relationCount, "edges: \(drawn.edges.count) vs \(graph.relationCount)")
    let drawnEdges = Set(drawn.edges.map { [$0.source, $0.target, $0.tooltip ?? "<none>"] })
    let expected = Set(graph.relations.map { r -> [String] in
        var text = r.evidence.first?.text ?? ""
        if text.count > 300 { text = String(text.prefix(300)) + "…" }
        if r.evidence.count > 1 { text += " (+\(r.evidence.count - 1) more)" }
        return [DOTWriter.nodeName(for: r.source), DOTWriter.nodeName(for: r.target), DOTWriter.displayedText(text)]
    })
    precondition(drawnEdges == expected, "edges differ: \(drawnEdges.subtracting(expected)) vs \(expected.subtracting(drawnEdges))")
}

// MARK: Entry point

/// With FUZZING (scripts/fuzz.sh): hands control to libFuzzer's driver, which takes the usual
/// libFuzzer arguments. SwiftPM links an executable's `main` to this type, so the target
/// keeps its `@main` and drives libFuzzer through `LLVMFuzzerRunDriver`.
/// Without FUZZING: replays the files given as arguments (a crasher, a corpus), so the
/// target builds and runs in an ordinary `swift build`.
@main struct FuzzDOTReplay {
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
