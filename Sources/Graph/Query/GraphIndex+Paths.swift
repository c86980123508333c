/// Path searches over a `GraphIndex`: bidirectional BFS for one shortest path, full BFS,
/// every simple path up to a hop limit, and Yen's k shortest paths.
///
/// A finder owns its scratch arrays (visit stamps, distances, parents, queues) and reuses
/// them across queries with a generation stamp, so a query costs time in what it visits,
/// not in the size of the graph. It is not thread-safe: use one finder per thread (the
/// index itself is shared freely).
///
/// ```swift
/// let finder = PathFinder(GraphIndex(graph))
/// if let p = finder.shortestPath(from: hungary, to: ukraine) { print(p.hopCount) }
/// ```
public final class PathFinder {
    /// The index searched.
    public let index: GraphIndex
    private let n: Int
    private let s: GraphIndex.Storage
    private var generation: UInt32 = 0
    private let seenA: UnsafeMutablePointer<UInt32>
    private let seenB: UnsafeMutablePointer<UInt32>
    private let distA: UnsafeMutablePointer<Int32>
    private let distB: UnsafeMutablePointer<Int32>
    private let parentA: UnsafeMutablePointer<Int32>
    private let parentB: UnsafeMutablePointer<Int32>
    private let queueA: UnsafeMutablePointer<Int32>
    private let queueB: UnsafeMutablePointer<Int32>
    private let onPath: UnsafeMutablePointer<Bool>
    /// One bit per node: the visited set of full BFS, small enough to stay in cache.
    private let visitedBits: UnsafeMutablePointer<UInt64>
    /// One bit per node: the frontier of a bottom-up BFS level.
    private let frontierBits: UnsafeMutablePointer<UInt64>
    private let wordCount: Int
    private var banGeneration: UInt32 = 0
    private var bannedNode: UnsafeMutablePointer<UInt32>?
    private var bannedEdge: UnsafeMutablePointer<UInt32>?
    private var bansActive = false

    /// Creates a finder with scratch space for `index`.
    /// - Complexity: O(n) memory and time, once.
    public init(_ index: GraphIndex) {
        self.index = index
        n = index.nodeCount
        s = index.storage
        let c = max(n, 1)
        seenA = .allocate(capacity: c); seenA.initialize(repeating: 0, count: c)
        seenB = .allocate(capacity: c); seenB.initialize(repeating: 0, count: c)
        distA = .allocate(capacity: c); distA.initialize(repeating: 0, count: c)
        distB = .allocate(capacity: c); distB.initialize(repeating: 0, count: c)
        parentA = .allocate(capacity: c); parentA.initialize(repeating: -1, count: c)
        parentB = .allocate(capacity: c); parentB.initialize(repeating: -1, count: c)
        queueA = .allocate(capacity: c); queueA.initialize(repeating: 0, count: c)
        queueB = .allocate(capacity: c); queueB.initialize(repeating: 0, count: c)
        onPath = .allocate(capacity: c); onPath.initialize(repeating: false, count: c)
        wordCount = (n + 63) / 64 + 1
        visitedBits = .allocate(capacity: wordCount); visitedBits.initialize(repeating: 0, count: wordCount)
        frontierBits = .allocate(capacity: wordCount); frontierBits.initialize(repeating: 0, count: wordCount)
    }

    deinit {
        seenA.deallocate(); seenB.deallocate(); distA.deallocate(); distB.deallocate()
        parentA.deallocate(); parentB.deallocate(); queueA.deallocate(); queueB.deallocate()
        onPath.deallocate(); bannedNode?.deallocate(); bannedEdge?.deallocate(); visitedBits.deallocate(); frontierBits.deallocate()
    }

    /// Starts a new query: every node becomes unvisited in O(1) (O(n) once per 2³² queries).
    private func nextGeneration() -> UInt32 {
        generation &+= 1
        if generation == 0 {
            seenA.update(repeating: 0, count: max(n, 1))
            seenB.update(repeating: 0, count: max(n, 1))
            generation = 1
        }
        return generation
    }

