import Foundation
import Testing
@testable import Graph

@Suite struct EntityGraphCypherTests {
    /// Splits a script into statements with a small Cypher lexer (strings with backslash
    /// escapes, backtick names), returning each statement and the decoded string literals.
    static func lex(_ script: String) throws -> (statements: [String], literals: [String]) {
        enum LexError: Error { case unterminated(String), badEscape(String), rawLineBreakInString }
        var statements: [String] = [], literals: [String] = []
        var current = "", literal = ""
        var inString = false, inName = false, escape = false
        var scalars = Array(script.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            current.unicodeScalars.append(c)
            if inString {
                if escape {
                    escape = false
                    switch c {
                    case "\\": literal += "\\"
                    case "'": literal += "'"
                    case "\"": literal += "\""
                    case "n": literal += "\n"
                    case "r": literal += "\r"
                    case "t": literal += "\t"
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                        guard hex.count == 4, let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw LexError.badEscape(hex) }
                        current += hex
                        scalars = scalars.dropFirst(4)
                        literal.unicodeScalars.append(s)
                    default: throw LexError.badEscape(String(c))
                    }
                } else if c == "\\" {
                    escape = true
                } else if c == "'" {
                    inString = false
                    literals.append(literal)
                } else if c == "\n" || c == "\r" || c == "\u{2028}" {
                    throw LexError.rawLineBreakInString
                } else {
                    literal.unicodeScalars.append(c)
                }
            } else if inName {
                if c == "`" { inName = false }
            } else if c == "'" {
                inString = true
                literal = ""
            } else if c == "`" {
                inName = true
            } else if c == ";" {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        guard !inString, !inName else { throw LexError.unterminated(current) }
        let rest = current.split(separator: "\n").filter { !$0.hasPrefix("//") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard rest.isEmpty else { throw LexError.unterminated(String(rest[0])) }
        return (statements.map { $0.split(separator: "\n").filter { !$0.hasPrefix("//") }.joined(separator: "\n") }, literals)
    }

    @Test func oneMergePerNodeAndEdgeWithBalancedQuotes() throws {
        let g = try HostileGraph.make()
        let script = g.cypherScript()
        let (statements, literals) = try Self.lex(script)
        #expect(statements.count == 1 + g.entityCount + g.relationCount)
        #expect(statements.first?.hasPrefix("CREATE CONSTRAINT entity_id") == true)
        let nodes = statements.filter { $0.hasPrefix("MERGE (n:Entity {id: ") }
        let edges = statements.filter { $0.hasPrefix("MATCH (a:Entity {id: ") }
        #expect(nodes.count == g.entityCount)
        #expect(edges.count == g.relationCount)
        // Exactly one MERGE keyword outside string literals in each node and edge statement.
        for s in nodes + edges {
            let outside = s.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
            #expect(outside.map(\.element).joined().components(separatedBy: "MERGE").count - 1 <= 1)
        }
        // One statement a line: no raw line break survives inside a string.
        #expect(script.split(separator: "\n").count == statements.count + 2)
        // Every string of the graph comes back exactly from the literals.
        let decoded = Set(literals)
        for s in [HostileGraph.nasty, "Ö'B; x", "a,b", "\"quoted\"", "O\"B", "v;1\n", "shells; 155mm", "We'll \"deliver\"\\",
                  "line1\r\nline2", "doc \"1\".txt", "He said: 'no'; then left.", "Zürich; Org"] {
            #expect(decoded.contains(s), "missing literal \(s.debugDescription)")
        }
    }

    @Test func labelsTypesAndProperties() throws {
        let script = try HostileGraph.make().cypherScript()
        #expect(script.contains("MERGE (n:Entity {id: 'o-brien'}) SET n:Person, n.name = "))
        #expect(script.contains("SET n:Organization,"))
        #expect(script.contains("SET n:Program,"))
        #expect(script.contains("SET n:Country,"))
        #expect(script.contains("n.`attr_odd key``` = 'v;1\\n'"))
        #expect(script.contains("MERGE (a)-[r:PLEDGE]->(b) SET r.kind = 'pledge', r.evidence_text = ["))
        #expect(script.contains("r.evidence_start = [5, 0], r.evidence_end = [40, 3]"))
        #expect(script.contains("r.evidence_document = ['doc \\\"1\\\".txt', 'doc,2.txt']"))
        #expect(script.contains("r.amount = 1500000000.0, r.currency = 'EUR', r.period = 'month'"))
        #expect(script.contains("r.items = ['\\\"drones\\\"', 'shells; 155mm'], r.status = 'pledged'"))
        #expect(script.contains("r.amount = 0.25, r.currency = 'USD'"))
        for kind in ["STATEMENT", "MEMBER", "OPPOSITION"] { #expect(script.contains("-[r:\(kind)]->")) }
    }

    @Test func escapes() {
        #expect(Cypher.string("a'b\\c\n\r\t\"") == #"'a\'b\\c\n\r\t\"'"#)
        #expect(Cypher.string("\u{0}\u{1F}\u{7F}\u{85}\u{2028}") == #"'\u0000\u001F\u007F\u0085\u2028'"#)
        #expect(Cypher.string("é🛰") == "'é🛰'")
        #expect(Cypher.string("trailing\\") == #"'trailing\\'"#)
        #expect(Cypher.identifier("attr_title") == "attr_title")
        #expect(Cypher.identifier("attr x`y") == "`attr x``y`")
        #expect(Cypher.identifier("1abc") == "`1abc`")
        #expect(Cypher.float(1e9) == "1000000000.0")
        #expect(Cypher.float(1e20) == "1e20")
        #expect(Cypher.float(.nan) == nil)
    }

    @Test func deterministicWhateverTheInsertionOrder() throws {
        let g = try HostileGraph.make()
        var reversed = EntityGraph()
        for e in g.entities.reversed() { reversed.add(e) }
        for r in g.relations.reversed() { try reversed.add(r) }
        #expect(reversed.cypherScript() == g.cypherScript())
        #expect(EntityGraph().cypherScript().hasSuffix("REQUIRE n.id IS UNIQUE;\n"))
    }
}
