import Foundation
@testable import Graph

/// The hand-annotated graph of seeds/ (scripts/seed-fixture.py).
enum SeedFixture {
    static func graph() throws -> EntityGraph {
        guard let url = Bundle.module.url(forResource: "seed-graph", withExtension: "json", subdirectory: "Fixtures") else {
            throw QueryError.graphMissing(path: "Fixtures/seed-graph.json")
        }
        return try EntityGraph(contentsOf: url)
    }
}

/// A small random multigraph as plain arrays, and brute-force answers over its edge list
/// that share no code with `PathFinder`.
struct RandomGraph {
    var types: [UInt8]
    var sources: [Int32]
    var targets: [Int32]
    var kinds: [UInt8]
    var rank: [Int32]

    static let kindBits: [UInt8] = [1, 2, 4, 8, 16]
    static let typeBits: [UInt8] = [1, 2, 4, 8]

    init(seed: UInt64, maxNodes: Int = 9, maxEdges: Int = 22) {
        var r = SplitMix64(seed: seed)
        let n = 2 + r.below(maxNodes - 1)
        let m = r.below(maxEdges + 1)
        types = (0 ..< n).map { _ in RandomGraph.typeBits[r.below(4)] }
        sources = []; targets = []; kinds = []
        for _ in 0 ..< m {
            sources.append(Int32(r.below(n)))
            targets.append(Int32(r.below(n)))
            kinds.append(RandomGraph.kindBits[r.below(5)])
        }
        // A random permutation as tie-breaking rank.
        var perm = (0 ..< n).map { Int32($0) }
        for i in stride(from: n - 1, to: 0, by: -1) { perm.swapAt(i, r.below(i + 1)) }
        rank = perm
    }

    var nodeCount: Int { types.count }
    var index: GraphIndex { GraphIndex(nodeTypes: types, sources: sources, targets: targets, kinds: kinds, rank: rank) }

    static func randomFilter(_ r: inout SplitMix64) -> PathFilter {
        var km: UInt8 = 0, tm: UInt8 = 0
        if r.below(3) == 0 { km = 0xFF } else { for b in kindBits where r.below(2) == 0 { km |= b } }
        if r.below(3) == 0 { tm = 0xFF } else { for b in typeBits where r.below(2) == 0 { tm |= b } }
        return PathFilter(kindMask: KindMask(rawValue: km == 0 ? 0xFF : km), typeMask: TypeMask(rawValue: tm == 0 ? 0xFF : tm),
                          directed: r.below(2) == 0)
    }

    /// Edges usable from `u` under `f`: (neighbour, edge).
    func steps(from u: Int, _ f: PathFilter) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for e in sources.indices where kinds[e] & f.kinds.rawValue != 0 {
            if Int(sources[e]) == u { out.append((Int(targets[e]), e)) }
            if !f.directed, Int(targets[e]) == u, sources[e] != targets[e] { out.append((Int(sources[e]), e)) }
        }
        return out
    }

    /// BFS distances; disallowed types are reached but not expanded (except the source).
    func bruteDistances(from s: Int, _ f: PathFilter) -> [Int] {
        var dist = [Int](repeating: -1, count: nodeCount)
        dist[s] = 0
        var queue = [s]
        var i = 0
        while i < queue.count {
            let u = queue[i]; i += 1
            if u != s, types[u] & f.types.rawValue == 0 { continue }
            for (v, _) in steps(from: u, f) where dist[v] < 0 {
                dist[v] = dist[u] + 1
                queue.append(v)
            }
        }
        return dist
    }

    /// Every simple s→t path (as edge lists) with at most `maxHops` hops.
    func bruteSimplePaths(from s: Int, to t: Int, _ f: PathFilter, maxHops: Int) -> [[Int32]] {
        if s == t { return [[]] }
        var result: [[Int32]] = []
        var onPath = [Bool](repeating: false, count: nodeCount)
        func go(_ u: Int, _ edges: [Int32]) {
            if edges.count >= maxHops { return }
            for (v, e) in steps(from: u, f) {
                if v == t { result.append(edges + [Int32(e)]); continue }
                if onPath[v] || types[v] & f.types.rawValue == 0 { continue }
                onPath[v] = true
                go(v, edges + [Int32(e)])
                onPath[v] = false
            }
        }
        onPath[s] = true
        go(s, [])
        return result
    }

    /// The node sequence of an edge path from `s`.
    func nodes(of edges: [Int32], from s: Int) -> [Int32] {
        var nodes = [Int32(s)]
        var u = s
        for e in edges {
            let a = Int(sources[Int(e)]), b = Int(targets[Int(e)])
            u = a == u ? b : a
            nodes.append(Int32(u))
        }
        return nodes
    }

    /// Whether a path is a valid s→t simple path under `f`.
    func isValid(_ p: GraphPath, from s: Int, to t: Int, _ f: PathFilter) -> Bool {
        guard p.nodes.first == Int32(s), p.nodes.last == Int32(t), p.nodes.count == p.edges.count + 1 else { return false }
        guard Set(p.nodes).count == p.nodes.count else { return false }
        for (i, e) in p.edges.enumerated() {
            let a = p.nodes[i], b = p.nodes[i + 1], ei = Int(e)
            guard kinds[ei] & f.kinds.rawValue != 0 else { return false }
            let forward = sources[ei] == a && targets[ei] == b
            let backward = sources[ei] == b && targets[ei] == a
            guard forward || (!f.directed && backward) else { return false }
        }
        for v in p.nodes.dropFirst().dropLast() where types[Int(v)] & f.types.rawValue == 0 { return false }
        return true
    }
}
