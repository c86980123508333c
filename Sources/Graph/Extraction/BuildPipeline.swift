import Foundation

/// The counts a build reports; the library returns it, the CLI prints it.
public struct BuildReport: Sendable, Equatable {
    /// Documents read (skipped files not counted).
    public var documentsRead: Int = 0
    /// Nodes per entity type.
    public var entitiesByType: [EntityType: Int] = [:]
    /// Edges per relation kind.
    public var edgesByKind: [RelationKind: Int] = [:]
    /// Where sources disagree.
    public var conflicts: [Conflict] = []
    /// Non-fatal problems, one line each ("x.bin: binary file, skipped").
    public var warnings: [String] = []
    /// Wall-clock seconds the build took (reported, never written to the graph).
    public var seconds: Double = 0

    public init() {}
}

/// An article to extract: its id (file name), text and digest of its bytes.
public struct SourceDocument: Sendable {
    public var id: String
    public var text: String
    public var sha256: String

    public init(id: String, text: String, sha256: String? = nil) {
        self.id = id
        self.text = text
        self.sha256 = sha256 ?? SHA256.hex(Array(text.utf8))
    }
}

/// `nato-graph build`: read a folder of articles, extract, merge across documents, find conflicts.
///
/// ```swift
/// let (graph, report) = try BuildPipeline.run(inputDirectory: URL(fileURLWithPath: "seeds"), lexicon: try .bundled())
/// try AtomicWriter.writeAll(BuildPipeline.outputFiles(graph, in: URL(fileURLWithPath: "out")))
/// ```
public enum BuildPipeline {
    /// Largest article read, in bytes (64 MiB): a news article is far smaller, and a bigger
    /// file (a log, a dump) would only cost minutes and memory. Larger files are skipped.
    public static let maxArticleBytes = 64 << 20

    /// Reads every `.txt` and `.md` file of a folder, sorted by name. Empty, binary and
    /// unreadable files are skipped with a warning; invalid UTF-8 is decoded with U+FFFD and
    /// reported. Holds every text in memory: `run` reads them one at a time instead.
    /// - Throws: `ExtractionError` when the folder is missing, not a folder or holds no article.
    /// - Complexity: O(total bytes).
    public static func loadDocuments(from directory: URL) throws -> (documents: [SourceDocument], warnings: [String]) {
        var docs: [SourceDocument] = []
        var warnings: [String] = []
        for file in try listDocuments(in: directory) {
            switch readDocument(file) {
            case let .document(d, warning): docs.append(d); if let warning { warnings.append(warning) }
            case let .skipped(warning): warnings.append(warning)
            }
        }
        return (docs, warnings)
    }

    /// Extracts documents and merges them into one graph: entities by id, relations by
    /// (source, kind, target) with their evidence united; lexicon role and member edges where
    /// both ends are in the graph; conflicts where documents disagree on an acronym's expansion
    /// or a pledge's amount.
    /// - Parameters:
    ///   - documents: the articles, in the order they are read.
    ///   - lexicon: the dictionary.
    /// - Returns: the graph and the report (without timing or file warnings).
    /// - Complexity: O(total text) plus O(e log e) for the merge.
    public static func build(documents: [SourceDocument], lexicon: Lexicon) -> (EntityGraph, BuildReport) {
        let extractor = Extractor(lexicon: lexicon)
        var acc = BuildAccumulator()
        for d in documents { acc.add(extractor.extract(documentID: d.id, text: d.text, sha256: d.sha256)) }
        return acc.finish()
    }

    /// Merges per-document extractions (in document order).
    /// - Complexity: O(total size of the extractions) plus O(e log e) for the final merge.
    public static func merge(_ extractions: [DocumentExtraction]) -> (EntityGraph, BuildReport) {
        var acc = BuildAccumulator()
        for x in extractions { acc.add(x) }
        return acc.finish()
    }

    static func describe(_ a: Amount) -> String {
        let v: String
        if a.value == a.value.rounded() {
            // "%.0f" of a whole number below 2^53 is its integer (Foundation's formatter is slow);
            // -0 keeps its sign there
            v = abs(a.value) < 9e15 && !(a.value == 0 && a.value.sign == .minus) ? String(Int64(a.value)) : String(format: "%.0f", a.value)
        } else {
            v = String(a.value)
        }
        return "\(v) \(a.currency)" + (a.period.map { "/\($0)" } ?? "")
    }

