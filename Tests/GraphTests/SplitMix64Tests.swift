import Testing
@testable import Graph

@Suite struct SplitMix64Tests {
    /// The reference sequence of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
    @Test func matchesTheReferenceSequence() {
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(r.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func belowStaysInRange() {
        var r = SplitMix64(seed: 7)
        for n in 1...50 { #expect((0..<n).contains(r.below(n))) }
    }
}
