import Foundation
import Graph

/// The SQL both backends run, and the translation between graphs and rows. Backends only
/// add transactions, locking and value conversion around it.
enum CorpusSQL {
    // MARK: Ingest

    /// Checks that a document and its graph can be stored the same way in both backends.
    static func validate(document: Document, text: String, graph: EntityGraph) throws {
        func fail(_ reason: String) -> StoreError { .invalidInput(document: document.id.isEmpty ? "(no id)" : document.id, reason: reason) }
        guard !document.id.isEmpty else { throw fail("empty document id") }
        guard document.sha256.count == 64, document.sha256.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            throw fail("sha256 '\(document.sha256)' is not 64 lower-case hex digits")
        }
        if let date = document.date, !hasISODayShape(String(date.prefix(10))) {
            throw fail("date '\(date)' does not start with an ISO day (YYYY-MM-DD)")
        }
        // PostgreSQL's TEXT cannot hold U+0000; refuse it in both backends so they agree.
        func checkNUL(_ s: String, _ what: String) throws {
            if s.utf8.contains(0) { throw fail("\(what) contains a NUL character") }
        }
        try checkNUL(document.id, "document id")
        try checkNUL(document.title, "title")
        try checkNUL(text, "text")
        for e in graph.entities {
            try checkNUL(e.id, "entity id")
            try checkNUL(e.name, "entity name")
            for a in e.aliases { try checkNUL(a, "alias of \(e.id)") }
            for (k, v) in e.attributes { try checkNUL(k + v, "attribute of \(e.id)") }
        }
        for r in graph.relations {
            let edge = "\(r.source) -\(r.kind.rawValue)-> \(r.target)"
            guard !r.evidence.isEmpty else { throw fail("edge \(edge) has no evidence") }
            for ev in r.evidence {
                guard ev.document == document.id else { throw fail("edge \(edge) cites another document '\(ev.document)'") }
                guard ev.start >= 0, ev.end >= ev.start else { throw fail("edge \(edge) has evidence offsets \(ev.start)..<\(ev.end)") }
                try checkNUL(ev.text, "evidence of \(edge)")
            }
            if let a = r.amount {
                guard a.value.isFinite else { throw fail("edge \(edge) has a non-finite amount") }
                try checkNUL(a.currency + (a.period ?? ""), "amount of \(edge)")
            }
            for i in r.items { try checkNUL(i, "item of \(edge)") }
            try checkNUL(r.quote ?? "", "quote of \(edge)")
            for (k, v) in r.attributes { try checkNUL(k + v, "attribute of \(edge)") }
        }
        for c in graph.conflicts {
            try checkNUL(c.entity + c.field + c.values.joined() + c.documents.joined(), "conflict on \(c.entity)")
        }
    }

    /// The latest stored version of a document: `(version, sha256)`.
    static func latestVersion(of docID: String) -> SQLStatement {
        SQLStatement("SELECT version, sha256 FROM documents WHERE doc_id = ? ORDER BY version DESC LIMIT 1", [.text(docID)])
    }

    /// What to do given the latest stored version: nothing, or write `version`.
    static func decide(latest: SQLRow?, sha256: String) throws -> (outcome: IngestOutcome, version: Int?) {
        guard let latest else { return (.added, 1) }
        let version = try latest.int(0)
        if try latest.string(1) == sha256 { return (.unchanged, nil) }
        return (.newVersion, version + 1)
    }

    /// The items up to the first one `validate` refuses, and its error (nil when all pass).
    /// An item's prepared verdict (`IngestItem.prepared`) is used when it has one.
    static func validPrefix(_ items: [IngestItem]) -> (items: [IngestItem], failure: (any Error)?) {
        for (k, item) in items.enumerated() {
            do {
                if let prepared = item.prepared {
                    if let failure = prepared.failure { throw failure }
                } else {
                    try validate(document: item.document, text: item.text, graph: item.graph)
                }
            } catch { return (Array(items[..<k]), error) }
        }
        return (items, nil)
    }

    /// What storing an item takes that does not depend on the store's state, made once when the
    /// item is (`IngestItem.init`): whether it can be stored, and its version's rows with the
    /// version and the ingestion time left blank. `CorpusIngest` makes items on its extraction
    /// workers, so the store's one writer only fills in the blanks and runs the inserts.
    struct PreparedVersion: Sendable {
        /// Why `validate` refuses the item; nil when it can be stored.
        var failure: StoreError?
        /// `versionRows` with version 0 and an empty ingestion time (empty when refused).
        var tables: [TableRows]

        /// Validates the item and, when it passes, makes its rows.
        /// - Complexity: O(rows of the version).
        init(document: Document, text: String, graph: EntityGraph, facts: MergeFacts) {
            do {
                try CorpusSQL.validate(document: document, text: text, graph: graph)
                failure = nil
                tables = CorpusSQL.versionRows(document: document, text: text, graph: graph, facts: facts, version: 0, ingestedAt: "")
            } catch {
                failure = error as? StoreError ?? .invalidInput(document: document.id, reason: error.localizedDescription)
                tables = []
            }
        }
    }

    /// `CorpusStore.ingest(_:)` for both backends: `store` writes the items before the first
    /// one `validate` refuses (in one transaction, given the batch's failure label), then that
    /// item's error is thrown; the outcomes of all items when none is refused.
    static func ingestValidPrefix(_ items: [IngestItem],
                                  _ store: ([IngestItem], _ label: String) async throws -> [IngestOutcome]) async throws -> [IngestOutcome] {
        let (valid, failure) = validPrefix(items)
        let outcomes = valid.isEmpty ? [] : try await store(valid, ingestLabel(valid))
        if let failure { throw failure }
        return outcomes
    }

    /// How a batch's failures are named: `ingest of a.txt`, `ingest of a.txt … z.txt (12 documents)`.
    static func ingestLabel(_ items: [IngestItem]) -> String {
        guard let first = items.first, let last = items.last else { return "ingest" }
        return items.count == 1 ? "ingest of \(first.document.id)" : "ingest of \(first.document.id) … \(last.document.id) (\(items.count) documents)"
    }

    /// What a batch does, given the latest stored version of each of its document ids
    /// (`latestVersion(of:)`, absent when none): each item's outcome and the version it
    /// writes (nil when unchanged). An id twice in a batch is decided against the version
    /// written before it, as in two transactions.
    static func plan(_ items: [IngestItem], latest: [String: SQLRow]) throws -> [(outcome: IngestOutcome, version: Int?)] {
        var current = latest
        return try items.map { item in
            let decision = try decide(latest: current[item.document.id], sha256: item.document.sha256)
            if let v = decision.version { current[item.document.id] = SQLRow(values: [SQLValue(v), .text(item.document.sha256)]) }
            return decision
        }
    }

    /// The statements that store a batch planned by `plan`: the global rows of every version
    /// it writes, then each version's own rows.
    /// - Complexity: O(rows log rows).
    static func batchStatements(_ items: [IngestItem], _ plan: [(outcome: IngestOutcome, version: Int?)], ingestedAt: String) -> [SQLStatement] {
        let writes = zip(items, plan).compactMap { item, p in p.version.map { (item, $0) } }
        guard !writes.isEmpty else { return [] }
        // every version's rows table by table: a few multi-row inserts for the whole batch
        // (made with the item when it was, `IngestItem.prepared`; here the version and time are filled in)
        var tables: [TableRows] = []
        let stamp = SQLValue.text(ingestedAt)
        for (item, version) in writes {
            let rows = item.prepared?.tables
                ?? versionRows(document: item.document, text: item.text, graph: item.graph, facts: item.facts, version: 0, ingestedAt: "")
            if tables.isEmpty { tables = rows.map { TableRows(table: $0.table, columns: $0.columns, rows: []) } }
            for t in tables.indices { tables[t].append(rows[t], version: SQLValue(version), ingestedAt: stamp) }
        }
        return globalStatements(for: writes.map(\.0.graph)) + tables.flatMap { SQLStatement.insert(into: $0.table, columns: $0.columns, rows: $0.rows) }
    }

    /// The statements that store one document version and its graph: the global rows its
    /// graph needs (`globalStatements`), then the version's own (`versionStatements`).
    /// - Complexity: O(rows).
    static func ingestStatements(document: Document, text: String, graph: EntityGraph, facts: MergeFacts,
                                 version: Int, ingestedAt: String) -> [SQLStatement] {
        globalStatements(for: [graph])
            + versionStatements(document: document, text: text, graph: graph, facts: facts, version: version, ingestedAt: ingestedAt)
    }

    /// The global rows (`entities`, `relations`) that the graphs' versions refer to, each
    /// once, inserted in sorted order with `ON CONFLICT DO NOTHING`: concurrent ingesters take
    /// their locks in the same order and never duplicate a row. Run before the versions'
    /// statements (their foreign keys point here).
    /// - Complexity: O(rows log rows).
    static func globalStatements(for graphs: [EntityGraph]) -> [SQLStatement] {
        var entityIDs = Set<String>()
        var relationKeys = Set<RelationKey>()
        for g in graphs {
            for e in g.entities { entityIDs.insert(e.id) }
            for r in g.relations { relationKeys.insert(r.key) }
        }
        return SQLStatement.insert(into: "entities", columns: ["id"], rows: entityIDs.sorted().map { [.text($0)] }, ignoringConflicts: true)
            + SQLStatement.insert(into: "relations", columns: ["source", "kind", "target"],
                                  rows: relationKeys.sorted().map { [.text($0.source), .text($0.kind.rawValue), .text($0.target)] },
                                  ignoringConflicts: true)
    }

    /// One table's rows of a document version (see `versionRows`). Every such table's first
    /// two columns are `doc_id` and `version`.
    struct TableRows: Sendable {
        let table: String
        let columns: [String]
        var rows: [[SQLValue]]

        /// Appends `other`'s rows (the same table's) with their version, and their ingestion
        /// time where the table has one, set to the given values.
        /// - Complexity: O(rows of `other`).
        mutating func append(_ other: TableRows, version: SQLValue, ingestedAt: SQLValue) {
            precondition(other.table == table && columns.count >= 2 && columns[1] == "version", "rows of \(table) with a version column")
            let stamp = columns.firstIndex(of: "ingested_at")
            rows.reserveCapacity(rows.count + other.rows.count)
            for var row in other.rows {
                row[1] = version
                if let stamp { row[stamp] = ingestedAt }
                rows.append(row)
            }
        }
    }

    /// The rows of one document version: the document, its entities, relations, evidence,
    /// conflicts and merge facts. The global rows they refer to must exist (`globalStatements`).
    /// - Complexity: O(rows).
    static func versionStatements(document: Document, text: String, graph: EntityGraph, facts: MergeFacts,
                                  version: Int, ingestedAt: String) -> [SQLStatement] {
        versionRows(document: document, text: text, graph: graph, facts: facts, version: version, ingestedAt: ingestedAt)
            .flatMap { SQLStatement.insert(into: $0.table, columns: $0.columns, rows: $0.rows) }
    }

    /// The rows `versionStatements` inserts, a `TableRows` for every table a version writes to,
    /// always the same tables in the same order (each after the tables its foreign keys point
    /// to), some of them empty: a batch concatenates its versions' rows table by table.
    /// - Complexity: O(rows).
    static func versionRows(document: Document, text: String, graph: EntityGraph, facts: MergeFacts,
                            version: Int, ingestedAt: String) -> [TableRows] {
        let d = SQLValue.text(document.id)
        let v = SQLValue(version)
        var out: [TableRows] = []
        out.append(TableRows(
            table: "documents", columns: ["doc_id", "version", "sha256", "title", "published", "body", "ingested_at"],
            rows: [[d, v, .text(document.sha256), .text(document.title), SQLValue(document.date), .text(text), .text(ingestedAt)]]))

        var entityRows: [[SQLValue]] = []
        var aliasRows: [[SQLValue]] = []
        var entityAttributeRows: [[SQLValue]] = []
        for (ord, e) in graph.entities.enumerated() {
            let id = SQLValue.text(e.id)
            entityRows.append([d, v, id, SQLValue(ord), .text(e.name), .text(e.type.rawValue)])
            for a in e.aliases { aliasRows.append([d, v, id, .text(a)]) }
            for (k, value) in e.attributes.sorted(by: { $0.key < $1.key }) { entityAttributeRows.append([d, v, id, .text(k), .text(value)]) }
        }
        out.append(TableRows(table: "entity_versions", columns: ["doc_id", "version", "entity_id", "ord", "name", "type"], rows: entityRows))
        out.append(TableRows(table: "entity_aliases", columns: ["doc_id", "version", "entity_id", "alias"], rows: aliasRows))
        out.append(TableRows(table: "entity_attributes", columns: ["doc_id", "version", "entity_id", "attr_key", "attr_value"], rows: entityAttributeRows))

        var relationRows: [[SQLValue]] = []
        var itemRows: [[SQLValue]] = []
        var relationAttributeRows: [[SQLValue]] = []
        var evidenceRows: [[SQLValue]] = []
        for (ord, r) in graph.relations.enumerated() {
            let key: [SQLValue] = [d, v, .text(r.source), .text(r.kind.rawValue), .text(r.target)]
            relationRows.append(key + [SQLValue(ord), SQLValue(r.amount?.value), SQLValue(r.amount?.currency),
                                       SQLValue(r.amount?.period), SQLValue(r.status?.rawValue), SQLValue(r.quote)])
            for i in r.items { itemRows.append(key + [.text(i)]) }
            for (k, value) in r.attributes.sorted(by: { $0.key < $1.key }) { relationAttributeRows.append(key + [.text(k), .text(value)]) }
            for (n, ev) in r.evidence.enumerated() {
                evidenceRows.append(key + [SQLValue(n), SQLValue(ev.start), SQLValue(ev.end), .text(ev.text)])
            }
        }
        let relationKey = ["doc_id", "version", "source", "kind", "target"]
        out.append(TableRows(table: "relation_versions", columns: relationKey + ["ord", "amount_value", "amount_currency", "amount_period", "status", "quote"], rows: relationRows))
        out.append(TableRows(table: "relation_items", columns: relationKey + ["item"], rows: itemRows))
        out.append(TableRows(table: "relation_attributes", columns: relationKey + ["attr_key", "attr_value"], rows: relationAttributeRows))
        out.append(TableRows(table: "evidence", columns: relationKey + ["ord", "start_offset", "end_offset", "sentence"], rows: evidenceRows))

        var conflictRows: [[SQLValue]] = []
        var conflictValueRows: [[SQLValue]] = []
        for (ord, c) in graph.conflicts.enumerated() {
            conflictRows.append([d, v, SQLValue(ord), .text(c.entity), .text(c.field)])
            for p in 0..<max(c.values.count, c.documents.count) {
                conflictValueRows.append([d, v, SQLValue(ord), SQLValue(p),
                                          SQLValue(p < c.values.count ? c.values[p] : nil),
                                          SQLValue(p < c.documents.count ? c.documents[p] : nil)])
            }
        }
        out.append(TableRows(table: "conflicts", columns: ["doc_id", "version", "ord", "entity", "field"], rows: conflictRows))
        out.append(TableRows(table: "conflict_values", columns: ["doc_id", "version", "conflict_ord", "position", "value", "document"], rows: conflictValueRows))
        out.append(TableRows(table: "merge_facts", columns: ["doc_id", "version", "facts"],
                             rows: facts.isEmpty ? [] : [[d, v, .text(String(decoding: facts.jsonData(documentID: document.id, text: text), as: UTF8.self))]]))
        return out
    }

    // MARK: Load

    /// `DDDD-DD-DD`: what range filters compare (documents may carry odd days like 2025-13-45).
    static func hasISODayShape(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) { return false }
        return true
    }

    /// A valid ISO day (month 1–12, day 1–31), as `DocumentDateRange` checks it.
    static func isISODay(_ s: String) -> Bool { DocumentDateRange.isISODay(s) }

    /// The queries `loadGraph` runs, in one read transaction, in this order:
    /// documents, entities, aliases, entity attributes, relations, items, relation
    /// attributes, evidence, conflicts, conflict values, merge facts.
    static func loadStatements(since: String?, until: String?) throws -> [SQLStatement] {
        var range = ""
        var args: [SQLValue] = []
        for (bound, op) in [(since, ">="), (until, "<=")] {
            guard let bound else { continue }
            guard isISODay(bound) else { throw StoreError.invalidDate(bound) }
            range += " AND d.published IS NOT NULL AND substr(d.published, 1, 10) \(op) ?"
            args.append(.text(bound))
        }
        let selected = """
            WITH sel AS (SELECT d.doc_id, d.version FROM documents d \
            WHERE d.version = (SELECT MAX(m.version) FROM documents m WHERE m.doc_id = d.doc_id)\(range)) 
            """
        func q(_ columns: String, _ table: String) -> SQLStatement {
            SQLStatement(selected + "SELECT \(columns) FROM \(table) x JOIN sel ON x.doc_id = sel.doc_id AND x.version = sel.version", args)
        }
        let key = "x.doc_id, x.source, x.kind, x.target"
        return [
            q("x.doc_id, x.title, x.sha256, x.published", "documents"),
            q("x.doc_id, x.entity_id, x.ord, x.name, x.type", "entity_versions"),
            q("x.doc_id, x.entity_id, x.alias", "entity_aliases"),
            q("x.doc_id, x.entity_id, x.attr_key, x.attr_value", "entity_attributes"),
            q("\(key), x.ord, x.amount_value, x.amount_currency, x.amount_period, x.status, x.quote", "relation_versions"),
            q("\(key), x.item", "relation_items"),
            q("\(key), x.attr_key, x.attr_value", "relation_attributes"),
            q("\(key), x.start_offset, x.end_offset, x.sentence", "evidence"),
            q("x.doc_id, x.ord, x.entity, x.field", "conflicts"),
            q("x.doc_id, x.conflict_ord, x.position, x.value, x.document", "conflict_values"),
            // the text the facts' sentences are cut from (migration v3-facts-cite-text)
            q("x.doc_id, x.facts, (SELECT b.body FROM documents b WHERE b.doc_id = x.doc_id AND b.version = x.version)", "merge_facts"),
        ]
    }

    private struct RelationID: Hashable {
        var doc: String
        var key: RelationKey
    }

    private struct EntityRef: Hashable {
        var doc: String
        var id: String
    }

    /// Rebuilds each selected document's extraction (its graph and merge facts) from the rows
    /// of `loadStatements` and merges them as `build` does (`BuildPipeline.merge`), in order
    /// of document id.
    /// - Complexity: O(rows log rows) plus the merge.
    static func assemble(_ results: [[SQLRow]]) throws -> EntityGraph {
        guard results.count == 11 else { throw StoreError.corrupt(reason: "expected 11 result sets, got \(results.count)") }
        func relationKey(_ row: SQLRow) throws -> RelationID {
            let kindName = try row.string(2)
            guard let kind = RelationKind(rawValue: kindName) else { throw StoreError.corrupt(reason: "unknown relation kind '\(kindName)'") }
            return RelationID(doc: try row.string(0), key: RelationKey(source: try row.string(1), kind: kind, target: try row.string(3)))
        }

        var aliases: [EntityRef: [String]] = [:]
        for row in results[2] { aliases[EntityRef(doc: try row.string(0), id: try row.string(1)), default: []].append(try row.string(2)) }
        var entityAttributes: [EntityRef: [String: String]] = [:]
        for row in results[3] { entityAttributes[EntityRef(doc: try row.string(0), id: try row.string(1)), default: [:]][try row.string(2)] = try row.string(3) }
        var entities: [String: [(ord: Int, entity: Entity)]] = [:]
        for row in results[1] {
            let ref = EntityRef(doc: try row.string(0), id: try row.string(1))
            let typeName = try row.string(4)
            guard let type = EntityType(rawValue: typeName) else { throw StoreError.corrupt(reason: "unknown entity type '\(typeName)'") }
            let entity = Entity(id: ref.id, name: try row.string(3), type: type,
                                aliases: aliases[ref] ?? [], attributes: entityAttributes[ref] ?? [:])
            entities[ref.doc, default: []].append((try row.int(2), entity))
        }

        var items: [RelationID: [String]] = [:]
        for row in results[5] { items[try relationKey(row), default: []].append(try row.string(4)) }
        var relationAttributes: [RelationID: [String: String]] = [:]
        for row in results[6] { relationAttributes[try relationKey(row), default: [:]][try row.string(4)] = try row.string(5) }
        var evidence: [RelationID: [Evidence]] = [:]
        for row in results[7] {
            let id = try relationKey(row)
            evidence[id, default: []].append(Evidence(document: id.doc, start: try row.int(4), end: try row.int(5), text: try row.string(6)))
        }
        var relations: [String: [(ord: Int, relation: Relation)]] = [:]
        for row in results[4] {
            let id = try relationKey(row)
            var amount: Amount?
            if let value = try row.optionalDouble(5) {
                guard let currency = try row.optionalString(6) else { throw StoreError.corrupt(reason: "amount without currency") }
                amount = Amount(value: value, currency: currency, period: try row.optionalString(7))
            }
            var status: PledgeStatus?
            if let s = try row.optionalString(8) {
                guard let parsed = PledgeStatus(rawValue: s) else { throw StoreError.corrupt(reason: "unknown pledge status '\(s)'") }
                status = parsed
            }
            let relation = Relation(source: id.key.source, kind: id.key.kind, target: id.key.target,
                                    evidence: evidence[id] ?? [], amount: amount, items: items[id] ?? [],
                                    status: status, quote: try row.optionalString(9),
                                    attributes: relationAttributes[id] ?? [:])
            relations[id.doc, default: []].append((try row.int(4), relation))
        }

        var conflictValues: [String: [Int: [(position: Int, value: String?, document: String?)]]] = [:]
        for row in results[9] {
            conflictValues[try row.string(0), default: [:]][try row.int(1), default: []]
                .append((try row.int(2), try row.optionalString(3), try row.optionalString(4)))
        }
        var conflicts: [String: [(ord: Int, conflict: Conflict)]] = [:]
        for row in results[8] {
            let doc = try row.string(0), ord = try row.int(1)
            let values = (conflictValues[doc]?[ord] ?? []).sorted { $0.position < $1.position }
            conflicts[doc, default: []].append((ord, Conflict(entity: try row.string(2), field: try row.string(3),
                                                             values: values.compactMap(\.value), documents: values.compactMap(\.document))))
        }

        var documents: [Document] = []
        for row in results[0] {
            documents.append(Document(id: try row.string(0), title: try row.string(1), sha256: try row.string(2), date: try row.optionalString(3)))
        }
        documents.sort()

        var facts: [String: MergeFacts] = [:]
        for row in results[10] {
            let doc = try row.string(0)
            do { facts[doc] = try MergeFacts(jsonData: Data(try row.string(1).utf8), documentID: doc, text: try row.string(2)) } catch {
                throw StoreError.corrupt(reason: "\(doc): \(error.localizedDescription)")
            }
        }

        var extractions: [DocumentExtraction] = []
        for document in documents {
            var g = EntityGraph()
            for (_, e) in (entities[document.id] ?? []).sorted(by: { $0.ord < $1.ord }) { g.add(e) }
            for (_, r) in (relations[document.id] ?? []).sorted(by: { $0.ord < $1.ord }) {
                do { try g.add(r) } catch { throw StoreError.corrupt(reason: "\(document.id): \(error.localizedDescription)") }
            }
            g.add(document)
            for (_, c) in (conflicts[document.id] ?? []).sorted(by: { $0.ord < $1.ord }) { g.add(c) }
            extractions.append(DocumentExtraction(document: document, graph: g, facts: facts[document.id] ?? .none))
        }
        return BuildPipeline.merge(extractions).0
    }

    // MARK: Listing and checks

    /// Every version with its counts: doc_id, version, title, sha256, published,
    /// ingested_at, entity count, relation count, latest version of the id.
    static let documentsStatement = SQLStatement("""
        SELECT d.doc_id, d.version, d.title, d.sha256, d.published, d.ingested_at,
            (SELECT COUNT(*) FROM entity_versions e WHERE e.doc_id = d.doc_id AND e.version = d.version),
            (SELECT COUNT(*) FROM relation_versions r WHERE r.doc_id = d.doc_id AND r.version = d.version),
            (SELECT MAX(m.version) FROM documents m WHERE m.doc_id = d.doc_id)
        FROM documents d
        """)

    /// Statements for the latest version's hash of each stored id among `ids` (doc_id,
    /// sha256), at most `perStatement` ids each: what an ingest asks before extracting a batch.
    /// - Complexity: O(ids); one primary-key range lookup per id.
    static func latestHashStatements(of ids: [String], perStatement: Int = 500) -> [SQLStatement] {
        stride(from: 0, to: ids.count, by: perStatement).map { start in
            let chunk = ids[start..<min(ids.count, start + perStatement)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            return SQLStatement("""
                SELECT d.doc_id, d.sha256 FROM documents d
                WHERE d.doc_id IN (\(marks))
                    AND d.version = (SELECT MAX(m.version) FROM documents m WHERE m.doc_id = d.doc_id)
                """, chunk.map { .text($0) })
        }
    }

    /// The rows of `latestHashStatements` as id → sha256.
    static func latestHashes(_ rows: [SQLRow]) throws -> [String: String] {
        var hashes: [String: String] = [:]
        for row in rows { hashes[try row.string(0)] = try row.string(1) }
        return hashes
    }

    static func storedDocuments(_ rows: [SQLRow]) throws -> [StoredDocument] {
        try rows.map { row in
            let version = try row.int(1)
            return StoredDocument(
                document: Document(id: try row.string(0), title: try row.string(2), sha256: try row.string(3), date: try row.optionalString(4)),
                version: version, isLatest: version == (try row.int(8)), ingestedAt: try row.string(5),
                entityCount: try row.int(6), relationCount: try row.int(7))
        }.sorted { ($0.document.id, $0.version) < ($1.document.id, $1.version) }
    }

    /// Consistency checks both backends run: each query returns one row per problem, whose
    /// columns are joined into the message after the label.
    static let integrityChecks: [(label: String, statement: SQLStatement)] = [
        ("relation without evidence", SQLStatement("""
            SELECT r.doc_id, r.source, r.kind, r.target FROM relation_versions r WHERE NOT EXISTS
            (SELECT 1 FROM evidence e WHERE e.doc_id = r.doc_id AND e.version = r.version
             AND e.source = r.source AND e.kind = r.kind AND e.target = r.target)
            """)),
        ("edge never stored by a document", SQLStatement("""
            SELECT g.source, g.kind, g.target FROM relations g WHERE NOT EXISTS
            (SELECT 1 FROM relation_versions r WHERE r.source = g.source AND r.kind = g.kind AND r.target = g.target)
            """)),
        ("entity never stored by a document", SQLStatement("""
            SELECT g.id FROM entities g WHERE NOT EXISTS (SELECT 1 FROM entity_versions e WHERE e.entity_id = g.id)
            """)),
        ("document versions not numbered 1…n", SQLStatement("""
            SELECT doc_id FROM documents GROUP BY doc_id HAVING COUNT(*) <> MAX(version) OR MIN(version) <> 1
            """)),
        ("evidence of a relation missing from its version", SQLStatement("""
            SELECT e.doc_id, e.source, e.kind, e.target FROM evidence e WHERE NOT EXISTS
            (SELECT 1 FROM relation_versions r WHERE e.doc_id = r.doc_id AND e.version = r.version
             AND e.source = r.source AND e.kind = r.kind AND e.target = r.target)
            """)),
    ]

    static func describe(_ row: SQLRow) -> String {
        row.values.map { v -> String in
            switch v {
            case .null: return "NULL"
            case let .int(i): return String(i)
            case let .double(d): return String(d)
            case let .text(s): return s
            }
        }.joined(separator: " ")
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
