import Testing
@testable import Graph

@Suite struct PatternParserTests {
    @Test func parsesNodesRelationsReturnAndLimit() throws {
        let p = try Pattern(parsing: #"MATCH (c:country)-[:pledge]->(p:program) RETURN c, p LIMIT 10"#)
        #expect(p.nodes.map(\.variable) == ["c", "p"])
        #expect(p.nodes.map(\.labels) == [[.country], [.program]])
        #expect(p.relations.count == 1)
        #expect(p.relations[0].kinds == [.pledge] && p.relations[0].direction == .outgoing)
        #expect(p.relations[0].minHops == 1 && p.relations[0].maxHops == 1 && !p.relations[0].variableLength)
        #expect(p.returns.map(\.name) == ["c", "p"])
        #expect(p.limit == 10)
    }

    @Test func parsesPropertiesAlternativesAndRanges() throws {
        let p = try Pattern(parsing: #"(a {name:"Hungary"})-[:opposition|pledge*1..3]-(b)"#)
        #expect(p.nodes[0].properties.map(\.key) == ["name"] && p.nodes[0].properties[0].value == "Hungary")
        #expect(p.nodes[0].properties[0].column == 10)
        let r = p.relations[0]
        #expect(r.kinds == [.opposition, .pledge] && r.direction == .either)
        #expect(r.minHops == 1 && r.maxHops == 3 && r.variableLength)
        #expect(p.returns.isEmpty && p.limit == nil)
    }

    @Test func rangeForms() throws {
        func range(_ s: String) throws -> [Int] {
            let r = try Pattern(parsing: "(a)-[\(s)]->(b)").relations[0]
            return [r.minHops, r.maxHops]
        }
        #expect(try range("*") == [1, Pattern.unboundedHops])
        #expect(try range("*2") == [2, 2])
        #expect(try range("*..3") == [1, 3])
        #expect(try range("*2..") == [2, Pattern.unboundedHops])
        #expect(try range("r:role*0..1") == [0, 1])
        #expect(try range(":member") == [1, 1])
    }

    @Test func directionsAndShorthands() throws {
        let p = try Pattern(parsing: "(a)<-[r]-(b)-->(c)--(d)<--(e)-[:role|:member]-(f:person|country {id: 'x', name: \"y\"})")
        #expect(p.relations.map(\.direction) == [.incoming, .outgoing, .either, .incoming, .either])
        #expect(p.relations[4].kinds == [.role, .member])
        #expect(p.nodes[5].labels == [.person, .country])
        #expect(p.nodes[5].properties.map(\.key) == ["id", "name"])
        #expect(try Pattern(parsing: "(a{name:\"say \\\"hi\\\"\"})").nodes[0].properties[0].value == "say \"hi\"")
        #expect(try Pattern(parsing: "match (N) return N limit 1").limit == 1)
    }

    /// The column of the caret for a bad pattern, and the message start.
    func failure(_ pattern: String) -> (Int, String)? {
        do {
            _ = try Pattern(parsing: pattern)
            return nil
        } catch let QueryError.syntax(message, source, column) {
            #expect(source == pattern)
            return (column, message)
        } catch {
            return nil
        }
    }

    @Test func syntaxErrorsPointAtTheColumn() {
        #expect(failure("(a:country)-[:pledge]->(p:program")?.0 == 34)
        #expect(failure("(a:country)-[:pledge]->(p:program")?.1 == "expected ')', found end of pattern")
        #expect(failure("(a:countri)")?.0 == 4)
        #expect(failure("(a:countri)")?.1 == "unknown entity type 'countri' (valid: person, country, organization, program)")
        #expect(failure("(a)-[:pledges]->(b)")?.0 == 7)
        #expect(failure("(a)-[:pledge]>(b)")?.0 == 14)
        #expect(failure("(a)<-[:pledge]->(b)")?.0 == 15)
        #expect(failure("(a)<-[:pledge]->(b)")?.1 == "a relation cannot point both ways ('<-' … '->')")
        #expect(failure("(a {age: \"3\"})")?.0 == 5)
        #expect(failure("(a {name: Hungary})")?.0 == 11)
        #expect(failure("(a {name: \"Hungary)")?.0 == 11)
        #expect(failure("(a)-[*3..1]->(b)")?.0 == 4)
        #expect(failure("(a) RETURN")?.0 == 11)
        #expect(failure("(a) LIMIT x")?.0 == 11)
        #expect(failure("(a) (b)")?.0 == 5)
        #expect(failure("a")?.0 == 1)
        #expect(failure("(a) & (b)")?.0 == 5)
        #expect(failure("(a)-[.]->(b)")?.0 == 6)
        #expect(failure("")?.0 == 1)
    }

    @Test func errorMessageDrawsTheCaretUnderThePattern() {
        let e = QueryError.syntax(message: "expected ')', found end of pattern", pattern: "(a:country", column: 11)
        #expect(e.errorDescription == "expected ')', found end of pattern at column 11\n  (a:country\n            ^")
    }
}
