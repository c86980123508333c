#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer.
#
#   scripts/sanitize.sh address [swift test options...]   # ASan + LeakSanitizer, .build-asan
#   scripts/sanitize.sh thread  [swift test options...]   # TSan, .build-tsan
#
# Each sanitizer builds into its own --build-path, so the normal .build is not invalidated.
# The end-to-end tests run the nato-graph executable built with the same sanitizer, so a
# report in a CLI run fails its test too (its stderr is no longer one line).
# Leaks inside Debian's Graphviz 2.42 are suppressed narrowly in scripts/lsan.supp; each
# entry says why; TSan's known false positive in Swift's continuations is in
# scripts/tsan.supp. Our own code is never suppressed. docs/FUZZING.md has the results.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
shift || true
case "$mode" in
  address)
    path=.build-asan
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    ;;
  thread)
    path=.build-tsan
    export TSAN_OPTIONS="halt_on_error=1:suppressions=$PWD/scripts/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
    ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread [swift test options...]" >&2
    exit 64
    ;;
esac
exec swift test --sanitize="$mode" --build-path "$path" "$@"
