import Foundation

/// A single-pass reader of node-link JSON straight into the fields graph.json uses, without
/// building an intermediate tree: about ten times faster than `JSONDecoder` on large files.
/// Unknown keys are skipped; a value of the wrong type is a shape error with its path.
/// Syntax errors are reported by `JSONSyntax` (with line and column) by the caller.
/// Where `NodeLinkReader.read(into:)` hands what it reads.
protocol NodeLinkSink {
    /// One node, in file order.
    mutating func node(_ node: NodeLinkFile.Node) throws
    /// The number of edges, once, before the first edge.
    mutating func edgeCount(_ count: Int) throws
    /// One edge, in file order, after every node.
    mutating func edge(_ edge: NodeLinkFile.Edge) throws
}

struct NodeLinkReader {
    /// What went wrong: a syntax error (the caller re-scans for its position) or a shape error.
    enum Failure: Error {
        case syntax
        case shape(String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    // MARK: The node-link shape

    /// What the top level holds besides nodes and edges.
    struct Header {
        var directed = true
        var multigraph = true
        var graph = NodeLinkFile.GraphMeta(documents: nil, conflicts: nil)
    }

    /// Reads the file, handing `sink` every node, then the number of edges, then every edge.
    ///
    /// Nodes always come before edges, whatever the key order in the file (graph.json sorts
    /// its keys, so `edges` precedes `nodes`): the edge array is first skipped and counted,
    /// and read once the rest of the top level is done. No array of nodes or edges is built.
    /// - Parameter sink: receives nodes and edges in file order.
    /// - Returns: the top-level flags and the `graph` object.
    /// - Throws: `Failure`, or whatever the sink throws.
    /// - Complexity: O(file size); the edge array is scanned twice.
    mutating func read<Sink: NodeLinkSink>(into sink: inout Sink) throws -> Header {
        var header = Header()
        var sawNodes = false
        var edges: (key: String, start: Int, end: Int, count: Int)?
        try readObject { r, key in
            switch key {
            case "directed": header.directed = try r.readBool("directed")
            case "multigraph": header.multigraph = try r.readBool("multigraph")
            case "nodes":
                sawNodes = true
                _ = try r.readElements("nodes") { r, n in try sink.node(r.readNode("nodes[\(n)]")) }
            case "edges", "links":
                let start = r.i
                let count = try r.skipArrayCounting(key)
                edges = (key, start, r.i, count)
            case "graph": header.graph = try r.readMeta()
            default: try r.skipValue()
            }
        }
        skipWhitespace()
        guard i == bytes.count else { throw Failure.syntax }
        guard sawNodes else { throw Failure.shape("missing field 'nodes' at top level") }
        try sink.edgeCount(edges?.count ?? 0)
        if let edges {
            i = edges.start
            depth = 1
            defer { depth = 0 }
            _ = try readElements(edges.key) { r, n in try sink.edge(r.readEdge("\(edges.key)[\(n)]")) }
            // the structural skip and the full read must agree on where the array ends
            guard i == edges.end else { throw Failure.syntax }
        }
        return header
    }

    /// Skips an array (or `null`) without decoding its strings, counting its elements.
    /// Only brackets and string boundaries are looked at; `read` parses the array fully
    /// afterwards, so malformed content is still reported.
    private mutating func skipArrayCounting(_ path: String) throws -> Int {
        if peekNull() { try skipValue(); return 0 }
        guard peek() == UInt8(ascii: "[") else { throw Failure.shape("wrong type at \(path): expected an array") }
        i += 1
        var level = 1, commas = 0, empty = true
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                empty = false
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard i < bytes.count else { throw Failure.syntax }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                empty = false
                level += 1
                guard depth + level <= JSONSyntax.maxDepth else { throw Failure.syntax }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                level -= 1
                if level == 0 {
                    i += 1
                    return empty ? 0 : commas + 1
                }
            case UInt8(ascii: ","):
                if level == 1 { commas += 1 }
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                empty = false
            }
            i += 1
        }
        throw Failure.syntax
    }

