import CorpusStore
import Dispatch
import Foundation
import Graph

/// Reading a corpus store from the synchronous commands.
enum StoreAccess {
    /// The merged graph of every document in the store at `location` (what `build` makes of
    /// them). A missing SQLite file is an error, not a new empty store.
    /// - Throws: `StoreError` (`notFound`, `unreachable`, `invalidLocation`, …).
    static func loadGraph(_ location: String) throws -> EntityGraph {
        try blocking {
            let store = try await openStore(StoreLocation(parsing: location), mustExist: true)
            do {
                let graph = try await store.loadGraph()
                try await store.close()
                return graph
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    /// The store location without a password.
    static func redacted(_ location: String) -> String {
        location.replacingOccurrences(of: #"(://[^:/@]*):[^@/]*@"#, with: "$1:***@", options: .regularExpression)
    }

    /// Runs async library code from a synchronous command (the root command is
    /// synchronous). The calling thread waits; the work runs on the cooperative pool, so the
    /// caller must not be a task on that pool (the process's main thread is fine; tests
    /// calling commands in-process run them on a thread of their own).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = BlockingResult<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// The result of async work a synchronous caller waits for (written once, before the signal).
private final class BlockingResult<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
