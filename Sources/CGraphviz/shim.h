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
// discipline declines to map names (cgraph then keeps names in its internal map) and hands
// out sequential IDs, so subgraphs stay in the order the DOT text declares them.

static void *ng_id_open(Agraph_t *g, Agdisc_t *disc) { (void)disc; return g; }
static long ng_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    static IDTYPE counter = 1;   /* odd, like cgraph's anonymous IDs; callers are serialized */
    (void)state; (void)objtype; (void)createflag;
    if (str) return 0;           /* names: cgraph's internal map */
    *id = counter;
    counter += 2;
    return 1;
}
static long ng_id_alloc(void *state, int objtype, IDTYPE request) { (void)state; (void)objtype; (void)request; return 0; }
static void ng_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }
static char *ng_id_print(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; return NULL; }
static void ng_id_close(void *state) { (void)state; }
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

/// Parses DOT from memory like `agmemread`, with sequential object IDs (see above) and
/// line numbers counted from 1 in each text.
/// Returns NULL on a syntax error or when the text holds no graph.
static inline Agraph_t *ng_agmemread_sequential(const char *text, size_t length) {
    ng_reader_t reader = { text, length, 0 };
    Agdisc_t disc = { &AgMemDisc, ng_sequential_ids(), ng_memory_io() };
    agreadline(1);   /* the lexer's line counter otherwise runs on across parses */
    return agread(&reader, &disc);
}

#endif