    private mutating func readNode(_ path: @autoclosure () -> String) throws -> NodeLinkFile.Node {
        var id: String?, label: String?, type: String?, aliases: [String]?, attributes: [String: String]?
        try readObject { r, key in
            switch key {
            case "id": id = try r.readString("\(path()).id")
            case "label": label = try r.readOptionalString("\(path()).label")
            case "type": type = try r.readString("\(path()).type")
            case "aliases": aliases = try r.readStrings("\(path()).aliases")
            case "attributes": attributes = try r.readStringMap("\(path()).attributes")
            default: try r.skipValue()
            }
        }
        guard let id else { throw Failure.shape("missing field 'id' at \(path())") }
        guard let type else { throw Failure.shape("missing field 'type' at \(path())") }
        return .init(id: id, label: label, type: type, aliases: aliases, attributes: attributes)
    }

    private mutating func readEdge(_ path: @autoclosure () -> String) throws -> NodeLinkFile.Edge {
        var source: String?, target: String?
        var e = NodeLinkFile.Edge(source: "", target: "")
        try readObject { r, key in
            switch key {
            case "source": source = try r.readString("\(path()).source")
            case "target": target = try r.readString("\(path()).target")
            case "key": e.key = try r.readOptionalString("\(path()).key")
            case "kind": e.kind = try r.readOptionalString("\(path()).kind")
            case "evidence": e.evidence = try r.readArray("\(path()).evidence") { r, n in try r.readEvidence("\(path()).evidence[\(n)]") }
            case "amount": e.amount = try r.readAmount("\(path()).amount")
            case "items": e.items = try r.readStrings("\(path()).items")
            case "status": e.status = try r.readOptionalString("\(path()).status")
            case "quote": e.quote = try r.readOptionalString("\(path()).quote")
            case "attributes": e.attributes = try r.readStringMap("\(path()).attributes")
            default: try r.skipValue()
            }
        }
        guard let source else { throw Failure.shape("missing field 'source' at \(path())") }
        guard let target else { throw Failure.shape("missing field 'target' at \(path())") }
        e.source = source
        e.target = target
        return e
    }

    private mutating func readEvidence(_ path: @autoclosure () -> String) throws -> Evidence {
        var document: String?, start: Int?, end: Int?, text: String?
        try readObject { r, key in
            switch key {
            case "document": document = try r.readString("\(path()).document")
            case "start": start = try r.readInt("\(path()).start")
            case "end": end = try r.readInt("\(path()).end")
            case "text": text = try r.readString("\(path()).text")
            default: try r.skipValue()
            }
        }
        guard let document, let start, let end, let text else {
            throw Failure.shape("evidence at \(path()) needs document, start, end and text")
        }
        return Evidence(document: document, start: start, end: end, text: text)
    }

    private mutating func readAmount(_ path: @autoclosure () -> String) throws -> Amount? {
        if peekNull() { return nil }
        var value: Double?, currency: String?, period: String?
        try readObject { r, key in
            switch key {
            case "value": value = try r.readDouble("\(path()).value")
            case "currency": currency = try r.readString("\(path()).currency")
            case "period": period = try r.readOptionalString("\(path()).period")
            default: try r.skipValue()
            }
        }
        guard let value, let currency else { throw Failure.shape("amount at \(path()) needs value and currency") }
        return Amount(value: value, currency: currency, period: period)
    }

