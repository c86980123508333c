import Foundation

/// Fatal conditions of a build: the run stops and the previous output is left whole.
public enum ExtractionError: LocalizedError, Equatable {
    /// The input folder does not exist.
    case inputNotFound(path: String)
    /// The input path is a file, not a folder.
    case inputNotADirectory(path: String)
    /// The input folder holds no `.txt` or `.md` file.
    case noDocuments(path: String)
    /// No document could be read (all empty, binary or unreadable): how many were skipped,
    /// and the first skip's warning (`"a.txt: binary file, skipped"`).
    case noReadableDocuments(path: String, skipped: Int, first: String)

    public var errorDescription: String? {
        switch self {
        case let .inputNotFound(path): return "input folder not found: \(path)"
        case let .inputNotADirectory(path): return "input is not a folder: \(path)"
        case let .noDocuments(path): return "no .txt or .md articles in \(path)"
        case let .noReadableDocuments(path, skipped, first):
            // the one line the user sees says why (the warnings are never printed after this)
            return "no readable article in \(path) (" + (skipped == 1 ? first : "\(skipped) skipped; the first: \(first)") + ")"
        }
    }
}