    /// Rebuilds the graph with single-word people folded into the one person whose full name
    /// ends with that word ("Kallas" → "Kaja Kallas").
    static func mergeSurnames(_ g: EntityGraph) -> EntityGraph {
        var remap: [String: String] = [:]
        let people = g.sortedEntities.filter { $0.type == .person }
        func last(_ e: Entity) -> String { AliasKey.normalize(String(e.name.split(separator: " ").last ?? "")) }
        for p in people where !p.name.contains(" ") {
            let key = AliasKey.normalize(p.name)
            let full = people.filter { $0.id != p.id && $0.name.contains(" ") && last($0) == key }
            if full.count == 1 { remap[p.id] = full[0].id }
        }
        // transliterations of one full name ("Andrii Sybiha", "Andriy Sybiha"): same surname, first names alike
        var bySurname: [String: [Entity]] = [:]
        for p in people where p.name.contains(" ") { bySurname[last(p), default: []].append(p) }
        for (_, list) in bySurname.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            let keep = list.first { !$0.attributes.isEmpty || $0.aliases.count > 2 } ?? list[0]
            for p in list where p.id != keep.id && remap[p.id] == nil {
                let a = AliasKey.normalize(p.name).prefix(3), b = AliasKey.normalize(keep.name).prefix(3)
                if a == b { remap[p.id] = keep.id }
            }
        }
        guard !remap.isEmpty else { return g }
        var out = EntityGraph()
        for e in g.sortedEntities where remap[e.id] == nil { out.add(e) }
        for e in g.sortedEntities { if let to = remap[e.id] { out.addAliases([e.name] + e.aliases, toEntity: to) } }
        for i in g.sortedRelationIndices {
            var r = g.relations[i]
            if let to = remap[r.source] { r.source = to }
            if let to = remap[r.target] { r.target = to }
            if r.source != r.target { try? out.add(r) }
        }
        for d in g.documents { out.add(d) }
        for c in g.conflicts { out.add(c) }
        return out
    }

    /// The files `build` writes into `directory`: graph.json, graph.dot (with a legend;
    /// nodes link to their section of the report), graph.svg drawn from that DOT by Graphviz
    /// in-process, and report.html. Hand them to `AtomicWriter.writeAll`, which replaces
    /// the previous set only once every file is written. graph.json, the largest by far
    /// (every edge carries its sentences), is streamed into its file then, never held whole.
    /// - Parameters:
    ///   - graph: the built graph.
    ///   - directory: the output folder.
    ///   - renderer: the Graphviz owner.
    /// - Throws: `GraphvizError` when a drawing fails.
    /// - Complexity: one layout per diagram (`auto` picks sfdp for large graphs). The DOT and
    ///   its drawing, and the report, are made concurrently: Graphviz itself still runs one
    ///   layout at a time (`GraphvizRenderer` serializes its calls).
    public static func outputFiles(_ graph: EntityGraph, in directory: URL,
                                   renderer: GraphvizRenderer = .shared) throws -> [(url: URL, content: AtomicWriter.Content)] {
        let products = ConcurrentResults<Data>(count: 3)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            switch job {
            case 0:
                var options = DOTOptions()
                options.legend = true
                options.entityLink = { "report.html#entity-" + $0.id }
                let dot = DOTWriter(options: options).write(graph)
                products.set(0, .success(Data(dot.utf8)))
                products.set(1, Result { try renderer.render(dot: dot, engine: .auto) })
            default:
                products.set(2, Result { Data(try HTMLReport(graph: graph, renderer: renderer).render().utf8) })
            }
        }
        let data = try products.values()
        let json = AtomicWriter.Content.stream { sink in NodeLinkWriter.write(graph) { sink.write($0) } }
        return zip(["graph.json", "graph.dot", "graph.svg", "report.html"], [json] + data.map { .data($0) })
            .map { (directory.appendingPathComponent($0), $1) }
    }
}

/// Results filled in by concurrent jobs, one slot each.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Value, Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = result
    }

    /// Every slot's value in order; the first error (by slot) is thrown.
    func values() throws -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return try slots.map { slot in
            guard let slot else { preconditionFailure("a job left its result unset") }
            return try slot.get()
        }
    }
}
