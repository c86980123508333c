import Foundation

/// Errors loading or merging a lexicon.
public enum LexiconError: LocalizedError, Equatable {
    /// The file is not valid YAML or not in the lexicon schema; line and column are 1-based.
    case malformed(file: String, line: Int, column: Int, reason: String)
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The bundled lexicon resource folder is missing from the build.
    case missingBundledLexicon

    public var errorDescription: String? {
        switch self {
        case let .malformed(file, line, column, reason):
            return "\(file):\(line):\(column): malformed lexicon: \(reason)"
        case let .unreadable(file, reason):
            return "\(file): cannot read lexicon: \(reason)"
        case .missingBundledLexicon:
            return "the bundled lexicon (Resources/lexicon) is missing from the build"
        }
    }
}
