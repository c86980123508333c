#!/usr/bin/env bash
# Leak check of the in-process Graphviz renderer.
#
#   scripts/leak-check.sh [COUNT] [VALGRIND_COUNT]
#
# 1. COUNT (default 10000) in-process SVG renders of a small news-like graph, printing the
#    resident set size at start, middle and end: once for a graph without cycles and once
#    with cycles (Graphviz 2.42's dot leaks ~370 bytes per layout when it breaks a cycle,
#    inside libgvplugin_dot_layout: see BENCHMARKS.md).
# 2. VALGRIND_COUNT (default 300) renders under valgrind --leak-check=full. Valgrind 3.19
#    cannot read Swift 6's DWARF 5, so it runs on a copy stripped of debug info (symbols
#    stay). Prints the leak summary and any definitely-lost block allocated through our
#    code (frames in the Graph module or the shim) as opposed to inside Graphviz.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-10000}"
VALGRIND_COUNT="${2:-300}"

swift build --product graphviz-bench >/dev/null
BIN="$(swift build --show-bin-path)/graphviz-bench"

echo "== RSS over $COUNT renders"
for shape in acyclic cyclic; do
    "$BIN" leak "$COUNT" "$shape"
done

if command -v valgrind >/dev/null; then
    echo "== valgrind over $VALGRIND_COUNT renders (acyclic graph)"
    TMP="$(mktemp -d)"
    trap 'rm -rf "$TMP"' EXIT
    cp "$BIN" "$TMP/graphviz-bench"
    strip -g "$TMP/graphviz-bench"
    valgrind --leak-check=full --show-leak-kinds=definite --num-callers=40 \
        "$TMP/graphviz-bench" leak "$VALGRIND_COUNT" acyclic >"$TMP/valgrind.txt" 2>&1 || true
    grep -E "RSS|renders=|definitely lost:|indirectly lost:|possibly lost:|ERROR SUMMARY" "$TMP/valgrind.txt"
    # Attribute each definitely-lost record to the library of the first frame above the
    # allocator (our binary or the Swift runtime = ours; libgvc, libcgraph, plugins = Graphviz).
    echo "definitely lost, by library that allocated (bytes incl. indirect, blocks):"
    awk '/definitely lost in loss record/ {
             bytes=$2; gsub(",", "", bytes); blocks=0
             for (i = 1; i <= NF; i++) if ($i == "blocks" || $i == "block") { blocks=$(i-1) }
             gsub(",", "", blocks); want=1; next }
         want && /by 0x/ && !/(malloc|calloc|realloc|strdup|gmalloc|zmalloc|agalloc|g_malloc)/ {
             lib=$0; sub(/.*\(in /, "", lib); sub(/\).*/, "", lib); n=split(lib, parts, "/"); lib=parts[n]
             if (lib ~ /graphviz-bench|libswift/) lib = "OURS (" lib ")"
             total[lib]+=bytes; count[lib]+=blocks; want=0 }
         END { for (l in total) printf "  %-40s %8d bytes %6d blocks\n", l, total[l], count[l] }' "$TMP/valgrind.txt" | sort
else
    echo "valgrind not installed; RSS figures only"
fi
