#!/usr/bin/env bash
# Builds a libFuzzer target and runs it for a fixed time.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      (default: all, 60 s each)
#   scripts/fuzz.sh --build-only [TARGET|all]
#
# Targets: extract, graph-json, lexicon, dot, pattern (Fuzz/*, docs/FUZZING.md).
# Builds in release with -sanitize=fuzzer,address and -DFUZZING into .build-fuzz (its own
# build path, so the normal .build is not invalidated). The corpus grows in out/fuzz/TARGET/
# corpus (seeded from Fuzz/seeds, seeds/ and the test fixtures); crashers land in
# out/fuzz/TARGET/ as crash-*, leak-*, timeout-* or oom-*. Ends with one summary line:
#   fuzz TARGET: SECONDS s, EXECS execs, corpus N files, crashes K
# and exits 1 when a run found a crasher.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(extract graph-json lexicon dot pattern)
build_only=0
if [ "${1:-}" = "--build-only" ]; then build_only=1; shift; fi
target="${1:-all}"
seconds="${2:-60}"
if [ "$target" = "all" ]; then set -- "${TARGETS[@]}"; else set -- "$target"; fi
for t in "$@"; do
  case " ${TARGETS[*]} " in *" $t "*) ;; *) echo "fuzz.sh: unknown target '$t' (valid: ${TARGETS[*]} all)" >&2; exit 64;; esac
done

build() {
  # lld: gold fails on the sanitizer runtime's symbols ("internal error in format_file_lineno").
  swift build -c release --build-path .build-fuzz --product "fuzz-$1" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
}

# Seed corpora: committed seeds plus the project's own inputs of that kind.
seed_dirs() {
  local t="$1" d="out/fuzz/$t/seeds"
  rm -rf "$d"; mkdir -p "$d"
  [ -d "Fuzz/seeds/$t" ] && cp Fuzz/seeds/"$t"/* "$d"/
  case "$t" in
    extract) cp seeds/*.txt "$d"/; for f in Tests/GraphTests/Fixtures/heldout*/*.txt; do cp "$f" "$d/$(basename "$f")"; done ;;
    graph-json) cp Tests/GraphTests/Fixtures/seed-graph.json "$d"/ ;;
    lexicon) cp Tests/GraphTests/Fixtures/lexicon/*.yaml Sources/Graph/Resources/lexicon/{currencies,items,names,titles}.yaml "$d"/ ;;
  esac
  echo "$d"
}

# Longest input tried, per target (large enough for the structure, small enough to stay fast).
max_len() {
  case "$1" in
    extract) echo 8192 ;; graph-json) echo 8192 ;; lexicon) echo 4096 ;; dot) echo 2048 ;; pattern) echo 512 ;;
  esac
}

# Leaks inside Graphviz itself are suppressed narrowly (each entry explained in the file).
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

status=0
for t in "$@"; do
  build "$t"
  [ "$build_only" = 1 ] && continue
  dir="out/fuzz/$t"
  mkdir -p "$dir/corpus"
  seeds="$(seed_dirs "$t")"
  log="$dir/run.log"
  # One process (-workers=1 is the default without -jobs): the machine is shared.
  if ! ".build-fuzz/release/fuzz-$t" "$dir/corpus" "$seeds" \
      -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=30 -rss_limit_mb=3072 \
      -print_final_stats=1 -artifact_prefix="$dir/" >"$log" 2>&1; then
    status=1
  fi
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  corpus="$(find "$dir/corpus" -type f | wc -l)"
  crashes="$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)"
  echo "fuzz $t: $seconds s, ${execs:-?} execs, corpus $corpus files, crashes $crashes"
  if [ "$crashes" -gt 0 ]; then status=1; grep -m1 -A3 "ERROR\|==ERROR\|Fatal error\|deadly signal" "$log" || true; fi
done
exit $status
