/// A compact, immutable adjacency index over a graph: integer node and edge ids, adjacency
/// in contiguous arrays (compressed sparse rows, out and in), one kind bit per edge and one
/// type bit per node.
///
/// Node `i` is the entity `entities[i]` of the `EntityGraph` it was built from, edge `e` is
/// `relations[e]`. Each node's neighbours are ordered by the neighbour's rank (the position
/// of its id in id order), then by edge kind, so every traversal is deterministic and ties
/// resolve by entity id.
///
/// ```swift
/// let index = GraphIndex(graph)
/// var finder = PathFinder(index)
/// let path = finder.shortestPath(from: 3, to: 7, filter: PathFilter(kinds: [.pledge]))
/// ```
public struct GraphIndex: Sendable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Number of edges.
    public let edgeCount: Int
    let storage: Storage

    /// The index's arrays, allocated once and never mutated after `init`, so sharing them
    /// between threads is safe.
    final class Storage: @unchecked Sendable {
        let n: Int, m: Int
        let edgeSource: UnsafeMutablePointer<Int32>
        let edgeTarget: UnsafeMutablePointer<Int32>
        let edgeKind: UnsafeMutablePointer<UInt8>
        let nodeType: UnsafeMutablePointer<UInt8>
        let nodeRank: UnsafeMutablePointer<Int32>
        let outOffsets: UnsafeMutablePointer<Int32>
        let outNbr: UnsafeMutablePointer<Int32>
        let outEdge: UnsafeMutablePointer<Int32>
        let inOffsets: UnsafeMutablePointer<Int32>
        let inNbr: UnsafeMutablePointer<Int32>
        let inEdge: UnsafeMutablePointer<Int32>
        /// Kind bits parallel to `outNbr` / `inNbr`, so filtered scans stay sequential.
        let outKind: UnsafeMutablePointer<UInt8>
        let inKind: UnsafeMutablePointer<UInt8>

        init(n: Int, m: Int) {
            self.n = n
            self.m = m
            edgeSource = .allocate(capacity: max(m, 1))
            edgeTarget = .allocate(capacity: max(m, 1))
            edgeKind = .allocate(capacity: max(m, 1))
            nodeType = .allocate(capacity: max(n, 1))
            nodeRank = .allocate(capacity: max(n, 1))
            outOffsets = .allocate(capacity: n + 1)
            outNbr = .allocate(capacity: max(m, 1))
            outEdge = .allocate(capacity: max(m, 1))
            inOffsets = .allocate(capacity: n + 1)
            inNbr = .allocate(capacity: max(m, 1))
            inEdge = .allocate(capacity: max(m, 1))
            outKind = .allocate(capacity: max(m, 1))
            inKind = .allocate(capacity: max(m, 1))
        }

        deinit {
            for p in [edgeSource, edgeTarget, nodeRank, outOffsets, outNbr, outEdge, inOffsets, inNbr, inEdge] { p.deallocate() }
            edgeKind.deallocate()
            nodeType.deallocate()
            outKind.deallocate()
            inKind.deallocate()
        }
    }

    /// Builds the index of an entity graph.
    /// - Parameter graph: the graph; node `i` is `graph.entities[i]`, edge `e` is `graph.relations[e]`.
    /// - Complexity: O(n log n + r) for n entities and r relations.
    public init(_ graph: EntityGraph) {
        let n = graph.entityCount
        var rank = [Int32](repeating: 0, count: n)
        let order = graph.entities.indices.sorted { graph.entities[$0].id < graph.entities[$1].id }
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        let types = graph.entities.map { TypeMask.bit(of: $0.type) }
        var src = [Int32](), dst = [Int32](), kinds = [UInt8]()
        src.reserveCapacity(graph.relationCount)
        dst.reserveCapacity(graph.relationCount)
        kinds.reserveCapacity(graph.relationCount)
        // The graph keeps each relation's dense end indices: no id lookups here.
        for (e, r) in graph.relations.enumerated() {
            let ends = graph.endpoints(ofRelation: e)
            src.append(Int32(ends.source))
            dst.append(Int32(ends.target))
            kinds.append(KindMask.bit(of: r.kind))
        }
        self.init(nodeTypes: types, sources: src, targets: dst, kinds: kinds, rank: rank)
    }

    /// Builds the index from plain arrays (edge `e` goes `sources[e] → targets[e]`).
    ///
    /// ```swift
    /// let index = GraphIndex(nodeTypes: [2, 2, 8], sources: [0, 1], targets: [1, 2], kinds: [2, 4])
    /// ```
    /// - Parameters:
    ///   - nodeTypes: one type bit per node (`TypeMask.bit(of:)`); its count is the node count.
    ///   - sources: source node of each edge.
    ///   - targets: target node of each edge, parallel to `sources`.
    ///   - kinds: kind bit of each edge (`KindMask.bit(of:)`), parallel to `sources`.
    ///   - rank: tie-breaking rank of each node (a permutation of `0..<n`); node order when `nil`.
    /// - Precondition: all arrays of edges have the same count; node ids are in range.
    /// - Complexity: O(n + m): three stable counting sorts.
    public init(nodeTypes: [UInt8], sources: [Int32], targets: [Int32], kinds: [UInt8], rank: [Int32]? = nil) {
        precondition(sources.count == targets.count && sources.count == kinds.count, "edge arrays differ in length")
        let n = nodeTypes.count
        let m = sources.count
        precondition(m < Int(Int32.max) && n < Int(Int32.max), "too large for 32-bit ids")
        precondition(rank == nil || rank!.count == n, "rank count differs from node count")
        nodeCount = n
        edgeCount = m
        let s = Storage(n: n, m: m)
        storage = s
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                for e in 0 ..< m {
                    precondition(src[e] >= 0 && Int(src[e]) < n && dst[e] >= 0 && Int(dst[e]) < n, "edge end out of range")
                }
                if m > 0 {
                    s.edgeSource.update(from: src.baseAddress!, count: m)
                    s.edgeTarget.update(from: dst.baseAddress!, count: m)
                }
            }
        }
        for e in 0 ..< m { s.edgeKind[e] = kinds[e] }
        for v in 0 ..< n { s.nodeType[v] = nodeTypes[v] }
        if let rank, n > 0 {
            rank.withUnsafeBufferPointer { s.nodeRank.update(from: $0.baseAddress!, count: n) }
        } else {
            for v in 0 ..< n { s.nodeRank[v] = Int32(v) }
        }

        // Edge order by (rank of the far end, kind), by two stable counting sorts; the CSR
        // fill (a third stable counting sort, by near end) keeps that order in each segment.
        let rk = s.nodeRank
        // Scratch as raw buffers: nested functions capturing local arrays would box them
        // and check exclusivity on every access.
        let byKind = UnsafeMutablePointer<Int32>.allocate(capacity: max(m, 1))
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: max(m, 1))
        let start = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        defer { byKind.deallocate(); order.deallocate(); start.deallocate() }
        var kindStart = (0 ..< 9).map { _ in 0 }
        for e in 0 ..< m { kindStart[KindMask.position(of: s.edgeKind[e]) + 1] += 1 }
        for i in 0 ..< 8 { kindStart[i + 1] += kindStart[i] }
        for e in 0 ..< m {
            let p = KindMask.position(of: s.edgeKind[e])
            byKind[kindStart[p]] = Int32(e); kindStart[p] += 1
        }
        let edgeKind = s.edgeKind
        func fill(near: UnsafeMutablePointer<Int32>, far: UnsafeMutablePointer<Int32>,
                  offsets: UnsafeMutablePointer<Int32>, nbr: UnsafeMutablePointer<Int32>, eid: UnsafeMutablePointer<Int32>,
                  kind: UnsafeMutablePointer<UInt8>) {
            start.update(repeating: 0, count: n + 1)
            for e in 0 ..< m { start[Int(rk[Int(far[e])]) + 1] += 1 }
            for i in 0 ..< n { start[i + 1] += start[i] }
            for i in 0 ..< m {
                let e = byKind[i]
                let r = Int(rk[Int(far[Int(e)])])
                order[Int(start[r])] = e; start[r] += 1
            }
            offsets.update(repeating: 0, count: n + 1)
            for e in 0 ..< m { offsets[Int(near[e]) + 1] += 1 }
            for i in 0 ..< n { offsets[i + 1] += offsets[i] }
            start.update(from: offsets, count: n)
            for i in 0 ..< m {
                let e = order[i]
                let v = Int(near[Int(e)])
                let p = Int(start[v]); start[v] += 1
                nbr[p] = far[Int(e)]
                eid[p] = e
                kind[p] = edgeKind[Int(e)]
            }
        }
        fill(near: s.edgeSource, far: s.edgeTarget, offsets: s.outOffsets, nbr: s.outNbr, eid: s.outEdge, kind: s.outKind)
        fill(near: s.edgeTarget, far: s.edgeSource, offsets: s.inOffsets, nbr: s.inNbr, eid: s.inEdge, kind: s.inKind)
    }

    /// Source node of edge `e`.
    /// - Complexity: O(1).
    public func source(ofEdge e: Int) -> Int { Int(storage.edgeSource[e]) }
    /// Target node of edge `e`.
    /// - Complexity: O(1).
    public func target(ofEdge e: Int) -> Int { Int(storage.edgeTarget[e]) }
    /// Kind bit of edge `e`.
    /// - Complexity: O(1).
    public func kindBit(ofEdge e: Int) -> UInt8 { storage.edgeKind[e] }
    /// Type bit of node `v`.
    /// - Complexity: O(1).
    public func typeBit(ofNode v: Int) -> UInt8 { storage.nodeType[v] }
    /// Tie-breaking rank of node `v`.
    /// - Complexity: O(1).
    public func rank(ofNode v: Int) -> Int { Int(storage.nodeRank[v]) }

    /// Number of out-edges of `v`.
    /// - Complexity: O(1).
    public func outDegree(_ v: Int) -> Int { Int(storage.outOffsets[v + 1] - storage.outOffsets[v]) }

    /// Number of in-edges of `v`.
    /// - Complexity: O(1).
    public func inDegree(_ v: Int) -> Int { Int(storage.inOffsets[v + 1] - storage.inOffsets[v]) }

    /// Calls `body(neighbour, edge, forward)` for each edge at `v` that `filter` allows:
    /// out-edges (forward) in neighbour-rank order, then, unless `filter.directed`,
    /// in-edges (backward).
    /// - Complexity: O(degree of `v`).
    public func forEachEdge(at v: Int, filter: PathFilter, _ body: (_ neighbour: Int, _ edge: Int, _ forward: Bool) throws -> Void) rethrows {
        let s = storage
        let k = filter.kinds.rawValue
        for p in Int(s.outOffsets[v]) ..< Int(s.outOffsets[v + 1]) {
            let e = Int(s.outEdge[p])
            if s.edgeKind[e] & k != 0 { try body(Int(s.outNbr[p]), e, true) }
        }
        guard !filter.directed else { return }
        for p in Int(s.inOffsets[v]) ..< Int(s.inOffsets[v + 1]) {
            let e = Int(s.inEdge[p])
            if s.edgeKind[e] & k != 0 { try body(Int(s.inNbr[p]), e, false) }
        }
    }

    /// Bytes held by the index's arrays.
    public var byteCount: Int {
        edgeCount * (4 + 4 + 1 + 4 * 4 + 2) + nodeCount * (1 + 4) + (nodeCount + 1) * 8
    }
}

