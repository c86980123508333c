import Foundation
import Testing
@testable import Graph

/// `ArticleDate.find(in:)` (bytes of an ASCII head) against the plain version over characters.
@Suite struct ArticleDateTests {
    /// (The common forms are in `ExtractionRuleTests`.)
    @Test func readsTheLessCommonForms() {
        #expect(ArticleDate.find(in: "Kyiv, Sept 9 2024. Text") == "2024-09-09")
        #expect(ArticleDate.find(in: "Ref 12024-06-01 and 2024-13-99") == "2024-13-99")  // the pattern, not the calendar
        #expect(ArticleDate.find(in: String(repeating: "x ", count: 300) + "June 1, 2024") == nil)  // past the head
        #expect(ArticleDate.find(in: "Kyiv — “June 1, 2024”") == "2024-06-01")
        #expect(ArticleDate.find(in: "Kyiv — June 1½ 2024") == nil)
    }

    /// Generated heads of date-like words, digits and separators (ASCII and not, with CR,
    /// combining marks at the head's edge): both versions agree on every one.
    @Test(arguments: 0..<40) func fastPathMatchesThePlainVersion(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let words = ["December", "Dec", "dec", "Sept", "Sep", "Septe", "May", "Mayday", "march", "MARCH", "3", "03", "31", "32",
                     "0", "2025", "1899", "2101", "12025", "2024-06-01", "x2024-06-01", "2024-6-01", "Brussels", "NATO",
                     "–", "é", "\u{301}", "\r\n", "\r", "\n", ",", ".", "  ", "½", "3½", "²", "’", "“", "Déc", "İ", "DecembÉr",
                     "\u{200D}", "🇺🇦", "€"]
        // odd seeds: only scalars that are characters of their own (the fast path)
        let joining: Set<Unicode.Scalar> = ["\u{301}", "\r", "\u{200D}", "\u{1F1FA}", "\u{1F1E6}"]
        let pool = seed % 2 == 1 ? words.filter { !$0.unicodeScalars.contains(where: joining.contains) } : words
        for _ in 0..<50 {
            var text = ""
            let count = 1 + rng.below(seed.isMultiple(of: 4) ? 400 : 12)
            for _ in 0..<count {
                text += pool[rng.below(pool.count)]
                if rng.below(3) > 0 { text += " " }
            }
            // the head's edge: a date word cut at scalar 600, a combining mark right after it
            if seed.isMultiple(of: 5) { text = String(repeating: "a ", count: 297 - rng.below(4)) + text }
            if seed.isMultiple(of: 3) { text = String(repeating: "b", count: 590 + rng.below(12)) + "\u{301}" + text }
            #expect(ArticleDate.find(in: text) == ArticleDate.plain(text), "\(text.debugDescription)")
        }
    }
}
