import Foundation
import Testing
@testable import Graph

/// Rules added to generalize beyond the development articles; sentences of other domains.
@Suite struct ExtractionGeneralizationTests {
    func triples(_ s: String) -> Set<String> { ExtractionFixture.triples(s) }

    @Test func pledgeRecipientCarriesForwardThroughTheDocument() {
        let t = triples("Donors pledged $2 billion on Monday to the European Defence Fund at a meeting in Brussels. Canada committed $300 million over three years. Ireland said it would contribute €40 million. The ministers praised the turnout. Portugal pledged €10 million.")
        #expect(t.isSuperset(of: ["pledge canada european-defence-fund", "pledge ireland european-defence-fund", "pledge portugal european-defence-fund"]))
    }
}