    private mutating func readMeta() throws -> NodeLinkFile.GraphMeta {
        var meta = NodeLinkFile.GraphMeta(documents: nil, conflicts: nil)
        try readObject { r, key in
            switch key {
            case "documents":
                meta.documents = try r.readArray("graph.documents") { r, n in
                    let p = "graph.documents[\(n)]"
                    var id: String?, title = "", sha = "", date: String?
                    try r.readObject { r, key in
                        switch key {
                        case "id": id = try r.readString("\(p).id")
                        case "title": title = try r.readOptionalString("\(p).title") ?? ""
                        case "sha256": sha = try r.readOptionalString("\(p).sha256") ?? ""
                        case "date": date = try r.readOptionalString("\(p).date")
                        default: try r.skipValue()
                        }
                    }
                    guard let id else { throw Failure.shape("missing field 'id' at \(p)") }
                    return Document(id: id, title: title, sha256: sha, date: date)
                }
            case "conflicts":
                meta.conflicts = try r.readArray("graph.conflicts") { r, n in
                    let p = "graph.conflicts[\(n)]"
                    var entity: String?, field: String?, values: [String] = [], documents: [String] = []
                    try r.readObject { r, key in
                        switch key {
                        case "entity": entity = try r.readString("\(p).entity")
                        case "field": field = try r.readString("\(p).field")
                        case "values": values = try r.readStrings("\(p).values") ?? []
                        case "documents": documents = try r.readStrings("\(p).documents") ?? []
                        default: try r.skipValue()
                        }
                    }
                    guard let entity, let field else { throw Failure.shape("conflict at \(p) needs entity and field") }
                    return Conflict(entity: entity, field: field, values: values, documents: documents)
                }
            default: try r.skipValue()
            }
        }
        return meta
    }

