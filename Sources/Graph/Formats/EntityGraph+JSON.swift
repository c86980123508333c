import Foundation

// graph.json: networkx node-link JSON (`node_link_graph(data, edges="edges")`), as specified
// in GRAPH_FORMAT.md. Keys are written sorted, nodes by id, edges by (source, kind, target),
// so the same graph always gives the same bytes.

struct NodeLinkFile: Codable {
    var directed: Bool
    var multigraph: Bool
    var graph: GraphMeta
    var nodes: [Node]
    var edges: [Edge]

    enum CodingKeys: String, CodingKey { case directed, multigraph, graph, nodes, edges, links }

    init(directed: Bool, multigraph: Bool, graph: GraphMeta, nodes: [Node], edges: [Edge]) {
        self.directed = directed
        self.multigraph = multigraph
        self.graph = graph
        self.nodes = nodes
        self.edges = edges
    }

    /// Reads networkx node-link data: `edges` or (networkx's default) `links`; `graph`,
    /// `directed` and `multigraph` may be absent.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directed = try c.decodeIfPresent(Bool.self, forKey: .directed) ?? true
        multigraph = try c.decodeIfPresent(Bool.self, forKey: .multigraph) ?? true
        graph = try c.decodeIfPresent(GraphMeta.self, forKey: .graph) ?? GraphMeta(documents: nil, conflicts: nil)
        nodes = try c.decode([Node].self, forKey: .nodes)
        edges = try c.decodeIfPresent([Edge].self, forKey: .edges) ?? c.decodeIfPresent([Edge].self, forKey: .links) ?? []
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(directed, forKey: .directed)
        try c.encode(multigraph, forKey: .multigraph)
        try c.encode(graph, forKey: .graph)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(edges, forKey: .edges)
    }

    struct GraphMeta: Codable {
        var documents: [Document]?
        var conflicts: [Conflict]?
    }

    struct Node: Codable {
        var id: String
        var label: String?
        var type: String
        var aliases: [String]?
        var attributes: [String: String]?
    }

    struct Edge: Codable {
        var source: String
        var target: String
        var key: String?
        var kind: String?
        var evidence: [Evidence]?
        var amount: Amount?
        var items: [String]?
        var status: String?
        var quote: String?
        var attributes: [String: String]?
    }
}

extension EntityGraph {
    /// Serializes the graph as node-link JSON (graph.json).
    ///
    /// The output is byte-identical for equal graphs: keys sorted, nodes by id, edges by
    /// (source, kind, target), evidence by (document, offset).
    /// - Returns: UTF-8 JSON ending in a newline.
    /// - Complexity: O((n + r) log(n + r)) plus the size of the evidence.
    public func jsonData() -> Data {
        var data = Data()
        NodeLinkWriter.write(self) { data.append($0.assumingMemoryBound(to: UInt8.self)) }
        return data
    }

