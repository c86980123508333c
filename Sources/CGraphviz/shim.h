#ifndef NATO_GRAPH_CGRAPHVIZ_SHIM_H
#define NATO_GRAPH_CGRAPHVIZ_SHIM_H

// Thin, version-neutral wrappers over libgvc/libcgraph for Swift.
//
// - Debian's Graphviz 2.42 headers take `char *` where the library only reads; Swift hands
//   out `const char *` from `withCString`, so the wrappers take `const char *` and cast.
// - `Agdirected` is a mutable C global: Swift 6 rejects touching it from nonisolated code.
// - `gvRenderData`'s length is `unsigned int *` before Graphviz 13 and `size_t *` from 13 on.
//
// None of these functions is thread-safe: callers serialize every call (see
// GraphvizRenderer), because Graphviz crashes when two threads use it at once.

#include <stdlib.h>
#include <string.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Renders a laid-out graph into a malloc'ed buffer; `*length` receives its byte count.
static inline int ng_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, format, result, &len);
    *length = (size_t)len;
    return rc;
#endif
}

/// Opens an empty directed graph (wraps the `Agdirected` global).
static inline Agraph_t *ng_agopen_directed(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}

/// The value of attribute `name` on a graph, node or edge; NULL when undeclared.
static inline const char *ng_agget(void *obj, const char *name) {
    return agget(obj, (char *)name);
}

/// Declares (if needed) and sets a graph attribute on the root graph.
static inline int ng_agset_graph(Agraph_t *g, const char *name, const char *value) {
    return agsafeset(g, (char *)name, (char *)value, (char *)"");
}

/// Whether graph attribute `name` is declared for `g` (without declaring it).
static inline int ng_has_graph_attr(Agraph_t *g, const char *name) {
    return agattr(g, AGRAPH, (char *)name, NULL) != NULL;
}

/// Whether node or edge attribute `name` is declared for `g` (kind: AGNODE or AGEDGE).
static inline int ng_has_attr(Agraph_t *g, int kind, const char *name) {
    return agattr(g, kind, (char *)name, NULL) != NULL;
}

static inline const char *ng_agnameof(void *obj) { return agnameof(obj); }
static inline Agnode_t *ng_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *ng_aghead(Agedge_t *e) { return aghead(e); }

/// Plugin names of one kind ("layout", "device"); free with `ng_free_plugin_list`.
static inline char **ng_gvPluginList(GVC_t *gvc, const char *kind, int *count) {
    return gvPluginList(gvc, kind, count, NULL);
}

static inline void ng_free_plugin_list(char **list, int count) {
    if (!list) return;
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
}

// MARK: Deterministic parsing
//
// cgraph's default ID discipline uses the address of an object's interned name as its ID,
// and subgraphs are kept (and laid out and drawn) in ID order: in a long-lived process the
// order of clusters then depends on the heap and changes from call to call. This
// discipline numbers objects 1, 2, 3… per graph in creation order and keeps the names in
// its own table (freed when the graph is closed), so subgraphs stay in the order the DOT
// text declares them. (Declining names instead would push them into cgraph's internal
// map, whose entries 2.42 leaks once a subgraph is closed.)

typedef struct { char *name; IDTYPE id; } ng_name_slot_t;
typedef struct {
    IDTYPE next;             /* next ID to hand out */
    ng_name_slot_t *slots;   /* open-addressing hash: name -> ID */
    size_t capacity, used;   /* capacity is a power of two */
    char **names;            /* ID -> name (NULL for anonymous objects) */
    size_t names_capacity;
} ng_id_state_t;

static size_t ng_hash(const char *s) {
    size_t h = 1469598103934665603ULL;
    while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211ULL; }
    return h;
}

static void *ng_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    ng_id_state_t *st = (ng_id_state_t *)calloc(1, sizeof(ng_id_state_t));
    if (!st) return NULL;
    st->next = 1;
    st->capacity = 64;
    st->slots = (ng_name_slot_t *)calloc(st->capacity, sizeof(ng_name_slot_t));
    return st;
}

static int ng_id_remember(ng_id_state_t *st, IDTYPE id, char *name) {
    if (id >= st->names_capacity) {
        size_t cap = st->names_capacity ? st->names_capacity * 2 : 64;
        while (cap <= id) cap *= 2;
        char **grown = (char **)realloc(st->names, cap * sizeof(char *));
        if (!grown) return 0;
        for (size_t i = st->names_capacity; i < cap; i++) grown[i] = NULL;
        st->names = grown;
        st->names_capacity = cap;
    }
    st->names[id] = name;
    return 1;
}

