/// A Graphviz layout engine.
///
/// `auto` picks `dot` for graphs small enough for it to finish in about a second and
/// `sfdp` (with overlap removal) beyond; see `GraphvizRenderer.resolve(_:nodeCount:edgeCount:)`.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case auto, dot, neato, fdp, sfdp, circo, twopi

    /// Largest graph `auto` still hands to `dot`: node count. Measured on news-like
    /// hub-heavy graphs with edge labels (scripts/engine-threshold.sh, BENCHMARKS.md).
    public static let autoDotMaxNodes = 150
    /// Largest graph `auto` still hands to `dot`: edge count (each labelled edge costs
    /// `dot` about as much as a node).
    public static let autoDotMaxEdges = 250

    /// Largest graph any layout is attempted for, node count: beyond it the renderer refuses
    /// with `GraphvizError.tooLarge` instead of running for minutes or exhausting memory
    /// (sfdp takes 1.7 s for 5,000 nodes here, GRAPHVIZ.md; a drawing of more is unreadable).
    public static let maxLayoutNodes = 20_000
    /// Largest graph any layout is attempted for, edge count.
    public static let maxLayoutEdges = 100_000

    /// Whether the engine places nodes by force simulation, so nodes may overlap unless
    /// `overlap` removal is asked for.
    var isForceDirected: Bool { self == .neato || self == .fdp || self == .sfdp }
}

/// An output format of `GraphvizRenderer`.
public enum RenderFormat: String, CaseIterable, Sendable {
    /// SVG text (Graphviz's core SVG renderer).
    case svg
    /// PNG image (cairo).
    case png
    /// PDF document (cairo).
    case pdf
    /// Our own DOT text, without layout.
    case dot

    /// The file name extension.
    public var fileExtension: String { rawValue }

    /// Whether the output is text that can go to a terminal.
    public var isText: Bool { self == .svg || self == .dot }
}
