#!/usr/bin/env bash
# Query benchmarks (BENCHMARKS-queries.md): release build, the synthetic 1M-node / 5M-edge
# graph from arrays, the EntityGraph → index build, then the networkx comparison on
# 100k nodes / 1M edges. Each benchmark runs once; on shared machines compare the cpu times.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product query-bench
swift build -c release --product nato-graph
echo "== 1M nodes / 5M edges, index from arrays"
.build/release/query-bench --nodes 1000000 --edges 5000000
echo "== 1M nodes / 5M edges, EntityGraph then GraphIndex(EntityGraph)"
.build/release/query-bench --entity-graph --nodes 1000000 --edges 5000000
echo "== 100k nodes / 1M edges against networkx"
python3 scripts/bench-networkx.py --nodes 100000 --edges 1000000 "$@"
