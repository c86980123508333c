import Foundation

/// A graph as Graphviz reads DOT back: node and edge names, and the text each label and
/// tooltip will show once Graphviz has applied its escape layers.
///
/// Used to check that what `DOTWriter` writes means what it was given (tests and the
/// `fuzz-dot` fuzzer).
public struct DrawnGraph: Equatable, Sendable {
    /// A node: its name (our id encoding undone) and what its label and tooltip show.
    public struct Node: Equatable, Sendable {
        public var id: String
        public var label: String?
        public var tooltip: String?
    }

    /// An edge between two node names, with what its label and tooltip show.
    public struct Edge: Equatable, Sendable {
        public var source: String
        public var target: String
        public var label: String?
        public var tooltip: String?
    }

    /// The graph's name (our id encoding undone).
    public var name: String
    /// Nodes in the order Graphviz holds them (creation order).
    public var nodes: [Node]
    /// Edges, grouped by tail node.
    public var edges: [Edge]
}

extension GraphvizRenderer {
    /// Parses DOT with Graphviz's own parser (no layout) and reads back what each node and
    /// edge is called and what its label and tooltip will show.
    ///
    /// ```swift
    /// let drawn = try GraphvizRenderer.shared.readBack(dot: DOTWriter().write(graph))
    /// drawn.nodes.map(\.id) // the entity ids, exactly
    /// ```
    /// - Parameter dot: DOT text, as `DOTWriter` writes it.
    /// - Returns: names decoded as `DOTEscaping.id` encodes them; labels and tooltips decoded
    ///   as Graphviz 2.42 expands them (backslash layer, once for labels and twice for
    ///   tooltips, then XML entities).
    /// - Throws: `GraphvizError.syntaxError`.
    /// - Complexity: O(size of `dot`).
    public func readBack(dot: String) throws -> DrawnGraph {
        let parsed = try parse(dot: dot, attributes: ["label", "tooltip"])
        return DrawnGraph(
            name: DOTMeaning.id(parsed.name),
            nodes: parsed.nodes.map {
                .init(id: DOTMeaning.id($0.name), label: $0.attributes["label"].map(DOTMeaning.label),
                      tooltip: $0.attributes["tooltip"].map(DOTMeaning.tooltip))
            },
            edges: parsed.edges.map {
                .init(source: DOTMeaning.id($0.tail), target: DOTMeaning.id($0.head),
                      label: $0.attributes["label"].map(DOTMeaning.label),
                      tooltip: $0.attributes["tooltip"].map(DOTMeaning.tooltip))
            })
    }
}

extension DOTWriter {
    /// The text Graphviz shows for a label or tooltip written from `s`: line ends
    /// normalised to `\n`, clipped to 1,000 Unicode scalars and "…", tabs as spaces,
    /// characters XML cannot carry as U+FFFD (`DOTEscaping.label` is otherwise lossless).
    /// - Complexity: O(n) in the length of `s`.
    public static func displayedText(_ s: String) -> String { DOTEscaping.shown(s) }

    /// The node name Graphviz holds for an entity id, as `GraphvizRenderer.readBack` reports
    /// it: the id itself, or `\long-` and its SHA-256 for an id too long for Graphviz's lexer.
    /// - Complexity: O(n) in the length of `id`.
    public static func nodeName(for id: String) -> String {
        let written = DOTEscaping.id(id)
        return written.hasPrefix("\"\\long-") ? DOTEscaping.longName(id) : id
    }
}

/// Undoes Graphviz's escape layers on values read back from a parsed graph.
enum DOTMeaning {
    /// A name as the DOT lexer left it (`\"` already undone), with `DOTEscaping.id`'s
    /// encoding undone (`\\`, `\n`, `\r`, `\uXXXX`, a leading `\%`); `\long-…` and
    /// `\legend-…` names are kept as they are.
    static func id(_ name: String) -> String {
        // Raw names we write with a single backslash (long ids, legend nodes) stay as they are.
        if name.hasPrefix("\\long-") || name.hasPrefix("\\legend-") { return name }
        var out = ""
        var it = Array(name.unicodeScalars).makeIterator()
        while let u = it.next() {
            guard u == "\\", let next = it.next() else { out.unicodeScalars.append(u); continue }
            switch next {
            case "n": out += "\n"
            case "r": out += "\r"
            case "u":
                var hex = ""
                for _ in 0..<4 { if let h = it.next() { hex.unicodeScalars.append(h) } }
                if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                    out.unicodeScalars.append(s)
                } else {
                    out += "\\u" + hex
                }
            default: out.unicodeScalars.append(next)
            }
        }
        return out
    }

    /// Graphviz's label backslash layer: `\\` → `\`, `\n` → line break, other `\x` → `x`.
    static func backslashes(_ s: String) -> String {
        var out = ""
        var it = Array(s.unicodeScalars).makeIterator()
        while let u = it.next() {
            guard u == "\\", let next = it.next() else { out.unicodeScalars.append(u); continue }
            out += next == "n" ? "\n" : String(next)
        }
        return out
    }

    /// One pass of XML entity decoding, as Graphviz applies to labels.
    static func entities(_ s: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let semi = tail.firstIndex(of: ";"), tail.distance(from: amp, to: semi) <= 10 {
                let body = String(tail[tail.index(after: amp)..<semi])
                if let v = named[body] {
                    out += v; rest = tail[tail.index(after: semi)...]; continue
                }
                if body.hasPrefix("#"), let n = UInt32(body.dropFirst()), let u = Unicode.Scalar(n) {
                    out.unicodeScalars.append(u); rest = tail[tail.index(after: semi)...]; continue
                }
            }
            out += "&"
            rest = tail.dropFirst()
        }
        return out + rest
    }

    static func label(_ value: String) -> String { entities(backslashes(value)) }
    static func tooltip(_ value: String) -> String { entities(backslashes(backslashes(value))) }
}
