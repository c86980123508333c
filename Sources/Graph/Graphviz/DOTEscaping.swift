import Foundation

/// How text is written into DOT so Graphviz 2.42 reads back exactly what we meant.
///
/// Graphviz applies several layers to a quoted string (measured here, see GRAPHVIZ.md):
/// the DOT lexer turns only `\"` into `"`; labels then expand `\N` `\G` `\E` `\T` `\H`
/// `\L`, turn `\\` into `\` and `\n` into a line break, and decode XML entities
/// (`&amp;` → `&`); tooltips go through the backslash layer twice. Every function here
/// quotes its result, so keywords (`node`, `STRICT`), leading digits (`1abc`) and port
/// syntax (`a:b`) are plain names.
enum DOTEscaping {
    /// Graphviz 2.42's lexer refuses a quoted string longer than 16,384 bytes ("syntax
    /// error … longer than 16384?"); nothing we write comes near: ids above this many bytes
    /// are replaced by a digest, labels and tooltips are clipped to `textLimit` scalars.
    static let maxQuotedBytes = 16_000
    /// Longest label or tooltip text, in Unicode scalars (then "…").
    static let textLimit = 1_000
    /// Longest input to `svgID` written out in full, in UTF-8 bytes; longer ones become a digest.
    static let svgIDLimit = 256

    /// A quoted DOT ID naming a node, cluster or graph. Graphviz keeps such names
    /// verbatim apart from `\"`, so the encoding is injective: `\` → `\\`, `"` → `\"`,
    /// newline → `\n`, carriage return → `\r`, other characters XML cannot carry → `\uXXXX`,
    /// a leading `%` (cgraph's prefix for anonymous objects) → `\%`.
    /// Names are never shown (every object gets an explicit label). A name whose encoding
    /// would exceed `maxQuotedBytes` is written `"\long-SHA256"` instead: a single backslash
    /// before a letter other than n, r, u never comes out of the encoding, so it cannot
    /// collide with an encoded name (`GraphvizRenderer.readBack` reports it as it is).
    /// - Complexity: O(n) in the length of `s`.
    static func id(_ s: String) -> String {
        let encoded = encodedID(s)
        if encoded.utf8.count > maxQuotedBytes { return "\"" + longName(s) + "\"" }
        return encoded
    }

    /// The name Graphviz holds for an id too long to write: `\long-` and its SHA-256.
    static func longName(_ s: String) -> String { "\\long-" + SHA256.hex(Array(s.utf8)) }