    /// graph.json through `JSONEncoder` and `NodeLinkFile`: what `jsonData()` writes without
    /// the encoder; tests compare the two.
    func jsonDataViaEncoder() -> Data {
        let file = NodeLinkFile(
            directed: true, multigraph: true,
            graph: .init(documents: documents, conflicts: conflicts),
            nodes: sortedEntities.map {
                .init(id: $0.id, label: $0.name, type: $0.type.rawValue, aliases: $0.aliases,
                      attributes: $0.attributes.isEmpty ? nil : $0.attributes)
            },
            edges: sortedRelations.map {
                .init(source: $0.source, target: $0.target, key: $0.kind.rawValue, kind: $0.kind.rawValue,
                      evidence: $0.evidence, amount: $0.amount, items: $0.items.isEmpty ? nil : $0.items,
                      status: $0.status?.rawValue, quote: $0.quote,
                      attributes: $0.attributes.isEmpty ? nil : $0.attributes)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types into JSON cannot fail.
        var data = (try? encoder.encode(file)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Reads node-link JSON (graph.json, or any networkx `node_link_data` output with
    /// `edges` or `links`).
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the name used in error messages.
    /// - Throws: `GraphError.malformedJSON` (with line and column where the parser gives
    ///   them), `GraphError.invalidValue` for an unknown node type or edge kind,
    ///   `GraphError.unknownEntity` for an edge whose end is not a node.
    /// - Complexity: O(n + r) plus the evidence merges; no intermediate array of nodes or edges.
    public init(jsonData data: Data, file: String = "graph.json") throws {
        var loader = GraphLoader(file: file)
        let header: NodeLinkReader.Header
        do {
            header = try data.withUnsafeBytes { buffer in
                var reader = NodeLinkReader(buffer.bindMemory(to: UInt8.self))
                return try reader.read(into: &loader)
            }
        } catch let error as GraphError {
            throw error
        } catch NodeLinkReader.Failure.shape(let reason) {
            try JSONSyntax.validate(data, file: file)
            throw GraphError.malformedJSON(file: file, line: nil, column: nil, reason: reason)
        } catch {
            // A syntax error: find it again, with its line and column.
            try JSONSyntax.validate(data, file: file)
            throw GraphError.malformedJSON(file: file, line: nil, column: nil, reason: "invalid JSON")
        }
        self = loader.graph
        for d in header.graph.documents ?? [] { add(d) }
        for c in header.graph.conflicts ?? [] { add(c) }
    }

    /// Reads graph.json from a file.
    /// - Parameter url: the file.
    /// - Throws: `GraphError` with the file name in its message.
    public init(contentsOf url: URL) throws {
        if FileErrors.isDirectory(url) { throw GraphError.unreadable(file: url.relativePath, reason: "is a directory, expected a file") }
        let data: Data
        do {
            data = try FileErrors.contents(of: url)
        } catch {
            throw GraphError.unreadable(file: url.relativePath, reason: FileErrors.reason(error, url: url))
        }
        do {
            try self.init(jsonData: data, file: url.relativePath)
        } catch let GraphError.malformedJSON(_, line, column, reason) {
            throw GraphError.malformedJSON(file: url.relativePath, line: line, column: column, reason: reason)
        }
    }
}

/// Turns what `NodeLinkReader` reads into the graph, checking types, kinds and edge ends.
private struct GraphLoader: NodeLinkSink {
    let file: String
    var graph = EntityGraph()
    // edges are sorted by source in files we write: look each source up once
    var lastSource = ""
    var lastSourceIndex: Int?

    init(file: String) { self.file = file }

    mutating func node(_ n: NodeLinkFile.Node) throws {
        guard let type = EntityType(rawValue: n.type) ?? EntityType(rawValue: n.type.lowercased()) else {
            throw GraphError.invalidValue(file: file, field: "node type", value: n.type, allowed: EntityType.allCases.map(\.rawValue))
        }
        graph.add(Entity(id: n.id, name: n.label ?? n.id, type: type, aliases: n.aliases ?? [], attributes: n.attributes ?? [:]))
    }

    mutating func edgeCount(_ count: Int) {
        graph.reserveCapacity(entities: graph.entityCount, relations: count)
    }

    mutating func edge(_ e: NodeLinkFile.Edge) throws {
        let name = e.kind ?? e.key ?? ""
        guard let kind = RelationKind(rawValue: name) ?? RelationKind(rawValue: name.lowercased()) else {
            throw GraphError.invalidValue(file: file, field: "edge kind", value: name, allowed: RelationKind.allCases.map(\.rawValue))
        }
        var status: PledgeStatus?
        if let s = e.status {
            guard let v = PledgeStatus(rawValue: s) else {
                throw GraphError.invalidValue(file: file, field: "pledge status", value: s, allowed: PledgeStatus.allCases.map(\.rawValue))
            }
            status = v
        }
        if e.source != lastSource || lastSourceIndex == nil {
            lastSource = e.source
            lastSourceIndex = graph.index(ofID: e.source)
        }
        let key = RelationKey(source: e.source, kind: kind, target: e.target)
        guard let s = lastSourceIndex else { throw GraphError.unknownEntity(e.source, relation: key) }
        guard let t = graph.index(ofID: e.target) else { throw GraphError.unknownEntity(e.target, relation: key) }
        graph.insert(Relation(source: e.source, kind: kind, target: e.target, evidence: e.evidence ?? [],
                              amount: e.amount, items: e.items ?? [], status: status, quote: e.quote,
                              attributes: e.attributes ?? [:]),
                     source: s, target: t)
    }
}
