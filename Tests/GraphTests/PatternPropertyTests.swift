import Testing
@testable import Graph

/// The matcher against brute-force walk enumeration on seeded random graphs.
@Suite struct PatternPropertyTests {
    static let types: [EntityType] = [.person, .country, .organization, .program]
    static let kinds: [RelationKind] = [.statement, .pledge, .opposition, .role, .member]

    static func graph(seed: UInt64) -> EntityGraph {
        var r = SplitMix64(seed: seed)
        var g = EntityGraph()
        let n = 2 + r.below(6)
        for i in 0 ..< n { g.add(Entity(id: "e\(i)", name: "E\(i)", type: types[r.below(4)])) }
        for _ in 0 ..< r.below(14) {
            try? g.add(Relation(source: "e\(r.below(n))", kind: kinds[r.below(5)], target: "e\(r.below(n))"))
        }
        return g
    }

    /// Every (start, end, edges) walk matching one relation pattern, by brute force.
    static func brute(_ g: EntityGraph, from: EntityType?, to: EntityType?, kinds allowed: Set<RelationKind>,
                      direction: Pattern.Direction, min: Int, max: Int) -> Set<[String]> {
        var out = Set<[String]>()
        func go(_ start: Int, _ at: Int, _ used: [Int]) {
            if used.count >= min, to == nil || g.entities[at].type == to {
                out.insert([g.entities[start].id, g.entities[at].id] + used.map { "\($0)" })
            }
            guard used.count < max else { return }
            for (e, r) in g.relations.enumerated() where allowed.contains(r.kind) && !used.contains(e) {
                let s = g.index(ofID: r.source)!, t = g.index(ofID: r.target)!
                if direction != .incoming, s == at { go(start, t, used + [e]) }
                if direction != .outgoing, t == at, !(direction == .either && s == t) { go(start, s, used + [e]) }
            }
        }
        for v in g.entities.indices where from == nil || g.entities[v].type == from { go(v, v, []) }
        return out
    }

    @Test func singleRelationPatternsMatchBruteForce() throws {
        for seed in UInt64(1) ... 300 {
            let g = Self.graph(seed: seed)
            var r = SplitMix64(seed: seed &* 2_654_435_761)
            let from = r.below(3) == 0 ? nil : Self.types[r.below(4)]
            let to = r.below(3) == 0 ? nil : Self.types[r.below(4)]
            let kinds = r.below(3) == 0 ? [] : Array(Set((0 ... r.below(3)).map { _ in Self.kinds[r.below(5)] })).sorted()
            let direction = [Pattern.Direction.outgoing, .incoming, .either][r.below(3)]
            let lo = r.below(3), hi = lo + r.below(3)
            let range = lo == 1 && hi == 1 && r.below(2) == 0 ? "" : "*\(lo)..\(hi)"
            let label = kinds.isEmpty ? "" : ":" + kinds.map(\.rawValue).joined(separator: "|")
            let (open, close) = switch direction { case .outgoing: ("-", "->"); case .incoming: ("<-", "-"); case .either: ("-", "-") }
            let text = "(a\(from.map { ":\($0.rawValue)" } ?? ""))\(open)[r\(label)\(range)]\(close)(b\(to.map { ":\($0.rawValue)" } ?? "")) RETURN a, b, r"
            let result = try g.match(text, maxMatches: 1_000_000)
            var got = [[String]]()
            let edgeIndex = Dictionary(uniqueKeysWithValues: g.relations.enumerated().map { ($1.key, $0) })
            for row in result.rows {
                guard case let .entity(a) = row[0], case let .entity(b) = row[1], case let .relations(rs) = row[2] else {
                    Issue.record("row shape"); continue
                }
                got.append([a.id, b.id] + rs.map { "\(edgeIndex[$0.key]!)" })
            }
            let expected = Self.brute(g, from: from, to: to, kinds: Set(kinds.isEmpty ? Self.kinds : kinds),
                                      direction: direction, min: range.isEmpty ? 1 : lo, max: range.isEmpty ? 1 : hi)
            #expect(Set(got) == expected, "seed \(seed): \(text)")
            #expect(got.count == expected.count, "seed \(seed): duplicate rows for \(text)")
        }
    }
}
