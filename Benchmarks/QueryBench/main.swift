// query-bench: timings of the query index on a deterministic synthetic graph.
//
//   query-bench [--nodes N] [--edges M] [--seed S] [--pairs P]
//       Synthetic graph from arrays (default 1,000,000 nodes / 5,000,000 edges): index build,
//       shortest path (plain and kind-filtered), full BFS, all simple paths ≤ 4 hops (capped),
//       k = 5 shortest paths; peak memory (VmHWM).
//   query-bench --entity-graph [--nodes N] [--edges M]
//       Builds the same graph as an EntityGraph, then times GraphIndex(graph).
//   query-bench --export FILE --pairs-out FILE [--nodes N] [--edges M]
//       Writes the graph as graph.json and the query pairs (for scripts/bench-networkx.py).
//   query-bench --graph FILE --pairs-in FILE [--report FILE]
//       Loads graph.json, runs the same queries on the given pairs, writes timings as JSON.
//
// Release build only: swift build -c release --product query-bench

import Foundation
import Graph

// MARK: Arguments

var options: [String: String] = [:]
var flags = Set<String>()
do {
    var args = CommandLine.arguments.dropFirst()
    while let a = args.popFirst() {
        guard a.hasPrefix("--") else { FileHandle.standardError.write(Data("unexpected argument \(a)\n".utf8)); exit(64) }
        if ["--entity-graph", "--help"].contains(a) { flags.insert(a); continue }
        guard let v = args.popFirst() else { FileHandle.standardError.write(Data("\(a) needs a value\n".utf8)); exit(64) }
        options[a] = v
    }
}
if flags.contains("--help") {
    print("usage: query-bench [--nodes N] [--edges M] [--seed S] [--pairs P] [--entity-graph] [--export FILE --pairs-out FILE] [--graph FILE --pairs-in FILE --report FILE]")
    exit(0)
}
let nodeCount = Int(options["--nodes"] ?? "") ?? 1_000_000
let edgeCount = Int(options["--edges"] ?? "") ?? 5_000_000
let seed = UInt64(options["--seed"] ?? "") ?? 42
let pairCount = Int(options["--pairs"] ?? "") ?? 20

// MARK: Helpers

/// The synthetic graph: node types and edge kinds mixed, endpoints uniform, no self-loops.
struct Synthetic {
    var types: [UInt8]
    var sources: [Int32]
    var targets: [Int32]
    var kinds: [UInt8]

    static let kindOrder: [RelationKind] = [.statement, .pledge, .opposition, .role, .member]
    static let typeOrder: [EntityType] = [.person, .country, .organization, .program]

    init(nodes n: Int, edges m: Int, seed: UInt64) {
        var r = SplitMix64(seed: seed)
        // 40% person, 30% country, 20% organization, 10% program.
        types = (0 ..< n).map { _ in
            let x = r.below(10)
            return TypeMask.bit(of: x < 4 ? .person : x < 7 ? .country : x < 9 ? .organization : .program)
        }
        sources = []; targets = []; kinds = []
        sources.reserveCapacity(m); targets.reserveCapacity(m); kinds.reserveCapacity(m)
        // 40% statement, 20% pledge, 20% opposition, 10% role, 10% member.
        for _ in 0 ..< m {
            let u = r.below(n)
            var v = r.below(n)
            if v == u { v = (v + 1) % n }
            sources.append(Int32(u)); targets.append(Int32(v))
            let x = r.below(10)
            kinds.append(KindMask.bit(of: x < 4 ? .statement : x < 6 ? .pledge : x < 8 ? .opposition : x < 9 ? .role : .member))
        }
    }

    static func id(_ v: Int) -> String { "n\(v)" }

