/// The day an article is dated, read from its first 600 characters: an ISO day
/// ("2025-12-03"), else a month name with a day and a year on either side of it
/// ("December 3, 2025", "3 March 2023").
///
/// ```swift
/// ArticleDate.find(in: "Brussels, December 3, 2025 — NATO")  // "2025-12-03"
/// ```
enum ArticleDate {
    /// Characters of the article searched.
    static let headLength = 600

    /// The article's date as `YYYY-MM-DD`, or nil.
    /// - Complexity: O(`headLength`).
    static func find(in text: String) -> String? {
        find(in: text, scalars: Array(text.unicodeScalars.prefix(headLength + 1)))
    }

    /// `find(in:)` for a text whose Unicode scalars (at least its first `headLength + 1`) the
    /// caller has decoded already.
    /// - Complexity: O(`headLength`).
    static func find(in text: String, scalars: [Unicode.Scalar]) -> String? {
        // where every scalar of the head is a character of its own (nearly every article:
        // ASCII, Latin letters, typographic punctuation), characters and scalars are one to
        // one and the scalars are read directly; anything else takes the plain path. (The
        // scalar after the head counts too: a combining mark there would join the head's
        // last character.)
        let n = min(scalars.count, headLength)
        guard scalars.prefix(n + 1).allSatisfy(isCharacterOfItsOwn) else { return plain(text) }
        return scalars.withUnsafeBufferPointer { find(head: UnsafeBufferPointer(rebasing: $0.prefix(n))) }
    }

    /// Whether a scalar never joins the one before or after it into one character: ASCII
    /// other than CR (CR LF is one character), and the Latin, punctuation and currency blocks
    /// news text uses (no combining marks, joiners or Hangul there).
    private static func isCharacterOfItsOwn(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v != 0x0D }
        return (0xA0...0x2FF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            || (0x20A0...0x20C0).contains(v)
    }

