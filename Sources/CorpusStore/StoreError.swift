import Foundation
import Graph

/// Errors of the corpus store.
public enum StoreError: LocalizedError, CategorizedError, Equatable {
    /// The database could not be opened.
    case cannotOpen(location: String, reason: String)
    /// The database server could not be reached (connection refused, timed out, refused login).
    case unreachable(location: String, reason: String)
    /// No SQLite store at this path (when reading).
    case notFound(path: String)
    /// A `--store` value that is neither a path nor a valid PostgreSQL URL.
    case invalidLocation(String, reason: String)
    /// A date bound that is not an ISO day (`YYYY-MM-DD`).
    case invalidDate(String)
    /// A document or its graph cannot be stored as given.
    case invalidInput(document: String, reason: String)
    /// The database answered with an error.
    case database(operation: String, reason: String)
    /// The stored data does not make a valid graph (a corrupt or foreign database).
    case corrupt(reason: String)
    /// The database was written by a newer nato-graph (unknown schema migrations).
    case newerSchema(applied: [String])

    public var errorDescription: String? {
        switch self {
        case let .cannotOpen(location, reason): return "cannot open store \(location): \(reason)"
        case let .unreachable(location, reason): return "cannot reach store \(location): \(reason)"
        case let .notFound(path): return "no store at \(path) (run nato-graph ingest first)"
        case let .invalidLocation(location, reason): return "invalid store location '\(location)': \(reason)"
        case let .invalidDate(value): return "invalid date '\(value)': expected an ISO day such as 2025-06-24"
        case let .invalidInput(document, reason): return "\(document): cannot store: \(reason)"
        case let .database(operation, reason): return "store \(operation) failed: \(reason)"
        case let .corrupt(reason): return "store is inconsistent: \(reason)"
        case let .newerSchema(applied):
            return "store was written by a newer nato-graph (unknown migrations: \(applied.joined(separator: ", ")))"
        }
    }

    public var category: ErrorCategory {
        switch self {
        case .cannotOpen: return .cannotCreate
        case .unreachable: return .unavailable
        case .notFound: return .noInput
        case .invalidLocation, .invalidDate: return .usage
        case .invalidInput, .corrupt: return .dataError
        case .newerSchema: return .unavailable
        case .database: return .software
        }
    }
}