    private static func encodedID(_ s: String) -> String {
        // most ids are slugs: printable ASCII with nothing to escape
        if !s.hasPrefix("%"), s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        // cgraph reserves names starting with '%' for anonymous objects ("%3") and keeps
        // them apart from its ID discipline: a leading '%' is written `\%`.
        if s.hasPrefix("%") { out += "\\" }
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isXMLUnsafe(u) {
                    out += "\\u" + String(format: "%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A quoted label: shown literally, line breaks kept. `\` → `\\` (so `\N`, `C:\New`
    /// and a trailing `\` come out as written), `"` → `\"`, `&` → `&amp;` (Graphviz decodes
    /// entities, so `&amp;` in a name must arrive as `&amp;amp;`), newlines → `\n`.
    /// Tabs become spaces; other control characters, which XML cannot carry, become U+FFFD.
    /// - Complexity: O(n) in the length of `s`.
    static func label(_ s: String) -> String {
        quoted(s, backslash: "\\\\")
    }

    /// A quoted tooltip. Graphviz 2.42 runs tooltips through its backslash layer twice,
    /// so a literal `\` takes four; otherwise as `label`.
    /// - Complexity: O(n) in the length of `s`.
    static func tooltip(_ s: String) -> String {
        quoted(s, backslash: "\\\\\\\\")
    }

    /// A quoted URL. Only links we built get here; characters outside RFC 3986's
    /// unreserved and delimiter sets are percent-encoded (so no backslash, quote, space or
    /// control character reaches Graphviz) and `&` is written `&amp;`.
    /// - Returns: nil when the encoded link would exceed `maxQuotedBytes` (no link is drawn).
    /// - Complexity: O(n) in the length of `s`.
    static func url(_ s: String) -> String? {
        guard s.utf8.count * 5 <= maxQuotedBytes || encodedURL(s).utf8.count <= maxQuotedBytes else { return nil }
        return encodedURL(s)
    }

    /// The ASCII bytes a URL keeps as they are (RFC 3986 unreserved and reserved, and `%`),
    /// one bit per byte value.
    private static let urlAllowed: (UInt64, UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$'()*+,;=%".utf8 {
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
        }
        return (low, high)
    }()

    /// `s` quoted as a URL attribute: allowed ASCII kept, `&` as `&amp;`, every other byte
    /// percent-encoded (`%C3%A9`).
    static func encodedURL(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let (low, high) = urlAllowed
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(s.utf8.count + 2)
        for byte in s.utf8 {
            if byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0 {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 15)])
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// An SVG element id made only of `[A-Za-z0-9-]` and `_xx` hex escapes of UTF-8 bytes,
    /// so it needs no escaping anywhere (DOT, XML, CSS selectors, URL fragments) and distinct
    /// inputs give distinct ids. Slug ids ("mark-rutte") pass unchanged. Inputs longer than
    /// `svgIDLimit` bytes become `_h` and their SHA-256 (`_h` is no hex escape).
    /// - Complexity: O(n) in the length of `s`.
    static func svgID(_ s: String) -> String {
        if s.utf8.count > svgIDLimit { return "_h" + SHA256.hex(Array(s.utf8)) }
        if s.utf8.allSatisfy(isIDByte) { return s }
        var out = ""
        for byte in s.utf8 {
            if isIDByte(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "_%02x", byte)
            }
        }
        return out
    }

    /// `[A-Za-z0-9-]`: the bytes `svgID` keeps as they are.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    /// A number for a numeric attribute, clamped to `range` and written with at most two
    /// decimals, without exponent (Graphviz 2.42 segfaults on huge weights, and its lexer
    /// splits `1e30`).
    static func number(_ x: Double, clampedTo range: ClosedRange<Double>) -> String {
        let v = x.isFinite ? min(max(x, range.lowerBound), range.upperBound) : range.lowerBound
        // whole numbers (counts, most pen widths) need no formatter
        if v == v.rounded(), abs(v) < 1e15, v.sign == .plus || v != 0 { return "\"" + String(Int(v)) + "\"" }
        var s = twoDecimals(v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return "\"" + s + "\""
    }

    /// `String(format: "%.2f", v)` through the C library's `vsnprintf` (same digits, same
    /// rounding) without Foundation's formatter, which cost a large drawing seconds.
    static func twoDecimals(_ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buf in
            let n = withVaList([v]) { vsnprintf(buf.baseAddress!, buf.count, "%.2f", $0) }
            let length = min(max(Int(n), 0), buf.count - 1)
            return String(decoding: UnsafeRawBufferPointer(start: buf.baseAddress!, count: length), as: UTF8.self)
        }
    }

    /// Whether XML 1.0 cannot carry the scalar (C0 controls other than tab/LF/CR, DEL is
    /// allowed but invisible, U+FFFE, U+FFFF); we also treat DEL and C1 controls as unsafe.
    static func isXMLUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// The text a label or tooltip written from `s` shows: line ends normalised to `\n`
    /// (CRLF and lone CR are one line break each), clipped to `textLimit` scalars and "…",
    /// tabs as spaces, characters XML cannot carry as U+FFFD.
    /// - Complexity: O(n) in the length of `s`.
    static func shown(_ s: String) -> String {
        if isShownAsItIs(s) { return s }
        var out = String.UnicodeScalarView()
        var count = 0
        var afterCR = false
        for u in s.unicodeScalars {
            // CRLF and a lone CR are one line break each
            if u == "\n", afterCR { afterCR = false; continue }
            afterCR = u == "\r"
            if count == textLimit { out.append("…"); break }
            count += 1
            if u == "\r" { out.append("\n") }
            else if u == "\t" { out.append(" ") } else if u != "\n", isXMLUnsafe(u) { out.append("\u{FFFD}") } else { out.append(u) }
        }
        return String(out)
    }

    /// Whether `shown` leaves `s` as it is (nearly all text): at most `textLimit` scalars, no
    /// tab, CR or other character XML cannot carry. One pass over the UTF-8 bytes.
    private static func isShownAsItIs(_ s: String) -> Bool {
        var scalars = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b & 0xC0 != 0x80 { scalars += 1 }
            if (b < 0x20 && b != 0x0A) || b == 0x7F { return false }
            if previous == 0xC2, b >= 0x80, b <= 0x9F { return false }  // C1 controls
            if beforePrevious == 0xEF, previous == 0xBF, b == 0xBE || b == 0xBF { return false }  // U+FFFE, U+FFFF
            beforePrevious = previous
            previous = b
        }
        return scalars <= textLimit
    }

    /// Byte by byte: the four characters it escapes are ASCII, and no byte of a multi-byte
    /// UTF-8 sequence is.
    private static func quoted(_ s: String, backslash: String) -> String {
        let text = shown(s)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += backslash.utf8
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
