import Foundation
import Graph

/// Errors of the corpus store.
public enum StoreError: LocalizedError, CategorizedError, Equatable {
    /// The database could not be opened or reached.
    case cannotOpen(location: String, reason: String)
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
        case .invalidLocation, .invalidDate: return .queryError
        case .invalidInput, .corrupt: return .dataError
        case .newerSchema: return .unavailable
        case .database: return .software
        }
    }
}