/// A set of relation kinds as one bit per kind.
public struct KindMask: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Every kind.
    public static let all = KindMask(rawValue: 0xFF)

    /// The mask of a list of kinds; every kind when the list is empty.
    public init<S: Sequence>(_ kinds: S) where S.Element == RelationKind {
        var m: UInt8 = 0
        for k in kinds { m |= KindMask.bit(of: k) }
        rawValue = m == 0 ? 0xFF : m
    }

    /// The bit of one kind.
    public static func bit(of kind: RelationKind) -> UInt8 {
        switch kind {
        case .statement: 1
        case .pledge: 2
        case .opposition: 4
        case .role: 8
        case .member: 16
        }
    }

    /// The kind of one bit, if it is one of the five.
    public static func kind(of bit: UInt8) -> RelationKind? {
        RelationKind.allCases.first { Self.bit(of: $0) == bit }
    }

    /// Position (0...7) of the lowest set bit, for counting sorts.
    static func position(of bit: UInt8) -> Int { bit == 0 ? 0 : bit.trailingZeroBitCount }
}

/// A set of entity types as one bit per type.
public struct TypeMask: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Every type.
    public static let all = TypeMask(rawValue: 0xFF)

    /// The mask of a list of types; every type when the list is empty.
    public init<S: Sequence>(_ types: S) where S.Element == EntityType {
        var m: UInt8 = 0
        for t in types { m |= TypeMask.bit(of: t) }
        rawValue = m == 0 ? 0xFF : m
    }

    /// The bit of one type.
    public static func bit(of type: EntityType) -> UInt8 {
        switch type {
        case .person: 1
        case .country: 2
        case .organization: 4
        case .program: 8
        }
    }
}

