/// The store's schema: one list of migrations whose SQL runs unchanged on SQLite and
/// PostgreSQL. SQLite applies them through GRDB's `DatabaseMigrator` (table
/// `grdb_migrations`), PostgreSQL through `PostgresCorpusStore` (table `schema_migrations`);
/// both record the same identifiers.
///
/// Tables, all keyed by natural keys so that concurrent ingesters meet on unique
/// constraints instead of sequences:
/// - `documents` — one row per document version `(doc_id, version)`, with its hash, title,
///   date, text and ingest time.
/// - `entities` — global entity ids; `entity_versions` — how one document version names
///   an entity (name, type, position), with `entity_aliases` and `entity_attributes`.
/// - `relations` — global edges `(source, kind, target)`; `relation_versions` — the typed
///   attributes one document version gives an edge (amount, currency, period, status,
///   quote), with `relation_items`, `relation_attributes` and `evidence` (offsets and
///   sentence).
/// - `conflicts` and `conflict_values` — the version's conflicts.
/// - `merge_facts` (migration `v2-merge-facts`) — what merging across documents needs from
///   the version besides its graph (`MergeFacts`: acronym expansions, pledge amounts,
///   lexicon role and member edges), as JSON; no row means no facts. Since migration
///   `v3-facts-cite-text` an evidence sentence that is the version's own text at its offsets
///   is stored without its text (`MergeFacts.jsonData(documentID:text:)`) and cut from
///   `documents.body` when read; the migration changes no table, it keeps older nato-graph
///   versions, which would not find those sentences, from reading the store.
enum Schema {
    struct Migration: Sendable {
        let identifier: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1-corpus", statements: [
            """
            CREATE TABLE documents (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1),
                sha256 TEXT NOT NULL,
                title TEXT NOT NULL,
                published TEXT,
                body TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                PRIMARY KEY (doc_id, version)
            )
            """,
            "CREATE INDEX documents_by_hash ON documents (doc_id, sha256)",
            """
            CREATE TABLE entities (
                id TEXT NOT NULL PRIMARY KEY
            )
            """,
            """
            CREATE TABLE entity_versions (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                entity_id TEXT NOT NULL REFERENCES entities (id),
                ord BIGINT NOT NULL,
                name TEXT NOT NULL,
                type TEXT NOT NULL CHECK (type IN ('person', 'country', 'organization', 'program')),
                PRIMARY KEY (doc_id, version, entity_id),
                UNIQUE (doc_id, version, ord),
                FOREIGN KEY (doc_id, version) REFERENCES documents (doc_id, version) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX entity_versions_by_entity ON entity_versions (entity_id)",
            """
            CREATE TABLE entity_aliases (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                entity_id TEXT NOT NULL,
                alias TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, entity_id, alias),
                FOREIGN KEY (doc_id, version, entity_id) REFERENCES entity_versions (doc_id, version, entity_id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE entity_attributes (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                entity_id TEXT NOT NULL,
                attr_key TEXT NOT NULL,
                attr_value TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, entity_id, attr_key),
                FOREIGN KEY (doc_id, version, entity_id) REFERENCES entity_versions (doc_id, version, entity_id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE relations (
                source TEXT NOT NULL REFERENCES entities (id),
                kind TEXT NOT NULL CHECK (kind IN ('statement', 'pledge', 'opposition', 'role', 'member')),
                target TEXT NOT NULL REFERENCES entities (id),
                PRIMARY KEY (source, kind, target)
            )
            """,
            """
            CREATE TABLE relation_versions (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                ord BIGINT NOT NULL,
                amount_value DOUBLE PRECISION,
                amount_currency TEXT,
                amount_period TEXT,
                status TEXT CHECK (status IS NULL OR status IN ('pledged', 'delivered', 'undelivered')),
                quote TEXT,
                CHECK ((amount_value IS NULL) = (amount_currency IS NULL)),
                PRIMARY KEY (doc_id, version, source, kind, target),
                UNIQUE (doc_id, version, ord),
                FOREIGN KEY (doc_id, version) REFERENCES documents (doc_id, version) ON DELETE CASCADE,
                FOREIGN KEY (source, kind, target) REFERENCES relations (source, kind, target),
                FOREIGN KEY (doc_id, version, source) REFERENCES entity_versions (doc_id, version, entity_id),
                FOREIGN KEY (doc_id, version, target) REFERENCES entity_versions (doc_id, version, entity_id)
            )
            """,
            "CREATE INDEX relation_versions_by_relation ON relation_versions (source, kind, target)",
            """
            CREATE TABLE relation_items (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                item TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, source, kind, target, item),
                FOREIGN KEY (doc_id, version, source, kind, target)
                    REFERENCES relation_versions (doc_id, version, source, kind, target) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE relation_attributes (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                attr_key TEXT NOT NULL,
                attr_value TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, source, kind, target, attr_key),
                FOREIGN KEY (doc_id, version, source, kind, target)
                    REFERENCES relation_versions (doc_id, version, source, kind, target) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE evidence (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                ord BIGINT NOT NULL,
                start_offset BIGINT NOT NULL CHECK (start_offset >= 0),
                end_offset BIGINT NOT NULL CHECK (end_offset >= start_offset),
                sentence TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, source, kind, target, ord),
                FOREIGN KEY (doc_id, version, source, kind, target)
                    REFERENCES relation_versions (doc_id, version, source, kind, target) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE conflicts (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                ord BIGINT NOT NULL,
                entity TEXT NOT NULL,
                field TEXT NOT NULL,
                PRIMARY KEY (doc_id, version, ord),
                FOREIGN KEY (doc_id, version) REFERENCES documents (doc_id, version) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE conflict_values (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                conflict_ord BIGINT NOT NULL,
                position BIGINT NOT NULL,
                value TEXT,
                document TEXT,
                PRIMARY KEY (doc_id, version, conflict_ord, position),
                FOREIGN KEY (doc_id, version, conflict_ord) REFERENCES conflicts (doc_id, version, ord) ON DELETE CASCADE
            )
            """,
        ]),
        Migration(identifier: "v2-merge-facts", statements: [
            """
            CREATE TABLE merge_facts (
                doc_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                facts TEXT NOT NULL,
                PRIMARY KEY (doc_id, version),
                FOREIGN KEY (doc_id, version) REFERENCES documents (doc_id, version) ON DELETE CASCADE
            )
            """,
        ]),
        Migration(identifier: "v3-facts-cite-text", statements: []),
    ]
}
