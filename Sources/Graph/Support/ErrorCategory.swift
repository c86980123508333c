/// What kind of failure an error is, so a front end can map it to an exit status
/// (the CLI uses the BSD `sysexits` values) without knowing every error type.
public enum ErrorCategory: Sendable, Equatable {
    /// An input file or folder is missing or unreadable.
    case noInput
    /// An input exists but its content is invalid (malformed JSON, a dangling edge).
    case dataError
    /// A query names something the graph does not hold, or is malformed.
    case queryError
    /// A needed facility is missing (a Graphviz plugin or layout engine).
    case unavailable
    /// An output could not be written.
    case cannotCreate
    /// An option or argument that cannot be used as given.
    case usage
    /// An internal failure (a layout that failed inside Graphviz).
    case software
}

/// An error that says what kind of failure it is.
public protocol CategorizedError: Error {
    /// The failure's category.
    var category: ErrorCategory { get }
}

extension GraphError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .unreadable: return .noInput
        case .unknownEntity, .malformedJSON, .invalidValue: return .dataError
        case .invalidDate: return .usage
        }
    }
}

extension AtomicWriter.Failure: CategorizedError {
    public var category: ErrorCategory { .cannotCreate }
}

extension GraphvizError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .syntaxError, .unsafeInput: return .dataError
        case .engineUnavailable, .formatUnavailable, .contextUnavailable: return .unavailable
        case .layoutFailed, .renderFailed, .tooLarge: return .software
        }
    }
}

extension QueryError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .graphMissing: return .noInput
        case .invalidValue, .invalidArgument: return .usage
        case .unknownEntity, .syntax, .semantic: return .queryError
        }
    }
}

extension ExtractionError: CategorizedError {
    public var category: ErrorCategory { .noInput }
}

extension LexiconError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .malformed: return .dataError
        case .unreadable: return .noInput
        case .missingBundledLexicon: return .unavailable
        }
    }
}
