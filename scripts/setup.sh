#!/usr/bin/env bash
# Installs what nato-graph needs beyond Swift: Graphviz's C library (libgvc) and headers.
# Does nothing when pkg-config already finds libgvc.
set -euo pipefail
if pkg-config --exists libgvc 2>/dev/null; then
  exit 0
fi
echo "setup: libgvc not found by pkg-config; installing libgraphviz-dev" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends pkg-config libgraphviz-dev >/dev/null
pkg-config --exists libgvc || { echo "setup: libgvc still not found after installing libgraphviz-dev" >&2; exit 1; }
