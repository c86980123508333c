extension BuildReport {
    /// The counts of a graph that was not just built from files (read from a store, or cut
    /// down to a date range): documents, entities by type, edges by kind and conflicts;
    /// no warnings, no time.
    ///
    /// ```swift
    /// let report = BuildReport(summarizing: try graph.filtered(documentsFrom: "2025-06-01", through: nil))
    /// ```
    /// - Complexity: O(n + r).
    public init(summarizing graph: EntityGraph) {
        self.init()
        documentsRead = graph.documents.count
        for e in graph.entities { entitiesByType[e.type, default: 0] += 1 }
        for r in graph.relations { edgesByKind[r.kind, default: 0] += 1 }
        conflicts = graph.conflicts
    }
}
