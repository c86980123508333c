/// Reads sums of money from tokens: "$5 billion", "1 billion euros per month", "EUR6.5 billion",
/// "€2bn", "£300 million a year", "USD 40m".
struct AmountParser {
    let lexicon: CompiledLexicon

    /// The first amount within `range`, with the token range it covers.
    /// - Complexity: O(n) in the range length.
    func firstAmount(_ tokens: [Token], in range: Range<Int>) -> (Amount, Range<Int>)? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let hit = amount(tokens, at: i, limit: range.upperBound) { return hit }
            i += 1
        }
        return nil
    }

    private func split(_ text: String) -> (prefix: String, number: Double, suffix: String)? {
        // an ASCII token without a digit has no number (most tokens: no walk over characters)
        if text.utf8.allSatisfy({ $0 < 0x80 && ($0 < 48 || $0 > 57) }) { return nil }
        var prefix = "", digits = "", suffix = ""
        var phase = 0
        for ch in text {
            if phase == 0, ch.isLetter { prefix.append(ch); continue }
            if phase <= 1, ch.isNumber || ch == "." || ch == "," {
                phase = 1
                if ch != "," { digits.append(ch) }
                continue
            }
            if phase == 1, ch.isLetter { phase = 2 }
            if phase == 2, ch.isLetter { suffix.append(ch); continue }
            return nil
        }
        guard let v = Double(digits) else { return nil }
        return (prefix, v, suffix)
    }

    private func magnitude(_ key: String) -> Double? { lexicon.lexicon.magnitudes[key] }

    private func amount(_ tokens: [Token], at start: Int, limit: Int) -> (Amount, Range<Int>)? {
        var i = start
        var currency: String?
        // leading symbol or code: "$", "€", "US$", "EUR", "USD"
        if let c = lexicon.currencies.longest(tokens, at: i, limit: limit), c.length <= 3,
           tokens[i].kind == .punct || tokens[i].isAllCaps || tokens[i].text.count <= 3 {
            let next = i + c.length
            if next < limit, tokens[next].kind == .number || (tokens[next].isWord && tokens[next].text.first?.isNumber == true) {
                currency = c.value
                i = next
            }
        }
        guard i < limit else { return nil }
        var value: Double
        var mult: Double = 1
        guard let parts = split(tokens[i].text) else { return nil }
        if !parts.prefix.isEmpty {
            guard currency == nil, let c = lexicon.lexicon.currencies[parts.prefix] ?? lexicon.lexicon.currencies[parts.prefix.uppercased()],
                  parts.prefix.count == 3 else { return nil }
            currency = c
        }
        value = parts.number
        if !parts.suffix.isEmpty {
            guard let m = magnitude(parts.suffix.lowercased()) else { return nil }
            mult = m
        }
        i += 1
        if mult == 1, i < limit, let m = magnitude(tokens[i].key), tokens[i].isWord { mult = m; i += 1 }
        // currency word after: "billion euros", "million dollars"
        if currency == nil {
            guard i < limit, let c = lexicon.currencies.longest(tokens, at: i, limit: limit), tokens[i].isWord, !tokens[i].isAllCaps || tokens[i].text.count == 3 else { return nil }
            currency = c.value
            i += c.length
        } else if i < limit, tokens[i].isWord, let c = lexicon.currencies.longest(tokens, at: i, limit: limit), c.value == currency {
            i += c.length  // "$5 billion dollars"
        }
        guard let currency else { return nil }
        var period: String?
        var j = i
        if j < limit, tokens[j].mark == "-" { j += 1 }
        if let p = lexicon.periods.longest(tokens, at: j, limit: limit) { period = p.value; i = j + p.length }
        return (Amount(value: value * mult, currency: currency, period: period), start..<i)
    }
}
