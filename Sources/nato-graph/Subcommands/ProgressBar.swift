import Foundation
import Graph

/// The `build` progress line on standard error: a bar, documents done of total, MB/s and the
/// time left, redrawn in place at most ten times a second. Used only when standard error is
/// a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = -1.0
    private var drawn = false

    /// Redraws the line if a tenth of a second has passed (and always for the last document).
    func update(_ p: BuildProgress) {
        lock.lock(); defer { lock.unlock() }
        guard p.seconds - lastDraw >= 0.1 || p.documentsDone == p.documentsTotal else { return }
        lastDraw = p.seconds
        drawn = true
        FileHandle.standardError.write(Data(("\r" + ProgressBar.line(p) + "\u{1B}[K").utf8))
    }

    /// Ends the line so later output starts on a fresh one.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false  // once: a second call writes nothing
    }

    /// The text of the progress line, for example
    /// `[############............] 120/250 docs  12.5 MB/s  ETA 0:42`.
    /// - Complexity: O(width).
    static func line(_ p: BuildProgress, width: Int = 24) -> String {
        let fraction = p.bytesTotal > 0 ? Double(p.bytesDone) / Double(p.bytesTotal)
            : (p.documentsTotal > 0 ? Double(p.documentsDone) / Double(p.documentsTotal) : 1)
        let filled = min(width, max(0, Int((fraction * Double(width)).rounded(.down))))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let rate = String(format: "%.1f MB/s", p.bytesPerSecond / 1_000_000)
        let eta = p.secondsLeft.map { "ETA " + duration($0) } ?? "ETA --:--"
        return "\(bar) \(p.documentsDone)/\(p.documentsTotal) docs  \(rate)  \(eta)"
    }

    /// Whole seconds as m:ss, or h:mm:ss from an hour on.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
