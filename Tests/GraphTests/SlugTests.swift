import Testing
@testable import Graph

@Suite struct SlugTests {
    @Test(arguments: [
        ("Péter Szijjártó", "peter-szijjarto"),
        ("NATO-Ukraine Council", "nato-ukraine-council"),
        ("Partnership for Ukraine’s Reform and Leadership", "partnership-for-ukraines-reform-and-leadership"),
        ("  U.S. ", "u-s"),
        ("30-day ceasefire", "30-day-ceasefire"),
        ("東京", "entity"),
    ])
    func slugs(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    /// The ASCII path gives what Foundation's folding gives, on generated names.
    @Test func asciiPathMatchesFolding() {
        let pieces = ["NATO", "-", " ", "'", "U.S.", "a", "Z", "0", "9", "_", "/", "~", "\t", "\u{7f}", "Kyiv", "..", "@"]
        let names = GeneratedText.strings(from: pieces, count: 400, length: 5, seed: 11) + ["", "'", "---", "A'B"]
        for name in names {
            #expect(Slug.makeASCII(name) == Slug.makeFolding(name), "\(name)")
        }
        #expect(Slug.makeASCII("Péter") == nil)
    }

    @Test func aliasKeysFoldTheUsualVariants() {
        #expect(AliasKey.normalize("The Kremlin") == "kremlin")
        #expect(AliasKey.normalize("U.S.") == "us")
        #expect(AliasKey.normalize("NATO’s") == "nato")
        #expect(AliasKey.normalize("NATO-Ukraine  Council") == "nato ukraine council")
        #expect(AliasKey.normalize("Szijjártó") == AliasKey.normalize("szijjarto"))
    }
}
