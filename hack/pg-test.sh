#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests.
#
#   eval "$(hack/pg-test.sh start [--durable] [PORT])"
#       starts a fresh server on 127.0.0.1:PORT (default 55432; the next free port if busy)
#       and prints export lines for:
#         KUBELIKE_TEST_PG_DIR   the temp dir (data, logs, unix socket)
#         KUBELIKE_TEST_PG_PORT  the port it listens on
#         KUBELIKE_TEST_PG       Npgsql connection string (trust auth, user postgres)
#   hack/pg-test.sh stop "$KUBELIKE_TEST_PG_DIR"
#       stops the server and removes the dir.
#
# fsync is off (tests don't need durability); --durable keeps fsync and synchronous commit on.
# As root, initdb/pg_ctl run as the postgres user (postgres refuses to run as root);
# otherwise as the current user. PGBIN overrides the newest /usr/lib/postgresql/*/bin.
# Only the export lines go to stdout; diagnostics go to stderr.
set -euo pipefail

die() { echo "pg-test: error: $*" >&2; exit 1; }

usage() {
  echo "usage: $0 start [--durable] [PORT] | stop DIR" >&2
  exit 2
}

find_pgbin() {
  if [[ -n ${PGBIN:-} ]]; then
    [[ -x $PGBIN/initdb && -x $PGBIN/pg_ctl ]] || die "PGBIN=$PGBIN has no initdb/pg_ctl"
    echo "$PGBIN"
    return
  fi
  local d best=""
  # Newest version first (sort -V handles 9.6 < 15 < 16).
  for d in $(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r); do
    if [[ -x $d/initdb && -x $d/pg_ctl ]]; then best=$d; break; fi
  done
  [[ -n $best ]] || die "no PostgreSQL found under /usr/lib/postgresql/*/bin (run hack/install-deps.sh)"
  echo "$best"
}

# Run a PostgreSQL binary as the user that owns the data: postgres when we are root.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    # Something accepting a connection means the port is taken.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

free_port_from() {
  local port=$1 last=$(($1 + 200))
  while ((port <= last)); do
    if ! port_busy "$port"; then echo "$port"; return; fi
    port=$((port + 1))
  done
  die "no free port in $1..$last"
}

cmd_start() {
  local durable=0 port=55432
  while (($# > 0)); do
    case "$1" in
      --durable) durable=1 ;;
      [0-9]*) port=$1 ;;
      *) usage ;;
    esac
    shift
  done

  local pgbin
  pgbin=$(find_pgbin)
  if [[ $(id -u) -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || die "user postgres does not exist (run hack/install-deps.sh)"
  fi

  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kubelike-pg.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi

  local initdb_opts=(-D "$dir/data" -U postgres -A trust -E UTF8 --no-locale)
  local server_opts="-c listen_addresses=127.0.0.1 -k $dir -c max_connections=300"
  if ((durable)); then
    server_opts+=" -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  else
    initdb_opts+=(--no-sync)
    server_opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi

  if ! as_pg "$pgbin/initdb" "${initdb_opts[@]}" >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    die "initdb failed"
  fi

  # The port may be taken between the check and the bind: try a few times.
  local attempt started=0
  for attempt in 1 2 3 4 5; do
    port=$(free_port_from "$port")
    if as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "$server_opts -p $port" start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    echo "pg-test: start on port $port failed (attempt $attempt)" >&2
    port=$((port + 1))
  done
  if ((!started)); then
    cat "$dir/server.log" >&2 2>/dev/null || true
    rm -rf "$dir"
    die "could not start PostgreSQL"
  fi

  echo "pg-test: PostgreSQL $("$pgbin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port, dir $dir$( ((durable)) && echo ' (durable)')" >&2
  echo "export KUBELIKE_TEST_PG_DIR='$dir'"
  echo "export KUBELIKE_TEST_PG_PORT=$port"
  echo "export KUBELIKE_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

cmd_stop() {
  local dir=${1:-}
  [[ -n $dir ]] || usage
  [[ -d $dir ]] || return 0
  # Refuse to delete anything that does not look like one of ours.
  [[ $(basename "$dir") == kubelike-pg.* ]] || die "$dir is not a pg-test dir"
  if [[ -f $dir/data/postmaster.pid ]]; then
    local pgbin
    pgbin=$(find_pgbin)
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || echo "pg-test: could not stop the server in $dir" >&2
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *) usage ;;
esac
