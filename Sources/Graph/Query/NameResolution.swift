import Foundation

extension EntityGraph {
    /// The dense index of the entity a query names, through ids, names and aliases
    /// (`index(ofName:)`), or an error listing the closest known names.
    ///
    /// ```swift
    /// try graph.resolve("Rutte")   // index of mark-rutte
    /// try graph.resolve("Hungry")  // QueryError.unknownEntity("Hungry", suggestions: ["Hungary"])
    /// ```
    /// - Parameter name: an id, a name or an alias.
    /// - Throws: `QueryError.unknownEntity` with up to three suggestions.
    /// - Complexity: O(len) when found; O(names · len²) to suggest when not.
    public func resolve(_ name: String) throws -> Int {
        if let i = index(ofName: name) { return i }
        throw QueryError.unknownEntity(name, suggestions: suggestions(for: name))
    }

    /// The canonical names of the entities whose id, name or an alias is closest to `name`
    /// by edit distance (after `AliasKey.normalize`), a shared prefix counting as close.
    /// - Parameters:
    ///   - name: the unknown name.
    ///   - limit: most suggestions.
    /// - Returns: canonical names, closest first, ties by entity id.
    /// - Complexity: O(names · len²).
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        let key = Array(AliasKey.normalize(name))
        guard !key.isEmpty else { return [] }
        var scored: [(score: Int, id: String, name: String)] = []
        for e in entities {
            var best = Int.max
            for candidate in [e.name, e.id] + e.aliases {
                let c = Array(AliasKey.normalize(candidate))
                var d = NameDistance.levenshtein(key, c, cap: best)
                // "Stolten" for "Jens Stoltenberg": a prefix of a word is a near miss.
                if d > 1, c.count > key.count,
                   String(c).split(separator: " ").contains(where: { $0.hasPrefix(String(key)) }) { d = 1 }
                best = min(best, d)
            }
            let allowed = max(2, key.count / 2)
            if best <= allowed { scored.append((best, e.id, e.name)) }
        }
        scored.sort { ($0.score, $0.id) < ($1.score, $1.id) }
        return Array(scored.prefix(limit).map(\.name))
    }
}

/// Edit distance between names.
enum NameDistance {
    /// Levenshtein distance between two character arrays, giving up (returning `cap`) once
    /// every entry of a row exceeds `cap`.
    /// - Complexity: O(|a| · |b|).
    static func levenshtein(_ a: [Character], _ b: [Character], cap: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0 ... b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > cap { return cap == .max ? rowMin : cap + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
