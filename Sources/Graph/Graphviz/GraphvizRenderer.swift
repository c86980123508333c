import CGraphviz
import Foundation

/// Draws DOT text and entity graphs with Graphviz, in-process through libgvc.
///
/// One renderer owns the process's only GVC context and serializes every Graphviz call
/// behind one lock: Graphviz 2.42 crashes when two threads use it at once, even with a
/// context each. Every parsed graph, layout and render buffer is freed before a call
/// returns (`gvFreeRenderData`, `gvFreeLayout`, `agclose`); the context lives for the process.
///
/// ```swift
/// let svg = try GraphvizRenderer.shared.render(graph, options: DOTOptions(legend: true))
/// ```
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    private let context: OpaquePointer?
    /// Layout engines and output devices the installed plugins provide.
    private let layouts: Set<String>
    private let devices: Set<String>

    private init() {
        GraphvizMessages.install()
        let gvc = gvContext()
        context = gvc
        layouts = gvc.map { Self.pluginNames($0, kind: "layout") } ?? []
        devices = gvc.map { Self.pluginNames($0, kind: "device") } ?? []
    }

    private static func pluginNames(_ gvc: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = ng_gvPluginList(gvc, kind, &count) else { return [] }
        defer { ng_free_plugin_list(list, count) }
        var names = Set<String>()
        for i in 0..<Int(count) {
            if let p = list[i] { names.insert(String(cString: p)) }
        }
        return names
    }

    /// Layout engines available here, sorted (without `auto`).
    public var availableEngines: [LayoutEngine] {
        LayoutEngine.allCases.filter { $0 != .auto && layouts.contains($0.rawValue) }
    }

    /// Output formats available here, sorted (`dot` always).
    public var availableFormats: [RenderFormat] {
        RenderFormat.allCases.filter { $0 == .dot || devices.contains($0.rawValue) }
    }

    // MARK: Engine choice

    /// The engine `engine` stands for: itself, or for `auto`, `dot` while the graph has at
    /// most `LayoutEngine.autoDotMaxNodes` nodes and `autoDotMaxEdges` edges (where dot
    /// stays near a second on news-like graphs with edge labels), `sfdp` beyond.
    /// - Parameters:
    ///   - engine: the engine asked for.
    ///   - nodeCount: nodes in the graph.
    ///   - edgeCount: edges in the graph.
    /// - Returns: a concrete engine, never `auto`.
    public static func resolve(_ engine: LayoutEngine, nodeCount: Int, edgeCount: Int) -> LayoutEngine {
        guard engine == .auto else { return engine }
        return nodeCount <= LayoutEngine.autoDotMaxNodes && edgeCount <= LayoutEngine.autoDotMaxEdges ? .dot : .sfdp
    }

    /// Refuses a graph above `LayoutEngine.maxLayoutNodes` / `maxLayoutEdges`.
    static func checkSize(nodes: Int, edges: Int) throws {
        if nodes > LayoutEngine.maxLayoutNodes || edges > LayoutEngine.maxLayoutEdges {
            throw GraphvizError.tooLarge(nodes: nodes, edges: edges)
        }
    }

    // MARK: Rendering

    /// Lays out and renders an entity graph.
    /// - Parameters:
    ///   - graph: the graph.
    ///   - options: how `DOTWriter` draws it.
    ///   - engine: layout engine; `auto` chooses by size (see `resolve`).
    ///   - format: output format; `.dot` returns `DOTWriter`'s text without layout.
    /// - Returns: the rendered bytes.
    /// - Throws: `GraphvizError`; `.tooLarge` above `LayoutEngine.maxLayoutNodes` nodes or
    ///   `maxLayoutEdges` edges (unless the format is `.dot`).
    /// - Complexity: that of the layout engine; `dot` grows steeply past a few hundred nodes.
    public func render(_ graph: EntityGraph, options: DOTOptions = DOTOptions(),
                       engine: LayoutEngine = .auto, format: RenderFormat = .svg) throws -> Data {
        if format != .dot { try Self.checkSize(nodes: graph.entityCount, edges: graph.relationCount) }
        let dot = DOTWriter(options: options).write(graph)
        if format == .dot { return Data(dot.utf8) }
        return try render(dot: dot, engine: engine, format: format)
    }

    /// Lays out and renders DOT text.
    ///
    /// The text is parsed with Graphviz's own parser; constructs known to crash Graphviz
    /// 2.42 (`concentrate`, `splines=ortho`, a node in two clusters, huge numeric
    /// attributes) are refused before layout with `GraphvizError.unsafeInput`.
    /// - Parameters:
    ///   - dot: a DOT graph.
    ///   - engine: layout engine; `auto` chooses by the parsed graph's size.
    ///   - format: output format; `.dot` returns `dot` itself once it parsed.
    /// - Returns: the rendered bytes (the length Graphviz reported, not up to a NUL).
    /// - Throws: `GraphvizError` carrying Graphviz's messages.
    /// - Complexity: that of the layout engine.
    public func render(dot: String, engine: LayoutEngine = .auto, format: RenderFormat = .svg) throws -> Data {
        if format != .dot, !devices.contains(format.rawValue) {
            throw GraphvizError.formatUnavailable(format.rawValue, available: availableFormats.map(\.rawValue))
        }
        return try withGraph(dot) { gvc, g in
            try GraphvizSafety.check(g)
            if format == .dot { return Data(dot.utf8) }
            try Self.checkSize(nodes: Int(agnnodes(g)), edges: Int(agnedges(g)))
            let chosen = Self.resolve(engine, nodeCount: Int(agnnodes(g)), edgeCount: Int(agnedges(g)))
            guard layouts.contains(chosen.rawValue) else {
                throw GraphvizError.engineUnavailable(chosen.rawValue, available: availableEngines.map(\.rawValue))
            }
            if chosen.isForceDirected, ng_has_graph_attr(g, "overlap") == 0 {
                _ = ng_agset_graph(g, "overlap", "prism")
            }
            GraphvizMessages.reset()
            let laidOut = gvLayout(gvc, g, chosen.rawValue)
            // Also after a failed layout: it may have allocated before failing, and
            // gvFreeLayout is a no-op on a graph without layout data.
            defer { gvFreeLayout(gvc, g) }
            guard laidOut == 0 else {
                throw GraphvizError.layoutFailed(engine: chosen.rawValue, messages: GraphvizMessages.take())
            }
            if GraphvizMessages.sawError {
                throw GraphvizError.layoutFailed(engine: chosen.rawValue, messages: GraphvizMessages.take())
            }
            var buffer: UnsafeMutablePointer<CChar>?
            var length = 0
            let rc = ng_gvRenderData(gvc, g, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard rc == 0, let buffer else {
                throw GraphvizError.renderFailed(format: format.rawValue, messages: GraphvizMessages.take())
            }
            if GraphvizMessages.sawError {
                throw GraphvizError.renderFailed(format: format.rawValue, messages: GraphvizMessages.take())
            }
            return Data(bytes: buffer, count: length)
        }
    }

    // MARK: Parsing (for tests and checks)

    /// A graph as Graphviz's parser read it: node names, edges and chosen attributes.
    struct ParsedGraph: Equatable {
        struct Node: Equatable { var name: String; var attributes: [String: String] }
        struct Edge: Equatable { var tail: String; var head: String; var attributes: [String: String] }
        struct Cluster: Equatable { var name: String; var attributes: [String: String]; var nodes: [String] }
        var name: String
        var attributes: [String: String]
        var nodes: [Node]
        var edges: [Edge]
        var clusters: [Cluster]
    }

    /// Parses DOT with Graphviz's own parser (`agread` over memory, as `agmemread`) and reads back the graph, without
    /// layout. Attribute values are as Graphviz stores them (DOT-level escapes kept).
    /// - Parameters:
    ///   - dot: DOT text.
    ///   - attributes: the attribute names to read on the graph, nodes, edges and clusters.
    /// - Throws: `GraphvizError.syntaxError`.
    func parse(dot: String, attributes: [String] = ["label", "tooltip", "id", "URL"]) throws -> ParsedGraph {
        try withGraph(dot) { _, g in
            func read(_ obj: UnsafeMutableRawPointer) -> [String: String] {
                var values: [String: String] = [:]
                for a in attributes {
                    if let v = ng_agget(obj, a) { values[a] = String(cString: v) }
                }
                return values
            }
            func name(_ obj: UnsafeMutableRawPointer) -> String { String(cString: ng_agnameof(obj)) }
            var nodes: [ParsedGraph.Node] = []
            var edges: [ParsedGraph.Edge] = []
            var n = agfstnode(g)
            while let node = n {
                nodes.append(.init(name: name(UnsafeMutableRawPointer(node)), attributes: read(UnsafeMutableRawPointer(node))))
                var e = agfstout(g, node)
                while let edge = e {
                    edges.append(.init(tail: name(UnsafeMutableRawPointer(ng_agtail(edge))),
                                       head: name(UnsafeMutableRawPointer(ng_aghead(edge))),
                                       attributes: read(UnsafeMutableRawPointer(edge))))
                    e = agnxtout(g, edge)
                }
                n = agnxtnode(g, node)
            }
            var clusters: [ParsedGraph.Cluster] = []
            var s = agfstsubg(g)
            while let sub = s {
                var members: [String] = []
                var m = agfstnode(sub)
                while let node = m {
                    members.append(name(UnsafeMutableRawPointer(node)))
                    m = agnxtnode(sub, node)
                }
                clusters.append(.init(name: name(UnsafeMutableRawPointer(sub)), attributes: read(UnsafeMutableRawPointer(sub)), nodes: members))
                s = agnxtsubg(sub)
            }
            return ParsedGraph(name: name(UnsafeMutableRawPointer(g)), attributes: read(UnsafeMutableRawPointer(g)),
                               nodes: nodes, edges: edges, clusters: clusters)
        }
    }

    /// Runs `body` on the parsed graph under the lock; closes the graph afterwards.
    private func withGraph<T>(_ dot: String, _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let gvc = context else { throw GraphvizError.contextUnavailable }
        GraphvizMessages.reset()
        guard let g = dot.withCString({ ng_agmemread_sequential($0, strlen($0)) }) else {
            let messages = GraphvizMessages.take()
            throw GraphvizError.syntaxError(messages: messages.isEmpty ? ["no graph in input"] : messages)
        }
        defer { agclose(g) }
        if GraphvizMessages.sawError {
            throw GraphvizError.syntaxError(messages: GraphvizMessages.take())
        }
        return try body(gvc, g)
    }
}

/// Collects what Graphviz reports through `agseterrf`. The hook is process-wide and gets a
/// message in pieces ("Error", ": ", text); pieces are joined and split into lines.
/// Touched only while `GraphvizRenderer`'s lock is held.
enum GraphvizMessages {
    nonisolated(unsafe) private static var text = ""

    static func install() {
        _ = agseterrf { piece in
            if let piece { GraphvizMessages.text += String(cString: piece) }
            return 0
        }
    }

    /// Forgets earlier messages and Graphviz's error level.
    static func reset() {
        text = ""
        _ = agreseterrors()
    }

    /// Whether an error (not just a warning) was reported since `reset()`.
    static var sawError: Bool { agerrors() >= 1 }

    /// The messages since `reset()`, one per line, trimmed.
    static func take() -> [String] {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        text = ""
        return lines
    }
}