    @inline(__always) private func other(_ e: Int, _ v: Int) -> Int {
        let a = Int(s.edgeSource[e])
        return a == v ? Int(s.edgeTarget[e]) : a
    }

    @inline(__always) private func allowedInside(_ v: Int, _ f: PathFilter) -> Bool {
        s.nodeType[v] & f.types.rawValue != 0
    }

    // MARK: Shortest path

    /// One shortest path from `source` to `target` (fewest hops), by bidirectional BFS.
    ///
    /// Ties resolve deterministically (neighbours in rank order, then kind).
    /// - Parameters:
    ///   - source: start node.
    ///   - target: end node.
    ///   - filter: allowed kinds, node types in between, direction.
    ///   - maxHops: longest path accepted.
    /// - Returns: the path, or `nil` when none exists within `maxHops`; a zero-hop path when
    ///   `source == target`.
    /// - Complexity: O(nodes and edges within the two search balls), typically far less
    ///   than O(n + m); no allocation proportional to the graph.
    public func shortestPath(from source: Int, to target: Int, filter: PathFilter = .any, maxHops: Int = .max) -> GraphPath? {
        bansActive = false
        return bidirectional(source, target, filter, maxHops)
    }

    /// The first shortest path from `source` to `target` in `pathPrecedes` order: fewest
    /// hops, then smallest node ranks (entity ids) hop by hop, then edge kind.
    ///
    /// Bidirectional BFS finds the length L; a BFS back from `target` to depth L and a greedy
    /// walk from `source` then pick, hop by hop, the smallest neighbour still L − i from the end.
    /// - Complexity: O(nodes and edges within L hops of `target`) on top of `shortestPath`.
    public func canonicalShortestPath(from source: Int, to target: Int, filter: PathFilter = .any, maxHops: Int = .max) -> GraphPath? {
        bansActive = false
        return canonical(source, target, filter, maxHops)
    }

    private func canonical(_ src: Int, _ dst: Int, _ f: PathFilter, _ maxHops: Int) -> GraphPath? {
        guard let any = bidirectional(src, dst, f, maxHops) else { return nil }
        let length = any.hopCount
        guard length > 1 else { return length == 0 ? any : greedyFirstHop(src, dst, f) }
        prepareReverse(dst, f, length)
        let g = generation
        let k = f.kinds.rawValue
        var nodes: [Int32] = [Int32(src)], edges: [Int32] = []
        var u = src
        for remaining in stride(from: length, to: 0, by: -1) {
            var best = -1, bestE = -1
            for pass in 0 ..< 2 {
                if pass == 1 && f.directed { continue }
                let offs = pass == 0 ? s.outOffsets : s.inOffsets
                let nbr = pass == 0 ? s.outNbr : s.inNbr
                let eid = pass == 0 ? s.outEdge : s.inEdge
                for p in Int(offs[u]) ..< Int(offs[u + 1]) {
                    let v = Int(nbr[p]), e = Int(eid[p])
                    if s.edgeKind[e] & k == 0 { continue }
                    if bansActive, let be = bannedEdge, be[e] == banGeneration { continue }
                    let fits = remaining == 1 ? v == dst : (v != dst && seenB[v] == g && Int(distB[v]) == remaining - 1)
                    guard fits else { continue }
                    if best < 0 || s.nodeRank[v] < s.nodeRank[best]
                        || (v == best && (s.edgeKind[e], e) < (s.edgeKind[bestE], bestE)) { best = v; bestE = e }
                }
            }
            // The BFS guarantees a continuation exists; fall back to the path found if not.
            guard best >= 0 else { return any }
            nodes.append(Int32(best)); edges.append(Int32(bestE))
            u = best
        }
        return GraphPath(nodes: nodes, edges: edges)
    }

