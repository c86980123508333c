extension Pattern {
    /// Parses a pattern query (grammar in `Pattern`).
    ///
    /// ```swift
    /// let p = try Pattern(parsing: #"(c:country)-[:pledge]->(p:program) RETURN c, p"#)
    /// p.relations[0].kinds // [.pledge]
    /// ```
    /// - Throws: `QueryError.syntax` with the 1-based column of the offending token.
    /// - Complexity: O(length of `source`).
    public init(parsing source: String) throws {
        var p = PatternParser(tokens: try PatternLexer.tokenize(source), source: source)
        self = try p.parseQuery()
    }
}

/// Recursive-descent parser over `PatternToken`s.
struct PatternParser {
    let tokens: [PatternToken]
    let source: String
    var position = 0

    init(tokens: [PatternToken], source: String) {
        self.tokens = tokens
        self.source = source
    }

    var current: PatternToken { tokens[position] }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func error(_ message: String, at token: PatternToken? = nil) -> QueryError {
        .syntax(message: message, pattern: source, column: (token ?? current).column)
    }

    func expected(_ what: String) -> QueryError {
        error("expected \(what), found \(current.description)")
    }

    mutating func expect(_ kind: PatternToken.Kind, _ what: String) throws {
        guard current.kind == kind else { throw expected(what) }
        advance()
    }

    func keyword(_ word: String) -> Bool {
        if case let .identifier(s) = current.kind { return s.lowercased() == word }
        return false
    }

    mutating func parseQuery() throws -> Pattern {
        if keyword("match") { advance() }
        var nodes = [try parseNode()]
        var relations: [Pattern.RelationPattern] = []
        while current.kind == .dash || current.kind == .leftArrow {
            relations.append(try parseRelation())
            nodes.append(try parseNode())
        }
        var returns: [(name: String, column: Int)] = []
        if keyword("return") {
            advance()
            repeat {
                if current.kind == .comma { advance() }
                guard case let .identifier(name) = current.kind, !["limit", "return", "match"].contains(name.lowercased()) else {
                    throw expected("a variable to return")
                }
                returns.append((name, current.column))
                advance()
            } while current.kind == .comma
        }
        var limit: Int?
        if keyword("limit") {
            advance()
            guard case let .integer(n) = current.kind else { throw expected("a number after LIMIT") }
            limit = n
            advance()
        }
        guard current.kind == .end else {
            if case .identifier = current.kind { throw expected("'-', '<-', RETURN, LIMIT or end of pattern") }
            throw expected(relations.isEmpty && returns.isEmpty ? "'-', '<-', RETURN, LIMIT or end of pattern" : "end of pattern")
        }
        return Pattern(nodes: nodes, relations: relations, returns: returns, limit: limit, source: source)
    }

    mutating func parseNode() throws -> Pattern.NodePattern {
        let open = current
        try expect(.lparen, "'(' to start a node")
        var variable: String?
        if case let .identifier(name) = current.kind { variable = name; advance() }
        var labels: [EntityType] = []
        if current.kind == .colon {
            advance()
            labels.append(try parseName(EntityType.self, what: "an entity type"))
            while current.kind == .pipe {
                advance()
                if current.kind == .colon { advance() }
                labels.append(try parseName(EntityType.self, what: "an entity type"))
            }
        }
        var properties: [Pattern.Property] = []
        if current.kind == .lbrace {
            advance()
            repeat {
                if current.kind == .comma { advance() }
                guard case let .identifier(key) = current.kind else { throw expected("a property name (name or id)") }
                guard key == "name" || key == "id" else {
                    throw error("unknown property '\(key)' (valid: name, id)")
                }
                advance()
                try expect(.colon, "':' after the property name")
                guard case let .string(value) = current.kind else { throw expected("a quoted string") }
                properties.append(Pattern.Property(key: key, value: value, column: current.column))
                advance()
            } while current.kind == .comma
            try expect(.rbrace, "',' or '}'")
        }
        try expect(.rparen, variable == nil && labels.isEmpty && properties.isEmpty ? "a variable, ':', '{' or ')'" : "')'")
        return Pattern.NodePattern(variable: variable, labels: labels, properties: properties, column: open.column)
    }

    mutating func parseRelation() throws -> Pattern.RelationPattern {
        let start = current
        let incoming = current.kind == .leftArrow
        advance()
        var variable: String?
        var kinds: [RelationKind] = []
        var minHops = 1, maxHops = 1, variableLength = false
        if current.kind == .lbracket {
            advance()
            if case let .identifier(name) = current.kind { variable = name; advance() }
            if current.kind == .colon {
                advance()
                kinds.append(try parseName(RelationKind.self, what: "an edge kind"))
                while current.kind == .pipe {
                    advance()
                    if current.kind == .colon { advance() }
                    kinds.append(try parseName(RelationKind.self, what: "an edge kind"))
                }
            }
            if current.kind == .star {
                variableLength = true
                advance()
                minHops = 1; maxHops = Pattern.unboundedHops
                if case let .integer(n) = current.kind {
                    minHops = n; maxHops = n
                    advance()
                    if current.kind == .dotdot { maxHops = Pattern.unboundedHops }
                }
                if current.kind == .dotdot {
                    advance()
                    if case let .integer(n) = current.kind {
                        maxHops = n
                        advance()
                    }
                }
                guard minHops <= maxHops else {
                    throw error("empty hop range \(minHops)..\(maxHops)", at: start)
                }
            }
            try expect(.rbracket, variableLength ? "']'" : "':', '*' or ']'")
        }
        let direction: Pattern.Direction
        switch current.kind {
        case .rightArrow:
            guard !incoming else { throw error("a relation cannot point both ways ('<-' … '->')") }
            direction = .outgoing
        case .dash:
            direction = incoming ? .incoming : .either
        default:
            throw expected("'-' or '->' to close the relation")
        }
        advance()
        return Pattern.RelationPattern(variable: variable, kinds: kinds, direction: direction, minHops: minHops,
                                       maxHops: maxHops, variableLength: variableLength, column: start.column)
    }

    mutating func parseName<T: RawRepresentable & CaseIterable>(_: T.Type, what: String) throws -> T where T.RawValue == String {
        guard case let .identifier(name) = current.kind else { throw expected(what) }
        guard let v = T(rawValue: name.lowercased()) else {
            throw error("unknown \(what.replacingOccurrences(of: "an ", with: "")) '\(name)' (valid: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        advance()
        return v
    }
}