    /// `find(in:)` over a head of characters that are one scalar each, scalar for scalar what
    /// the plain version does with its characters: words are runs of letters and numbers
    /// (`Character.isLetter`/`isNumber` of a one-scalar character are its scalar's
    /// `isAlphabetic`/`numericType`), and only an all-ASCII word can be a month, a day or a
    /// year (no letter of those blocks lower-cases to ASCII).
    private static func find(head: UnsafeBufferPointer<Unicode.Scalar>) -> String? {
        let n = head.count
        @inline(__always) func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        @inline(__always) func isNumeric(_ s: Unicode.Scalar) -> Bool { s.isASCII ? isDigit(s) : s.properties.numericType != nil }
        @inline(__always) func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII { return isDigit(s) || (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) }
            return s.properties.isAlphabetic || s.properties.numericType != nil
        }
        // an ISO day not preceded by a number
        if n >= 10 {
            for i in 0...(n - 10) where head[i + 4] == "-" && head[i + 7] == "-" {
                if (0..<10).allSatisfy({ $0 == 4 || $0 == 7 || isDigit(head[i + $0]) }), i == 0 || !isNumeric(head[i - 1]) {
                    // (encoded directly: the scalar view's initializer allocated dozens of times for ten scalars)
                    return String(scalars: head[i..<(i + 10)])
                }
            }
        }
        // words: runs of letters and numbers, each with whether it is all ASCII
        // (room for every word at once: a word takes at least one scalar and a separator)
        var words: [(range: Range<Int>, ascii: Bool)] = []
        words.reserveCapacity(n / 2 + 1)
        var i = 0
        while i < n {
            guard isWordScalar(head[i]) else { i += 1; continue }
            let start = i
            var ascii = true
            while i < n, isWordScalar(head[i]) { ascii = ascii && head[i].isASCII; i += 1 }
            words.append((start..<i, ascii))
        }
        func number(_ w: (range: Range<Int>, ascii: Bool), digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
            guard w.ascii, digits.contains(w.range.count), w.range.allSatisfy({ isDigit(head[$0]) }) else { return nil }
            let v = w.range.reduce(0) { $0 * 10 + Int(head[$1].value - 0x30) }
            return range.contains(v) ? v : nil
        }
        for (k, w) in words.enumerated() where w.ascii && w.range.count >= 3 {
            // a capitalised month name or its three-letter abbreviation ("Sept" too)
            guard head[w.range.lowerBound].value >= 0x41, head[w.range.lowerBound].value <= 0x5A else { continue }
            // the word lower-cased, compared byte for byte with the names (no string made)
            let lower = UnsafeBufferPointer(rebasing: head[w.range])
            @inline(__always) func byte(_ k: Int) -> UInt8 { UInt8(truncatingIfNeeded: lower[k].value) | 0x20 }
            @inline(__always) func isWord(_ name: [UInt8], prefix: Int) -> Bool {
                guard prefix <= name.count else { return false }
                for k in 0..<prefix where byte(k) != name[k] { return false }
                return true
            }
            guard let m = monthBytes.firstIndex(where: { isWord($0, prefix: 3) }) else { continue }
            if w.range.count > 3, !(w.range.count == monthBytes[m].count && isWord(monthBytes[m], prefix: w.range.count)),
               !(w.range.count == 4 && isWord(septBytes, prefix: 4)) { continue }
            var found: (day: Int, year: Int)?
            if k + 2 < words.count, let d = number(words[k + 1], digits: 1...2, in: 1...31),
               let y = number(words[k + 2], digits: 4...4, in: 1900...2100) {
                found = (d, y)
            } else if k >= 1, k + 1 < words.count, let d = number(words[k - 1], digits: 1...2, in: 1...31),
                      let y = number(words[k + 1], digits: 4...4, in: 1900...2100) {
                found = (d, y)
            }
            if let (d, y) = found {
                func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
                return "\(y)-\(two(m + 1))-\(two(d))"
            }
        }
        return nil
    }

    /// The plain version over characters (`find(in:)` takes it for heads whose characters
    /// are not one scalar each, and the tests compare with it).
    static func plain(_ text: String) -> String? {
        if let iso = plainISODate(text) { return iso }
        let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]
        let words = text.prefix(headLength).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        func year(_ w: String) -> Int? { w.count == 4 ? Int(w).flatMap { (1900...2100).contains($0) ? $0 : nil } : nil }
        func day(_ w: String) -> Int? { w.count <= 2 ? Int(w).flatMap { (1...31).contains($0) ? $0 : nil } : nil }
        for (i, w) in words.enumerated() where w.count >= 3 {
            guard let m = months[String(w.lowercased().prefix(3))], w.first?.isUppercase == true else { continue }
            if w.count > 3, !["january", "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december", "sept"].contains(w.lowercased()) { continue }
            var found: (Int, Int)? = nil
            if i + 2 < words.count, let d = day(words[i + 1]), let y = year(words[i + 2]) { found = (d, y) }
            else if i >= 1, i + 1 < words.count, let d = day(words[i - 1]), let y = year(words[i + 1]) { found = (d, y) }
            if let (d, y) = found {
                func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
                return "\(y)-\(two(m))-\(two(d))"
            }
        }
        return nil
    }

    private static func plainISODate(_ text: String) -> String? {
        // an ISO day in the first lines ("2025-12-03")
        let head = text.prefix(headLength)
        let scalars = Array(head.unicodeScalars)
        var i = 0
        while i + 10 <= scalars.count {
            let w = scalars[i..<(i + 10)]
            let digits = w.enumerated().allSatisfy { (k, s) in (k == 4 || k == 7) ? s == "-" : (s.value >= 48 && s.value <= 57) }
            if digits, i == 0 || !(scalars[i - 1].properties.numericType != nil) {
                return String(scalars: w)
            }
            i += 1
        }
        return nil
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]
    /// `monthNames` as bytes, compared with a word's scalars without making a string.
    private static let monthBytes = monthNames.map { Array($0.utf8) }
    /// "sept", the one abbreviation of four letters.
    private static let septBytes = Array("sept".utf8)
}
