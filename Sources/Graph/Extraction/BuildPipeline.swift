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

    /// Reads every `.txt` and `.md` file of a folder, sorted by name. Empty, binary,
    /// unreadable and oversized (`maxArticleBytes`) files are skipped with a warning; invalid
    /// UTF-8 is decoded with U+FFFD and reported.
    /// - Throws: `ExtractionError` when the folder is missing, not a folder or holds no article.
    /// - Complexity: O(total bytes).
    public static func loadDocuments(from directory: URL) throws -> (documents: [SourceDocument], warnings: [String]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir) else { throw ExtractionError.inputNotFound(path: directory.path) }
        guard isDir.boolValue else { throw ExtractionError.inputNotADirectory(path: directory.path) }
        let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.hasPrefix(".") }
            .sorted()
        guard !names.isEmpty else { throw ExtractionError.noDocuments(path: directory.path) }
        var docs: [SourceDocument] = []
        var warnings: [String] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let attributes = try? fm.attributesOfItem(atPath: url.path)
            let size = attributes?[.size] as? Int
            if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
                // a folder or a FIFO named like an article (reading a FIFO would block)
                warnings.append("\(name): not a regular file, skipped"); continue
            }
            if let size, size > maxArticleBytes {
                warnings.append("\(name): larger than \(maxArticleBytes >> 20) MiB, skipped"); continue
            }
            // Not read at all: swift-foundation 6.3 leaks a 4 KB buffer reading an empty file.
            if size == 0 { warnings.append("\(name): empty file, skipped"); continue }
            guard let data = fm.contents(atPath: url.path) else { warnings.append("\(name): cannot read file, skipped"); continue }
            if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                warnings.append("\(name): empty file, skipped"); continue
            }
            let head = data.prefix(8192)
            let controls = head.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C }.count
            if head.contains(0) || controls * 10 > head.count {
                warnings.append("\(name): binary file, skipped"); continue
            }
            let text: String
            if let t = String(data: data, encoding: .utf8) { text = t } else {
                text = String(decoding: data, as: UTF8.self)
                warnings.append("\(name): invalid UTF-8, decoded with replacement characters (U+FFFD)")
            }
            docs.append(SourceDocument(id: name, text: text, sha256: SHA256.hex(data)))
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
        let extractions = documents.map { extractor.extract(documentID: $0.id, text: $0.text, sha256: $0.sha256) }
        return merge(extractions)
    }

    /// Merges per-document extractions (in document order).
    public static func merge(_ extractions: [DocumentExtraction]) -> (EntityGraph, BuildReport) {
        var g = EntityGraph()
        for x in extractions { g.merge(x.graph) }
        // a lone surname that is some other document's full name joins it
        g = mergeSurnames(g)
        for x in extractions {
            for r in x.lexiconRoles + x.memberships where g.entity(id: r.source) != nil && g.entity(id: r.target) != nil {
                try? g.add(r)
            }
        }
        // conflicts
        var expansions: [String: [(value: String, doc: String)]] = [:]
        for x in extractions {
            for e in x.expansions { expansions[e.entity, default: []].append((e.expansion, x.document.id)) }
        }
        for (entity, list) in expansions.sorted(by: { $0.key < $1.key }) {
            var seen: [String: Int] = [:]
            var values: [String] = [], docs: [String] = []
            for (v, d) in list {
                let k = AliasKey.normalize(v).replacingOccurrences(of: "prioritized", with: "prioritised")
                if seen[k] == nil { seen[k] = values.count; values.append(v); docs.append(d) }
            }
            if values.count > 1 {
                g.add(Conflict(entity: entity, field: "expansion", values: values, documents: docs))
                g.addAliases(values, toEntity: entity)
            }
        }
        var amounts: [RelationKey: [(Amount, String)]] = [:]
        for x in extractions { for (k, a) in x.amounts { amounts[k, default: []].append((a, x.document.id)) } }
        for (key, list) in amounts.sorted(by: { $0.key < $1.key }) {
            var values: [String] = [], docs: [String] = []
            for (a, d) in list {
                let v = describe(a)
                if !values.contains(v) { values.append(v); docs.append(d) }
            }
            if values.count > 1, g.relation(key) != nil {
                g.add(Conflict(entity: "\(key.source)|pledge|\(key.target)", field: "amount", values: values, documents: docs))
            }
        }
        var report = BuildReport()
        report.documentsRead = extractions.count
        for e in g.entities { report.entitiesByType[e.type, default: 0] += 1 }
        for r in g.relations { report.edgesByKind[r.kind, default: 0] += 1 }
        report.conflicts = g.conflicts
        return (g, report)
    }

    static func describe(_ a: Amount) -> String {
        let v = a.value == a.value.rounded() ? String(format: "%.0f", a.value) : String(a.value)
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
        for r in g.sortedRelations {
            var r2 = r
            r2.source = remap[r.source] ?? r.source
            r2.target = remap[r.target] ?? r.target
            if r2.source != r2.target { try? out.add(r2) }
        }
        for d in g.documents { out.add(d) }
        for c in g.conflicts { out.add(c) }
        return out
    }

    /// Reads a folder and builds the graph.
    /// - Throws: `ExtractionError` for a missing or empty folder, or when no file is readable.
    public static func run(inputDirectory: URL, lexicon: Lexicon) throws -> (EntityGraph, BuildReport) {
        let started = Date()
        let (docs, warnings) = try loadDocuments(from: inputDirectory)
        guard !docs.isEmpty else { throw ExtractionError.noReadableDocuments(path: inputDirectory.path, skipped: warnings.count) }
        var (g, report) = build(documents: docs, lexicon: lexicon)
        report.warnings = warnings + report.warnings
        report.seconds = Date().timeIntervalSince(started)
        return (g, report)
    }

    /// The files `build` writes into `directory`: graph.json, graph.dot (with a legend;
    /// nodes link to their section of the report), graph.svg drawn from that DOT by Graphviz
    /// in-process, and report.html. Hand them to `AtomicWriter.writeAll`, which replaces
    /// the previous set only once every file is written.
    /// - Parameters:
    ///   - graph: the built graph.
    ///   - directory: the output folder.
    ///   - renderer: the Graphviz owner.
    /// - Throws: `GraphvizError` when a drawing fails.
    /// - Complexity: one layout per diagram (`auto` picks sfdp for large graphs).
    public static func outputFiles(_ graph: EntityGraph, in directory: URL, renderer: GraphvizRenderer = .shared) throws -> [(url: URL, data: Data)] {
        var options = DOTOptions()
        options.legend = true
        options.entityLink = { "report.html#entity-" + $0.id }
        let dot = DOTWriter(options: options).write(graph)
        let svg = try renderer.render(dot: dot, engine: .auto)
        let report = try HTMLReport(graph: graph, renderer: renderer).render()
        return [
            (directory.appendingPathComponent("graph.json"), graph.jsonData()),
            (directory.appendingPathComponent("graph.dot"), Data(dot.utf8)),
            (directory.appendingPathComponent("graph.svg"), svg),
            (directory.appendingPathComponent("report.html"), Data(report.utf8)),
        ]
    }
}
