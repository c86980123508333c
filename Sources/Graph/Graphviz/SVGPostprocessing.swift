import Foundation

/// Helpers for SVG that Graphviz produced.
public enum SVG {
    /// The SVG without its XML declaration, DOCTYPE and comments, ready to inline in HTML.
    /// Element ids are already unique per drawing when `DOTOptions.idPrefix` differs.
    ///
    /// ```swift
    /// let html = "<figure>" + SVG.inlineable(svgData) + "</figure>"
    /// ```
    /// - Parameter svg: SVG bytes (UTF-8).
    /// - Returns: the text from `<svg` on, without comments.
    /// - Complexity: O(n) in the size of the SVG.
    public static func inlineable(_ svg: Data) -> String {
        inlineable(String(decoding: svg, as: UTF8.self))
    }

    /// The SVG without its XML declaration, DOCTYPE and comments (see `inlineable(_:)`).
    /// - Parameter svg: SVG text.
    /// - Complexity: O(n) in the length of the text.
    public static func inlineable(_ svg: String) -> String {
        var svg = svg
        return svg.withUTF8 { inlineable(bytes: $0) }
    }

    /// One pass over the UTF-8 bytes: searching a `Substring` with Foundation's `range(of:)`
    /// copies the rest of the text at each tag, which made a 10 MB drawing take minutes.
    private static func inlineable(bytes s: UnsafeBufferPointer<UInt8>) -> String {
        let n = s.count
        func starts(_ i: Int, _ prefix: StaticString) -> Bool {
            let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            guard i + p.count <= n else { return false }
            for k in 0..<p.count where s[i + k] != p[k] { return false }
            return true
        }
        /// The offset just past the first `close` at or after `i`, or nil.
        func past(_ close: StaticString, from i: Int) -> Int? {
            var j = i
            while j < n {
                if starts(j, close) { return j + close.utf8CodeUnitCount }
                j += 1
            }
            return nil
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(n)
        var i = 0
        scan: while i < n {
            guard s[i] == UInt8(ascii: "<") else { kept.append(s[i]); i += 1; continue }
            let close: StaticString?
            if starts(i, "<!--") { close = "-->" }
            else if starts(i, "<?") { close = "?>" }
            else if starts(i, "<!DOCTYPE") || starts(i, "<!doctype") { close = ">" }
            else { close = nil }
            guard let close else { kept.append(s[i]); i += 1; continue }
            guard let j = past(close, from: i) else { break scan }  // unclosed: the rest goes
            i = j
        }
        // drop the blank lines left where the prologue and comments were; lines end at "\n"
        // but not inside "\r\n", which Swift counts as one character
        var out: [UInt8] = []
        out.reserveCapacity(kept.count + 1)
        var lineStart = 0
        func flush(_ a: Int, _ b: Int) {
            guard a < b else { return }
            let line = kept[a..<b]
            let blank = line.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
                || (line.contains { $0 >= 0x80 } && String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace))
            guard !blank else { return }
            if !out.isEmpty { out.append(0x0A) }
            out.append(contentsOf: line)
        }
        for k in kept.indices where kept[k] == 0x0A && !(k > 0 && kept[k - 1] == 0x0D) {
            flush(lineStart, k)
            lineStart = k + 1
        }
        flush(lineStart, kept.count)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}
