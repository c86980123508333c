extension Extractor {
    /// Storage one worker reuses from document to document: the analyzer's tokens, sentences,
    /// entities, indexes and discourse lists, and the extraction's drafts and groups. Each is
    /// handed to the next document emptied, with its capacity kept, so a document allocates
    /// only what it adds beyond the largest one before it.
    ///
    /// Not thread-safe: one per worker (a batch task), never shared between concurrent
    /// extractions. Any extractor may use any workspace (nothing in it depends on the lexicon),
    /// and the result is the same as without one.
    ///
    /// ```swift
    /// let workspace = Extractor.Workspace()
    /// for d in documents { out.append(extractor.extract(documentID: d.id, text: d.text, workspace: workspace)) }
    /// ```
    final class Workspace {
        /// A container is kept only while its capacity is at most this many elements (a huge
        /// document's buffers are let go rather than held for the worker's life).
        static let maxKeptCapacity = 1 << 16

        // the analyzer's (`DocumentAnalyzer.init(…workspace:)` takes them, its deinit gives them back)
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        /// All -1 between documents (the analyzer puts back every entry it set).
        var actorEntity: [Int] = []
        var entities: [DocEntity] = []
        var entityIndex: [String: Int] = [:]
        var slugs: [String: String] = [:]
        var dynamicNames = PhraseTable<Int>()
        var lowerCaseLearned = Set<String>()
        var learned = Set<LearnedName>()
        var nameKeysCache: [[String]?] = []
        var insertedSurfaces: [Range<Int>] = []
        var surnameLearned: [Bool] = []
        var spareMarks: [Bool] = []
        var spareMentions: [[Mention]] = []
        var spareTriggers: [Trigger] = []
        var quotes: [[Range<Int>]] = []
        var acronymExpansions: [(entity: Int, expansion: String)] = []
        var lastActor: [String: Int] = [:]
        var programOrder: [Int] = []
        var descriptors: [Int: Set<String>] = [:]
        var programWords: [Int: (surfaces: Int, words: Set<String>)] = [:]

        // `Extractor.extractSegment`'s
        var drafts: [DraftRelation] = []
        var memory: [(sentence: Int, entity: Int)] = []
        var canonical: [Int] = []
        var evidence: [Evidence?] = []
        var graphIndex: [Int] = []
        var groupOf: [DraftKey: Int] = [:]
        var groups: [(key: DraftKey, draft: DraftRelation)] = []
        /// One group's sentences at a time (`DraftSentences.write(into:)`).
        var groupSentences: [Int] = []

        /// An empty workspace (its containers grow with the first documents).
        init() {}

        /// The array left in `slot`, emptied with its capacity kept (an empty one in its place).
        /// - Complexity: O(count) to destroy the elements.
        @inline(__always) static func take<Element>(_ slot: inout [Element]) -> [Element] {
            var a = exchange(&slot, with: [])
            if a.capacity > maxKeptCapacity { return [] }
            a.removeAll(keepingCapacity: true)
            return a
        }

        /// The set left in `slot`, emptied with its capacity kept.
        /// - Complexity: O(capacity).
        @inline(__always) static func take<Element>(_ slot: inout Set<Element>) -> Set<Element> {
            var s = exchange(&slot, with: [])
            if s.capacity > maxKeptCapacity { return [] }
            s.removeAll(keepingCapacity: true)
            return s
        }

        /// The dictionary left in `slot`, emptied with its capacity kept.
        /// - Complexity: O(capacity).
        @inline(__always) static func take<Key, Value>(_ slot: inout [Key: Value]) -> [Key: Value] {
            var d = exchange(&slot, with: [:])
            if d.capacity > maxKeptCapacity { return [:] }
            d.removeAll(keepingCapacity: true)
            return d
        }
    }
}
