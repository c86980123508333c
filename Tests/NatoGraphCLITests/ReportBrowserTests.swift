import Foundation
import Testing
import Graph

/// Opens the report in headless Chromium, as a person would: the page loads with no
/// console errors, the DOM holds one <svg> per diagram with unique ids, every in-page link
/// resolves, and a screenshot is written to out/report.png. Skipped (with the reason)
/// when no Chromium is installed.
@Suite(.serialized) struct ReportBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func browser(_ args: [String]) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                       "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                          stderr: String(decoding: e, as: UTF8.self), crashed: p.terminationReason == .uncaughtSignal)
    }

    static func attributes(_ name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); browser test skipped"))
    func reportOpensInABrowser() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var g = EntityGraph()
        g.add(Entity(name: "NATO", type: .organization))
        g.add(Entity(name: "Ukraine", type: .country))
        g.add(Entity(name: "Hungary", type: .country))
        g.add(Entity(name: "PURL", type: .program))
        let ev = Evidence(document: "d.txt", start: 0, end: 10, text: "Hungary refused to join \"PURL\" & <more>.")
        try g.add(Relation(source: "nato", kind: .pledge, target: "ukraine", evidence: [ev], amount: Amount(value: 1e9, currency: "EUR", period: "month")))
        try g.add(Relation(source: "hungary", kind: .opposition, target: "purl", evidence: [ev]))
        try g.add(Relation(source: "nato", kind: .pledge, target: "purl", evidence: [ev]))
        g.add(Document(id: "d.txt", title: "Doc", sha256: "00"))
        try g.jsonData().write(to: dir.appendingPathComponent("graph.json"))

        let r = try CLI.run(["report", "--graph", "graph.json", "-o", "report.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let page = dir.appendingPathComponent("report.html")

        let dom = try Self.browser(["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "\(dom.stderr)")
        let consoleErrors = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
        let html = dom.stdout
        let diagrams = 1 + 4  // overview + one ego diagram per connected entity
        #expect(html.components(separatedBy: "<svg").count - 1 == diagrams)
        let ids = Self.attributes("id", in: html)
        #expect(Set(ids).count == ids.count)
        let links = Self.attributes("href", in: html) + Self.attributes("xlink:href", in: html)
        #expect(links.count > 4)
        for link in links {
            #expect(link.hasPrefix("#") && ids.contains(String(link.dropFirst())), "link \(link) does not resolve")
        }

        let shot = Self.packageRoot.appendingPathComponent("out/report.png")
        try FileManager.default.createDirectory(at: shot.deletingLastPathComponent(), withIntermediateDirectories: true)
        let s = try Self.browser(["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString])
        #expect(s.status == 0, "\(s.stderr)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