    // MARK: Values

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func peekNull() -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        return true
    }

    private mutating func expect(_ c: UInt8) throws {
        guard peek() == c else { throw Failure.syntax }
        i += 1
    }

    private mutating func readObject(_ body: (inout NodeLinkReader, String) throws -> Void) throws {
        if peekNull() { try skipValue(); return }
        guard peek() == UInt8(ascii: "{") else { throw Failure.shape("expected an object") }
        i += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONSyntax.maxDepth else { throw Failure.syntax }
        if peek() == UInt8(ascii: "}") { i += 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw Failure.syntax }
            let key = try scanString()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return
            default: throw Failure.syntax
            }
        }
    }

    private mutating func readArray<T>(_ path: @autoclosure () -> String, _ element: (inout NodeLinkReader, Int) throws -> T) throws -> [T]? {
        var out: [T] = []
        let present = try readElements(path()) { r, n in out.append(try element(&r, n)) }
        return present ? out : nil
    }

    /// Reads an array (or `null`) element by element. Returns false for `null`.
    private mutating func readElements(_ path: @autoclosure () -> String, _ element: (inout NodeLinkReader, Int) throws -> Void) throws -> Bool {
        if peekNull() { try skipValue(); return false }
        guard peek() == UInt8(ascii: "[") else { throw Failure.shape("wrong type at \(path()): expected an array") }
        i += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONSyntax.maxDepth else { throw Failure.syntax }
        if peek() == UInt8(ascii: "]") { i += 1; return true }
        var n = 0
        while true {
            try element(&self, n)
            n += 1
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return true
            default: throw Failure.syntax
            }
        }
    }

    private mutating func readArray<T>(_ path: @autoclosure () -> String, _ element: (inout NodeLinkReader, Int) throws -> T) throws -> [T] {
        let a: [T]? = try readArray(path(), element)
        return a ?? []
    }

    private mutating func readStrings(_ path: @autoclosure () -> String) throws -> [String]? {
        try readArray(path()) { r, n in try r.readString("\(path())[\(n)]") }
    }

    private mutating func readStringMap(_ path: @autoclosure () -> String) throws -> [String: String]? {
        if peekNull() { try skipValue(); return nil }
        var map: [String: String] = [:]
        try readObject { r, key in map[key] = try r.readString("\(path()).\(key)") }
        return map
    }

    private mutating func readString(_ path: @autoclosure () -> String) throws -> String {
        switch peek() {
        case UInt8(ascii: "\""): return try scanString()
        case nil: throw Failure.syntax
        default: throw Failure.shape("wrong type at \(path()): expected a string")
        }
    }

    private mutating func readOptionalString(_ path: @autoclosure () -> String) throws -> String? {
        if peekNull() { try skipValue(); return nil }
        return try readString(path())
    }

    private mutating func readBool(_ path: @autoclosure () -> String) throws -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw Failure.shape("wrong type at \(path()): expected true or false")
        }
    }

    private mutating func readInt(_ path: @autoclosure () -> String) throws -> Int {
        let d = try readDouble(path())
        guard d == d.rounded(), abs(d) < 9e15 else { throw Failure.shape("wrong type at \(path()): expected an integer") }
        return Int(d)
    }

    private mutating func readDouble(_ path: @autoclosure () -> String) throws -> Double {
        guard let c = peek(), c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else {
            throw Failure.shape("wrong type at \(path()): expected a number")
        }
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { i += 1 } else { break }
        }
        // Fast path for plain integers; strtod for the rest.
        var value = 0.0, plain = true, negative = false
        var k = start
        if bytes[k] == UInt8(ascii: "-") { negative = true; k += 1 }
        if k == i { throw Failure.syntax }
        var digits = 0
        while k < i {
            let b = bytes[k]
            guard b >= 0x30 && b <= 0x39 else { plain = false; break }
            value = value * 10 + Double(b - 0x30)
            digits += 1
            k += 1
        }
        if plain, digits <= 15 { return negative ? -value : value }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw Failure.syntax }
        return d
    }

    private mutating func literal(_ word: StaticString) throws {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count else { throw Failure.syntax }
        for (k, c) in w.enumerated() where bytes[i + k] != c { throw Failure.syntax }
        i += w.count
    }

    /// Skips any value (used for unknown keys), iteratively so nesting cannot overflow.
    private mutating func skipValue() throws {
        var stack: [Bool] = []  // open containers: true for an object
        while true {
            guard let c = peek() else { throw Failure.syntax }
            var opened = false
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = c == UInt8(ascii: "{")
                i += 1
                guard depth + stack.count < JSONSyntax.maxDepth else { throw Failure.syntax }
                if peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                } else {
                    stack.append(isObject)
                    opened = true
                    if isObject { try skipKey() }
                }
            case UInt8(ascii: "\""): _ = try scanString()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: _ = try readDouble("")
            }
            if opened { continue }
            // A value is complete: close what ends here, or move on to the next element.
            while let isObject = stack.last {
                let next = peek()
                if next == UInt8(ascii: ",") {
                    i += 1
                    if isObject { try skipKey() }
                    break
                } else if next == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    stack.removeLast()
                } else {
                    throw Failure.syntax
                }
            }
            if stack.isEmpty { return }
        }
    }

    private mutating func skipKey() throws {
        guard peek() == UInt8(ascii: "\"") else { throw Failure.syntax }
        _ = try scanString()
        try expect(UInt8(ascii: ":"))
    }

    /// Reads a string at `i` (which is at its opening quote), decoding escapes.
    private mutating func scanString() throws -> String {
        i += 1
        let start = i
        // Fast path: no escapes. Text that is not valid UTF-8 is a syntax error (RFC 8259 §8.1),
        // reported with its position by JSONSyntax.
        var high: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard let s = high < 0x80 ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self) else {
                    throw Failure.syntax
                }
                i += 1
                return s
            }
            high |= b
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw Failure.syntax }
            i += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Failure.syntax }
                return s
            }
            if b < 0x20 { throw Failure.syntax }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw Failure.syntax }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Failure.syntax
            }
            i += 1
        }
        throw Failure.syntax
    }

    /// Reads the four hex digits after `\u` (i is at the `u`), leaving i on the last digit.
    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            guard i < bytes.count else { throw Failure.syntax }
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Failure.syntax
            }
            v = v << 4 | d
        }
        return v
    }
}
