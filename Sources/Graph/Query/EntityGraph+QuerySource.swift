import Foundation

extension EntityGraph {
    /// Default graph file of the query commands.
    public static let defaultQueryGraphPath = "out/graph.json"

    /// Reads the graph a query runs on.
    /// - Parameter path: graph.json to read.
    /// - Throws: `QueryError.graphMissing` (which says to run `nato-graph build`) when there
    ///   is no file at `path`; `GraphError` when it cannot be read or parsed.
    /// - Complexity: O(file size).
    public init(queryGraphAt path: String) throws {
        // Only a missing file means "no graph yet"; a folder or an unreadable file is reported as such.
        guard FileManager.default.fileExists(atPath: path) else {
            throw QueryError.graphMissing(path: path)
        }
        try self.init(contentsOf: URL(fileURLWithPath: path))
    }

    /// Parses a comma-separated list of edge kinds ("pledge,opposition").
    /// - Throws: `QueryError.invalidValue` naming the valid kinds.
    public static func parseKinds(_ list: String) throws -> [RelationKind] {
        try list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }.map {
            guard let k = RelationKind(rawValue: $0) else {
                throw QueryError.invalidValue(field: "edge kind", value: $0, allowed: RelationKind.allCases.map(\.rawValue))
            }
            return k
        }
    }

    /// Parses a comma-separated list of entity types ("country,program").
    /// - Throws: `QueryError.invalidValue` naming the valid types.
    public static func parseTypes(_ list: String) throws -> [EntityType] {
        try list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }.map {
            guard let t = EntityType(rawValue: $0) else {
                throw QueryError.invalidValue(field: "entity type", value: $0, allowed: EntityType.allCases.map(\.rawValue))
            }
            return t
        }
    }
}
