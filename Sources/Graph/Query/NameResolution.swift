import Foundation

extension EntityGraph {
    /// The dense index of the entity a query names, through ids, names and aliases
    /// (`index(ofName:)`), then through the titles of role edges ("NATO Secretary General",
    /// "Secretary General of NATO", "Hungary's Foreign Minister"), or an error listing the
    /// closest known names.
    ///
    /// ```swift
    /// try graph.resolve("Rutte")                   // index of mark-rutte
    /// try graph.resolve("NATO Secretary General")  // index of mark-rutte, through his role edge
    /// try graph.resolve("Hungry")                  // QueryError.unknownEntity("Hungry", suggestions: ["Hungary"])
    /// ```
    /// - Parameter name: an id, a name, an alias or an office.
    /// - Throws: `QueryError.unknownEntity` with up to three suggestions (for an office held
    ///   by several people, its holders).
    /// - Complexity: O(len) when found by name; O(role edges) for an office; O(names · len²)
    ///   to suggest when not found.
    public func resolve(_ name: String) throws -> Int {
        if let i = index(ofName: name) { return i }
        let holders = officeHolders(name)
        if holders.count == 1 { return holders[0] }
        let suggested = holders.isEmpty ? suggestions(for: name) : holders.map { entities[$0].name }
        throw QueryError.unknownEntity(name, suggestions: suggested)
    }

    /// The people whose role edge the phrase names: the title alone ("Secretary General"),
    /// or with the office's organization or country before it ("NATO Secretary General",
    /// "Hungary's Foreign Minister") or after it ("Secretary General of NATO"). Where one
    /// office has had several holders, the one who took it last.
    /// - Parameter phrase: the words of a query.
    /// - Returns: dense indices of the holders, sorted by entity id.
    /// - Complexity: O(role edges · aliases).
    func officeHolders(_ phrase: String) -> [Int] {
        let key = AliasKey.normalize(phrase)
        guard !key.isEmpty else { return [] }
        // office (title key, place index) -> (holder, from)
        var offices: [String: (holder: Int, from: String)] = [:]
        for (e, r) in relations.enumerated() where r.kind == .role {
            guard let title = r.attributes["title"] else { continue }
            let t = AliasKey.normalize(title)
            let ends = endpoints(ofRelation: e)
            let place = entities[ends.target]
            let names = ([place.name, place.id] + place.aliases).map(AliasKey.normalize).filter { !$0.isEmpty }
            let matches = key == t || names.contains { key == "\($0) \(t)" || key == "\($0)s \(t)" || key == "\(t) of \($0)" || key == "\(t) of the \($0)" }
            guard matches else { continue }
            let office = "\(t)|\(ends.target)"
            let from = r.attributes["from"] ?? ""
            if let held = offices[office], held.from > from || (held.from == from && entities[held.holder].id < entities[ends.source].id) { continue }
            offices[office] = (ends.source, from)
        }
        return Set(offices.values.map(\.holder)).sorted { entities[$0].id < entities[$1].id }
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