static int ng_id_grow(ng_id_state_t *st) {
    size_t cap = st->capacity * 2;
    ng_name_slot_t *slots = (ng_name_slot_t *)calloc(cap, sizeof(ng_name_slot_t));
    if (!slots) return 0;
    for (size_t i = 0; i < st->capacity; i++) {
        if (!st->slots[i].name) continue;
        size_t j = ng_hash(st->slots[i].name) & (cap - 1);
        while (slots[j].name) j = (j + 1) & (cap - 1);
        slots[j] = st->slots[i];
    }
    free(st->slots);
    st->slots = slots;
    st->capacity = cap;
    return 1;
}

static long ng_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    ng_id_state_t *st = (ng_id_state_t *)state;
    (void)objtype;
    if (!st || !st->slots) return 0;
    if (!str) {                      /* anonymous object */
        *id = st->next++;
        return 1;
    }
    size_t j = ng_hash(str) & (st->capacity - 1);
    while (st->slots[j].name) {
        if (strcmp(st->slots[j].name, str) == 0) { *id = st->slots[j].id; return 1; }
        j = (j + 1) & (st->capacity - 1);
    }
    if (!createflag) return 0;
    if ((st->used + 1) * 2 > st->capacity) {
        if (!ng_id_grow(st)) return 0;
        j = ng_hash(str) & (st->capacity - 1);
        while (st->slots[j].name) j = (j + 1) & (st->capacity - 1);
    }
    char *copy = strdup(str);
    if (!copy) return 0;
    IDTYPE newid = st->next++;
    if (!ng_id_remember(st, newid, copy)) { free(copy); return 0; }
    st->slots[j].name = copy;
    st->slots[j].id = newid;
    st->used++;
    *id = newid;
    return 1;
}

static long ng_id_alloc(void *state, int objtype, IDTYPE request) { (void)state; (void)objtype; (void)request; return 0; }
static void ng_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }
static char *ng_id_print(void *state, int objtype, IDTYPE id) {
    ng_id_state_t *st = (ng_id_state_t *)state;
    (void)objtype;
    if (!st || id >= st->names_capacity) return NULL;
    return st->names[id];
}
static void ng_id_close(void *state) {
    ng_id_state_t *st = (ng_id_state_t *)state;
    if (!st) return;
    for (size_t i = 0; i < st->capacity; i++) free(st->slots[i].name);
    free(st->slots);
    free(st->names);
    free(st);
}
static void ng_id_register(void *state, int objtype, void *obj) { (void)state; (void)objtype; (void)obj; }

/* Function-local statics: Swift's importer emits functions, not header globals. */
static inline Agiddisc_t *ng_sequential_ids(void) {
    static Agiddisc_t disc = {
        ng_id_open, ng_id_map, ng_id_alloc, ng_id_free, ng_id_print, ng_id_close, ng_id_register
    };
    return &disc;
}

typedef struct { const char *data; size_t length; size_t offset; } ng_reader_t;

/* Hands the parser one line at a time, as agmemread does (line numbers in messages). */
static int ng_read_line(void *chan, char *buf, int bufsize) {
    ng_reader_t *r = (ng_reader_t *)chan;
    if (bufsize <= 0 || r->offset >= r->length) return 0;
    int n = 0;
    char c;
    do {
        c = r->data[r->offset + n];
        buf[n++] = c;
    } while (c != '\n' && n < bufsize && r->offset + n < r->length);
    r->offset += n;
    return n;
}
static inline Agiodisc_t *ng_memory_io(void) {
    static Agiodisc_t io;
    io.afread = ng_read_line;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    return &io;
}

/* cgraph's flex scanner (prefix "aag") keeps unread input between agread calls: after
 * "digraph a {} digraph b {}" the next read returns graph b, and a trailing newline shifts
 * the next text's line numbers. Resetting the scanner before each read fixes both. The
 * symbol is flex's, exported by 2.42 but not declared in a header: referenced weakly so
 * builds against a Graphviz that hides it still link (and simply skip the reset). */
extern int aaglex_destroy(void) __attribute__((weak));

static inline void ng_reset_lexer(void) {
    if (aaglex_destroy) aaglex_destroy();
}

/// Parses DOT from memory like `agmemread`, with sequential object IDs (see above), line
/// numbers counted from 1 in each text and nothing carried over from the previous text.
/// Returns NULL on a syntax error or when the text holds no graph.
static inline Agraph_t *ng_agmemread_sequential(const char *text, size_t length) {
    ng_reader_t reader = { text, length, 0 };
    Agdisc_t disc = { &AgMemDisc, ng_sequential_ids(), ng_memory_io() };
    ng_reset_lexer();
    agreadline(1);   /* the lexer's line counter otherwise runs on across parses */
    Agraph_t *g = agread(&reader, &disc);
    ng_reset_lexer();  /* drop what the parser did not read; frees the scanner's buffer */
    return g;
}

#endif