/// What a traversal may use: edge kinds, node types in between, and direction.
public struct PathFilter: Hashable, Sendable {
    /// Edge kinds allowed.
    public var kinds: KindMask
    /// Node types allowed for nodes strictly between the two ends of a path
    /// (the ends themselves are always allowed).
    public var types: TypeMask
    /// Follow edges only from source to target; otherwise in either direction.
    public var directed: Bool

    /// Creates a filter; empty lists allow everything.
    public init(kinds: [RelationKind] = [], types: [EntityType] = [], directed: Bool = false) {
        self.kinds = KindMask(kinds)
        self.types = TypeMask(types)
        self.directed = directed
    }

    /// Creates a filter from masks.
    public init(kindMask: KindMask, typeMask: TypeMask, directed: Bool) {
        kinds = kindMask
        types = typeMask
        self.directed = directed
    }

    /// Everything allowed, either direction.
    public static let any = PathFilter()
}

/// A path in a `GraphIndex`: `nodes[0]` to `nodes.last`, `edges[i]` joining `nodes[i]` and
/// `nodes[i + 1]` (in either direction unless the search was directed).
public struct GraphPath: Hashable, Sendable {
    /// The nodes, from the start to the end; one more than `edges`.
    public var nodes: [Int32]
    /// The edge ids of the hops.
    public var edges: [Int32]

    public init(nodes: [Int32], edges: [Int32]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Number of hops.
    public var hopCount: Int { edges.count }
}
