// graphviz-bench: measurements behind BENCHMARKS.md (not part of the shipped tool).
//
//   graphviz-bench leak [COUNT] [cyclic|acyclic] in-process renders, RSS at start/middle/end
//   graphviz-bench threshold [ENGINE] [SIZES]   layout time of news-like graphs by size
//
// Graphs are generated from a fixed seed, so runs are comparable.
import Foundation
import Graph

/// A hub-heavy graph shaped like our news graphs: a tenth of the entities (countries and
/// organizations) are hubs that take most edges; about 1.6 relations per entity, every edge
/// labelled (kind, amounts on pledges), some evidence. `acyclic` keeps only edges from a
/// higher to a lower index (no cycles for dot to break).
func newsLikeGraph(nodes: Int, seed: UInt64 = 42, acyclic: Bool = false) -> EntityGraph {
    var rng = SplitMix64(seed: seed)
    var g = EntityGraph()
    let hubs = max(2, nodes / 10)
    for i in 0..<nodes {
        let type: EntityType = i < hubs ? (i % 2 == 0 ? .country : .organization) : [.person, .person, .country, .program].randomElement(using: &rng)!
        g.add(Entity(id: "e\(i)", name: "Entity \(i) \(type.rawValue)", type: type))
    }
    let edges = nodes * 8 / 5
    var added = 0
    var attempts = 0
    while added < edges && attempts < edges * 10 {
        attempts += 1
        let source = Int.random(in: 0..<nodes, using: &rng)
        let target = Double.random(in: 0..<1, using: &rng) < 0.7 ? Int.random(in: 0..<hubs, using: &rng) : Int.random(in: 0..<nodes, using: &rng)
        let kind = RelationKind.allCases.randomElement(using: &rng)!
        let key = RelationKey(source: "e\(source)", kind: kind, target: "e\(target)")
        if source == target || g.relation(key) != nil || (acyclic && source < target) { continue }
        let amount = kind == .pledge && Bool.random(using: &rng) ? Amount(value: Double(Int.random(in: 1...50, using: &rng)) * 1e8, currency: "EUR") : nil
        let ev = Evidence(document: "doc\(added % 40).txt", start: added, end: added + 80, text: "Sentence \(added) about e\(source) and e\(target).")
        try! g.add(Relation(source: key.source, kind: kind, target: key.target, evidence: [ev], amount: amount))
        added += 1
    }
    return g
}

func residentKB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? -1
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "leak":
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
    let acyclic = arguments.dropFirst(2).first == "acyclic"
    let graph = newsLikeGraph(nodes: 8, acyclic: acyclic)
    let renderer = GraphvizRenderer.shared
    _ = try renderer.render(graph, engine: .dot)   // warm up: plugins, fonts
    var marks: [(Int, Int)] = [(0, residentKB())]
    var bytes = 0
    var failures = 0
    for i in 1...count {
        do {
            bytes += try renderer.render(graph, engine: .dot, format: .svg).count
            if i % 100 == 0 { _ = try? renderer.render(dot: "digraph { a -> ; }") }   // error path too
        } catch { failures += 1 }
        if i == count / 2 || i == count { marks.append((i, residentKB())) }
    }
    for (i, kb) in marks { print("after \(i) renders: RSS \(kb) KB") }
    print("graph=\(acyclic ? "acyclic" : "cyclic") nodes=\(graph.entityCount) edges=\(graph.relationCount)")
    print("renders=\(count) svg_bytes=\(bytes) failures=\(failures) growth_second_half_kb=\(marks[2].1 - marks[1].1)")
case "threshold":
    let engine = arguments.dropFirst().first.flatMap { LayoutEngine(rawValue: $0) } ?? .dot
    let sizes = arguments.dropFirst(2).first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [25, 50, 75, 100, 125, 150, 175, 200, 250, 300, 400]
    let environment = ProcessInfo.processInfo.environment
    let limit = Double(environment["BENCH_STOP_SECONDS"] ?? "") ?? 30
    let seeds = max(1, Int(environment["BENCH_SEEDS"] ?? "") ?? 1)
    print("engine nodes edges seconds(per seed) median svg_kb")
    for n in sizes {
        var times: [Double] = []
        var edges = 0
        var size = 0
        for seed in 0..<seeds {
            let g = newsLikeGraph(nodes: n, seed: 42 + UInt64(seed))
            edges = g.relationCount
            times.append(try seconds { size = try GraphvizRenderer.shared.render(g, engine: engine).count })
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "%@ %d %d %@ %.2f %d", engine.rawValue, n, edges,
                     times.map { String(format: "%.2f", $0) }.joined(separator: "/"), median, size / 1024))
        fflush(nil)
        if median > limit { print("stopping: median over \(Int(limit)) s"); break }
    }
default:
    FileHandle.standardError.write(Data("usage: graphviz-bench leak [COUNT] [cyclic|acyclic] | threshold [ENGINE] [SIZES]\n".utf8))
    exit(64)
}
