import Testing
@testable import Graph

@Suite struct SentenceSplitterTests {
    func split(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        return SentenceSplitter.split(s).map { sent in
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[sent.start..<sent.end]); return String(v)
        }
    }

    @Test func abbreviationsAndInitials() {
        #expect(split("The U.S. has conveyed to NATO that Russia must act. Rutte agreed.") == ["The U.S. has conveyed to NATO that Russia must act.", "Rutte agreed."])
        #expect(split("On Dec. 3 Hungary refused. J. D. Vance said so.") == ["On Dec. 3 Hungary refused.", "J. D. Vance said so."])
    }

    @Test func quotesSpanningSentences() {
        let s = "“Putin believes he can outlast us. He is wrong,” the Secretary General stated. Allies agreed."
        #expect(split(s) == ["“Putin believes he can outlast us. He is wrong,” the Secretary General stated.", "Allies agreed."])
        #expect(split("He said the drones would come. \"Russia only understands strength,\" he said.").count == 2)
    }

    @Test func headlinesAndBullets() {
        let s = "NATO chief demands faster Russian action\n- Rutte stated that Russia is not doing enough.\n- The U.S. agreed."
        #expect(split(s) == ["NATO chief demands faster Russian action", "Rutte stated that Russia is not doing enough.", "The U.S. agreed."])
    }

    @Test func offsetsAreUnicodeScalars() {
        let s = "Szijjártó spoke. “Yes,” he said."
        let sents = SentenceSplitter.split(s)
        #expect(sents.count == 2)
        #expect(sents[1].start == 17)
    }
}
