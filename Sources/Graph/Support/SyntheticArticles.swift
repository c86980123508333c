import Foundation

/// A deterministic corpus of news-like articles for build benchmarks and tests: sentences of
/// real articles recombined, with the countries and people they name swapped for other
/// lexicon countries and people. The same seed texts, lexicon and seed give the same corpus.
///
/// ```swift
/// let texts = try BuildPipeline.loadDocuments(from: URL(fileURLWithPath: "seeds")).documents.map(\.text)
/// let corpus = SyntheticArticles(seedTexts: texts, lexicon: try .bundled(), seed: 1)
/// try corpus.write(bytes: 10_000_000, to: URL(fileURLWithPath: "/tmp/corpus"))
/// ```
public struct SyntheticArticles: Sendable {
    /// A sentence with the places where a country or a person was named.
    private struct Template: Sendable {
        enum Part: Sendable { case text(String), country, person }
        var parts: [Part]
    }

    private let templates: [Template]
    private let countries: [String]
    private let people: [String]
    private let seed: UInt64

    /// Prepares the sentence templates.
    /// - Parameters:
    ///   - seedTexts: the articles whose sentences are recombined (at least one sentence).
    ///   - lexicon: where the names come from.
    ///   - seed: fixes the corpus.
    /// - Complexity: O(sentences × names) once.
    public init(seedTexts: [String], lexicon: Lexicon, seed: UInt64 = 1) {
        self.seed = seed
        let countries = lexicon.actors.filter { $0.type == .country }.map(\.name).filter { $0.count >= 4 }
        let people = lexicon.actors.filter { $0.type == .person }.map(\.name).filter { $0.contains(" ") }
        self.countries = countries
        self.people = people
        var templates: [Template] = []
        for text in seedTexts {
            let scalars = Array(text.unicodeScalars)
            for s in SentenceSplitter.split(text) {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
                templates.append(SyntheticArticles.template(String(v), countries: Set(countries), people: Set(people)))
            }
        }
        self.templates = templates
    }

    /// Splits a sentence at the lexicon names it contains (whole words only).
    private static func template(_ sentence: String, countries: Set<String>, people: Set<String>) -> Template {
        var parts: [Template.Part] = []
        var rest = Substring(sentence)
        var names: [(String, Template.Part)] = []
        for c in countries.sorted() where sentence.contains(c) { names.append((c, .country)) }
        for p in people.sorted() where sentence.contains(p) { names.append((p, .person)) }
        // longer names first, so "South Africa" wins over "Africa" at the same place
        names.sort { (a: (String, Template.Part), b: (String, Template.Part)) -> Bool in
            a.0.count != b.0.count ? a.0.count > b.0.count : a.0 < b.0
        }
        outer: while !rest.isEmpty {
            var best: (Range<Substring.Index>, Template.Part)? = nil
            for (name, part) in names {
                guard let r = rest.range(of: name) else { continue }
                let before = r.lowerBound == rest.startIndex ? nil : rest[rest.index(before: r.lowerBound)]
                let after = r.upperBound == rest.endIndex ? nil : rest[r.upperBound]
                guard before?.isLetter != true, after?.isLetter != true else { continue }
                if best == nil || r.lowerBound < best!.0.lowerBound { best = (r, part) }
            }
            guard let (r, part) = best else { parts.append(.text(String(rest))); break outer }
            if r.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<r.lowerBound]))) }
            parts.append(part)
            rest = rest[r.upperBound...]
        }
        return Template(parts: parts)
    }

    /// The file name of article `index` ("000042.txt": name order is index order).
    public static func fileName(_ index: Int) -> String { String(format: "%06d.txt", index) }

    /// Article `index`: a dated headline, then three to six paragraphs of three to six
    /// sentences (about 3 KB).
    /// - Complexity: O(length of the article).
    public func article(_ index: Int) -> String {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        func sentence() -> String {
            guard !templates.isEmpty else { return "" }
            var out = ""
            for part in templates[rng.below(templates.count)].parts {
                switch part {
                case let .text(t): out += t
                case .country: out += countries.isEmpty ? "Ukraine" : countries[rng.below(countries.count)]
                case .person: out += people.isEmpty ? "Mark Rutte" : people[rng.below(people.count)]
                }
            }
            return out
        }
        let day = 1 + rng.below(28), month = 1 + rng.below(12)
        var text = sentence() + "\n" + String(format: "2025-%02d-%02d", month, day) + "\n"
        for _ in 0..<(3 + rng.below(4)) {
            text += (0..<(3 + rng.below(4))).map { _ in sentence() }.joined(separator: " ") + "\n"
        }
        return text
    }

    /// Writes articles 0, 1, 2, … into `directory` until they hold at least `bytes` bytes.
    /// - Returns: the number of articles written.
    /// - Throws: the file system's error when a file cannot be written.
    /// - Complexity: O(bytes); memory O(one article).
    @discardableResult
    public func write(bytes: Int, to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written = 0, index = 0
        while written < bytes {
            let data = Data(article(index).utf8)
            try data.write(to: directory.appendingPathComponent(SyntheticArticles.fileName(index)))
            written += data.count
            index += 1
        }
        return index
    }
}