    /// The smallest single edge between two adjacent nodes.
    private func greedyFirstHop(_ src: Int, _ dst: Int, _ f: PathFilter) -> GraphPath? {
        var bestE = -1
        index.forEachEdge(at: src, filter: f) { v, e, _ in
            guard v == dst else { return }
            if bansActive, let be = bannedEdge, be[e] == banGeneration { return }
            if bestE < 0 || (s.edgeKind[e], e) < (s.edgeKind[bestE], bestE) { bestE = e }
        }
        return bestE < 0 ? nil : GraphPath(nodes: [Int32(src), Int32(dst)], edges: [Int32(bestE)])
    }

    private func bidirectional(_ src: Int, _ dst: Int, _ f: PathFilter, _ maxHops: Int) -> GraphPath? {
        if src == dst { return GraphPath(nodes: [Int32(src)], edges: []) }
        guard maxHops >= 1 else { return nil }
        // One stamp array for both sides: `gA` marks the source side, `gA + 1` the target
        // side, so one load per edge tells "unseen", "mine" or "met".
        let gA = nextGeneration()
        let gB = nextGeneration()
        let mark = seenA
        let k = f.kinds.rawValue, allKinds = f.kinds.rawValue == 0xFF
        let types = f.types.rawValue, allTypes = types == 0xFF
        let outOff = s.outOffsets, outNbr = s.outNbr, outEdge = s.outEdge, outKind = s.outKind
        let inOff = s.inOffsets, inNbr = s.inNbr, inEdge = s.inEdge, inKind = s.inKind
        let nodeType = s.nodeType
        mark[src] = gA; parentA[src] = -1
        mark[dst] = gB; parentB[dst] = -1
        queueA[0] = Int32(src); queueB[0] = Int32(dst)
        var headA = 0, tailA = 1, headB = 0, tailB = 1
        var depthA = 0, depthB = 0
        let bn = bansActive ? bannedNode : nil
        let be = bansActive ? bannedEdge : nil
        let bg = banGeneration

        while headA < tailA, headB < tailB {
            if depthA + depthB >= maxHops { return nil }
            let expandA = (tailA - headA) <= (tailB - headB)
            let gX = expandA ? gA : gB, gY = expandA ? gB : gA
            let parX = expandA ? parentA : parentB
            let queue = expandA ? queueA : queueB
            let levelEnd = expandA ? tailA : tailB
            var head = expandA ? headA : headB
            var tail = levelEnd
            // Follow edges forward from the source side, backward from the target side.
            let useOut = !f.directed || expandA
            let useIn = !f.directed || !expandA
            var meetU = -1, meetV = -1, meetE = -1
            // Every meeting found while expanding one whole level has the same length
            // (depthA + depthB + 1), so the first one is a shortest path.
            level: while head < levelEnd {
                let u = Int(queue[head]); head += 1
                for pass in 0 ..< 2 {
                    if pass == 0 && !useOut { continue }
                    if pass == 1 && !useIn { continue }
                    let offs = pass == 0 ? outOff : inOff
                    let nbr = pass == 0 ? outNbr : inNbr
                    let eid = pass == 0 ? outEdge : inEdge
                    let kind = pass == 0 ? outKind : inKind
                    var p = Int(offs[u])
                    let end = Int(offs[u + 1])
                    while p < end {
                        defer { p += 1 }
                        if !allKinds && kind[p] & k == 0 { continue }
                        let v = Int(nbr[p])
                        let m = mark[v]
                        if m == gX { continue }
                        if let be, be[Int(eid[p])] == bg { continue }
                        if m == gY { meetU = u; meetV = v; meetE = Int(eid[p]); break level }
                        if let bn, bn[v] == bg { continue }
                        if !allTypes && nodeType[v] & types == 0 { continue }
                        mark[v] = gX
                        parX[v] = eid[p]
                        queue[tail] = Int32(v); tail += 1
                    }
                }
            }
            if meetE >= 0 {
                // Walk both halves back to their roots.
                var left: [Int32] = [], leftE: [Int32] = []
                var x = meetU
                while parX[x] >= 0 { let e = Int(parX[x]); left.append(Int32(x)); leftE.append(Int32(e)); x = other(e, x) }
                left.append(Int32(x))
                var right: [Int32] = [], rightE: [Int32] = []
                let parY = expandA ? parentB : parentA
                var y = meetV
                right.append(Int32(y))
                while parY[y] >= 0 { let e = Int(parY[y]); rightE.append(Int32(e)); y = other(e, y); right.append(Int32(y)) }
                var nodes = Array(left.reversed()) + right
                var edges = Array(leftE.reversed()) + [Int32(meetE)] + rightE
                if !expandA { nodes.reverse(); edges.reverse() }
                return GraphPath(nodes: nodes, edges: edges)
            }
            if expandA { headA = head; tailA = tail; depthA += 1 } else { headB = head; tailB = tail; depthB += 1 }
        }
        return nil
    }

