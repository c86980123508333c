import Foundation

/// Why Graphviz could not draw a graph. Cases carry Graphviz's own messages, as it
/// reported them through its error callback ("Error: syntax error in line 1 near '}'").
public enum GraphvizError: LocalizedError, Equatable {
    /// The DOT text could not be parsed.
    case syntaxError(messages: [String])
    /// The layout engine failed or reported an error (for example a malformed HTML label).
    case layoutFailed(engine: String, messages: [String])
    /// Rendering the laid-out graph into the format failed.
    case renderFailed(format: String, messages: [String])
    /// The layout engine is not installed (Graphviz's plugin configuration may be missing).
    case engineUnavailable(String, available: [String])
    /// The output format has no plugin here (for example png/pdf without the cairo plugin).
    case formatUnavailable(String, available: [String])
    /// The DOT text uses a construct that crashes Graphviz 2.42; it was refused before layout.
    case unsafeInput(reason: String)
    /// Graphviz could not create its context.
    case contextUnavailable
    /// The graph has more nodes or edges than any layout is attempted for
    /// (`LayoutEngine.maxLayoutNodes`, `maxLayoutEdges`): it was refused before layout.
    case tooLarge(nodes: Int, edges: Int)

    public var errorDescription: String? {
        switch self {
        case let .syntaxError(messages):
            return "Graphviz could not parse the DOT input" + Self.detail(messages)
        case let .layoutFailed(engine, messages):
            return "Graphviz layout with \(engine) failed" + Self.detail(messages)
        case let .renderFailed(format, messages):
            return "Graphviz could not render \(format)" + Self.detail(messages)
        case let .engineUnavailable(engine, available):
            let list = available.isEmpty ? "none (is Graphviz's plugin configuration installed? try `dot -c` as root)" : available.joined(separator: ", ")
            return "layout engine '\(engine)' is not available (available: \(list))"
        case let .formatUnavailable(format, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "output format '\(format)' is not available in this Graphviz (available: \(list))"
        case let .unsafeInput(reason):
            return "refused DOT input that would crash Graphviz 2.42: \(reason)"
        case .contextUnavailable:
            return "Graphviz could not create its context"
        case let .tooLarge(nodes, edges):
            return "graph too large to lay out: \(nodes) nodes, \(edges) edges (limit \(LayoutEngine.maxLayoutNodes) nodes, "
                + "\(LayoutEngine.maxLayoutEdges) edges); draw a part of it (report --focus ENTITY --depth N) or export it"
        }
    }

    private static func detail(_ messages: [String]) -> String {
        messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
    }
}
