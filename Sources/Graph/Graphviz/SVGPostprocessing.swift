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
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = Substring(svg)
        while let open = rest.range(of: "<") {
            out += rest[..<open.lowerBound]
            let tail = rest[open.lowerBound...]
            if tail.hasPrefix("<!--") {
                guard let close = tail.range(of: "-->") else { rest = ""; break }
                rest = tail[close.upperBound...]
            } else if tail.hasPrefix("<?") {
                guard let close = tail.range(of: "?>") else { rest = ""; break }
                rest = tail[close.upperBound...]
            } else if tail.hasPrefix("<!DOCTYPE") || tail.hasPrefix("<!doctype") {
                guard let close = tail.range(of: ">") else { rest = ""; break }
                rest = tail[close.upperBound...]
            } else {
                // An element or text: copy up to the next tag start.
                let next = tail.dropFirst().firstIndex(of: "<") ?? tail.endIndex
                out += tail[..<next]
                rest = tail[next...]
            }
        }
        out += rest
        // Drop the blank lines left where the prologue and comments were.
        return out.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: "\n") + "\n"
    }
}
