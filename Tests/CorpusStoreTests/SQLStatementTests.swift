import Testing
@testable import CorpusStore

/// Multi-row inserts: every row once, in order, within the argument limit, and in few shapes
/// (a statement cache keyed by SQL text must not grow with every new row count).
@Suite struct SQLStatementTests {
    /// Rows of `columns` values numbered 0, 1, 2, … in row-major order.
    private func rows(_ count: Int, columns: Int) -> [[SQLValue]] {
        (0..<count).map { r in (0..<columns).map { c in .int(Int64(r * columns + c)) } }
    }

    @Test func everyRowIsInsertedOnceInOrderWithinTheArgumentLimit() {
        for columns in [1, 3, 7] {
            for count in [1, 2, 3, 37, 128, 129, 300, 301, 1000] {
                let statements = SQLStatement.insert(into: "t", columns: (0..<columns).map { "c\($0)" },
                                                     rows: rows(count, columns: columns), maxArguments: 900)
                let bound = statements.flatMap(\.arguments)
                #expect(bound == rows(count, columns: columns).flatMap { $0 }, "\(count) rows of \(columns)")
                for s in statements {
                    #expect(s.arguments.count <= 900)
                    // as many placeholders as arguments
                    #expect(s.sql.filter { $0 == "?" }.count == s.arguments.count)
                    #expect(s.sql.hasPrefix("INSERT INTO t ("))
                }
            }
        }
    }

    @Test func rowCountsShareAFewStatementShapes() {
        // one shape per row count would give 600; chunks of 300 (900 / 3 columns) and powers of two give 10
        var shapes = Set<String>()
        for count in 1...600 {
            for s in SQLStatement.insert(into: "t", columns: ["a", "b", "c"], rows: rows(count, columns: 3)) { shapes.insert(s.sql) }
        }
        #expect(shapes.count <= 10)
        // 37 rows: 32, 4, 1
        let sizes = SQLStatement.insert(into: "t", columns: ["a"], rows: rows(37, columns: 1), maxArguments: 900).map(\.arguments.count)
        #expect(sizes == [32, 4, 1])
        // full chunks first, then the rest
        let big = SQLStatement.insert(into: "t", columns: ["a", "b", "c"], rows: rows(700, columns: 3)).map { $0.arguments.count / 3 }
        #expect(big == [300, 300, 64, 32, 4])
    }

    @Test func conflictsAreIgnoredWhenAsked() {
        let s = SQLStatement.insert(into: "t", columns: ["a"], rows: rows(5, columns: 1), ignoringConflicts: true)
        #expect(s.count == 2)
        #expect(s.allSatisfy { $0.sql.hasSuffix(" ON CONFLICT DO NOTHING") })
        #expect(SQLStatement.insert(into: "t", columns: ["a"], rows: []).isEmpty)
    }
}
