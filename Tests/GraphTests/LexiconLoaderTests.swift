import Foundation
import Testing
@testable import Graph

@Suite struct LexiconLoaderTests {
    @Test func bundledLexiconLoadsAllFiles() throws {
        let lex = ExtractionFixture.lexicon
        #expect(lex.actor(id: "nato")?.type == .organization)
        #expect(lex.actor(id: "ukraine")?.type == .country)
        #expect(lex.predicates["pledged"]?.contains { $0.kind == .pledge } == true)
        #expect(lex.predicates["concern over"]?.contains { $0.kind == .opposition && $0.isNoun } == true)
        #expect(lex.titles["top diplomat"] == "Foreign Minister")
        #expect(lex.currencies["€"] == "EUR")
    }

    @Test func userLexiconAddsAliasesOverridesAndNewIDs() throws {
        var lex = try Lexicon(yaml: """
            countries:
              - {name: Ukraine, aliases: [Kyiv]}
            people:
              - name: Mark Rutte
                aliases: [Rutte]
                roles: [{title: Secretary General, of: nato, from: 2024-10-01}]
            """, file: "base.yaml")
        try lex.merge(Lexicon(yaml: """
            countries:
              - {id: ukraine, name: Ukraine, aliases: [Kiev], demonyms: [Ukrainian]}
              - {name: Atlantis, aliases: [Poseidonia]}
            people:
              - {name: Rutte, aliases: [Mark]}
            """, file: "user.yaml"))
        #expect(lex.actor(id: "ukraine")?.aliases.sorted() == ["Kiev", "Kyiv"])
        #expect(lex.actor(id: "ukraine")?.demonyms == ["Ukrainian"])
        #expect(lex.actor(id: "atlantis")?.aliases == ["Poseidonia"])
        // an entry without id whose name is a known alias merges into that entry
        #expect(lex.actor(id: "mark-rutte")?.roles.count == 1)
        #expect(lex.actor(id: "rutte") == nil)
        #expect(lex.actor(id: "mark-rutte")?.name == "Mark Rutte")
        #expect(lex.actor(id: "mark-rutte")?.aliases.contains("Mark") == true)
    }

    @Test func malformedLexiconIsRefusedWithLineAndColumn() {
        do {
            _ = try Lexicon(yaml: "countries:\n  - name: Ukraine\n    aliases: [Kyiv\n", file: "bad.yaml")
            Issue.record("expected an error")
        } catch let LexiconError.malformed(file, line, column, _) {
            #expect(file == "bad.yaml")
            #expect(line >= 3)
            #expect(column >= 1)
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try Lexicon(yaml: "countries:\n  name: Ukraine\n", file: "shape.yaml")
            Issue.record("expected an error")
        } catch let LexiconError.malformed(_, line, column, reason) {
            #expect(line == 2 && column == 3)
            #expect(reason.contains("list"))
        } catch { Issue.record("unexpected \(error)") }
        let e = LexiconError.malformed(file: "x.yaml", line: 4, column: 7, reason: "expected a list")
        #expect(e.errorDescription == "x.yaml:4:7: malformed lexicon: expected a list")
    }

    /// An id given twice in one file (explicitly, or as the slug of a name, across sections)
    /// is refused at the second entry: it would otherwise merge silently into the first.
    @Test func duplicateIDsInOneFileAreRefused() {
        let cases: [(String, String)] = [
            ("countries:\n  - name: Atlantis\n  - id: atlantis\n    name: Sunken\n",
             "x.yaml:3:5: malformed lexicon: duplicate id 'atlantis' (first at line 2)"),
            ("countries:\n  - {id: a, name: A}\npeople:\n  - {id: a, name: Person A}\n",
             "x.yaml:4:5: malformed lexicon: duplicate id 'a' (first at line 2)"),
        ]
        for (yaml, message) in cases {
            #expect(throws: (any Error).self) { try Lexicon(yaml: yaml, file: "x.yaml") }
            do { _ = try Lexicon(yaml: yaml, file: "x.yaml") } catch { #expect(error.localizedDescription == message) }
        }
        // The same id in two files is a merge, not an error (README: --lexicon over the bundled one).
        #expect(ExtractionFixture.lexicon.actor(id: "ukraine") != nil)
    }

    @Test func regularInflections() {
        #expect(Lexicon.inflections(of: "state") == ["state", "states", "stated", "stating"])
        #expect(Lexicon.inflections(of: "deny") == ["deny", "denies", "denied", "denying"])
        #expect(Lexicon.inflections(of: "call on") == ["call on", "calls on", "called on", "calling on"])
    }

    @Test func fixtureLexiconMergesOverBundled() throws {
        let url = Bundle.module.url(forResource: "Fixtures/lexicon/actors-fixture", withExtension: "yaml")!
        var lex = ExtractionFixture.lexicon
        lex.merge(try Lexicon(contentsOf: url))
        #expect(lex.actor(id: "peter-szijjarto")?.aliases.contains("Siyarto") == true)
    }
}
