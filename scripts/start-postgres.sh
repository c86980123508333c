#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the corpus-store tests, listening on 127.0.0.1
# only, and prints the line that points the tests at it:
#
#   eval "$(scripts/start-postgres.sh)"    # exports NATO_GRAPH_TEST_POSTGRES=postgres://...
#   swift test
#   scripts/start-postgres.sh --stop       # stops it and deletes its data
#
# Installs Debian's postgresql package when no server binaries are found. Reuses a cluster
# this script started before (same data directory) when it is still running.
# Environment: NATO_GRAPH_PG_DIR (data directory, default /tmp/nato-graph-pg),
# NATO_GRAPH_PG_PORT (first port to try, default 5433).
set -euo pipefail

DIR="${NATO_GRAPH_PG_DIR:-/tmp/nato-graph-pg}"
PORT="${NATO_GRAPH_PG_PORT:-5433}"
DB=nato_graph_test
ROLE=nato_graph
PASS=nato_graph
log() { echo "start-postgres: $*" >&2; }

find_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do
    if [ -x "$b/initdb" ]; then echo "$b"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  log "PostgreSQL server not found; installing Debian's postgresql"
  SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
fi

# Run server commands as the unprivileged 'postgres' user when we are root (initdb refuses root).
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DIR/data/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true; fi
  rm -rf "$DIR"
  log "stopped and removed $DIR"
  exit 0
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$DIR/port" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  PORT="$(cat "$DIR/port")"
  log "reusing the running cluster in $DIR on port $PORT"
else
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
  while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
  printf '%s\n' "$PASS" > "$DIR/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pwfile"
  as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c max_connections=60" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "$PORT" > "$DIR/port"
  as_pg "$BIN/psql" -q -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS'" -c "CREATE DATABASE $DB OWNER $ROLE" >&2
  log "started PostgreSQL in $DIR on 127.0.0.1:$PORT"
fi

echo "export NATO_GRAPH_TEST_POSTGRES='postgres://$ROLE:$PASS@127.0.0.1:$PORT/$DB?sslmode=disable'"
