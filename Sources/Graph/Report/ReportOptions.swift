/// What a report shows.
public struct ReportOptions: Sendable {
    /// The page title.
    public var title: String
    /// Draw the overview as the neighbourhood of this entity (a name, alias or id) instead
    /// of the whole graph; sections are limited to that neighbourhood too.
    public var focus: String?
    /// Hops around `focus`.
    public var depth: Int
    /// The layout engine of the overview (`auto` switches to sfdp for large graphs).
    public var engine: LayoutEngine
    /// Entity sections get an ego diagram only for the this many entities with the most
    /// relations (every entity still gets its section); keeps huge reports fast.
    public var maxEgoDiagrams: Int

    /// Creates report options.
    /// - Parameters:
    ///   - title: page title.
    ///   - focus: entity to centre the report on.
    ///   - depth: hops around the focus.
    ///   - engine: overview layout engine.
    ///   - maxEgoDiagrams: cap on ego diagrams.
    public init(title: String = "nato-graph report", focus: String? = nil, depth: Int = 1,
                engine: LayoutEngine = .auto, maxEgoDiagrams: Int = 200) {
        self.title = title
        self.focus = focus
        self.depth = depth
        self.engine = engine
        self.maxEgoDiagrams = maxEgoDiagrams
    }
}
