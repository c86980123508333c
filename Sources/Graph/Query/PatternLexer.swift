/// A token of the pattern language, with its 1-based column.
struct PatternToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case lparen, rparen, lbracket, rbracket, lbrace, rbrace
        case colon, comma, pipe, star, dotdot
        /// `-`
        case dash
        /// `<-`
        case leftArrow
        /// `->`
        case rightArrow
        case identifier(String)
        case integer(Int)
        case string(String)
        case end
    }

    var kind: Kind
    var column: Int

    /// How the token is named in "expected …, found …" messages.
    var description: String {
        switch kind {
        case .lparen: "'('"
        case .rparen: "')'"
        case .lbracket: "'['"
        case .rbracket: "']'"
        case .lbrace: "'{'"
        case .rbrace: "'}'"
        case .colon: "':'"
        case .comma: "','"
        case .pipe: "'|'"
        case .star: "'*'"
        case .dotdot: "'..'"
        case .dash: "'-'"
        case .leftArrow: "'<-'"
        case .rightArrow: "'->'"
        case let .identifier(s): "'\(s)'"
        case let .integer(i): "'\(i)'"
        case .string: "a string"
        case .end: "end of pattern"
        }
    }
}

/// Splits a pattern into tokens.
enum PatternLexer {
    /// The tokens of `source`, ending with `.end`.
    /// - Throws: `QueryError.syntax` at the first character that starts no token, or at an
    ///   unterminated string.
    /// - Complexity: O(length of `source`).
    static func tokenize(_ source: String) throws -> [PatternToken] {
        let chars = Array(source)
        var tokens: [PatternToken] = []
        var i = 0
        func fail(_ message: String, _ at: Int) -> QueryError { .syntax(message: message, pattern: source, column: at + 1) }
        while i < chars.count {
            let c = chars[i]
            let col = i + 1
            if c.isWhitespace { i += 1; continue }
            func add(_ k: PatternToken.Kind, _ width: Int) { tokens.append(PatternToken(kind: k, column: col)); i += width }
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "(": add(.lparen, 1)
            case ")": add(.rparen, 1)
            case "[": add(.lbracket, 1)
            case "]": add(.rbracket, 1)
            case "{": add(.lbrace, 1)
            case "}": add(.rbrace, 1)
            case ":": add(.colon, 1)
            case ",": add(.comma, 1)
            case "|": add(.pipe, 1)
            case "*": add(.star, 1)
            case ".":
                guard next == "." else { throw fail("unexpected '.' (a range is written '..')", i) }
                add(.dotdot, 2)
            case "-":
                if next == ">" { add(.rightArrow, 2) } else { add(.dash, 1) }
            case "<":
                guard next == "-" else { throw fail("unexpected '<' (an incoming relation starts with '<-')", i) }
                add(.leftArrow, 2)
            case "\"", "'":
                var value = ""
                var j = i + 1
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == "\\", j + 1 < chars.count { value.append(chars[j + 1]); j += 2; continue }
                    if d == c { closed = true; break }
                    value.append(d); j += 1
                }
                guard closed else { throw fail("unterminated string", i) }
                tokens.append(PatternToken(kind: .string(value), column: col))
                i = j + 1
            default:
                if c.isASCII, c.isNumber {
                    var j = i
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                    guard let v = Int(String(chars[i ..< j])) else { throw fail("number too large", i) }
                    tokens.append(PatternToken(kind: .integer(v), column: col))
                    i = j
                } else if c == "_" || c.isLetter {
                    var j = i
                    while j < chars.count, chars[j] == "_" || chars[j].isLetter || chars[j].isNumber { j += 1 }
                    tokens.append(PatternToken(kind: .identifier(String(chars[i ..< j])), column: col))
                    i = j
                } else {
                    throw fail("unexpected character '\(c)'", i)
                }
            }
        }
        tokens.append(PatternToken(kind: .end, column: chars.count + 1))
        return tokens
    }
}
