/// A parsed Cypher-style pattern query (the `match` command).
///
/// Grammar (EBNF; keywords are case-insensitive, whitespace is free between tokens):
///
/// ```text
/// query      = [ "MATCH" ] path [ "RETURN" variable { "," variable } ] [ "LIMIT" integer ] ;
/// path       = node { relation node } ;
/// node       = "(" [ variable ] [ ":" label { "|" [ ":" ] label } ] [ properties ] ")" ;
/// label      = "person" | "country" | "organization" | "program" ;
/// relation   = ( "-" | "<-" ) [ "[" [ variable ] [ ":" kind { "|" [ ":" ] kind } ] [ range ] "]" ] ( "->" | "-" ) ;
/// kind       = "statement" | "pledge" | "opposition" | "role" | "member" ;
/// range      = "*" [ integer ] [ ".." [ integer ] ] ;
/// properties = "{" property { "," property } "}" ;
/// property   = ( "name" | "id" ) ":" string ;
/// string     = '"' { character | '\"' | '\\' } '"' | "'" { character | "\'" | '\\' } "'" ;
/// variable   = ( letter | "_" ) { letter | digit | "_" } ;
/// integer    = digit { digit } ;
/// ```
///
/// - `-[…]->` follows an edge from source to target, `<-[…]-` from target to source,
///   `-[…]-` either way. `<-[…]->` is an error.
/// - A node label is an entity type; several labels (`:country|program`) mean any of them.
/// - `name` matches through ids, names, aliases and offices (`EntityGraph.resolve`); `id` is exact.
///   A name that matches nothing is an error listing the closest names.
/// - `*` alone is 1 to `Pattern.unboundedHops` hops, `*n` exactly n, `*m..n`, `*..n` (1..n),
///   `*m..` (m..`unboundedHops`). A variable on a variable-length relation binds its list of edges.
/// - Within one match an edge is used at most once (nodes may repeat), as in Cypher.
/// - Without RETURN, every named variable is returned in order of appearance (every node
///   when none is named). Rows are sorted by their returned values (entity ids), then LIMIT
///   applies.
public struct Pattern: Hashable, Sendable {
    /// Upper bound of `*` and `*m..`.
    public static let unboundedHops = 5

    /// A node pattern `(v:label {name: "…"})`.
    public struct NodePattern: Hashable, Sendable {
        public var variable: String?
        public var labels: [EntityType]
        /// Property constraints in order: ("name" | "id", value).
        public var properties: [Property]
        /// Column (1-based) of the opening parenthesis.
        public var column: Int
    }

    /// A property constraint with the column of its value, for errors.
    public struct Property: Hashable, Sendable {
        public var key: String
        public var value: String
        public var column: Int
    }

    /// Which way a relation pattern follows edges.
    public enum Direction: Hashable, Sendable {
        /// `-[…]->`
        case outgoing
        /// `<-[…]-`
        case incoming
        /// `-[…]-`
        case either
    }

    /// A relation pattern `-[r:kind*m..n]->`.
    public struct RelationPattern: Hashable, Sendable {
        public var variable: String?
        public var kinds: [RelationKind]
        public var direction: Direction
        public var minHops: Int
        public var maxHops: Int
        /// Whether written with `*` (binds a list of edges).
        public var variableLength: Bool
        public var column: Int
    }

    /// Node patterns; one more than `relations`.
    public var nodes: [NodePattern]
    /// Relation patterns; `relations[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public var relations: [RelationPattern]
    /// RETURN items with their columns; empty when there is no RETURN.
    public var returns: [(name: String, column: Int)]
    /// LIMIT, if given.
    public var limit: Int?
    /// The text parsed.
    public var source: String

    public static func == (a: Pattern, b: Pattern) -> Bool {
        a.nodes == b.nodes && a.relations == b.relations && a.returns.map(\.name) == b.returns.map(\.name)
            && a.returns.map(\.column) == b.returns.map(\.column) && a.limit == b.limit && a.source == b.source
    }

    public func hash(into h: inout Hasher) {
        h.combine(source)
    }
}
