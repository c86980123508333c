#ifndef NATO_GRAPH_CGRAPHVIZ_SHIM_H
#define NATO_GRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