    // MARK: Breadth-first search

    /// Hop distances from `source` to every node (−1 where unreachable), by BFS.
    ///
    /// Nodes whose type `filter` does not allow are reached but not passed through.
    /// - Parameters:
    ///   - source: start node.
    ///   - filter: allowed kinds, node types in between, direction.
    ///   - maxDepth: stop after this many hops.
    /// - Returns: an array of `nodeCount` distances.
    /// - Complexity: O(n + m) for the result; the traversal itself touches only what it reaches.
    public func distances(from source: Int, filter: PathFilter = .any, maxDepth: Int = .max) -> [Int32] {
        var out = [Int32](repeating: -1, count: n)
        out.withUnsafeMutableBufferPointer { d in
            directionOptimizingBFS(source, filter, maxDepth, dist: d.baseAddress!)
        }
        return out
    }

    /// Full BFS that switches between top-down levels (scan the frontier's edges) and
    /// bottom-up levels (scan unvisited nodes for a parent in the frontier, stopping at the
    /// first), as in Beamer et al., "Direction-Optimizing Breadth-First Search" (SC 2012).
    /// Bottom-up reads adjacency sequentially and skips most edges of the big middle levels.
    private func directionOptimizingBFS(_ src: Int, _ f: PathFilter, _ maxDepth: Int, dist: UnsafeMutablePointer<Int32>) {
        let k = f.kinds.rawValue, allKinds = k == 0xFF
        let types = f.types.rawValue, allTypes = types == 0xFF
        let outOff = s.outOffsets, outNbr = s.outNbr, outKind = s.outKind
        let inOff = s.inOffsets, inNbr = s.inNbr, inKind = s.inKind
        let nodeType = s.nodeType
        let visited = visitedBits, frontier = frontierBits
        visited.update(repeating: 0, count: wordCount)
        frontier.update(repeating: 0, count: wordCount)
        let queue = queueA
        dist[src] = 0
        visited[src >> 6] |= 1 << UInt64(src & 63)
        queue[0] = Int32(src)
        var levelStart = 0, tail = 1
        var depth: Int32 = 0
        let lim = Int32(clamping: maxDepth)
        var unvisited = n - 1
        var bottomUp = false
        while levelStart < tail, depth < lim {
            let levelEnd = tail
            let next = depth + 1
            // Expandable frontier: nodes of this level whose type lets a path pass through.
            var frontierEdges = 0
            for i in levelStart ..< levelEnd {
                let u = Int(queue[i])
                frontierEdges += Int(outOff[u + 1] - outOff[u]) + (f.directed ? 0 : Int(inOff[u + 1] - inOff[u]))
            }
            // Heuristic of the paper: go bottom-up when the frontier's edges outnumber a
            // fraction of the unvisited nodes' edges (estimated by average degree), back
            // top-down when the frontier is small.
            let averageDegree = max(1, (f.directed ? index.edgeCount : 2 * index.edgeCount) / max(n, 1))
            if !bottomUp { bottomUp = frontierEdges > unvisited * averageDegree / 14 }
            else { bottomUp = (levelEnd - levelStart) > n / 24 }
            if bottomUp {
                for i in levelStart ..< levelEnd {
                    let u = Int(queue[i])
                    if u == src || allTypes || nodeType[u] & types != 0 { frontier[u >> 6] |= 1 << UInt64(u & 63) }
                }
                for w in 0 ..< (n + 63) / 64 where visited[w] != ~0 {
                    var free = ~visited[w]
                    while free != 0 {
                        let bit = free.trailingZeroBitCount
                        free &= free - 1
                        let v = w << 6 | bit
                        if v >= n { break }
                        // Parents of v: sources of its in-edges, and targets of its out-edges when undirected.
                        var found = false
                        var p = Int(inOff[v]), end = Int(inOff[v + 1])
                        while p < end {
                            let u = Int(inNbr[p])
                            if frontier[u >> 6] & (1 << UInt64(u & 63)) != 0 && (allKinds || inKind[p] & k != 0) { found = true; break }
                            p += 1
                        }
                        if !found && !f.directed {
                            p = Int(outOff[v]); end = Int(outOff[v + 1])
                            while p < end {
                                let u = Int(outNbr[p])
                                if frontier[u >> 6] & (1 << UInt64(u & 63)) != 0 && (allKinds || outKind[p] & k != 0) { found = true; break }
                                p += 1
                            }
                        }
                        if found {
                            visited[w] |= 1 << UInt64(bit)
                            dist[v] = next
                            queue[tail] = Int32(v); tail += 1
                        }
                    }
                }
                for i in levelStart ..< levelEnd { let u = Int(queue[i]); frontier[u >> 6] = 0 }
            } else {
                for i in levelStart ..< levelEnd {
                    let u = Int(queue[i])
                    if !allTypes && u != src && nodeType[u] & types == 0 { continue }
                    for pass in 0 ..< 2 {
                        if pass == 1 && f.directed { break }
                        let offs = pass == 0 ? outOff : inOff
                        let nbr = pass == 0 ? outNbr : inNbr
                        let kind = pass == 0 ? outKind : inKind
                        var p = Int(offs[u])
                        let end = Int(offs[u + 1])
                        while p < end {
                            let v = Int(nbr[p])
                            let w = v >> 6, b = UInt64(1) << UInt64(v & 63)
                            if visited[w] & b == 0 && (allKinds || kind[p] & k != 0) {
                                visited[w] |= b
                                dist[v] = next
                                queue[tail] = Int32(v); tail += 1
                            }
                            p += 1
                        }
                    }
                }
            }
            unvisited -= tail - levelEnd
            levelStart = levelEnd
            depth = next
        }
    }

