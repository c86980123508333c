import Foundation
@testable import Graph

/// A graph whose strings hold everything that breaks exporters: quotes of both kinds,
/// backslashes (also trailing), newlines, CR, tabs, NUL and other controls, U+2028,
/// commas, semicolons (the CSV array delimiter), backticks, emoji and combining marks.
enum HostileGraph {
    static let nasty = "O'Brien \"the\" \\ one,\nsecond\r\nline\ttab; semi `tick` 🛰 e\u{301} \u{2028}\u{0}\u{7}\\"

    static func make() throws -> EntityGraph {
        var g = EntityGraph()
        g.add(Entity(id: "o-brien", name: nasty, type: .person, aliases: ["Ö'B; x", "a,b", "\"quoted\""],
                     attributes: ["acronym": "O\"B", "odd key`": "v;1\n"]))
        g.add(Entity(id: "zurich", name: "Zürich; Org", type: .organization))
        g.add(Entity(id: "plain", name: "Plain", type: .program))
        g.add(Entity(id: "land", name: "Land", type: .country))
        let ev1 = Evidence(document: "doc \"1\".txt", start: 5, end: 40, text: nasty)
        let ev2 = Evidence(document: "doc,2.txt", start: 0, end: 3, text: "He said: 'no'; then left.")
        try g.add(Relation(source: "o-brien", kind: .pledge, target: "zurich", evidence: [ev1, ev2],
                           amount: Amount(value: 1.5e9, currency: "EUR", period: "month"),
                           items: ["shells; 155mm", "\"drones\""], status: .pledged, quote: "We'll \"deliver\"\\",
                           attributes: ["note": "line1\r\nline2"]))
        try g.add(Relation(source: "zurich", kind: .statement, target: "o-brien", evidence: [ev2]))
        try g.add(Relation(source: "land", kind: .member, target: "zurich", evidence: [ev2]))
        try g.add(Relation(source: "plain", kind: .opposition, target: "land", evidence: [ev1], amount: Amount(value: 0.25, currency: "USD")))
        return g
    }
}
