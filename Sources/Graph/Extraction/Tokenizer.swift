import Foundation

/// A word, number or punctuation mark of a document, with its Unicode-scalar offsets.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punct }
    /// Offset of the first scalar in the document.
    var start: Int
    /// Offset one past the last scalar.
    var end: Int
    /// The token as written.
    var text: String
    /// Lower-case, diacritics folded, curly apostrophe straightened: the dictionary key.
    var key: String
    /// The key's id in the lexicon's vocabulary (0: a word the lexicon does not have, or
    /// tokenized without a vocabulary).
    var id: Int32 = 0
    /// The lexicon's word lists the word is in (`CompiledLexicon.classes[id]`), set by the
    /// analyzer: reading it spares a load from the vocabulary-sized table at every check.
    var classes: WordClass = []
    var kind: Kind
    /// A line break stands between this token and the previous one.
    var newlineBefore: Bool
    /// Whitespace stands between this token and the previous one.
    var spaceBefore: Bool
    /// The token's scalar when it is a single one (punctuation: ".", "“"), else U+0000. Comparing
    /// it is cheaper than comparing `text`, and the same for a scalar without canonical
    /// equivalents (every quote, bracket and sentence mark compared this way).
    var mark: Unicode.Scalar = "\u{0}"
    /// Every scalar is ASCII (then characters, scalars and UTF-8 bytes are one to one).
    var isASCII = true

    /// First letter upper-case ("Rutte", "NATO", "U.S.").
    var isCapitalized: Bool = false
    /// Two or more letters, all upper-case ("NATO", "PURL", "U.S.").
    var isAllCaps: Bool = false
    /// The last scalar is "." ("U.S.", "Dec."): `text.utf8.last == "."`, read without touching the text.
    var endsWithPeriod: Bool = false

    /// An ASCII token whose case flags the tokenizer has already read.
    init(start: Int, end: Int, text: String, key: String, id: Int32, classes: WordClass = [], kind: Kind, newlineBefore: Bool, spaceBefore: Bool,
         mark: Unicode.Scalar, isCapitalized: Bool, isAllCaps: Bool, endsWithPeriod: Bool) {
        self.start = start; self.end = end; self.text = text; self.key = key; self.id = id; self.classes = classes; self.kind = kind
        self.newlineBefore = newlineBefore; self.spaceBefore = spaceBefore
        self.mark = mark; self.isCapitalized = isCapitalized; self.isAllCaps = isAllCaps; self.endsWithPeriod = endsWithPeriod
    }

    init(start: Int, end: Int, text: String, key: String, kind: Kind, newlineBefore: Bool, spaceBefore: Bool) {
        self.start = start; self.end = end; self.text = text; self.key = key; self.kind = kind
        self.newlineBefore = newlineBefore; self.spaceBefore = spaceBefore
        var letters = 0, upper = 0
        var first = true
        var count = 0
        for s in text.unicodeScalars {
            endsWithPeriod = s == "."
            count += 1
            if count == 1 { mark = s } else { mark = "\u{0}" }
            if !s.isASCII { isASCII = false }
            let isUpper = s.isASCII ? (s.value >= 65 && s.value <= 90) : s.properties.isUppercase
            let isLetter = s.isASCII ? ((s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)) : s.properties.isAlphabetic
            if first { isCapitalized = isUpper; first = false }
            if isLetter { letters += 1; if isUpper { upper += 1 } }
        }
        isAllCaps = letters >= 2 && upper == letters
    }
    var isWord: Bool { kind == .word }

    /// `text.count`, without grapheme breaking for ASCII text.
    var characterCount: Int { isASCII ? text.utf8.count : text.count }
}

/// A bounded memo of a slow string function, shared by all threads behind a lock.
final class StringMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var map: [String: String] = [:]

    func value(for key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return map[key]
    }

    func store(_ value: String, for key: String) {
        lock.lock(); defer { lock.unlock() }
        if map.count >= 50_000 { map.removeAll(keepingCapacity: true) }
        map[key] = value
    }
}

/// Splits text into tokens in one pass over its Unicode scalars.
///
/// Keeps dotted abbreviations ("U.S.", "E.U.") and decimal numbers ("6.5", "20,000") whole,
/// splits possessives ("NATO’s" → "NATO", "’s") and negations ("hadn't" → "had", "n't"),
/// and makes every other punctuation scalar its own token.
enum Tokenizer {
    /// Tokenizes `scalars`.
    /// - Parameters:
    ///   - scalars: the text.
    ///   - vocabulary: gives each token the id of its key (for the lexicon's phrase tables).
    /// - Complexity: O(n) in the number of scalars.
    static func tokenize(_ scalars: [Unicode.Scalar], vocabulary: Vocabulary? = nil) -> [Token] {
        var tokens: [Token] = []
        scalars.withUnsafeBufferPointer { tokenize($0, vocabulary: vocabulary, classes: nil, into: &tokens) }
        return tokens
    }

