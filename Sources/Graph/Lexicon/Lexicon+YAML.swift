import Foundation
import Yams

extension Lexicon {
    /// Parses lexicon YAML. Every section is optional, so a user's file may hold only a few
    /// actors: `countries`, `organizations`, `people`, `programs` (the actor schema of
    /// docs/LEXICON_SCHEMA.md), `statement`/`pledge`/`opposition` (verbs with their forms,
    /// nouns, `delivery` and `spoken` lemmas), `cues`, `titles`, `past_title_modifiers`,
    /// `currencies`, `magnitudes`, `periods`, `items` and `names`.
    /// - Parameters:
    ///   - yaml: the text.
    ///   - file: the name used in error messages.
    /// - Throws: `LexiconError.malformed` with the 1-based line and column of the problem.
    /// - Complexity: O(n) in the size of the text.
    public init(yaml: String, file: String) throws {
        self.init()
        let reader = YAMLReader(file: file)
        var seenIDs: [String: Int] = [:]  // id → line of its first entry in this file
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw reader.error(from: error)
        } catch {
            throw LexiconError.malformed(file: file, line: 1, column: 1, reason: "\(error)")
        }
        guard let root else { return }
        guard let top = root.mapping else { throw reader.fail(root, "expected a mapping of sections at the top level") }
        for (keyNode, value) in top {
            let key = try reader.string(keyNode)
            switch key {
            case "version": continue
            case "countries": try readActors(value, type: .country, reader, seenIDs: &seenIDs)
            case "organizations", "organisations": try readActors(value, type: .organization, reader, seenIDs: &seenIDs)
            case "people", "persons": try readActors(value, type: .person, reader, seenIDs: &seenIDs)
            case "programs", "programmes": try readActors(value, type: .program, reader, seenIDs: &seenIDs)
            case "statement", "pledge", "opposition":
                try readPredicates(value, kind: PredicateKind(rawValue: key)!, reader)
            case "cues":
                for (g, list) in try reader.mapping(value) {
                    cues[try reader.string(g), default: []].formUnion(try reader.strings(list).map(Lexicon.phraseKey))
                }
            case "titles":
                for (canon, list) in try reader.mapping(value) {
                    let c = try reader.string(canon)
                    titles[Lexicon.phraseKey(c)] = c
                    for s in try reader.strings(list) { titles[Lexicon.phraseKey(s)] = c }
                }
            case "past_title_modifiers": pastTitleModifiers.formUnion(try reader.strings(value).map(Lexicon.phraseKey))
            case "currencies":
                for (code, list) in try reader.mapping(value) {
                    let c = try reader.string(code)
                    currencies[c] = c
                    for s in try reader.strings(list) { currencies[s] = c }
                }
            case "magnitudes":
                for (word, number) in try reader.mapping(value) {
                    guard let v = Double(try reader.string(number)) else { throw reader.fail(number, "expected a number") }
                    magnitudes[Lexicon.phraseKey(try reader.string(word))] = v
                }
            case "periods":
                for (period, list) in try reader.mapping(value) {
                    let p = try reader.string(period)
                    for s in try reader.strings(list) { periods[Lexicon.phraseKey(s)] = p }
                }
            case "items":
                for (k, list) in try reader.mapping(value) {
                    let words = try reader.strings(list).map(Lexicon.phraseKey)
                    switch try reader.string(k) {
                    case "heads": itemHeads.formUnion(words)
                    case "modifiers": itemModifiers.formUnion(words)
                    case "resources": resourceNouns.formUnion(words)
                    default: throw reader.fail(k, "unknown items key (heads, modifiers, resources)")
                    }
                }
            case "names":
                for (k, list) in try reader.mapping(value) {
                    let words = try reader.strings(list).map(Lexicon.phraseKey)
                    switch try reader.string(k) {
                    case "program_heads": programHeads.formUnion(words)
                    case "organization_heads": organizationHeads.formUnion(words)
                    case "program_references": programReferences.formUnion(words)
                    case "non_name_words": nonNameWords.formUnion(words)
                    default: throw reader.fail(k, "unknown names key")
                    }
                }
            default:
                throw reader.fail(keyNode, "unknown section '\(key)'")
            }
        }
    }

    /// Lower-cases, folds curly apostrophes and collapses spaces: the key phrases are stored under.
    static func phraseKey(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Reads one section of actors. An id given twice in one file (explicitly or as the slug
    /// of the name) is an error: the second entry would silently merge into the first.
    private mutating func readActors(_ node: Node, type: EntityType, _ r: YAMLReader, seenIDs: inout [String: Int]) throws {
        guard let seq = node.sequence else { throw r.fail(node, "expected a list of entries") }
        for entry in seq {
            let m = try r.mapping(entry)
            var name: String?
            var id: String?
            var actor = Actor(name: "", type: type)
            for (k, v) in m {
                switch try r.string(k) {
                case "name": name = try r.string(v)
                case "id": id = try r.string(v)
                case "aliases": actor.aliases = try r.strings(v)
                case "demonyms": actor.demonyms = try r.strings(v)
                case "references": actor.references = try r.strings(v)
                case "member_of": actor.memberOf = try r.strings(v)
                case "kind": actor.kind = try r.string(v)
                case "type":
                    let t = try r.string(v)
                    guard let et = EntityType(rawValue: t) else { throw r.fail(v, "unknown type '\(t)'") }
                    actor.type = et
                case "roles":
                    guard let roles = v.sequence else { throw r.fail(v, "expected a list of roles") }
                    for roleNode in roles {
                        var title: String?, of: String?, from: String?, to: String?, portfolio: String?
                        for (rk, rv) in try r.mapping(roleNode) {
                            switch try r.string(rk) {
                            case "title": title = try r.string(rv)
                            case "of": of = try r.string(rv)
                            case "from": from = try r.string(rv)
                            case "to": to = try r.string(rv)
                            case "portfolio": portfolio = try r.string(rv)
                            default: continue
                            }
                        }
                        guard let title, let of else { throw r.fail(roleNode, "a role needs 'title' and 'of'") }
                        actor.roles.append(Role(title: title, of: of, from: from, to: to, portfolio: portfolio))
                    }
                default: continue  // unknown fields are tolerated (notes, sources)
                }
            }
            guard let name, !name.isEmpty else { throw r.fail(entry, "entry without a 'name'") }
            actor.name = name
            actor.id = id ?? Slug.make(name)
            actor.aliases.removeAll { $0 == name }
            if let first = seenIDs[actor.id] {
                throw r.fail(entry, "duplicate id '\(actor.id)' (first at line \(first))")
            }
            seenIDs[actor.id] = entry.mark?.line ?? 1
            if id != nil { explicitIDs.insert(actor.id) }
            add(actor)
        }
    }

    private mutating func readPredicates(_ node: Node, kind: PredicateKind, _ r: YAMLReader) throws {
        var delivery = Set<String>(), spoken = Set<String>(), direct = Set<String>()
        var verbs: [(String, [String])] = []
        var nouns: [String] = []
        var reverse: [String] = []
        var explicitVerbs = Set<String>()
        var receiveVerbs = Set<String>()
        for (k, v) in try r.mapping(node) {
            switch try r.string(k) {
            case "verbs":
                if let seq = v.sequence { for n in seq { verbs.append((try r.string(n), [])) } }
                else { for (lemma, forms) in try r.mapping(v) { verbs.append((try r.string(lemma), try r.strings(forms))) } }
            case "nouns": nouns = try r.strings(v)
            case "delivery": delivery = Set(try r.strings(v))
            case "spoken": spoken = Set(try r.strings(v))
            case "direct": direct = Set(try r.strings(v))
            case "reverse_nouns": reverse = try r.strings(v)
            case "explicit": explicitVerbs = Set(try r.strings(v))
            case "receive": receiveVerbs = Set(try r.strings(v))
            default: throw r.fail(k, "unknown key (verbs, nouns, reverse_nouns, delivery, spoken, direct, explicit, receive)")
            }
        }
        for (lemma, explicit) in verbs {
            let forms = explicit.isEmpty ? Lexicon.inflections(of: lemma) : [lemma] + explicit
            for form in forms {
                let key = Lexicon.phraseKey(form)
                let first = key.split(separator: " ").first.map(String.init) ?? key
                let past = form != lemma && (first.hasSuffix("ed") || !(first.hasSuffix("s") || first.hasSuffix("ing")))
                var p = Predicate(kind: kind, lemma: lemma, isNoun: false, isPast: past,
                                  isDelivery: delivery.contains(lemma), isSpoken: spoken.contains(lemma),
                                  isDirect: direct.contains(lemma))
                p.isExplicit = explicitVerbs.contains(lemma)
                p.isReceive = receiveVerbs.contains(lemma)
                if !predicates[key, default: []].contains(p) { predicates[key, default: []].append(p) }
            }
        }
        for noun in nouns {
            let key = Lexicon.phraseKey(noun)
            let p = Predicate(kind: kind, lemma: key, isNoun: true, isPast: false, isDelivery: false, isSpoken: spoken.contains(noun), isDirect: false)
            if !predicates[key, default: []].contains(p) { predicates[key, default: []].append(p) }
        }
        for noun in reverse {
            let key = Lexicon.phraseKey(noun)
            var p = Predicate(kind: kind, lemma: key, isNoun: true, isPast: false, isDelivery: false, isSpoken: false, isDirect: false)
            p.isReverse = true
            if !predicates[key, default: []].contains(p) { predicates[key, default: []].append(p) }
        }
    }

    /// Regular English inflections of a verb lemma (the first word of a phrasal verb is inflected):
    /// "state" → state, states, stated, stating; "urge" → urges, urged, urging; "deny" → denies, denied.
    static func inflections(of lemma: String) -> [String] {
        var words = lemma.split(separator: " ").map(String.init)
        guard let verb = words.first else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        var forms: [String]
        let vowels = Set("aeiou")
        if verb.hasSuffix("e") {
            let stem = String(verb.dropLast())
            forms = [verb, verb + "s", verb + "d", stem + "ing"]
        } else if verb.hasSuffix("y"), verb.count > 1, !vowels.contains(verb[verb.index(verb.endIndex, offsetBy: -2)]) {
            let stem = String(verb.dropLast())
            forms = [verb, stem + "ies", stem + "ied", verb + "ing"]
        } else if ["s", "sh", "ch", "x", "z"].contains(where: { verb.hasSuffix($0) }) {
            forms = [verb, verb + "es", verb + "ed", verb + "ing"]
        } else {
            forms = [verb, verb + "s", verb + "ed", verb + "ing"]
        }
        words = forms
        return rest.isEmpty ? words : words.map { $0 + " " + rest }
    }
}

/// Reads Yams nodes and turns shape errors into `LexiconError.malformed` with the node's position.
struct YAMLReader {
    let file: String

    func fail(_ node: Node?, _ reason: String) -> LexiconError {
        let mark = node?.mark
        return .malformed(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, reason: reason)
    }

    func error(from error: YamlError) -> LexiconError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let why = context.map { "\(problem) (\($0.text))" } ?? problem
            return .malformed(file: file, line: mark.line, column: mark.column, reason: why)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .malformed(file: file, line: context.mark.line, column: context.mark.column,
                              reason: "duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return .malformed(file: file, line: 1, column: 1, reason: "\(error)")
        }
    }

    func string(_ node: Node) throws -> String {
        guard let s = node.scalar?.string else { throw fail(node, "expected a text value") }
        return s
    }

    func strings(_ node: Node) throws -> [String] {
        if let s = node.scalar { return s.string.isEmpty ? [] : [s.string] }
        guard let seq = node.sequence else { throw fail(node, "expected a list") }
        return try seq.map { try string($0) }
    }

    func mapping(_ node: Node) throws -> Node.Mapping {
        guard let m = node.mapping else { throw fail(node, "expected a mapping") }
        return m
    }
}
