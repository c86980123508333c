import CorpusStore
import Foundation

/// Ingests the synthetic corpus into a store, one transaction a document (or a batch of
/// them), printing a line for each document after its commit — the victim of the kill -9
/// test and the ingest benchmark.
///
///     store-crash-test STORE [--count N] [--revisions M] [--batch B]
///
/// ingests articles 0..<N, then revision 1 of articles 0..<M (new versions), B documents a
/// transaction (`CorpusStore.ingest(_:)`; default 1, `ingest(document:text:graph:)`), and prints
/// `committed INDEX OUTCOME` for each document once its transaction is committed and a summary line at the end:
/// `done: N ingests in S s (R docs/s): added A, unchanged U, new versions V`.
/// Re-running it on the same store completes what an interrupted run left undone.
@main
struct StoreCrashTest {
    static func main() async {
        var args = Array(CommandLine.arguments.dropFirst())
        var count = 200
        var revisions = 0
        var batch = 1
        var location: String?
        while !args.isEmpty {
            let a = args.removeFirst()
            switch a {
            case "--count": count = Int(args.isEmpty ? "" : args.removeFirst()) ?? -1
            case "--revisions": revisions = Int(args.isEmpty ? "" : args.removeFirst()) ?? -1
            case "--batch": batch = Int(args.isEmpty ? "" : args.removeFirst()) ?? 0
            default: location = a
            }
        }
        guard let location, count >= 0, revisions >= 0, batch >= 1 else {
            FileHandle.standardError.write(Data("usage: store-crash-test STORE [--count N] [--revisions M] [--batch B]\n".utf8))
            exit(64)
        }
        do {
            let store = try await openStore(StoreLocation(parsing: location))
            var tally: [IngestOutcome: Int] = [:]
            let clock = ContinuousClock()
            let start = clock.now
            let work = (0..<count).map { ($0, 0) } + (0..<min(revisions, count)).map { ($0, 1) }
            var position = 0
            while position < work.count {
                let part = work[position..<min(work.count, position + batch)]
                position += part.count
                let articles = part.map { SyntheticCorpus.article($0.0, revision: $0.1) }
                let outcomes: [IngestOutcome]
                if batch == 1 {
                    outcomes = [try await store.ingest(document: articles[0].document, text: articles[0].text, graph: articles[0].graph)]
                } else {
                    outcomes = try await store.ingest(articles.map { IngestItem(document: $0.document, text: $0.text, graph: $0.graph) })
                }
                for ((index, _), outcome) in zip(part, outcomes) {
                    tally[outcome, default: 0] += 1
                    FileHandle.standardOutput.write(Data("committed \(index) \(outcome.rawValue)\n".utf8))
                }
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            try await store.close()
            let rate = seconds > 0 ? Double(work.count) / seconds : 0
            FileHandle.standardOutput.write(Data(String(
                format: "done: %d ingests in %.2f s (%.0f docs/s): added %d, unchanged %d, new versions %d\n",
                work.count, seconds, rate, tally[.added] ?? 0, tally[.unchanged] ?? 0, tally[.newVersion] ?? 0).utf8))
        } catch {
            FileHandle.standardError.write(Data("store-crash-test: \(error.localizedDescription)\n".utf8))
            exit(1)
        }
    }
}
