import Testing
@testable import Graph

/// Path algorithms against brute force on a few hundred seeded random multigraphs
/// (self-loops, parallel edges, every kind and type, random filters, both directions).
@Suite struct QueryPropertyTests {
    static let seeds: [UInt64] = Array(1 ... 300)

    @Test func shortestPathLengthsEqualBruteForceBFS() {
        for seed in Self.seeds {
            let g = RandomGraph(seed: seed)
            var r = SplitMix64(seed: seed &* 7919)
            let finder = PathFinder(g.index)
            for _ in 0 ..< 4 {
                let f = RandomGraph.randomFilter(&r)
                let s = r.below(g.nodeCount), t = r.below(g.nodeCount)
                let all = g.bruteSimplePaths(from: s, to: t, f, maxHops: g.nodeCount)
                let expected = all.map(\.count).min()
                let p = finder.shortestPath(from: s, to: t, filter: f)
                #expect(p?.hopCount == expected, "seed \(seed) \(s)→\(t) \(f)")
                if let p { #expect(g.isValid(p, from: s, to: t, f), "seed \(seed)") }
                let c = finder.canonicalShortestPath(from: s, to: t, filter: f)
                #expect(c?.hopCount == expected, "seed \(seed)")
                if let c {
                    #expect(g.isValid(c, from: s, to: t, f), "seed \(seed)")
                    let best = all.filter { $0.count == expected }.map { GraphPath(nodes: g.nodes(of: $0, from: s), edges: $0) }
                        .min(by: finder.pathPrecedes)
                    #expect(c == best, "seed \(seed): canonical path is not the first in id order")
                }
                if let expected, expected > 1 {
                    #expect(finder.shortestPath(from: s, to: t, filter: f, maxHops: expected - 1) == nil, "seed \(seed)")
                }
            }
        }
    }

    @Test func fullBFSDistancesEqualBruteForce() {
        for seed in Self.seeds {
            let g = RandomGraph(seed: seed)
            var r = SplitMix64(seed: seed &* 31)
            let finder = PathFinder(g.index)
            for _ in 0 ..< 3 {
                let f = RandomGraph.randomFilter(&r)
                let s = r.below(g.nodeCount)
                #expect(finder.distances(from: s, filter: f).map(Int.init) == g.bruteDistances(from: s, f), "seed \(seed)")
                let reach = finder.reach(from: s, filter: f)
                #expect(reach.count == g.bruteDistances(from: s, f).filter { $0 >= 0 }.count, "seed \(seed)")
            }
        }
    }

    @Test func allSimplePathsEqualExhaustiveEnumeration() {
        for seed in Self.seeds {
            let g = RandomGraph(seed: seed)
            var r = SplitMix64(seed: seed &* 104_729)
            let finder = PathFinder(g.index)
            for _ in 0 ..< 3 {
                let f = RandomGraph.randomFilter(&r)
                let s = r.below(g.nodeCount), t = r.below(g.nodeCount)
                let cutoff = 1 + r.below(5)
                let expected = g.bruteSimplePaths(from: s, to: t, f, maxHops: cutoff)
                let got = finder.simplePaths(from: s, to: t, filter: f, maxHops: cutoff, limit: 1_000_000)
                #expect(Set(got.map(\.edges)) == Set(expected), "seed \(seed) \(s)→\(t) cutoff \(cutoff)")
                #expect(got.count == expected.count, "seed \(seed): duplicates")
                #expect(zip(got, got.dropFirst()).allSatisfy { !finder.pathPrecedes($1, $0) }, "seed \(seed): not shortest first")
                for p in got { #expect(g.isValid(p, from: s, to: t, f), "seed \(seed): filter let something through") }
                if s != t {
                    var dfsOrder: [[Int32]] = []
                    finder.forEachSimplePath(from: s, to: t, filter: f, maxHops: cutoff) { dfsOrder.append($0.edges); return true }
                    #expect(Set(dfsOrder) == Set(expected) && dfsOrder.count == expected.count, "seed \(seed): DFS enumeration")
                }
                // A cap keeps the shortest paths.
                if expected.count > 2 {
                    let cap = expected.count / 2
                    let capped = finder.simplePaths(from: s, to: t, filter: f, maxHops: cutoff, limit: cap)
                    #expect(capped.count == cap, "seed \(seed)")
                    let lengths = expected.map(\.count).sorted()
                    #expect(capped.map(\.hopCount) == Array(lengths.prefix(cap)), "seed \(seed): cap dropped a shorter path")
                }
            }
        }
    }

    @Test func kShortestPathsAreTheKShortestWithoutRepeats() {
        for seed in Self.seeds {
            let g = RandomGraph(seed: seed, maxNodes: 8, maxEdges: 18)
            var r = SplitMix64(seed: seed &* 65_537)
            let finder = PathFinder(g.index)
            for _ in 0 ..< 3 {
                let f = RandomGraph.randomFilter(&r)
                let s = r.below(g.nodeCount), t = r.below(g.nodeCount)
                let k = 1 + r.below(6)
                let canonical = r.below(2) == 0
                let all = g.bruteSimplePaths(from: s, to: t, f, maxHops: g.nodeCount)
                let got = finder.kShortestPaths(from: s, to: t, k: k, filter: f, canonical: canonical)
                #expect(got.map(\.hopCount) == Array(all.map(\.count).sorted().prefix(k)), "seed \(seed) \(s)→\(t) k \(k)")
                #expect(zip(got, got.dropFirst()).allSatisfy { $0.hopCount <= $1.hopCount }, "seed \(seed): decreasing")
                #expect(Set(got.map(\.edges)).count == got.count, "seed \(seed): repeated path")
                for p in got { #expect(g.isValid(p, from: s, to: t, f), "seed \(seed): invalid path") }
                let h = 1 + r.below(3)
                let bounded = finder.kShortestPaths(from: s, to: t, k: k, filter: f, maxHops: h)
                #expect(bounded.map(\.hopCount) == Array(all.map(\.count).filter { $0 <= h }.sorted().prefix(k)), "seed \(seed): maxHops")
            }
        }
    }

    @Test func indexAdjacencyIsCompleteAndOrderedByRank() {
        for seed in Self.seeds.prefix(100) {
            let g = RandomGraph(seed: seed)
            let index = g.index
            var seenOut = [Int](), seenIn = [Int]()
            for v in 0 ..< g.nodeCount {
                var lastRank = -1
                index.forEachEdge(at: v, filter: PathFilter(directed: true)) { w, e, forward in
                    #expect(forward && index.source(ofEdge: e) == v && index.target(ofEdge: e) == w)
                    #expect(index.rank(ofNode: w) >= lastRank, "seed \(seed): out-neighbours not in rank order")
                    lastRank = index.rank(ofNode: w)
                    seenOut.append(e)
                }
                index.forEachEdge(at: v, filter: .any) { _, e, forward in if !forward { seenIn.append(e) } }
            }
            #expect(seenOut.sorted() == Array(0 ..< g.sources.count), "seed \(seed)")
            #expect(seenIn.sorted() == Array(0 ..< g.sources.count), "seed \(seed)")
        }
    }

    @Test func emptyAndEdgelessGraphs() throws {
        let empty = GraphIndex(EntityGraph())
        #expect(empty.nodeCount == 0 && empty.edgeCount == 0)
        _ = PathFinder(empty)
        var g = EntityGraph()
        g.add(Entity(name: "A", type: .country))
        g.add(Entity(name: "B", type: .country))
        let finder = PathFinder(GraphIndex(g))
        #expect(finder.shortestPath(from: 0, to: 1) == nil)
        #expect(finder.shortestPath(from: 0, to: 0)?.hopCount == 0)
        #expect(finder.simplePaths(from: 0, to: 1, maxHops: 3).isEmpty)
        #expect(finder.kShortestPaths(from: 0, to: 1, k: 3).isEmpty)
        #expect(finder.distances(from: 1) == [-1, 0])
        let r = try g.paths(PathQuery(from: "A", to: "B"))
        #expect(r.paths.isEmpty)
        #expect(try g.match("(a)-[r]->(b)").rows.isEmpty)
    }
}
