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
    /// An ego diagram draws at most this many neighbours: those with the most evidence
    /// sentences shared with the entity, and then only the entity's own edges with them (its
    /// caption says how many it leaves out).
    public var maxEgoNeighbours: Int
    /// The overview draws at most this many entities: those with the most evidence
    /// sentences on their relations (and the focus); its caption says how many it leaves out.
    public var maxOverviewEntities: Int
    /// Evidence sentences quoted per relation; the rest are counted, with their documents.
    public var maxQuotes: Int
    /// Documents listed per relation as its sources; the rest are counted.
    public var maxSources: Int

    /// Creates report options.
    /// - Parameters:
    ///   - title: page title.
    ///   - focus: entity to centre the report on.
    ///   - depth: hops around the focus.
    ///   - engine: overview layout engine.
    ///   - maxEgoDiagrams: cap on ego diagrams.
    ///   - maxEgoNeighbours: cap on the neighbours in one ego diagram.
    ///   - maxOverviewEntities: cap on the entities of the overview diagram.
    ///   - maxQuotes: cap on the evidence sentences quoted per relation.
    ///   - maxSources: cap on the documents listed per relation.
    public init(title: String = "nato-graph report", focus: String? = nil, depth: Int = 1,
                engine: LayoutEngine = .auto, maxEgoDiagrams: Int = 200, maxEgoNeighbours: Int = 40,
                maxOverviewEntities: Int = 300, maxQuotes: Int = 5, maxSources: Int = 12) {
        self.title = title
        self.focus = focus
        self.depth = depth
        self.engine = engine
        self.maxEgoDiagrams = maxEgoDiagrams
        self.maxEgoNeighbours = maxEgoNeighbours
        self.maxOverviewEntities = maxOverviewEntities
        self.maxQuotes = maxQuotes
        self.maxSources = maxSources
    }
}
