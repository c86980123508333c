#!/usr/bin/env bash
# Measures where dot stops being fast on news-like graphs, to set `auto`'s threshold
# (LayoutEngine.autoDotMaxNodes / autoDotMaxEdges).
#
#   scripts/engine-threshold.sh [DOT_SIZES] [SFDP_SIZES]
#
# Graphs: hub-heavy (a tenth of the entities take ~70 % of the edges), 1.6 relations per
# entity, every edge labelled, generated from fixed seeds (Benchmarks/GraphvizBench).
# Each size is laid out and rendered to SVG in-process, once per seed (BENCH_SEEDS,
# default 3); the median is reported. dot stops once a median passes BENCH_STOP_SECONDS
# (default 15). The machine is shared: the load average is printed alongside.
set -euo pipefail
cd "$(dirname "$0")/.."
DOT_SIZES="${1:-50,75,100,125,150,175,200,250,300}"
SFDP_SIZES="${2:-100,200,300,500,1000,2000}"
export BENCH_SEEDS="${BENCH_SEEDS:-3}"
export BENCH_STOP_SECONDS="${BENCH_STOP_SECONDS:-15}"

swift build --product graphviz-bench >/dev/null
BIN="$(swift build --show-bin-path)/graphviz-bench"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
"$BIN" threshold dot "$DOT_SIZES"
"$BIN" threshold sfdp "$SFDP_SIZES"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