    /// Number of nodes reachable from `source` (itself included) and the greatest distance.
    /// - Complexity: O(reached nodes and their edges); no allocation.
    public func reach(from source: Int, filter: PathFilter = .any, maxDepth: Int = .max) -> (count: Int, eccentricity: Int) {
        var far: Int32 = 0
        let c = bfs(source, filter, maxDepth) { _, d in if d > far { far = d } }
        return (c, Int(far))
    }

    /// Calls `visit(node, distance)` for every node reachable from `source`, in BFS order.
    /// - Complexity: O(reached nodes and their edges).
    public func breadthFirst(from source: Int, filter: PathFilter = .any, maxDepth: Int = .max, _ visit: (Int, Int) -> Void) {
        _ = bfs(source, filter, maxDepth) { v, d in visit(v, Int(d)) }
    }

    private func bfs(_ src: Int, _ f: PathFilter, _ maxDepth: Int, _ visit: (Int, Int32) -> Void) -> Int {
        let g = nextGeneration()
        let count = levelBFS(src, f, maxDepth, seen: nil, unseen: 0, stamp: g)
        for i in 0 ..< count { let v = Int(queueA[i]); visit(v, distA[v]) }
        return count
    }

    /// Level-synchronous BFS into `queueA`. Visited is either `seen[v] != unseen` (writing
    /// the distance there) or, when `seen` is nil, `seenA[v] == stamp` (distance in `distA`).
    /// - Returns: number of nodes reached; `queueA[0 ..< count]` holds them in BFS order.
    private func levelBFS(_ src: Int, _ f: PathFilter, _ maxDepth: Int, seen: UnsafeMutablePointer<Int32>?,
                          unseen: Int32, stamp: UInt32?) -> Int {
        let k = f.kinds.rawValue, allKinds = k == 0xFF
        let types = f.types.rawValue, allTypes = types == 0xFF
        let outOff = s.outOffsets, outNbr = s.outNbr, outKind = s.outKind
        let inOff = s.inOffsets, inNbr = s.inNbr, inKind = s.inKind
        let nodeType = s.nodeType
        let queue = queueA
        let g = stamp ?? 0
        let mark = seenA, dist = distA
        @inline(__always) func visit(_ v: Int, _ d: Int32) {
            if let seen { seen[v] = d } else { mark[v] = g; dist[v] = d }
        }
        if seen != nil {
            visitedBits.update(repeating: 0, count: wordCount)
            visitedBits[src >> 6] |= UInt64(1) << UInt64(src & 63)
        }
        visit(src, 0)
        queue[0] = Int32(src)
        var head = 0, tail = 1
        var depth: Int32 = 0
        let lim = Int32(clamping: maxDepth)
        while head < tail, depth < lim {
            let levelEnd = tail
            let next = depth + 1
            while head < levelEnd {
                let u = Int(queue[head]); head += 1
                if !allTypes && u != src && nodeType[u] & types == 0 { continue }
                for pass in 0 ..< 2 {
                    if pass == 1 && f.directed { break }
                    let offs = pass == 0 ? outOff : inOff
                    let nbr = pass == 0 ? outNbr : inNbr
                    let kind = pass == 0 ? outKind : inKind
                    var p = Int(offs[u])
                    let end = Int(offs[u + 1])
                    if let seen {
                        let bits = visitedBits
                        while p < end {
                            let v = Int(nbr[p])
                            let w = v >> 6, b = UInt64(1) << UInt64(v & 63)
                            if bits[w] & b == 0 && (allKinds || kind[p] & k != 0) {
                                bits[w] |= b
                                seen[v] = next
                                queue[tail] = Int32(v); tail += 1
                            }
                            p += 1
                        }
                    } else {
                        while p < end {
                            let v = Int(nbr[p])
                            if mark[v] != g && (allKinds || kind[p] & k != 0) {
                                mark[v] = g; dist[v] = next
                                queue[tail] = Int32(v); tail += 1
                            }
                            p += 1
                        }
                    }
                }
            }
            depth = next
        }
        return tail
    }