    func entityGraph() -> EntityGraph {
        var g = EntityGraph()
        for (v, t) in types.enumerated() {
            g.add(Entity(id: Self.id(v), name: "Node \(v)", type: Self.typeOrder[t.trailingZeroBitCount]))
        }
        for e in sources.indices {
            try? g.add(Relation(source: Self.id(Int(sources[e])), kind: Self.kindOrder[kinds[e].trailingZeroBitCount],
                                target: Self.id(Int(targets[e]))))
        }
        return g
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
/// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
func cpuNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1e6 }
func fmt(_ x: Double) -> String { String(format: x < 1 ? "%.4f" : x < 100 ? "%.2f" : "%.0f", x) }

func peakMemoryMB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return -1 }
    let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) ?? -1
    return kb / 1024
}

func pairs(count: Int, nodes: Int, seed: UInt64) -> [(Int, Int)] {
    var r = SplitMix64(seed: seed ^ 0xABCDEF)
    return (0 ..< count).map { _ in
        let s = r.below(nodes)
        var t = r.below(nodes)
        if t == s { t = (t + 1) % nodes }
        return (s, t)
    }
}

var report: [String: Any] = [:]
@MainActor func record(_ key: String, _ value: Any, _ label: String? = nil) {
    report[key] = value
    if let label { print(label) }
}

/// Runs the query suite on an index and query pairs.
@MainActor func runQueries(_ index: GraphIndex, pairs: [(Int, Int)]) {
    let finder = PathFinder(index)
    let undirected = PathFilter.any
    let directed = PathFilter(directed: true)
    let kindFiltered = PathFilter(kinds: [.pledge, .opposition])
    let m = Double(index.edgeCount) / 1e6

    func timeEach(_ label: String, _ key: String, _ body: (Int, Int) -> Int) {
        var lengths: [Int] = []
        _ = body(pairs[0].0, pairs[0].1) // warm caches once
        let t0 = now(), c0 = cpuNow()
        for (s, t) in pairs { lengths.append(body(s, t)) }
        let per = ms(t0, now()) / Double(pairs.count), cpu = ms(c0, cpuNow()) / Double(pairs.count)
        record(key, ["ms_per_query": per, "cpu_ms_per_query": cpu, "results": lengths],
               "\(label): \(fmt(per)) ms/query (cpu \(fmt(cpu)))  results \(lengths.prefix(10))…")
    }

    timeEach("s→t shortest path, undirected (bidirectional BFS)", "shortest_undirected") {
        finder.shortestPath(from: $0, to: $1, filter: undirected)?.hopCount ?? -1
    }
    timeEach("s→t shortest path, directed (bidirectional BFS)", "shortest_directed") {
        finder.shortestPath(from: $0, to: $1, filter: directed)?.hopCount ?? -1
    }
    timeEach("s→t shortest path, kinds pledge|opposition, undirected", "shortest_kinds") {
        finder.shortestPath(from: $0, to: $1, filter: kindFiltered)?.hopCount ?? -1
    }
    timeEach("s→t shortest path, canonical (ties by id), undirected", "shortest_canonical") {
        finder.canonicalShortestPath(from: $0, to: $1, filter: undirected)?.hopCount ?? -1
    }

    let sources = pairs.prefix(10).map(\.0)
    for (label, key, f) in [("directed", "bfs_directed", directed), ("undirected", "bfs_undirected", undirected)] {
        _ = finder.distances(from: sources[0], filter: f)
        var reached: [Int] = []
        // Minimum over the sources: the least disturbed run on shared cores.
        var per = Double.infinity, cpu = Double.infinity
        for s in sources {
            let t0 = now(), c0 = cpuNow()
            let d = finder.distances(from: s, filter: f)
            per = min(per, ms(t0, now())); cpu = min(cpu, ms(c0, cpuNow()))
            reached.append(d.lazy.filter { $0 >= 0 }.count)
        }
        record(key, ["ms_per_query": per, "cpu_ms_per_query": cpu, "ms_per_million_edges": per / m, "reached": reached],
               "full BFS (distances to all), \(label): \(fmt(per)) ms (cpu \(fmt(cpu))) = \(fmt(per / m)) ms per million edges, reached \(reached)")
    }

    let cap = 1_000_000
    for (label, key, f) in [("directed", "allpaths_directed", directed), ("undirected", "allpaths_undirected", undirected)] {
        var counts: [Int] = []
        let t0 = now(), c0 = cpuNow()
        for (s, t) in pairs.prefix(10) {
            var c = 0
            finder.forEachSimplePath(from: s, to: t, filter: f, maxHops: 4) { _ in c += 1; return c < cap }
            counts.append(c)
        }
        let per = ms(t0, now()) / Double(min(10, pairs.count)), cpu = ms(c0, cpuNow()) / Double(min(10, pairs.count))
        record(key, ["ms_per_query": per, "cpu_ms_per_query": cpu, "counts": counts],
               "all simple paths ≤ 4 hops (cap \(cap)), \(label): \(fmt(per)) ms/query (cpu \(fmt(cpu))), paths \(counts)")
    }
    do {
        var counts: [Int] = []
        let t0 = now()
        for (s, t) in pairs.prefix(10) {
            counts.append(finder.simplePaths(from: s, to: t, filter: undirected, maxHops: 4, limit: 100).count)
        }
        let per = ms(t0, now()) / Double(min(10, pairs.count))
        record("allpaths_sorted_limit100", ["ms_per_query": per, "counts": counts],
               "all simple paths ≤ 4 hops, shortest first, --limit 100, undirected: \(fmt(per)) ms/query")
    }
    for (label, key, f) in [("directed", "kshortest_directed", directed), ("undirected", "kshortest_undirected", undirected)] {
        var lengths: [[Int]] = []
        let t0 = now(), c0 = cpuNow()
        for (s, t) in pairs.prefix(10) {
            lengths.append(finder.kShortestPaths(from: s, to: t, k: 5, filter: f).map(\.hopCount))
        }
        let per = ms(t0, now()) / Double(min(10, pairs.count)), cpu = ms(c0, cpuNow()) / Double(min(10, pairs.count))
        record(key, ["ms_per_query": per, "cpu_ms_per_query": cpu, "lengths": lengths],
               "k = 5 shortest paths (Yen), \(label): \(fmt(per)) ms/query (cpu \(fmt(cpu))), lengths \(lengths.prefix(3))…")
    }
}

