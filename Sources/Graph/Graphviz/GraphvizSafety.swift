import CGraphviz
import Foundation

/// Refuses parsed graphs that crash Debian's Graphviz 2.42 in layout (GRAPHVIZ.md,
/// Tests/GraphTests/Fixtures/crashers). A crash inside libgvc would kill our process, so
/// `GraphvizRenderer.render(dot:)` checks every graph after parsing and before layout.
/// `DOTWriter` never produces any of these; the check guards hand-written DOT.
enum GraphvizSafety {
    /// Largest accepted edge `weight` (2^30 segfaults dot; we write at most 10).
    static let maxWeight = 1_000_000.0
    /// Largest accepted `fontsize` (1e8 already breaks Pango).
    static let maxFontsize = 1_000.0
    /// Largest accepted `penwidth`.
    static let maxPenwidth = 1_000.0

    /// Throws `GraphvizError.unsafeInput` for `concentrate=true`, `splines=ortho`, a node in
    /// two clusters that are not nested, or a numeric attribute beyond its limit.
    /// - Complexity: O(n + e) attribute reads plus O(c · n) for c clusters.
    static func check(_ g: UnsafeMutablePointer<Agraph_t>) throws {
        let root = UnsafeMutableRawPointer(g)
        if let v = value(root, "concentrate"), isTrue(v) {
            throw GraphvizError.unsafeInput(reason: "concentrate=\(v) segfaults with repeated and reverse edges")
        }
        if let v = value(root, "splines"), v.lowercased() == "ortho" {
            throw GraphvizError.unsafeInput(reason: "splines=ortho aborts (twopi) or asserts in 2.42")
        }
        try checkNumber(root, "fontsize", max: maxFontsize, what: "graph")
        try checkClusters(g)

        let nodeAttributes: [String] = ["fontsize", "penwidth"]
        let edgeAttributes: [String] = ["weight", "fontsize", "penwidth"]
        let checkNodes = nodeAttributes.filter { (name: String) in ng_has_attr(g, Int32(AGNODE), name) != 0 }
        let checkEdges = edgeAttributes.filter { (name: String) in ng_has_attr(g, Int32(AGEDGE), name) != 0 }
        if checkNodes.isEmpty && checkEdges.isEmpty { return }
        var n = agfstnode(g)
        while let node = n {
            for a in checkNodes { try checkNumber(UnsafeMutableRawPointer(node), a, max: limit(a), what: "node") }
            if !checkEdges.isEmpty {
                var e = agfstout(g, node)
                while let edge = e {
                    for a in checkEdges { try checkNumber(UnsafeMutableRawPointer(edge), a, max: limit(a), what: "edge") }
                    e = agnxtout(g, edge)
                }
            }
            n = agnxtnode(g, node)
        }
    }

    private static func limit(_ attribute: String) -> Double {
        switch attribute {
        case "weight": return maxWeight
        case "fontsize": return maxFontsize
        default: return maxPenwidth
        }
    }

    private static func value(_ obj: UnsafeMutableRawPointer, _ name: String) -> String? {
        guard let p = ng_agget(obj, name) else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// Graphviz's boolean reading: true/yes, or a non-zero integer.
    static func isTrue(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "true" || t == "yes" { return true }
        return Int(t.prefix { $0.isNumber || $0 == "-" }).map { $0 != 0 } ?? false
    }

    private static func checkNumber(_ obj: UnsafeMutableRawPointer, _ name: String, max: Double, what: String) throws {
        guard let v = value(obj, name) else { return }
        // Graphviz reads numbers with atof/strtod; anything that is not a finite number
        // within bounds is refused.
        if let x = Double(v.trimmingCharacters(in: .whitespaces)), x.isFinite, abs(x) <= max { return }
        if Double(v.trimmingCharacters(in: .whitespaces)) == nil, name != "weight" { return }
        throw GraphvizError.unsafeInput(reason: "\(what) \(name)=\(v) is beyond \(Int(max))")
    }

    /// A node may belong to several clusters only when they are nested in one another.
    private static func checkClusters(_ g: UnsafeMutablePointer<Agraph_t>) throws {
        // For each node, the cluster paths (root-to-cluster) that contain it.
        var paths: [String: [[String]]] = [:]
        func visit(_ parent: UnsafeMutablePointer<Agraph_t>, _ ancestors: [String]) {
            var s = agfstsubg(parent)
            while let sub = s {
                let name = String(cString: ng_agnameof(UnsafeMutableRawPointer(sub)))
                var path = ancestors
                if name.lowercased().hasPrefix("cluster") {
                    path.append(name)
                    var n = agfstnode(sub)
                    while let node = n {
                        paths[String(cString: ng_agnameof(UnsafeMutableRawPointer(node))), default: []].append(path)
                        n = agnxtnode(sub, node)
                    }
                }
                visit(sub, path)
                s = agnxtsubg(sub)
            }
        }
        visit(g, [])
        for (node, list) in paths.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            let deepest = list.max { $0.count < $1.count }!
            for p in list where Array(deepest.prefix(p.count)) != p {
                throw GraphvizError.unsafeInput(reason: "node \"\(node)\" is in two clusters (\(p.last!), \(deepest.last!))")
            }
        }
    }
}