    // MARK: Simple paths

    /// Every simple path (no node twice) from `source` to `target` with at most `maxHops`
    /// hops, shortest first; paths of equal length in `pathPrecedes` order. Parallel edges
    /// make distinct paths.
    ///
    /// Search is a DFS with on-path marks, pruned by a reverse BFS from `target` (a node is
    /// entered only if `target` is still within reach), run once per length so the cap keeps
    /// the shortest paths.
    /// - Parameters:
    ///   - source: start node.
    ///   - target: end node.
    ///   - filter: allowed kinds, node types in between, direction.
    ///   - maxHops: the cutoff.
    ///   - limit: most paths returned; enumeration stops there.
    /// - Returns: the paths; `[zero-hop path]` when `source == target`.
    /// - Complexity: O(maxHops · (paths found + dead ends explored) · degree) after an
    ///   O(ball) reverse BFS; exponential in `maxHops` in the worst case, hence `limit`.
    public func simplePaths(from source: Int, to target: Int, filter: PathFilter = .any, maxHops: Int, limit: Int = 100) -> [GraphPath] {
        if source == target { return limit > 0 ? [GraphPath(nodes: [Int32(source)], edges: [])] : [] }
        var result: [GraphPath] = []
        guard maxHops >= 1, limit > 0 else { return result }
        prepareReverse(target, filter, maxHops)
        for length in 1 ... maxHops {
            var bucket: [GraphPath] = []
            _ = dfs(source, target, filter, exactly: length, remaining: limit - result.count) { bucket.append($0); return true }
            bucket.sort(by: pathPrecedes)
            result += bucket
            if result.count >= limit { break }
        }
        return result
    }

