import Foundation

/// Writes graph.json straight from the graph, byte for byte what `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` for `NodeLinkFile`, without
/// the encoder's intermediate tree of the whole file: two-space indentation, `"key" : value`,
/// keys in `String` order, empty containers as `[`, a blank line and `]`, strings escaped
/// only where JSON requires it (`"`, `\`, control characters), numbers as Swift prints them
/// with a trailing `.0` dropped.
///
/// Output goes out in chunks of about 64 KB to `sink`, so a caller can collect it or stream it.
///
/// ```swift
/// var data = Data()
/// NodeLinkWriter.write(graph) { data.append(contentsOf: $0) }
/// ```
struct NodeLinkWriter {
    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Void
    private static let chunk = 1 << 16

    private init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Serializes `graph` as node-link JSON ending in a newline.
    /// - Parameters:
    ///   - graph: the graph.
    ///   - sink: receives the bytes in order, in chunks; a chunk is only valid during the call.
    /// - Complexity: O((n + r) log(n + r)) for the sort, plus O(size of the output).
    static func write(_ graph: EntityGraph, to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var w = NodeLinkWriter(sink: sink)
        w.graph(graph)
        w.flush()
    }

    // MARK: the file's structure (keys in sorted order, as the encoder writes them)

    private mutating func graph(_ g: EntityGraph) {
        raw("{\n")
        key("directed", 1); raw("true,\n")
        key("edges", 1)
        array(g.sortedRelationIndices, 1) { w, i, level in w.edge(g.relations[i], level) }
        raw(",\n")
        key("graph", 1); raw("{\n")
        key("conflicts", 2)
        array(g.conflicts, 2) { w, c, level in w.conflict(c, level) }
        raw(",\n")
        key("documents", 2)
        array(g.documents, 2) { w, d, level in w.document(d, level) }
        raw("\n"); indent(1); raw("},\n")
        key("multigraph", 1); raw("true,\n")
        key("nodes", 1)
        array(g.sortedEntities, 1) { w, e, level in w.node(e, level) }
        raw("\n}\n")
    }

    private mutating func node(_ e: Entity, _ level: Int) {
        var f = Fields(level: level)
        f.next(&self, "aliases"); stringArray(e.aliases, level + 1)
        if !e.attributes.isEmpty { f.next(&self, "attributes"); dictionary(e.attributes, level + 1) }
        f.next(&self, "id"); string(e.id)
        f.next(&self, "label"); string(e.name)
        f.next(&self, "type"); string(e.type.rawValue)
        f.close(&self)
    }

    private mutating func edge(_ r: Relation, _ level: Int) {
        var f = Fields(level: level)
        if let a = r.amount { f.next(&self, "amount"); amount(a, level + 1) }
        if !r.attributes.isEmpty { f.next(&self, "attributes"); dictionary(r.attributes, level + 1) }
        f.next(&self, "evidence")
        array(r.evidence, level + 1) { w, e, level in w.evidence(e, level) }
        if !r.items.isEmpty { f.next(&self, "items"); stringArray(r.items, level + 1) }
        f.next(&self, "key"); string(r.kind.rawValue)
        f.next(&self, "kind"); string(r.kind.rawValue)
        if let q = r.quote { f.next(&self, "quote"); string(q) }
        f.next(&self, "source"); string(r.source)
        if let s = r.status { f.next(&self, "status"); string(s.rawValue) }
        f.next(&self, "target"); string(r.target)
        f.close(&self)
    }

    private mutating func evidence(_ e: Evidence, _ level: Int) {
        var f = Fields(level: level)
        f.next(&self, "document"); string(e.document)
        f.next(&self, "end"); integer(e.end)
        f.next(&self, "start"); integer(e.start)
        f.next(&self, "text"); string(e.text)
        f.close(&self)
    }

    private mutating func amount(_ a: Amount, _ level: Int) {
        var f = Fields(level: level)
        f.next(&self, "currency"); string(a.currency)
        if let p = a.period { f.next(&self, "period"); string(p) }
        f.next(&self, "value"); number(a.value)
        f.close(&self)
    }

    private mutating func document(_ d: Document, _ level: Int) {
        var f = Fields(level: level)
        if let date = d.date { f.next(&self, "date"); string(date) }
        f.next(&self, "id"); string(d.id)
        f.next(&self, "sha256"); string(d.sha256)
        f.next(&self, "title"); string(d.title)
        f.close(&self)
    }

    private mutating func conflict(_ c: Conflict, _ level: Int) {
        var f = Fields(level: level)
        f.next(&self, "documents"); stringArray(c.documents, level + 1)
        f.next(&self, "entity"); string(c.entity)
        f.next(&self, "field"); string(c.field)
        f.next(&self, "values"); stringArray(c.values, level + 1)
        f.close(&self)
    }

    // MARK: containers

    /// The members of an object at `level`: `{`, then `,` between members, `}` at the end.
    private struct Fields {
        let level: Int
        var count = 0
        init(level: Int) { self.level = level }

        mutating func next(_ w: inout NodeLinkWriter, _ name: StaticString) {
            w.raw(count == 0 ? "{\n" : ",\n")
            count += 1
            w.key(name, level + 1)
        }

        func close(_ w: inout NodeLinkWriter) {
            if count == 0 { w.raw("{\n\n") } else { w.raw("\n") }
            w.indent(level)
            w.raw("}")
        }
    }

    /// `[`, the elements one per line at `level + 1`, `]` at `level`.
    private mutating func array<T>(_ items: [T], _ level: Int, _ element: (inout NodeLinkWriter, T, Int) -> Void) {
        raw("[\n")
        if items.isEmpty { raw("\n") }
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",\n") }
            indent(level + 1)
            element(&self, item, level + 1)
        }
        if !items.isEmpty { raw("\n") }
        indent(level)
        raw("]")
    }

    private mutating func stringArray(_ items: [String], _ level: Int) {
        array(items, level) { w, s, _ in w.string(s) }
    }

    /// A `[String: String]` object, keys in `String` order.
    private mutating func dictionary(_ d: [String: String], _ level: Int) {
        raw("{\n")
        if d.isEmpty { raw("\n") }
        for (i, (k, v)) in d.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { raw(",\n") }
            indent(level + 1)
            string(k)
            raw(" : ")
            string(v)
        }
        if !d.isEmpty { raw("\n") }
        indent(level)
        raw("}")
    }

    // MARK: scalars

    private mutating func key(_ name: StaticString, _ level: Int) {
        indent(level)
        raw("\"")
        raw(name)
        raw("\" : ")
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level { buffer.append(0x20); buffer.append(0x20) }
    }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.chunk { flush() }
    }

    private mutating func integer(_ n: Int) {
        var s = String(n)
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// As `JSONEncoder`: Swift's shortest round-trip form with a trailing ".0" dropped
    /// ("1000000000", "0.1", "1e+21"). JSON has no NaN or infinity: those are written as null.
    private mutating func number(_ x: Double) {
        guard x.isFinite else { raw("null"); return }
        var s = x.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// A quoted string; `"`, `\` and control characters escaped, everything else as it is.
    private mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            buffer.append(0x22)
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                buffer.append(0x5C)
                switch b {
                case 0x22, 0x5C: buffer.append(b)
                case 0x08: buffer.append(UInt8(ascii: "b"))
                case 0x0C: buffer.append(UInt8(ascii: "f"))
                case 0x0A: buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    buffer.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
                    hex.withUTF8Buffer { h in
                        buffer.append(h[Int(b >> 4)])
                        buffer.append(h[Int(b & 15)])
                    }
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            buffer.append(0x22)
        }
        if buffer.count >= Self.chunk { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
