#!/usr/bin/env bash
# make test-cluster (issue 13): the cluster profile end to end on this machine, with real engines.
#   1. a throwaway Postgres (as the `postgres` user: it refuses root) and moto's S3 server, both on
#      free 127.0.0.1 ports, in a temporary folder;
#   2. a default replay refresh (SQLite, one process) as the reference;
#   3. the same refresh through the cluster profile: runs and events on Postgres, the multiprocess
#      executor, snapshots in the bucket; its warehouse must have the same tables and row counts;
#   4. a second cluster refresh (one source and all downstream) while a notebook-style reader reads the published copy in a
#      loop: both must succeed, and every state the reader saw must be the one before or the one after.
# Everything it started is stopped on exit (trap), and the folder removed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
BIN=$(dirname "$PY")
WORKERS=${VIDEORACE_WORKERS:-4}
WORK=$(mktemp -d /tmp/videorace-cluster.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PGDATA="$WORK/pg"

log() { printf '[test-cluster %5ss] %s\n' "$SECONDS" "$*"; }

pg_bin() {  # the Debian package's binaries: on PATH (e.g. /usr/local/bin) or under /usr/lib/postgresql
  command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1
}
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$PGDATA/postmaster.pid" ]; then
    runuser -u postgres -- "$(pg_bin pg_ctl)" -D "$PGDATA" stop -m fast -w >/dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    for f in "$WORK"/*.log "$WORK"/pglog/*.log; do [ -f "$f" ] && { echo "--- tail of $f"; tail -n 25 "$f"; }; done
  fi
  rm -rf "$WORK"
  [ "$rc" -eq 0 ] && log "passed" || log "FAILED (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

INITDB=$(pg_bin initdb)
PG_CTL=$(pg_bin pg_ctl)
[ -x "$INITDB" ] && [ -x "$PG_CTL" ] || { echo "test-cluster: no PostgreSQL binaries (apt-get install postgresql)" >&2; exit 1; }
id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres

# 1. services
PG_PORT=$(free_port)
mkdir -p "$PGDATA" "$WORK/pgsock" "$WORK/pglog" && chown postgres "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
runuser -u postgres -- "$INITDB" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1
runuser -u postgres -- "$PG_CTL" -D "$PGDATA" -l "$WORK/pglog/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pgsock -c fsync=off" start >/dev/null
log "Postgres $("$(pg_bin postgres)" --version | grep -oE '[0-9]+\.[0-9]+' | head -1) on 127.0.0.1:$PG_PORT (data in $PGDATA, as user postgres)"

S3_PORT=$(free_port)
"$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$WORK/moto.log" 2>&1 &
PIDS+=($!)
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
export VIDEORACE_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
for _ in $(seq 1 100); do
  "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $S3_PORT), 0.2)" 2>/dev/null && break
  sleep 0.2
done
"$PY" -c "import s3fs; s3fs.S3FileSystem(endpoint_url='$VIDEORACE_S3_ENDPOINT_URL').mkdir('videorace-snapshots')"
log "moto S3 on 127.0.0.1:$S3_PORT, bucket videorace-snapshots"

export DAGSTER_DISABLE_TELEMETRY=1
run_refresh() {  # NAME PROFILE [args]: a refresh into $WORK/NAME, timed, output in $WORK/NAME.log
  local name=$1 profile=$2
  shift 2
  local started=$SECONDS
  mkdir -p "$WORK/$name"
  env VIDEORACE_PROFILE="$profile" VIDEORACE_WAREHOUSE="$WORK/$name/videorace.duckdb" \
    VIDEORACE_SITE_DIR="$WORK/$name/site" \
    nice "$BIN/videorace" refresh --quiet "$@" >"$WORK/$name.log" 2>&1 || {
    echo "test-cluster: the $name refresh failed" >&2
    tail -n 30 "$WORK/$name.log" >&2
    return 1
  }
  log "$name refresh ($profile profile): $((SECONDS - started))s; $(grep -E '^videorace: published' "$WORK/$name.log" || echo 'nothing published')"
}

# 2. the reference: the default profile, as `make run` does it (REFERENCE_WAREHOUSE: one already built)
if [ -n "${REFERENCE_WAREHOUSE:-}" ]; then
  log "reference: $REFERENCE_WAREHOUSE"
  "$PY" -m tests.cluster.warehouse_state counts "$REFERENCE_WAREHOUSE" "$WORK/default.json"
else
  mkdir -p "$WORK/default_home" && printf 'telemetry:\n  enabled: false\n' >"$WORK/default_home/dagster.yaml"
  DAGSTER_HOME="$WORK/default_home" VIDEORACE_SNAPSHOT_DIR="$WORK/default/snapshots" run_refresh default default
  "$PY" -m tests.cluster.warehouse_state counts "$WORK/default/videorace.duckdb" "$WORK/default.json"
fi

# 3. the cluster profile
export DAGSTER_HOME="$WORK/cluster_home"
mkdir -p "$DAGSTER_HOME" && cp deploy/dagster.yaml "$DAGSTER_HOME/dagster.yaml"
export DAGSTER_PG_HOST=127.0.0.1 DAGSTER_PG_PORT=$PG_PORT DAGSTER_PG_USER=postgres DAGSTER_PG_PASSWORD=throwaway DAGSTER_PG_DB=postgres
export VIDEORACE_SNAPSHOT_URL=s3://videorace-snapshots/snapshots VIDEORACE_WORKERS=$WORKERS
run_refresh cluster cluster
CLUSTER_DB="$WORK/cluster/videorace.duckdb"
READ_DB="$WORK/cluster/videorace.read.duckdb"
"$PY" -m tests.cluster.warehouse_state counts "$CLUSTER_DB" "$WORK/cluster.json"
"$PY" -m tests.cluster.warehouse_state compare "$WORK/default.json" "$WORK/cluster.json"
"$PY" -m tests.cluster.warehouse_state bucket "$CLUSTER_DB"
"$PY" -m tests.cluster.warehouse_state instance
"$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/before.json"

# 4. a reader on the published copy during a second refresh
"$PY" -m tests.cluster.warehouse_state read-loop "$READ_DB" "$WORK/reads.jsonl" "$WORK/stop-reader" \
  >"$WORK/reader.log" 2>&1 &
READER=$!
PIDS+=("$READER")
# one source and everything built from it (~20 steps, not ~130): enough to rewrite marts, outputs and
# the site and to publish again, and it keeps make test-cluster within its few minutes
run_refresh cluster cluster --select owid_patents
sleep 1  # a few reads of the newly published state
touch "$WORK/stop-reader"
wait "$READER"
"$PY" -m tests.cluster.warehouse_state counts "$READ_DB" "$WORK/after.json"
"$PY" -m tests.cluster.warehouse_state consistent "$WORK/reads.jsonl" "$WORK/before.json" "$WORK/after.json"