    /// Calls `body` with each simple path from `source` to `target` of at most `maxHops`
    /// hops, in DFS order, until it returns `false`.
    /// - Returns: the number of paths passed to `body`.
    /// - Complexity: as `simplePaths`, in one DFS pass.
    @discardableResult
    public func forEachSimplePath(from source: Int, to target: Int, filter: PathFilter = .any, maxHops: Int, _ body: (GraphPath) -> Bool) -> Int {
        guard source != target, maxHops >= 1 else { return 0 }
        prepareReverse(target, filter, maxHops)
        return dfs(source, target, filter, atMost: maxHops, remaining: .max, body)
    }

    /// Distances to `target` (backwards when directed) within `maxHops − 1`, in seenB/distB.
    private func prepareReverse(_ dst: Int, _ f: PathFilter, _ maxHops: Int) {
        let g = nextGeneration()
        let k = f.kinds.rawValue
        seenB[dst] = g; distB[dst] = 0
        queueB[0] = Int32(dst)
        var head = 0, tail = 1
        while head < tail {
            let u = Int(queueB[head]); head += 1
            let du = distB[u]
            if Int(du) >= maxHops - 1 { continue }
            for pass in 0 ..< 2 {
                if pass == 0 && f.directed { continue } // reverse of directed = in-edges only
                let offs = pass == 0 ? s.outOffsets : s.inOffsets
                let nbr = pass == 0 ? s.outNbr : s.inNbr
                let eid = pass == 0 ? s.outEdge : s.inEdge
                for p in Int(offs[u]) ..< Int(offs[u + 1]) {
                    let v = Int(nbr[p])
                    if seenB[v] == g || s.edgeKind[Int(eid[p])] & k == 0 { continue }
                    if bansActive, let be = bannedEdge, be[Int(eid[p])] == banGeneration { continue }
                    if !allowedInside(v, f) { continue }
                    if bansActive, let bn = bannedNode, bn[v] == banGeneration { continue }
                    seenB[v] = g; distB[v] = du + 1
                    queueB[tail] = Int32(v); tail += 1
                }
            }
        }
    }

    private func dfs(_ src: Int, _ dst: Int, _ f: PathFilter, exactly: Int? = nil, atMost: Int? = nil,
                     remaining: Int, _ emit: (GraphPath) -> Bool) -> Int {
        let g = generation
        let maxLen = exactly ?? atMost ?? 0
        let k = f.kinds.rawValue
        var nodes: [Int32] = [Int32(src)], edges: [Int32] = []
        var cursor: [Int] = [0]
        onPath[src] = true
        var found = 0
        defer { for v in nodes { onPath[Int(v)] = false } }
        while let c = cursor.last {
            let d = edges.count
            let u = Int(nodes[d])
            let outStart = Int(s.outOffsets[u]), outDeg = Int(s.outOffsets[u + 1]) - outStart
            let inStart = Int(s.inOffsets[u]), inDeg = f.directed ? 0 : Int(s.inOffsets[u + 1]) - inStart
            var i = c
            var pushed = false
            while i < outDeg + inDeg {
                let (v, e) = i < outDeg ? (Int(s.outNbr[outStart + i]), Int(s.outEdge[outStart + i]))
                                        : (Int(s.inNbr[inStart + i - outDeg]), Int(s.inEdge[inStart + i - outDeg]))
                i += 1
                if s.edgeKind[e] & k == 0 { continue }
                if v == dst {
                    if exactly == nil || d + 1 == maxLen {
                        found += 1
                        if !emit(GraphPath(nodes: nodes + [Int32(v)], edges: edges + [Int32(e)])) || found >= remaining {
                            return found
                        }
                    }
                    continue
                }
                if d + 1 >= maxLen || onPath[v] { continue }
                if seenB[v] != g || Int(distB[v]) > maxLen - d - 1 { continue }
                cursor[d] = i
                onPath[v] = true
                nodes.append(Int32(v)); edges.append(Int32(e)); cursor.append(0)
                pushed = true
                break
            }
            if !pushed {
                cursor.removeLast()
                if d > 0 {
                    onPath[u] = false
                    nodes.removeLast(); edges.removeLast()
                }
            }
        }
        return found
    }

