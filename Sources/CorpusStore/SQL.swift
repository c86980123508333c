/// A value bound to or read from a statement, common to both backends.
enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    init(_ s: String?) { self = s.map { .text($0) } ?? .null }
    init(_ i: Int) { self = .int(Int64(i)) }
    init(_ d: Double?) { self = d.map { .double($0) } ?? .null }
}

/// One SQL statement with `?` placeholders (rewritten to `$1, $2, …` for PostgreSQL).
struct SQLStatement: Sendable {
    var sql: String
    var arguments: [SQLValue]

    init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The SQL with `?` turned into PostgreSQL's numbered placeholders. The store's SQL has
    /// no `?` inside literals, so every `?` is a placeholder.
    var postgresSQL: String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + arguments.count * 2)
        var n = 0
        for ch in sql {
            if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// `INSERT` statements for `rows`, several rows a statement, at most `maxArguments`
    /// bound values each, in row order.
    ///
    /// Rows go in chunks of the largest size that fits, then the rest in chunks of descending
    /// powers of two (37 rows: 32, 4, 1). A table's statements thus come in at most
    /// log₂(`maxArguments`) + 2 shapes whatever the row counts, so that a cache of compiled
    /// statements keyed by SQL text stays small over a long ingest (with one shape per row
    /// count it grew by thousands of statements).
    /// - Complexity: O(rows × columns); O(rows / chunk size + log chunk size) statements.
    static func insert(into table: String, columns: [String], rows: [[SQLValue]],
                       ignoringConflicts: Bool = false, maxArguments: Int = 900) -> [SQLStatement] {
        guard !rows.isEmpty else { return [] }
        let perStatement = max(1, maxArguments / max(1, columns.count))
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let tail = ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""
        var out: [SQLStatement] = []
        var start = 0
        while start < rows.count {
            let left = rows.count - start
            // a full chunk, else the largest power of two that the rest holds
            let size = left >= perStatement ? perStatement : 1 << (Int.bitWidth - 1 - left.leadingZeroBitCount)
            let chunk = rows[start..<(start + size)]
            let sql = head + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + tail
            out.append(SQLStatement(sql, chunk.flatMap { $0 }))
            start += chunk.count
        }
        return out
    }
}

/// A result row, read by column position.
struct SQLRow: Sendable {
    var values: [SQLValue]

    func string(_ i: Int) throws -> String {
        guard case let .text(s) = values[i] else { throw StoreError.corrupt(reason: "expected text in column \(i), found \(values[i])") }
        return s
    }

    func optionalString(_ i: Int) throws -> String? {
        if case .null = values[i] { return nil }
        return try string(i)
    }

    func int(_ i: Int) throws -> Int {
        switch values[i] {
        case let .int(v): return Int(v)
        case let .double(d) where d.rounded() == d: return Int(d)
        default: throw StoreError.corrupt(reason: "expected an integer in column \(i), found \(values[i])")
        }
    }

    func optionalDouble(_ i: Int) throws -> Double? {
        switch values[i] {
        case .null: return nil
        case let .double(d): return d
        case let .int(v): return Double(v)
        case .text: throw StoreError.corrupt(reason: "expected a number in column \(i), found \(values[i])")
        }
    }
}