    /// Tokenizes a slice of scalars in place; offsets count from the slice's start.
    /// - Parameter classes: set each token's `classes` from the vocabulary's (`Vocabulary.setClasses`).
    static func tokenize(_ scalars: ArraySlice<Unicode.Scalar>, vocabulary: Vocabulary? = nil, classes: Bool = false) -> [Token] {
        var tokens: [Token] = []
        tokenize(scalars, vocabulary: vocabulary, classes: classes, into: &tokens)
        return tokens
    }

    /// `tokenize(scalars, vocabulary:, classes:)` written into `tokens`, which is emptied first
    /// and keeps its capacity (a worker reuses one array from document to document).
    /// - Complexity: O(n) in the number of scalars.
    static func tokenize(_ scalars: ArraySlice<Unicode.Scalar>, vocabulary: Vocabulary?, classes: Bool, into tokens: inout [Token]) {
        // the classes of a vocabulary that has them
        let table = classes && vocabulary?.classes.isEmpty == false ? vocabulary?.classes : nil
        tokens.removeAll(keepingCapacity: true)
        scalars.withUnsafeBufferPointer { tokenize($0, vocabulary: vocabulary, classes: table, into: &tokens) }
    }

    /// Non-ASCII tokens of one or two scalars that news text is full of (curly quotes and
    /// apostrophes, dashes, "’s"), made once as any token is (same text, key and flags) with
    /// their scalars packed 32 bits each: one such token is copied, not folded and hashed.
    private static let commonTokens: [(packed: UInt64, token: Token)] = {
        let marks: [String] = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{2014}", "\u{2013}", "\u{2026}", "\u{00AB}",
                               "\u{00BB}", "\u{2022}", "\u{00B7}", "\u{20AC}", "\u{00A3}", "\u{2019}s", "\u{2019}S"]
        return marks.map { text in
            let scalars = Array(text.unicodeScalars)
            var packed: UInt64 = 0
            for (k, s) in scalars.enumerated() { packed |= UInt64(s.value) << UInt64(32 * k) }
            let kind: Token.Kind = scalars.count == 1 ? .punct : .word
            return (packed, Token(start: 0, end: 0, text: text, key: keyOf(text), kind: kind, newlineBefore: false, spaceBefore: false))
        }
    }()

    @inline(__always) private static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { let v = s.value; return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { let v = s.value; return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return s.properties.isAlphabetic
    }

    @inline(__always) private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    @inline(__always) private static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value >= 65 && s.value <= 90) : s.properties.isUppercase
    }

    /// Appends the tokens of `scalars` to `tokens` (empty when called).
    private static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, vocabulary: Vocabulary?, classes: [WordClass]?,
                                 into tokens: inout [Token]) {
        let common = commonTokens
        // ids of `common`'s keys in `vocabulary`, looked up at first use (-1: not yet; made at the first common token)
        var commonIDs: [Int32] = []
        tokens.reserveCapacity(scalars.count / 5)
        let n = scalars.count
        var i = 0
        var newline = false
        var space = false
        // keys of non-ASCII tokens ("’s", "“", "Zelensky’s"): Foundation's folding is slow, tokens repeat
        var foldedKeys: [String: String] = [:]
        func emit(_ a: Int, _ b: Int, _ kind: Token.Kind) {
            // one pass over an ASCII token: case flags, and its key packed as `WordSet.pack` packs it
            // (the vocabulary finds a packed key without hashing a String)
            let count = b - a
            var ascii = true
            var letters = 0, upper = 0
            var low: UInt64 = 0, high: UInt64 = UInt64(truncatingIfNeeded: count) << 56
            for k in 0..<count {
                var v = scalars[a + k].value
                if v >= 0x80 { ascii = false; break }
                if v >= 65 && v <= 90 { upper += 1; letters += 1; v += 32 } else if v >= 97 && v <= 122 { letters += 1 }
                if k < 8 { low |= UInt64(v) << UInt64(8 * k) } else if k < WordSet.maxLength { high |= UInt64(v) << UInt64(8 * (k - 8)) }
            }
            if ascii {
                let text = String(unsafeUninitializedCapacity: count) { buffer in
                    for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: scalars[a + k].value) }
                    return count
                }
                let key = upper == 0 ? text : String(unsafeUninitializedCapacity: count) { buffer in
                    for k in 0..<count {
                        let v = UInt8(truncatingIfNeeded: scalars[a + k].value)
                        buffer[k] = v >= 65 && v <= 90 ? v + 32 : v
                    }
                    return count
                }
                var id: Int32 = 0
                var wordClasses: WordClass = []
                if let vocabulary {
                    if count <= WordSet.maxLength {
                        let e = vocabulary.entry(packed: (low, high))
                        id = e.id
                        wordClasses = e.classes
                    } else {
                        id = vocabulary.id(key)
                        if let classes { wordClasses = classes[Int(id)] }
                    }
                }
                let first = scalars[a].value
                // made in place in the array (a `var` token set afterwards was copied in, retaining its strings)
                tokens.append(Token(start: a, end: b, text: text, key: key, id: id, classes: classes != nil ? wordClasses : [], kind: kind,
                                    newlineBefore: newline, spaceBefore: space, mark: count == 1 ? scalars[a] : "\u{0}",
                                    isCapitalized: first >= 65 && first <= 90, isAllCaps: letters >= 2 && upper == letters,
                                    endsWithPeriod: scalars[b - 1] == "."))
                newline = false
                space = false
                return
            }
            if count <= 2 {
                var packed = UInt64(scalars[a].value)
                if count == 2 { packed |= UInt64(scalars[a + 1].value) << 32 }
                if let c = common.firstIndex(where: { $0.packed == packed }), common[c].token.kind == kind {
                    var token = common[c].token
                    token.start = a; token.end = b; token.newlineBefore = newline; token.spaceBefore = space
                    if let vocabulary {
                        if commonIDs.isEmpty { commonIDs = [Int32](repeating: -1, count: common.count) }
                        if commonIDs[c] < 0 { commonIDs[c] = vocabulary.id(token.key) }
                        token.id = commonIDs[c]
                    }
                    if let classes { token.classes = classes[Int(token.id)] }
                    tokens.append(token)
                    newline = false
                    space = false
                    return
                }
            }
            let text = String(scalars: scalars[a..<b])
            var key: String
            if let k = foldedKeys[text] {
                key = k
            } else {
                key = Tokenizer.sharedKeys.value(for: text) ?? {
                    let k = keyOf(text)
                    Tokenizer.sharedKeys.store(k, for: text)
                    return k
                }()
                foldedKeys[text] = key
            }
            var token = Token(start: a, end: b, text: text, key: key, kind: kind, newlineBefore: newline, spaceBefore: space)
            if let vocabulary { token.id = vocabulary.id(key) }
            if let classes { token.classes = classes[Int(token.id)] }
            tokens.append(token)
            newline = false
            space = false
        }
        while i < n {
            let s = scalars[i]
            if (s.isASCII ? (s.value == 32 || (s.value >= 9 && s.value <= 13)) : s.properties.isWhitespace) || s == "\u{FEFF}" {
                if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" { newline = true }
                space = true
                i += 1
                continue
            }
            if isAlnum(s) {
                let start = i
                var j = i + 1
                var dotted = false
                while j < n {
                    let c = scalars[j]
                    if isAlnum(c) { j += 1; continue }
                    if (c == "." || c == ",") && isDigit(scalars[j - 1]) && j + 1 < n && isDigit(scalars[j + 1]) { j += 2; continue }
                    if c == "." && isLetter(scalars[j - 1]) && (j - 1 == start || scalars[j - 2] == ".")
                        && j + 2 < n && isLetter(scalars[j + 1]) && scalars[j + 2] == "." && isUpper(scalars[j - 1]) {
                        dotted = true; j += 2; continue
                    }
                    if c == "'" || c == "\u{2019}" {
                        // n't
                        if j + 1 < n, scalars[j + 1] == "t", j - 1 > start, scalars[j - 1] == "n" || scalars[j - 1] == "N",
                           j + 2 >= n || !isLetter(scalars[j + 2]) {
                            emit(start, j - 1, .word)
                            emit(j - 1, j + 2, .word)
                            j += 2
                            i = j
                            break
                        }
                        // possessive 's / s'
                        if j + 1 < n, scalars[j + 1] == "s" || scalars[j + 1] == "S", j + 2 >= n || !isLetter(scalars[j + 2]) { break }
                        // inner apostrophe (O'Brien, d'Ivoire)
                        if j + 1 < n, isLetter(scalars[j + 1]), j - start <= 2 { j += 1; continue }
                        break
                    }
                    break
                }
                if i > start { continue }  // n't already emitted
                if dotted, j < n, scalars[j] == "." { j += 1 }
                let allDigits = scalars[start..<j].allSatisfy { isDigit($0) || $0 == "." || $0 == "," }
                emit(start, j, allDigits ? .number : .word)
                i = j
                // possessive: 's / ’s after a word
                if i + 1 < n, scalars[i] == "'" || scalars[i] == "\u{2019}", scalars[i + 1] == "s" || scalars[i + 1] == "S",
                   i + 2 >= n || !isLetter(scalars[i + 2]) {
                    emit(i, i + 2, .word)
                    i += 2
                }
                continue
            }
            emit(i, i + 1, .punct)
            i += 1
        }
    }

    /// Keys of non-ASCII tokens across documents ("’s", "“" and accented names recur).
    static let sharedKeys = StringMemo()

    /// The dictionary key of a surface form: lower-case, diacritics folded, ’ → '.
    static func keyOf(_ text: String) -> String {
        var ascii = true
        for s in text.unicodeScalars where !s.isASCII { ascii = false; break }
        if ascii { return text.lowercased() }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
    }

    /// Keys of the tokens of a phrase (for dictionaries).
    static func keys(_ phrase: String) -> [String] {
        tokenize(Array(phrase.unicodeScalars)).map(\.key)
    }
}
