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

#endif
