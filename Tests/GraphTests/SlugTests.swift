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

    @Test func aliasKeysFoldTheUsualVariants() {
        #expect(AliasKey.normalize("The Kremlin") == "kremlin")
        #expect(AliasKey.normalize("U.S.") == "us")
        #expect(AliasKey.normalize("NATO’s") == "nato")
        #expect(AliasKey.normalize("NATO-Ukraine  Council") == "nato ukraine council")
        #expect(AliasKey.normalize("Szijjártó") == AliasKey.normalize("szijjarto"))
    }
}
