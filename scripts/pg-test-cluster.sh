#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, on a free local port.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints: export TEST_DATABASE_URL=postgres://…
#   scripts/pg-test-cluster.sh status
#   scripts/pg-test-cluster.sh stop              # stops it and deletes its files
#
# Listens on 127.0.0.1 and a unix socket in its own directory only, trust auth, fsync off (the
# data is disposable). Uses initdb/pg_ctl from PG_BIN, else /usr/lib/postgresql/15/bin, else PATH.
# initdb refuses to run as root: as root the cluster belongs to the `postgres` user.
# The cluster lives in PG_TEST_CLUSTER_DIR (default ${TMPDIR:-/tmp}/naervaer-pg-test-$(id -u)).
# Only the export line goes to stdout; everything else goes to stderr.
set -euo pipefail

DIR="${PG_TEST_CLUSTER_DIR:-${TMPDIR:-/tmp}/naervaer-pg-test-$(id -u)}"
DATA="$DIR/data"
LOG="$DIR/server.log"
PORT_FILE="$DIR/port"

log() { echo "pg-test-cluster: $*" >&2; }

# Deletes the cluster directory, but only if it is one of ours (or empty).
remove_dir() {
  [[ -e "$DIR" ]] || return 0
  if [[ -f "$PORT_FILE" || -f "$DATA/PG_VERSION" || -z "$(ls -A "$DIR")" ]]; then
    rm -rf "$DIR"
  else
    log "$DIR exists and is not a test cluster directory; not touching it"
    exit 1
  fi
}

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
  elif [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo /usr/lib/postgresql/15/bin
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
      echo "$candidate"
    else
      log "initdb not found: install PostgreSQL (apt-get install -y postgresql) or set PG_BIN"
      exit 1
    fi
  fi
}

BIN="$(find_bin)"

# Runs a PostgreSQL tool as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

running() {
  [[ -f "$DATA/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

print_url() {
  echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$(cat "$PORT_FILE")/postgres"
}

start() {
  if running; then
    log "already running in $DIR"
    print_url
    return
  fi
  remove_dir
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$DIR"
  fi
  local locale=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
    locale=(--locale=C.UTF-8)
  fi
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 "${locale[@]}" >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2
    exit 1
  }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    echo "$port" >"$PORT_FILE"
    if as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o \
      "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
       -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
      start >/dev/null 2>&1; then
      log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (dir $DIR)"
      print_url
      return
    fi
    log "start on port $port failed (attempt $attempt), retrying"
    tail -n 5 "$LOG" >&2 || true
  done
  log "could not start PostgreSQL; see $LOG"
  exit 1
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
  remove_dir
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if running; then
      log "running in $DIR"
      print_url
    else
      log "not running"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
