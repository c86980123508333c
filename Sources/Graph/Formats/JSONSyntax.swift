import Foundation

/// A JSON syntax check that reports the line and column of the first error, which
/// Foundation's parser does not do reliably. It runs iteratively, so deep nesting cannot
/// overflow the stack; nesting deeper than `maxDepth` is refused.
enum JSONSyntax {
    static let maxDepth = 512

    /// Validates `data` as one JSON value.
    /// - Throws: `GraphError.malformedJSON` with line and column (1-based, in bytes).
    /// - Complexity: O(n) in the size of `data`, O(depth) memory.
    static func validate(_ data: Data, file: String) throws {
        try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            let b = buf.bindMemory(to: UInt8.self)
            var i = 0
            let n = b.count
            func fail(_ reason: String, at pos: Int) -> GraphError {
                var line = 1, col = 1, k = 0
                while k < min(pos, n) {
                    if b[k] == 0x0A { line += 1; col = 1 } else if b[k] & 0xC0 != 0x80 { col += 1 }
                    k += 1
                }
                return .malformedJSON(file: file, line: line, column: col, reason: reason)
            }
            func skipWS() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
            func describe(_ pos: Int) -> String {
                pos >= n ? "unexpected end of input" : "unexpected character '\(String(decoding: [b[pos]], as: UTF8.self))'"
            }
            // stack: true = object, false = array
            var stack: [Bool] = []
            enum Expect { case value, valueOrClose, keyOrClose, key, colon, commaOrClose }
            var expect = Expect.value
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            while true {
                skipWS()
                switch expect {
                case .value, .valueOrClose:
                    guard i < n else { throw fail(describe(i), at: i) }
                    let c = b[i]
                    if expect == .valueOrClose, c == UInt8(ascii: "]") {
                        stack.removeLast(); i += 1; expect = .commaOrClose; break
                    }
                    switch c {
                    case UInt8(ascii: "{"):
                        stack.append(true); i += 1; expect = .keyOrClose
                    case UInt8(ascii: "["):
                        stack.append(false); i += 1; expect = .valueOrClose
                    case UInt8(ascii: "\""):
                        try scanString(); expect = .commaOrClose
                    case UInt8(ascii: "t"): try literal("true"); expect = .commaOrClose
                    case UInt8(ascii: "f"): try literal("false"); expect = .commaOrClose
                    case UInt8(ascii: "n"): try literal("null"); expect = .commaOrClose
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        try scanNumber(); expect = .commaOrClose
                    default:
                        throw fail(describe(i), at: i)
                    }
                    if stack.count > maxDepth { throw fail("nesting deeper than \(maxDepth) levels", at: i) }
                case .keyOrClose, .key:
                    guard i < n else { throw fail(describe(i), at: i) }
                    if expect == .keyOrClose, b[i] == UInt8(ascii: "}") {
                        stack.removeLast(); i += 1; expect = .commaOrClose; break
                    }
                    guard b[i] == UInt8(ascii: "\"") else { throw fail("expected a string key, found \(describe(i).replacingOccurrences(of: "unexpected ", with: ""))", at: i) }
                    try scanString(); expect = .colon
                case .colon:
                    guard i < n, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after key", at: i) }
                    i += 1; expect = .value
                case .commaOrClose:
                    guard let top = stack.last else {
                        skipWS()
                        if i < n { throw fail("unexpected content after the JSON value", at: i) }
                        return
                    }
                    guard i < n else { throw fail("unexpected end of input (unclosed \(top ? "object" : "array"))", at: i) }
                    let c = b[i]
                    if c == UInt8(ascii: ",") { i += 1; expect = top ? .key : .value }
                    else if top, c == UInt8(ascii: "}") { stack.removeLast(); i += 1 }
                    else if !top, c == UInt8(ascii: "]") { stack.removeLast(); i += 1 }
                    else { throw fail("expected ',' or '\(top ? "}" : "]")', found \(describe(i).replacingOccurrences(of: "unexpected ", with: ""))", at: i) }
                }
            }
            func literal(_ word: String) throws {
                for u in word.utf8 {
                    guard i < n, b[i] == u else { throw fail(describe(i), at: i) }
                    i += 1
                }
            }
            func scanString() throws {
                let start = i
                i += 1
                while i < n {
                    let c = b[i]
                    if c == UInt8(ascii: "\"") { i += 1; return }
                    if c == UInt8(ascii: "\\") {
                        i += 1
                        guard i < n else { break }
                        switch b[i] {
                        case UInt8(ascii: "u"):
                            for _ in 0..<4 {
                                i += 1
                                guard i < n, isHex(b[i]) else { throw fail("invalid \\u escape", at: i) }
                            }
                        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): break
                        default: throw fail("invalid escape in string", at: i)
                        }
                    } else if c < 0x20 {
                        throw fail("control character in string", at: i)
                    } else if c >= 0x80 {
                        guard let length = utf8Length(at: i) else { throw fail("invalid UTF-8 in string", at: i) }
                        i += length
                        continue
                    }
                    i += 1
                }
                throw fail("unterminated string", at: start)
            }
            /// The length of the well-formed UTF-8 sequence at `j` (Unicode Table 3-7), or nil.
            func utf8Length(at j: Int) -> Int? {
                let c = b[j]
                let (length, low, high): (Int, UInt8, UInt8)
                switch c {
                case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
                case 0xED: (length, low, high) = (3, 0x80, 0x9F)
                case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
                case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
                case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
                default: return nil
                }
                guard j + length <= n, (low...high).contains(b[j + 1]) else { return nil }
                for k in 2..<length where !(0x80...0xBF).contains(b[j + k]) { return nil }
                return length
            }
            func isHex(_ c: UInt8) -> Bool {
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
            }
            func scanNumber() throws {
                let start = i
                if b[i] == UInt8(ascii: "-") { i += 1 }
                var digits = 0
                while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1; digits += 1 }
                if i < n, b[i] == UInt8(ascii: ".") {
                    i += 1
                    while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1; digits += 1 }
                }
                if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                    i += 1
                    if i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                    while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                }
                if digits == 0 { throw fail("invalid number", at: start) }
            }
        }
    }
}

/// Short, human reasons for file-system errors ("no such file", "is a directory").
enum FileErrors {
    /// Whether `url` is a directory. Checked before `Data(contentsOf:)`, which on a directory
    /// fails only after reading, and leaks its 4 KB buffer on that path (swift-foundation
    /// 6.3, found by scripts/sanitize.sh address).
    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The bytes of a file, like `Data(contentsOf:)`, without reading an empty file: on one,
    /// swift-foundation 6.3 leaks the 4 KB buffer it reads into (scripts/sanitize.sh address).
    static func contents(of url: URL) throws -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if attributes?[.size] as? Int == 0, attributes?[.type] as? FileAttributeType == .typeRegular,
           FileManager.default.isReadableFile(atPath: url.path) {
            return Data()
        }
        return try Data(contentsOf: url)
    }

    static func reason(_ error: Error, url: URL) -> String {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path, isDirectory: &isDir) { return "no such file" }
        if isDir.boolValue { return "is a directory, expected a file" }
        if !fm.isReadableFile(atPath: url.path) { return "permission denied" }
        return (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
