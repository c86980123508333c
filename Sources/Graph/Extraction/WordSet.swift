/// A small, fixed list of ASCII words (token keys such as "the", "'s", ",") that answers
/// `contains` without allocating or hashing: each word is packed with its length into two
/// integers, and a string is packed the same way and compared with them.
///
/// It says what `[String].contains` says: a string with a non-ASCII scalar is compared as a
/// `String` (so "\u{037E}", the Greek question mark, still equals ";" as Swift's canonical
/// equivalence has it).
///
/// ```swift
/// let glue: WordSet = [",", "and", "or"]
/// glue.contains("and") // true
/// ```
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// The words as written.
    let words: [String]
    /// Each word packed: bytes 0–7 little-endian, then bytes 8–14 with the length in the top byte.
    private let low: [UInt64]
    private let high: [UInt64]
    /// Bit `n` is set when some word is `n` bytes long.
    private let lengths: UInt32

    /// The longest word a set can hold, in bytes.
    static let maxLength = 15

    /// A set of ASCII words, each 1 to 15 bytes long.
    init(_ words: [String]) {
        var low: [UInt64] = [], high: [UInt64] = [], lengths: UInt32 = 0
        for w in words {
            let packed = WordSet.pack(w)
            precondition(packed != nil && !w.isEmpty, "WordSet holds ASCII words of 1 to \(WordSet.maxLength) bytes: \(w)")
            low.append(packed!.low); high.append(packed!.high)
            lengths |= 1 << UInt32(w.utf8.count)
        }
        self.words = words; self.low = low; self.high = high; self.lengths = lengths
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// A string's bytes and length packed as `low`/`high` are, when it is ASCII and at most 15 bytes
    /// long (two such strings are equal exactly when their packings are).
    @inline(__always) static func pack(_ s: String) -> (low: UInt64, high: UInt64)? {
        var s = s
        return s.withUTF8 { bytes -> (low: UInt64, high: UInt64)? in
            guard bytes.count <= maxLength else { return nil }
            var low: UInt64 = 0, high = UInt64(bytes.count) << 56
            for k in 0..<bytes.count {
                let b = bytes[k]
                if b >= 0x80 { return nil }
                if k < 8 { low |= UInt64(b) << UInt64(8 * k) } else { high |= UInt64(b) << UInt64(8 * (k - 8)) }
            }
            return (low, high)
        }
    }

    /// Whether `s` equals one of the words (as `String` equality has it).
    /// - Complexity: O(words) integer compares for an ASCII string; a string with non-ASCII
    ///   scalars is compared with each word as a `String`.
    func contains(_ s: String) -> Bool {
        let n = s.utf8.count
        if n > WordSet.maxLength {
            // a long ASCII string equals no word; only non-ASCII text can be equivalent to a shorter one
            return !s.utf8.allSatisfy { $0 < 0x80 } && words.contains(s)
        }
        guard let p = WordSet.pack(s) else { return words.contains(s) }
        if lengths & (1 << UInt32(n)) == 0 { return false }
        for k in low.indices where low[k] == p.low && high[k] == p.high { return true }
        return false
    }
}

/// A small, fixed set of punctuation marks that tells whether a token's text is one of them
/// by its `mark` (one scalar), without comparing strings.
///
/// It says what comparing `text` with each mark says: a one-scalar mark has no canonical
/// equivalent of several scalars, and of the marks this code names only ";" has a one-scalar
/// equivalent (U+037E, the Greek question mark), which the set then holds too.
///
/// ```swift
/// let breaks: MarkSet = [";", "\u{2014}"]
/// breaks.contains(token.mark) // token.text is ";", "\u{037E}" or "—"
/// ```
struct MarkSet: Sendable, ExpressibleByArrayLiteral {
    /// Bit `v` of `ascii.0` (v < 64) or `ascii.1` (v - 64): the ASCII scalar `v` is in the set.
    private let ascii: (UInt64, UInt64)
    /// The non-ASCII marks.
    private let others: [Unicode.Scalar]

    /// A set of single-scalar marks (never U+0000, the `mark` of a token of several scalars).
    init(_ marks: [Unicode.Scalar]) {
        var low: UInt64 = 0, high: UInt64 = 0
        var others: [Unicode.Scalar] = []
        for m in marks {
            precondition(m != "\u{0}", "MarkSet cannot hold U+0000")
            switch m.value {
            case 0..<64: low |= 1 << UInt64(m.value)
            case 64..<128: high |= 1 << UInt64(m.value - 64)
            default: others.append(m)
            }
            if m == ";" { others.append("\u{037E}") }
        }
        self.ascii = (low, high)
        self.others = others
    }

    init(arrayLiteral marks: Unicode.Scalar...) { self.init(marks) }

    /// Whether the scalar is in the set: pass a token's `mark` to ask whether its text is one of
    /// the marks (a token of several scalars has the mark U+0000, which no set holds).
    /// - Complexity: O(1) for ASCII; O(non-ASCII marks) otherwise.
    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 64 { return ascii.0 & (1 << UInt64(v)) != 0 }
        if v < 128 { return ascii.1 & (1 << UInt64(v - 64)) != 0 }
        return others.contains(s)
    }
}
