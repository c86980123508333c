import Foundation

/// Errors of graph queries: unknown names, bad options, pattern syntax.
public enum QueryError: LocalizedError, Equatable {
    /// A name matched no entity id, name or alias; `suggestions` are the closest known names.
    case unknownEntity(String, suggestions: [String])
    /// The graph file does not exist.
    case graphMissing(path: String)
    /// A value outside its allowed set (an edge kind, an entity type, a format).
    case invalidValue(field: String, value: String, allowed: [String])
    /// An option or argument that cannot be used as given.
    case invalidArgument(String)
    /// A pattern that does not parse; `column` is 1-based, into `pattern`.
    case syntax(message: String, pattern: String, column: Int)
    /// A pattern that parses but cannot be matched (an unknown variable in RETURN, …).
    case semantic(message: String, pattern: String, column: Int)

    public var errorDescription: String? {
        switch self {
        case let .unknownEntity(name, suggestions):
            if suggestions.isEmpty { return "no entity named '\(name)' in the graph" }
            return "no entity named '\(name)' in the graph; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
        case let .graphMissing(path):
            return "no graph at \(path): run `nato-graph build` first (or pass --graph FILE)"
        case let .invalidValue(field, value, allowed):
            return "invalid \(field) '\(value)' (valid: \(allowed.joined(separator: ", ")))"
        case let .invalidArgument(message):
            return message
        case let .syntax(message, pattern, column), let .semantic(message, pattern, column):
            return "\(message) at column \(column)\n  \(pattern)\n  \(String(repeating: " ", count: max(0, column - 1)))^"
        }
    }
}