    // MARK: k shortest paths

    /// The `k` shortest simple paths from `source` to `target` (Yen's algorithm over BFS),
    /// in non-decreasing hop count, ties in `pathPrecedes` order, without repeats. Parallel
    /// edges make distinct paths.
    /// - Parameters:
    ///   - source: start node.
    ///   - target: end node.
    ///   - k: how many paths.
    ///   - filter: allowed kinds, node types in between, direction.
    ///   - maxHops: longest path accepted.
    /// - Complexity: O(k · L · bidirectional BFS) for paths of up to L hops.
    ///   - canonical: take each spur path's `canonicalShortestPath` (slower; ties by id).
    public func kShortestPaths(from source: Int, to target: Int, k: Int, filter: PathFilter = .any, maxHops: Int = .max,
                               canonical: Bool = false) -> [GraphPath] {
        let start = canonical ? canonicalShortestPath(from: source, to: target, filter: filter, maxHops: maxHops)
                              : shortestPath(from: source, to: target, filter: filter, maxHops: maxHops)
        guard k > 0, let first = start else { return [] }
        if source == target { return [first] }
        if bannedNode == nil {
            bannedNode = .allocate(capacity: max(n, 1)); bannedNode!.initialize(repeating: 0, count: max(n, 1))
            bannedEdge = .allocate(capacity: max(index.edgeCount, 1)); bannedEdge!.initialize(repeating: 0, count: max(index.edgeCount, 1))
        }
        var accepted = [first]
        var candidates: [GraphPath] = []
        var known: Set<[Int32]> = [first.edges]
        defer { bansActive = false }
        while accepted.count < k {
            let last = accepted[accepted.count - 1]
            for j in 0 ..< last.hopCount {
                let spur = Int(last.nodes[j])
                let root = last.edges[0 ..< j]
                banGeneration &+= 1
                if banGeneration == 0 {
                    bannedNode!.update(repeating: 0, count: max(n, 1))
                    bannedEdge!.update(repeating: 0, count: max(index.edgeCount, 1))
                    banGeneration = 1
                }
                for p in accepted where p.hopCount > j && p.edges[0 ..< j] == root {
                    bannedEdge![Int(p.edges[j])] = banGeneration
                }
                for v in last.nodes[0 ..< j] { bannedNode![Int(v)] = banGeneration }
                bansActive = true
                let spurPath = canonical ? self.canonical(spur, target, filter, maxHops - j) : bidirectional(spur, target, filter, maxHops - j)
                guard let tail = spurPath else { continue }
                let path = GraphPath(nodes: Array(last.nodes[0 ..< j]) + tail.nodes, edges: Array(root) + tail.edges)
                if known.insert(path.edges).inserted { candidates.append(path) }
            }
            bansActive = false
            guard let bestIndex = candidates.indices.min(by: { pathPrecedes(candidates[$0], candidates[$1]) }) else { break }
            accepted.append(candidates.remove(at: bestIndex))
        }
        return accepted
    }

    /// The order of paths in results: fewer hops first, then node ranks compared
    /// lexicographically, then edge kinds, then edge ids.
    /// - Complexity: O(hops).
    public func pathPrecedes(_ a: GraphPath, _ b: GraphPath) -> Bool {
        if a.hopCount != b.hopCount { return a.hopCount < b.hopCount }
        for (x, y) in zip(a.nodes, b.nodes) where x != y {
            return s.nodeRank[Int(x)] < s.nodeRank[Int(y)]
        }
        for (x, y) in zip(a.edges, b.edges) where x != y {
            let kx = s.edgeKind[Int(x)], ky = s.edgeKind[Int(y)]
            return kx != ky ? kx < ky : x < y
        }
        return false
    }
}
