import Testing
@testable import Graph
@Test func placeholder() { #expect(Slug.make("Péter Szijjártó") == "peter-szijjarto") }