// MARK: Modes

if let file = options["--export"] {
    let syn = Synthetic(nodes: nodeCount, edges: edgeCount, seed: seed)
    let g = syn.entityGraph()
    try AtomicWriter.write(g.jsonData(), to: URL(fileURLWithPath: file))
    let ps = pairs(count: pairCount, nodes: nodeCount, seed: seed).map { [Synthetic.id($0.0), Synthetic.id($0.1)] }
    if let out = options["--pairs-out"] {
        try JSONSerialization.data(withJSONObject: ps).write(to: URL(fileURLWithPath: out))
    }
    print("exported \(g.entityCount) nodes, \(g.relationCount) edges to \(file)")
    exit(0)
}

/// A mirror of the codec's private node-link shape, to time its phases one by one.
struct MirrorFile: Decodable {
    struct Node: Decodable { var id: String; var label: String?; var type: String; var aliases: [String]? }
    struct Edge: Decodable {
        var source: String; var target: String; var kind: String?; var key: String?
        var evidence: [Evidence]?; var amount: Amount?; var items: [String]?; var status: String?
    }
    var nodes: [Node]
    var edges: [Edge]
}

if let file = options["--load-profile"] {
    // Where EntityGraph(contentsOf:) spends its time, phase by phase (each phase alone).
    func phase<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let t0 = now(), c0 = cpuNow()
        let r = try body()
        print("\(label): \(fmt(ms(t0, now()))) ms (cpu \(fmt(ms(c0, cpuNow()))))")
        return r
    }
    let url = URL(fileURLWithPath: file)
    let data = try phase("read file") { try Data(contentsOf: url) }
    let obj = try phase("JSONSerialization.jsonObject (renamingLinks, step 1)") { try JSONSerialization.jsonObject(with: data) }
    let again = try phase("JSONSerialization.data(withJSONObject:) (renamingLinks, step 2)") { try JSONSerialization.data(withJSONObject: obj) }
    _ = again.count
    let mirror = try phase("JSONDecoder.decode (the decode the codec needs)") { try JSONDecoder().decode(MirrorFile.self, from: data) }
    _ = phase("EntityGraph.add for every node and edge") { () -> Int in
        var g = EntityGraph()
        for n in mirror.nodes { g.add(Entity(id: n.id, name: n.label ?? n.id, type: EntityType(rawValue: n.type) ?? .person, aliases: n.aliases ?? [])) }
        for e in mirror.edges {
            try? g.add(Relation(source: e.source, kind: RelationKind(rawValue: e.kind ?? e.key ?? "") ?? .statement, target: e.target,
                                evidence: e.evidence ?? [], amount: e.amount, items: e.items ?? []))
        }
        return g.relationCount
    }
    let g = try phase("total: EntityGraph(contentsOf:) as shipped") { try EntityGraph(contentsOf: url) }
    _ = phase("GraphIndex(EntityGraph)") { GraphIndex(g).edgeCount }
    print("peak memory (VmHWM): \(fmt(peakMemoryMB())) MB")
    exit(0)
}

