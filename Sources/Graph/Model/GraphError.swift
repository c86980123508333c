import Foundation

/// Errors of the graph model and its file formats.
public enum GraphError: LocalizedError, Equatable {
    /// A relation names an entity id that is not in the graph.
    case unknownEntity(String, relation: RelationKey)
    /// A graph file is not valid JSON or not in the expected shape.
    case malformedJSON(file: String, line: Int?, column: Int?, reason: String)
    /// A field holds a value outside its allowed set (a node type, an edge kind).
    case invalidValue(file: String, field: String, value: String, allowed: [String])
    /// A file could not be read.
    case unreadable(file: String, reason: String)
    /// A date bound that is not an ISO day (`YYYY-MM-DD`).
    case invalidDate(String)

    public var errorDescription: String? {
        switch self {
        case let .unknownEntity(id, relation):
            return "edge \(relation.source) -\(relation.kind.rawValue)-> \(relation.target) references unknown node '\(id)'"
        case let .malformedJSON(file, line, column, reason):
            if let line, let column { return "\(file):\(line):\(column): malformed JSON: \(reason)" }
            return "\(file): malformed graph JSON: \(reason)"
        case let .invalidValue(file, field, value, allowed):
            return "\(file): invalid \(field) '\(value)' (valid: \(allowed.joined(separator: ", ")))"
        case let .unreadable(file, reason):
            return "\(file): \(reason)"
        case let .invalidDate(value):
            return "invalid date '\(value)': expected an ISO day such as 2025-06-24"
        }
    }
}
