/// SplitMix64: a small, fast, seeded random number generator. Benchmarks, synthetic
/// corpora and property tests use it so that the same seed always gives the same data.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let n = rng.below(10)   // the same number on every run
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; it advances by a fixed odd constant per number.
    public var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (modulo reduction: fine for benchmarks and tests, not for
    /// cryptography or exact uniformity). `n` must be positive.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