if let file = options["--graph"] {
    let t0 = now()
    let g = try EntityGraph(contentsOf: URL(fileURLWithPath: file))
    let t1 = now()
    let index = GraphIndex(g)
    let t2 = now()
    record("load_json_ms", ms(t0, t1), "load graph.json (EntityGraph(contentsOf:)): \(fmt(ms(t0, t1))) ms")
    record("index_from_entitygraph_ms", ms(t1, t2), "GraphIndex(EntityGraph): \(fmt(ms(t1, t2))) ms for \(index.nodeCount) nodes, \(index.edgeCount) edges")
    var ps: [(Int, Int)] = []
    if let pf = options["--pairs-in"], let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pf))) as? [[String]] {
        ps = raw.compactMap { p in g.index(ofID: p[0]).flatMap { s in g.index(ofID: p[1]).map { (s, $0) } } }
    } else {
        ps = pairs(count: pairCount, nodes: index.nodeCount, seed: seed)
    }
    runQueries(index, pairs: ps)
    record("peak_mb", peakMemoryMB(), "peak memory (VmHWM): \(fmt(peakMemoryMB())) MB")
    if let out = options["--report"] {
        try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: out))
    }
    exit(0)
}

print("synthetic graph: \(nodeCount) nodes, \(edgeCount) edges, seed \(seed)")
let tg = now()
let syn = Synthetic(nodes: nodeCount, edges: edgeCount, seed: seed)
print("generate arrays: \(fmt(ms(tg, now()))) ms")

if flags.contains("--entity-graph") {
    let t0 = now()
    let g = syn.entityGraph()
    let t1 = now()
    let index = GraphIndex(g)
    let t2 = now()
    print("build EntityGraph: \(fmt(ms(t0, t1))) ms (\(g.entityCount) entities, \(g.relationCount) relations)")
    print("GraphIndex(EntityGraph): \(fmt(ms(t1, t2))) ms")
    print("index arrays: \(fmt(Double(index.byteCount) / 1_048_576)) MB")
    print("peak memory (VmHWM): \(fmt(peakMemoryMB())) MB")
    exit(0)
}

let t0 = now()
let index = GraphIndex(nodeTypes: syn.types, sources: syn.sources, targets: syn.targets, kinds: syn.kinds)
let t1 = now()
print("GraphIndex(arrays): \(fmt(ms(t0, t1))) ms; index arrays \(fmt(Double(index.byteCount) / 1_048_576)) MB")
runQueries(index, pairs: pairs(count: pairCount, nodes: nodeCount, seed: seed))
print("peak memory (VmHWM): \(fmt(peakMemoryMB())) MB")
