/// The kind of real-world thing a node stands for.
public enum EntityType: String, Codable, CaseIterable, Sendable, Comparable {
    case person, country, organization, program

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A node of the graph: one real-world person, country, organization or program.
///
/// ```swift
/// let rutte = Entity(name: "Mark Rutte", type: .person, aliases: ["Rutte"])
/// rutte.id // "mark-rutte"
/// ```
public struct Entity: Hashable, Sendable {
    /// Stable identifier: the slug of the canonical name unless given explicitly.
    public var id: String
    /// Canonical display name.
    public var name: String
    /// What the entity is.
    public var type: EntityType
    /// Other names the entity goes by, sorted and without the canonical name.
    public private(set) var aliases: [String]
    /// Free-form attributes (for example `"acronym"`, `"expansion"`), serialized sorted by key.
    public var attributes: [String: String]

    /// Creates an entity.
    /// - Parameters:
    ///   - id: stable id; defaults to `Slug.make(name)`.
    ///   - name: canonical name.
    ///   - type: entity type.
    ///   - aliases: other names; duplicates and the canonical name are dropped.
    ///   - attributes: free-form string attributes.
    public init(id: String? = nil, name: String, type: EntityType, aliases: [String] = [], attributes: [String: String] = [:]) {
        self.id = id ?? Slug.make(name)
        self.name = name
        self.type = type
        self.aliases = []
        self.attributes = attributes
        addAliases(aliases)
    }

    /// Adds aliases, keeping the list sorted, unique and free of the canonical name.
    /// - Complexity: O(m log n + m log m + n) for n existing and m new aliases.
    public mutating func addAliases<S: Sequence>(_ names: S) where S.Element == String {
        var fresh: [String] = []
        for n in names {
            // trimming through Foundation is slow: skip it when neither end is whitespace
            let t = n.unicodeScalars.first?.isWhitespaceOrNewline == false && n.unicodeScalars.last?.isWhitespaceOrNewline == false
                ? n : n.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty, t != name, !EntityGraph.sortedContains(aliases, t) { fresh.append(t) }
        }
        // `aliases` is always sorted and unique, so with nothing new it stays as it is
        guard !fresh.isEmpty else { return }
        // both lists sorted and unique, merged in one walk (no hashing of the existing names)
        fresh = Set(fresh).sorted()
        var merged: [String] = []
        merged.reserveCapacity(aliases.count + fresh.count)
        var i = 0, j = 0
        while i < aliases.count || j < fresh.count {
            if j == fresh.count || (i < aliases.count && aliases[i] < fresh[j]) {
                merged.append(aliases[i]); i += 1
            } else {
                merged.append(fresh[j]); j += 1
            }
        }
        aliases = merged
    }

}

import Foundation

/// Turns names into stable ids: lower-case ASCII letters and digits separated by single hyphens.
public enum Slug {
    /// The slug of `name`: diacritics folded, apostrophes dropped, other runs of
    /// non-alphanumerics turned into one hyphen ("Péter Szijjártó" → "peter-szijjarto").
    /// - Complexity: O(n) in the length of `name`.
    public static func make(_ name: String) -> String {
        if let ascii = makeASCII(name) { return ascii }
        return makeFolding(name)
    }

    /// `make` for ASCII names (ids, file names, most English names), byte by byte: folding
    /// ASCII only lower-cases it. `nil` for a name with any other scalar.
    static func makeASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b == UInt8(ascii: "'") { continue }
                let lower = b >= 0x41 && b <= 0x5A ? b + 32 : b
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    out.append(lower)
                } else {
                    pendingHyphen = true
                }
            }
            return out.isEmpty ? "entity" : String(decoding: out, as: UTF8.self)
        }
    }

    /// The general path of `make` (Foundation folding); tests compare `makeASCII` with it.
    static func makeFolding(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "entity" : out
    }
}
