import Graph

/// Deterministic test inputs: strings glued from pieces chosen by a seeded generator, so a
/// fast path can be compared with its plain description on inputs nobody wrote by hand.
enum GeneratedText {
    /// `count` strings of `length` pieces each.
    static func strings(from pieces: [String], count: Int, length: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<length).map { _ in pieces[rng.below(pieces.count)] }.joined() }
    }
}
