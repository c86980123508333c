import Foundation
import Testing
@testable import Graph

/// `Extractor`'s document-level fast paths against their plain descriptions.
@Suite struct ExtractorFastPathTests {
    /// Texts built from pieces that matter to decoding and to titles: every UTF-8 length,
    /// combining marks, line and paragraph separators, CR LF, tabs and spaces at line ends.
    private static func text(_ rng: inout SplitMix64) -> String {
        let pieces = ["NATO", "Kyiv", "é", "e\u{301}", "Ş", "€", "𝔘", "👍🏽", "中文", " ", "\t", "\n", "\r\n", "\r", "\u{0B}",
                      "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "  \n", ".", "—", String(repeating: "x", count: 120)]
        return (0..<rng.below(90)).map { _ in pieces[rng.below(pieces.count)] }.joined()
    }

    @Test(arguments: 0..<40) func scalarsAreTheStringsUnicodeScalars(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<20 {
            let t = Self.text(&rng)
            #expect(Extractor.scalars(of: t) == Array(t.unicodeScalars))
        }
    }

    @Test(arguments: 0..<40) func titleFromScalarsIsTheTextsTitle(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<20 {
            let t = Self.text(&rng)
            #expect(Extractor.title(of: Extractor.scalars(of: t)) == Extractor.title(ofText: t), "\(t.debugDescription)")
        }
        // a first line longer than 300 characters, and more than 4096 scalars before any line
        let long = String(repeating: "Ab", count: 400) + "\nsecond"
        #expect(Extractor.title(of: Extractor.scalars(of: long)) == Extractor.title(ofText: long))
        #expect(Extractor.title(of: Extractor.scalars(of: long)).count == 300)
        let blank = String(repeating: " \n", count: 2100) + "late title"
        #expect(Extractor.title(of: Extractor.scalars(of: blank)) == Extractor.title(ofText: blank))
    }

    @Test func amountDescriptionsAreFormattedAsByPrintf() {
        var rng = SplitMix64(seed: 3)
        var values: [Double] = [0, -0.0, 1, -1, 1e15, 8.99e15, 9e15, 1e16, 1e300, .infinity, -.infinity, .nan, 0.5, 2.5, 1234.5678]
        for _ in 0..<500 {
            let x = Double(rng.below(1_000_000)) * [1, 1_000, 1_000_000, 1e9, 1e12, 0.001][rng.below(6)]
            values.append(rng.below(2) == 0 ? x : -x)
        }
        for v in values {
            let plain = v == v.rounded() ? String(format: "%.0f", v) : String(v)
            #expect(BuildPipeline.describe(Amount(value: v, currency: "EUR")) == "\(plain) EUR", "\(v)")
        }
        #expect(BuildPipeline.describe(Amount(value: 2e9, currency: "USD", period: "year")) == "2000000000 USD/year")
    }
}
